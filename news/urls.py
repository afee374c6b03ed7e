"""Feed URLs at fixed paths, so every page can link them without a query: the whole list, a
year (`rss/2021/`) or a tag (`rss/tag/ekonomia-spoleczna/`)."""

from django.urls import path

from .feeds import NewsAtomFeed, NewsRssFeed

app_name = "news"


def per_request(feed_class):
    """A view making a feed object per request: the feeds keep the request, year and tag on
    themselves, which one object shared by threads must not."""

    def view(request, **kwargs):
        return feed_class()(request, **kwargs)

    return view


rss, atom = per_request(NewsRssFeed), per_request(NewsAtomFeed)

urlpatterns = [
    path("rss/", rss, name="rss"),
    path("atom/", atom, name="atom"),
    path("rss/<int:year>/", rss, name="rss_year"),
    path("atom/<int:year>/", atom, name="atom_year"),
    path("rss/tag/<slug:tag>/", rss, name="rss_tag"),
    path("atom/tag/<slug:tag>/", atom, name="atom_tag"),
]
