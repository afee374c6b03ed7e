"""Feed URLs at fixed paths, so every page can link them without a query."""

from django.urls import path

from .feeds import NewsAtomFeed, NewsRssFeed

app_name = "news"

urlpatterns = [
    path("rss/", NewsRssFeed(), name="rss"),
    path("atom/", NewsAtomFeed(), name="atom"),
]
