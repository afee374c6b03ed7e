"""Rich text and embeds: Word's mess and scripts are cleaned, embeds come from an allow-list."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter
from wagtail.embeds.finders import oembed

from foundation.blocks import RICH_TEXT_FEATURES, EmbedBlock, ParagraphBlock
from foundation.security import clean_rich_text

WORD_PASTE = (
    '<p class="MsoNormal" style="margin-bottom:0cm;line-height:normal" onclick="alert(1)">'
    '<span style="font-family:&quot;Calibri&quot;,sans-serif;mso-fareast-language:PL">'
    "Wizyta w <b>Centrum Usług Społecznych</b> w Rawiczu<o:p></o:p></span></p>"
    "<script>document.cookie</script><style>p.MsoNormal{margin:0}</style>"
    '<p class="MsoListParagraph"><a href="https://cus.rawicz.pl/" onmouseover="x()">CUS</a> '
    '<a href="javascript:alert(document.domain)">kliknij</a></p>'
)
# Markup that must not survive. (The server-side conversion keeps a <style>'s or <script>'s text
# as inert, escaped text; Draftail's paste filter drops it in the browser before that.)
FORBIDDEN = [
    "style=",
    "class=",
    "<o:p",
    "<span",
    "<script",
    "<style",
    "onclick",
    "onmouseover",
    "javascript:",
    "mso-",
]


@pytest.mark.parametrize("converter", [ContentstateConverter, EditorHTMLConverter])
def test_word_paste_is_cleaned_by_the_editor_conversion(converter):
    stored = converter(RICH_TEXT_FEATURES).to_database_format(
        ContentstateConverter(RICH_TEXT_FEATURES).from_database_format(WORD_PASTE)
        if converter is ContentstateConverter
        else WORD_PASTE
    )
    for needle in FORBIDDEN:
        assert needle not in stored, (needle, stored)
    assert "Wizyta w <b>Centrum Usług Społecznych</b> w Rawiczu" in stored
    assert '<a href="https://cus.rawicz.pl/">CUS</a>' in stored


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "&#106;avascript:alert(1)",
        "javascript&colon;alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
    ],
)
def test_unsafe_links_lose_their_href_in_block_clean_and_rendering(href):
    block = ParagraphBlock()
    source = f'<p>Zobacz <a href="{href}">tutaj</a> i <a href="/o-nas/">o nas</a>.</p>'
    cleaned = block.clean(block.to_python(source))
    rendered = block.render(block.to_python(source))
    for html in (cleaned.source, str(rendered)):
        assert "script" not in html.lower().replace("&#106;", "j")
        assert "tutaj" in html and 'href="/o-nas/"' in html


@pytest.mark.parametrize(
    "href",
    [
        "https://example.org/",
        "http://a.pl",
        "mailto:biuro@example.org",
        "tel:+48600100200",
        "/o-nas/",
        "#stop-1",
        "strona?x=a:b",
        "?page=2",
    ],
)
def test_safe_links_are_kept(href):
    source = f'<p><a href="{href}">x</a></p>'
    assert clean_rich_text(source) == source


def test_wagtails_stored_format_is_kept_as_it_is():
    source = (
        '<p data-block-key="a1b2c"><a linktype="page" id="3">strona</a> '
        '<a linktype="document" id="4">plik</a> i <b>pogrubienie</b>&nbsp;&amp; „cudzysłów”</p>'
        '<ul><li data-block-key="d3e4f"><i>punkt</i></li></ul>'
        '<embed embedtype="image" id="5" alt="opis" format="fullwidth"/>'
    )
    assert clean_rich_text(source) == source


def test_scripts_and_event_handlers_stored_by_other_routes_are_not_rendered():
    block = ParagraphBlock()
    source = '<p onclick="steal()">Relacja<script>steal()</script> <img src=x onerror=steal()></p>'
    rendered = str(block.render(block.to_python(source)))
    assert "steal" not in rendered
    assert "Relacja" in rendered


@pytest.fixture
def no_network(monkeypatch):
    """oEmbed answers from a fixture; a request anywhere else fails the test."""
    asked = []

    class FakeResponse:
        def __init__(self, url):
            self.url = url

        def raise_for_status(self):
            pass

        def json(self):
            return {
                "type": "video",
                "title": "Film z wizyty",
                "html": '<iframe src="https://www.youtube-nocookie.com/embed/abc" title="x"></iframe>',
                "width": 560,
                "height": 315,
            }

    def fake_get(endpoint, params=None, **kwargs):
        asked.append((endpoint, params["url"]))
        assert "youtube.com" in endpoint or "vimeo.com" in endpoint, endpoint
        return FakeResponse(endpoint)

    monkeypatch.setattr(oembed.requests, "get", fake_get)
    return asked


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "https://evil.example.com/video/1",
        "https://www.tiktok.com/@x/video/1",
        "https://twitter.com/x/status/1",
        "javascript:alert(1)",
    ],
)
def test_embed_from_a_provider_not_on_the_list_is_refused_in_polish(no_network, url):
    block = EmbedBlock()
    with pytest.raises(ValidationError) as refused:
        block.clean(block.to_python({"embed": url, "title": "Film"}))
    assert "Nie można znaleźć osadzenia" in str(refused.value.block_errors["embed"])
    assert no_network == []


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["https://www.youtube.com/watch?v=abc", "https://vimeo.com/123456"])
def test_embed_from_youtube_or_vimeo_is_accepted(no_network, url):
    block = EmbedBlock()
    value = block.clean(block.to_python({"embed": url, "title": "Film"}))
    assert "<iframe" in value["embed"].html
    assert no_network and no_network[0][1] == url
