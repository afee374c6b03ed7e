"""The Django project: settings, the URL configuration that gathers every app, and WSGI. It is
the top of the layering (README, "Map of the folders"); the apps never import it."""
