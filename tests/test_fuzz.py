"""Bad input anywhere a reader can type it never makes a 500: query parameters and path segments.

A fixed corpus of the classic troublemakers (NUL, `../`, broken percent-encoding, huge and
negative numbers, long and non-BMP text) hits every parameter each public URL reads; hypothesis
then tries generated text on the free-text inputs, bounded and derandomized so the run is fast
and the same every time.
"""

import os
from urllib.parse import quote

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import content_per_module, copy_for_test
from tests.factories import build_public_site

pytestmark = pytest.mark.django_db

# Generated examples per property; raise it (e.g. 500) for a longer hunt than the default run.
EXAMPLES = int(os.environ.get("KRONIKA_FUZZ_EXAMPLES", "15"))

ARTICLE = "/aktualnosci/spoldzielnia-socjalna-w-rawiczu/"
VISIT = "/wizyty-studyjne/wizyta-studyjna-w-jarocinie/"

# Raw, already percent-encoded query values: sent exactly as they are here.
RAW_VALUES = [
    "",
    "-1",
    "0",
    "99999999999999999999999",
    "-99999999999999999999999",
    "2147483648",
    "1e309",
    "NaN",
    "abc",
    "..%2F..%2Fetc%2Fpasswd",
    "../../etc/passwd",
    "%ZZ",
    "%C3%28",
    "%00",
    "a%00b",
    "%FF%FE",
    "%F0%9F%99%82",
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "%27%20OR%201%3D1--",
    "%E2%80%AE",
    "%",
    "x" * 5000,
    quote("ł" * 2000),
    "1&page=2&page=%ZZ",
    "9999",
    "0001",
]

# The ones that have broken parsers before (or would): every parameter gets these.
CORE_VALUES = ["-1", "0", "99999999999999999999999", "%ZZ", "%C3%28", "a%00b", "x" * 2000]

# Which parameters each public URL reads.
PARAMETERS = {
    "/aktualnosci/": ["page", "tag"],
    "/aktualnosci/2021/": ["page"],
    "/aktualnosci/tag/ekonomia-spoleczna/": ["page"],
    "/wizyty-studyjne/": ["page", "rok", "wojewodztwo", "miejscowosc", "rodzaj"],
    "/szukaj/": ["q", "page", "typ", "rok", "wojewodztwo", "sort"],
    "/szukaj/podpowiedzi/": ["q"],
    "/sitemap.xml": ["p"],
}
# URLs that read no parameter: each gets the whole corpus at once, in made-up parameters too.
OTHER_URLS = [
    "/",
    ARTICLE,
    VISIT,
    VISIT + "ics/",
    "/wizyty-studyjne/kalendarz.ics",
    "/aktualnosci/rss/",
    "/aktualnosci/atom/",
    "/mapa-strony/",
]

# Raw path segments put where a year, a tag, a slug or a route is expected.
RAW_SEGMENTS = [
    "..",
    "%2E%2E",
    "..%2F..%2F",
    "%ZZ",
    "%C3%28",
    "%00",
    "a%00b",
    "-1",
    "0",
    "99999999999999999999999",
    "9999",
    "10000",
    "0000",
    quote("łódź"),
    "%F0%9F%99%82",
    "x" * 3000,
    "%3Cscript%3E",
]
PATH_TEMPLATES = [
    "/aktualnosci/{}/",
    "/aktualnosci/tag/{}/",
    "/aktualnosci/{}/tag/{}/",
    "/wizyty-studyjne/{}/",
    "/wizyty-studyjne/{}/ics/",
    VISIT + "{}/",
    "/{}/",
    "/szukaj/{}/",
    "/dokumenty/{}/{}/",
]


module_public_site = content_per_module(build_public_site)


@pytest.fixture
def site(db, module_public_site):
    return copy_for_test(module_public_site)


@pytest.fixture
def reader():
    return Client(raise_request_exception=False)


def assert_no_server_error(reader, url):
    response = reader.get(url)
    assert response.status_code < 500, f"{url[:200]} answered {response.status_code}"


def test_every_parameter_with_bad_values(reader, site):
    for path, names in PARAMETERS.items():
        for name in names:
            for value in CORE_VALUES:
                assert_no_server_error(reader, f"{path}?{name}={value}")
    # The rest of the corpus, all parameters at once, on the listings that parse the most.
    for path in ("/aktualnosci/", "/wizyty-studyjne/", "/szukaj/"):
        names = PARAMETERS[path]
        for value in sorted(set(RAW_VALUES) - set(CORE_VALUES)):
            assert_no_server_error(reader, f"{path}?" + "&".join(f"{n}={value}" for n in names))


def test_urls_without_parameters_ignore_any(reader, site):
    names = ["page", "tag", "rok", "year", "q", "sort", "typ", "x"]
    for path in OTHER_URLS:
        for value in CORE_VALUES:
            assert_no_server_error(reader, f"{path}?" + "&".join(f"{n}={value}" for n in names))


def test_every_path_segment_with_bad_values(reader, site):
    for template in PATH_TEMPLATES:
        for segment in RAW_SEGMENTS:
            assert_no_server_error(reader, template.replace("{}", segment))


def test_raw_query_strings_that_are_not_key_value_pairs(reader, site):
    for query in ["%ZZ", "&&&", "=", "==x", "q", "page", "page[]=1", "q=%", "a" * 10_000]:
        for path in ("/aktualnosci/", "/wizyty-studyjne/", "/szukaj/", "/szukaj/podpowiedzi/"):
            assert_no_server_error(reader, f"{path}?{query}")


text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)),  # lone surrogates cannot be sent
    max_size=300,
)
integers = st.integers(min_value=-(10**30), max_value=10**30).map(str)


@settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    q=text,
    page=st.one_of(integers, text),
    year=st.one_of(integers, text),
    region=text,
    town=text,
)
def test_generated_input_to_search_and_archives(reader, site, q, page, year, region, town):
    search = {"q": q, "page": page, "rok": year, "wojewodztwo": region, "typ": town}
    for path, params in [
        ("/szukaj/", search),
        ("/szukaj/podpowiedzi/", {"q": q}),
        ("/wizyty-studyjne/", {"rok": year, "wojewodztwo": region, "miejscowosc": town}),
        ("/aktualnosci/", {"page": page, "tag": town}),
    ]:
        response = reader.get(path, params)
        assert response.status_code < 500, (path, params, response.status_code)


@settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(segment=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1))
def test_generated_path_segments(reader, site, segment):
    encoded = quote(segment, safe="")
    for template in ("/aktualnosci/{}/", "/aktualnosci/tag/{}/", "/wizyty-studyjne/{}/ics/"):
        assert_no_server_error(reader, template.format(encoded))
