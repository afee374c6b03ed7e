"""Shared fixtures: a small site tree built in code, and the browser set-up."""

import copy
import os
import shutil

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def site_tree(db):
    """Home page as the default site's root, with the shell's pages and settings."""
    from tests.factories import build_site_tree

    return build_site_tree()


@pytest.fixture
def editor_client(client, site_tree):
    """The test client logged in as a member of "Redaktorzy"."""
    from tests.factories import make_user

    client.force_login(make_user("redaktorka", groups=["Redaktorzy"]))
    return client


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not CHROMIUM:
        reason = "Debian's chromium is not installed (apt-get install chromium); CI installs it"
        if os.environ.get("KRONIKA_REQUIRE_BROWSER"):
            pytest.fail(reason)
        pytest.skip(reason)
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_FLAGS}


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def assert_no_axe_violations(page):
    """Run axe with the WCAG 2.1 A/AA rules and fail with a readable list of violations."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    violations = results.response["violations"]
    details = "\n".join(
        f"{v['id']}: {v['help']} — {[n['target'] for n in v['nodes']][:5]}" for v in violations
    )
    assert not violations, f"axe found {len(violations)} violation(s) on {page.url}:\n{details}"


MODULE_CONTENT_PREFIX = "module_"


def content_per_module(build):
    """A module-scoped fixture (name it `module_…`) of what `build()` puts in the database.

    Pages cost a tenth of a second each to build and publish; a module whose tests all read the
    same site builds it once. It is built in a transaction rolled back after the module's last
    test, and each test's own transaction is a savepoint inside it, so what a test changes is
    undone for the next one. Hand it to tests through `copy_for_test`, never directly. The tests
    of a module that do not ask for it run before those that do (`pytest_collection_modifyitems`
    below), so none of them sees it.
    """

    def fixture(django_db_setup, django_db_blocker):
        from django.db import transaction

        with django_db_blocker.unblock():
            outer = transaction.atomic()
            outer._from_testcase = True  # a durable block inside acts as in any test
            outer.__enter__()
            try:
                content = build()
            except BaseException:
                transaction.set_rollback(True)
                outer.__exit__(None, None, None)
                raise
        yield content
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)

    fixture.__doc__ = build.__doc__
    return pytest.fixture(scope="module")(fixture)


def copy_for_test(content):
    """A test's own copy of a module's content: objects it changes in memory are its own."""
    return copy.deepcopy(content)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Within each run of one module's tests, those using content built for the module go last.

    The content stays in the database from its first user to the module's end: a test that did
    not ask for it must not find it there. The order is otherwise kept (pytest-django's included).
    """

    def uses_module_content(item):
        return any(
            name.startswith(MODULE_CONTENT_PREFIX) for name in getattr(item, "fixturenames", ())
        )

    ordered, run = [], []
    for item in items:
        if run and item.module is not run[0].module:
            ordered += sorted(run, key=uses_module_content)
            run = []
        run.append(item)
    items[:] = ordered + sorted(run, key=uses_module_content)


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "faults: restarts PostgreSQL or Redis under a running gunicorn, or backs up and restores "
        "a database (PostgreSQL, root); skipped elsewhere unless KRONIKA_REQUIRE_FAULTS is set",
    )


TEST_DATABASE_READY = []


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    """The test databases, created once; remembered so that `vacuumed_database` knows."""
    TEST_DATABASE_READY.append(True)
    yield


@pytest.fixture(scope="module", autouse=True)
def vacuumed_database():
    """VACUUM the PostgreSQL test database after each module, outside any test's transaction.

    Every test's rolled-back rows stay in the tables as dead tuples until a VACUUM, and CI's
    PostgreSQL runs without autovacuum: the search index, pages and revisions grew through the
    run, and every later write (the index's title norms read the whole table) slowed down.
    """
    yield
    from django.db import connection

    if not TEST_DATABASE_READY or connection.vendor != "postgresql":
        return
    import psycopg

    db = connection.settings_dict
    conninfo = psycopg.conninfo.make_conninfo(
        host=db["HOST"] or "127.0.0.1",
        port=db["PORT"] or 5432,
        user=db["USER"],
        password=db["PASSWORD"] or None,
        dbname=db["NAME"],
    )
    with psycopg.connect(conninfo, autocommit=True) as vacuum:
        vacuum.execute("VACUUM")


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with an empty cache: fragments of one test never show in another.

    SQLite reuses primary keys after a rolled-back test, so a page of this test could otherwise
    match a fragment key left by the last one.
    """
    from django.core.cache import cache

    from foundation.caching.version import forget_read_version

    cache.clear()
    forget_read_version()
    yield
