"""The archive's feeds and data, next to its page (`/wizyty-studyjne/…`)."""

from django.urls import path

from . import views

app_name = "visits"

urlpatterns = [
    path("kalendarz.ics", views.calendar_feed, name="calendar"),
    path("rss.xml", views.rss_feed, name="rss"),
    path("atom.xml", views.atom_feed, name="atom"),
    path("dane.csv", views.data_csv, name="csv"),
    path("dane.json", views.data_json, name="json"),
    path("dane.rdf", views.dataset_description, name="dcat"),
]
