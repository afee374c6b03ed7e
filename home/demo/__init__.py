"""The demo content of `make run`: the site shell here, each app's pages from its own demo module,
all under the demo home page."""

from news import demo as news_demo
from visits import demo as visits_demo

from . import shell


def load():
    """Create the demo pages that are missing; returns the titles created (empty: nothing to do)."""
    home, created = shell.load()
    return created + news_demo.load(home) + visits_demo.load(home)
