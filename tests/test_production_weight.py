"""Page weight budget: an article's HTML, CSS and JS under 60 KB as sent compressed."""

import gzip
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from tests.factories import gallery_block, make_image, make_news_index, make_news_page, paragraph

pytestmark = pytest.mark.django_db

BUDGET = 60 * 1024
TAG_URLS = re.compile(
    r'<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"|<script[^>]+src="([^"]+)"', re.IGNORECASE
)


def compressed(data):
    return len(gzip.compress(data, compresslevel=6))


@pytest.fixture
def article(site_tree):
    photos = [make_image(title=f"Zdjęcie {n}") for n in range(6)]
    text = "Uczestnicy wizyty studyjnej poznali działania Centrum Usług Społecznych. " * 12
    body = [
        paragraph(text),
        {
            "type": "image",
            "value": {
                "image": {"image": photos[0].pk, "alt_text": "Budynek CUS", "decorative": False},
                "caption": "Budynek CUS w Rawiczu",
            },
        },
        *[paragraph(text) for _ in range(6)],
        gallery_block(photos),
    ]
    return make_news_page(make_news_index(site_tree.home), title="Wizyta w Rawiczu", body=body)


def test_article_with_its_css_and_js_fits_60_kb_compressed(client, article):
    html = client.get(article.url).content
    assets = [url for pair in TAG_URLS.findall(html.decode()) for url in pair if url]
    assert any(url.endswith(".css") for url in assets) and any(
        url.endswith(".js") for url in assets
    )
    sizes = {"HTML": compressed(html)}
    for url in assets:
        assert url.startswith("/static/"), f"{url}: third-party resource on an article"
        path = finders.find(url.removeprefix("/static/"))
        with open(path, "rb") as asset:
            sizes[url] = compressed(asset.read())
    total = sum(sizes.values())
    assert total < BUDGET, f"{total} B compressed > {BUDGET} B: {sizes}"


def test_fonts_are_the_systems_and_nothing_blocks_rendering_from_elsewhere(client, article):
    html = client.get(article.url).content.decode()
    head = html.split("</head>", 1)[0]
    assert "fonts.googleapis" not in head and "@import" not in head
    for url in re.findall(r'<script[^>]+src="([^"]+)"[^>]*>', head):
        assert url.startswith("/"), url
    for tag in re.findall(r"<script[^>]+src=[^>]*>", head):
        assert " defer" in tag or " async" in tag or 'type="module"' in tag, tag
    css = Path(finders.find("css/kronika.css")).read_text(encoding="utf-8")
    assert "@font-face" not in css and "url(http" not in css
