"""schema.org data of articles, built as dicts and serialised safely for a <script> element."""

import json

from django.core.serializers.json import DjangoJSONEncoder

# The same escapes as Django's json_script: the text can never close the <script> element.
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def organisation_data(organisation, site_url):
    return {"@type": "Organization", "name": organisation.name or "Kronika", "url": site_url}


def news_article(page, request, organisation, image_url=None):
    """A NewsArticle for `page` (an entry with title, lead and publication_date)."""
    url = page.get_full_url(request)
    site_url = request.build_absolute_uri("/")
    publisher = organisation_data(organisation, site_url)
    modified = page.last_published_at or page.latest_revision_created_at
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "description": page.meta_description(),
        "inLanguage": "pl-PL",
        "datePublished": page.publication_date.isoformat(),
        "dateModified": modified.isoformat() if modified else page.publication_date.isoformat(),
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "author": publisher,
        "publisher": publisher,
    }
    if image_url:
        data["image"] = [image_url]
    return data


def json_ld(data):
    """JSON text safe to place inside <script type="application/ld+json">."""
    return json.dumps(data, ensure_ascii=False, cls=DjangoJSONEncoder).translate(SCRIPT_ESCAPES)
