"""Demo content of the site shell: home page, information pages, statement, site map, settings."""

import datetime

from wagtail.models import Page, Site

from foundation.demo.images import demo_image
from foundation.demo.pages import ensure_child, figure, paragraphs
from foundation.models import OrganisationSettings
from home.models import AccessibilityStatementPage, HomePage, SitemapPage, StandardPage

ORGANISATION = "Regionalny Ośrodek Polityki Społecznej w Przykładowie"

STANDARD_PAGES = [
    (
        "O nas",
        "o-nas",
        "Wspieramy samorządy i organizacje w rozwijaniu usług społecznych w regionie.",
        [
            "Jesteśmy regionalną jednostką samorządu województwa. Od ponad dwudziestu lat pomagamy "
            "gminom, powiatom i organizacjom pozarządowym planować i prowadzić usługi społeczne.",
            "Organizujemy wizyty studyjne do centrów usług społecznych, spółdzielni socjalnych "
            "i innych podmiotów ekonomii społecznej, szkolenia dla kadr pomocy społecznej oraz "
            "badania potrzeb mieszkańców.",
            "Nasze raporty i relacje z wizyt publikujemy w dziale Aktualności.",
        ],
        True,
    ),
    (
        "Kontakt",
        "kontakt",
        "Jak się z nami skontaktować i gdzie nas znaleźć.",
        [
            "Sekretariat jest czynny od poniedziałku do piątku w godzinach 7:30–15:30.",
            "Wejście do budynku znajduje się od strony parkingu i nie ma w nim schodów. "
            "Do sekretariatu na pierwszym piętrze prowadzi winda.",
            "Osoby głuche mogą skontaktować się z nami przez e-mail lub SMS.",
        ],
        True,
    ),
    (
        "Polityka prywatności",
        "polityka-prywatnosci",
        "Jakie dane zbieramy podczas korzystania ze strony i w jakim celu.",
        [
            "Strona nie używa plików cookie do śledzenia ani reklam. Zapamiętujemy tylko "
            "ustawienia kontrastu i wielkości tekstu, w pamięci Twojej przeglądarki.",
            "Administratorem danych przekazanych nam e-mailem jest Regionalny Ośrodek Polityki "
            "Społecznej. Dane przetwarzamy wyłącznie w celu udzielenia odpowiedzi.",
        ],
        False,
    ),
    (
        "Informacje w tekście łatwym do czytania",
        "tekst-latwy-do-czytania",
        "Informacje o nas w tekście łatwym do czytania i rozumienia (ETR).",
        [
            "Jesteśmy urzędem. Pomagamy ludziom, którzy potrzebują wsparcia.",
            "Pomagamy gminom. Uczymy pracowników pomocy społecznej.",
            "Możesz do nas zadzwonić albo napisać e-mail. Możesz też przyjść do nas.",
        ],
        False,
    ),
    (
        "Informacje w Polskim Języku Migowym",
        "polski-jezyk-migowy",
        "Informacje o Ośrodku w Polskim Języku Migowym (PJM).",
        [
            "Na tej stronie publikujemy nagrania w Polskim Języku Migowym z informacjami "
            "o tym, czym się zajmujemy i jak się z nami skontaktować.",
            "Jeśli potrzebujesz tłumacza PJM podczas wizyty w Ośrodku, zgłoś to e-mailem "
            "co najmniej trzy dni robocze wcześniej.",
        ],
        False,
    ),
]


def ensure_home_page(report):
    """The HomePage as the default site's root, replacing Wagtail's placeholder page."""
    site = Site.objects.filter(is_default_site=True).first()
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = HomePage(
            title="Regionalny Ośrodek Polityki Społecznej",
            slug="strona-glowna",
            lead="Aktualności, relacje z wizyt studyjnych i wiedza o usługach społecznych w regionie.",
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        report.append(home.title)
    if site is None:
        site = Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    if site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.site_name = "Kronika"
        site.save()
        if not isinstance(old_root.specific, HomePage) and old_root.depth == 2:
            old_root.delete()
    return home, site


def ensure_settings(site, pages, report):
    settings = OrganisationSettings.for_site(site)
    if settings.name:
        return
    settings.name = ORGANISATION
    settings.short_name = "ROPS Przykładowo"
    settings.address = "ul. Przykładowa 12\n60-001 Przykładowo"
    settings.phone = "+48 61 123 45 67"
    settings.email = "sekretariat@rops.example.pl"
    settings.epuap = "/ROPSPrzyk/SkrytkaESP"
    settings.e_delivery = "AE:PL-12345-67890-ABCDE-12"
    settings.nip = "7771234567"
    settings.regon = "301234567"
    settings.bip_url = "https://bip.rops.example.pl/"
    settings.opening_hours = "poniedziałek–piątek: 7:30–15:30"
    settings.facebook_url = "https://www.facebook.com/rops.example"
    settings.contact_page = pages.get("kontakt")
    settings.privacy_page = pages.get("polityka-prywatnosci")
    settings.easy_read_page = pages.get("tekst-latwy-do-czytania")
    settings.sign_language_page = pages.get("polski-jezyk-migowy")
    settings.save()
    report.append("dane organizacji")


def statement_page():
    return AccessibilityStatementPage(
        title="Deklaracja dostępności",
        slug="deklaracja-dostepnosci",
        entity_name=ORGANISATION,
        site_url="https://rops.example.pl/",
        published_on=datetime.date(2024, 3, 1),
        updated_on=datetime.date(2026, 11, 1),
        status="partial",
        non_compliance=(
            "<ul><li>Część archiwalnych relacji przeniesionych ze starej strony nie ma opisów "
            "alternatywnych zdjęć — uzupełniamy je stopniowo.</li>"
            "<li>Niektóre starsze dokumenty PDF nie są dostępne cyfrowo. Na prośbę przygotujemy "
            "ich dostępną wersję.</li></ul>"
        ),
        prepared_on=datetime.date(2024, 3, 1),
        reviewed_on=datetime.date(2026, 3, 20),
        contact_person="Anna Przykładowa",
        contact_email="dostepnosc@rops.example.pl",
        contact_phone="+48 61 123 45 68",
        procedure=(
            "<p>Każdy ma prawo do wystąpienia z żądaniem zapewnienia dostępności cyfrowej strony "
            "internetowej lub jej elementu. Żądanie powinno zawierać dane osoby zgłaszającej, "
            "wskazanie strony lub elementu oraz sposób kontaktu. Realizujemy je niezwłocznie, "
            "nie później niż w ciągu 7 dni.</p><p>Jeżeli odmówimy, osoba zgłaszająca może złożyć "
            "skargę, a po jej wyczerpaniu także wniosek do Rzecznika Praw Obywatelskich.</p>"
        ),
        architecture=(
            "<p>Budynek ma wejście z poziomu chodnika, bez progów. Na parterze jest toaleta "
            "dostosowana do potrzeb osób z niepełnosprawnościami, a na piętra prowadzi winda. "
            "Przed budynkiem są dwa miejsca parkingowe dla osób z niepełnosprawnościami. Do "
            "budynku można wejść z psem asystującym.</p>"
        ),
        communication=(
            "<p>W sekretariacie działa pętla indukcyjna. Tłumacza Polskiego Języka Migowego "
            "zapewniamy po zgłoszeniu e-mailem co najmniej trzy dni robocze wcześniej. Na "
            "stronie są informacje w tekście łatwym do czytania i w PJM.</p>"
        ),
    )


def load():
    """Create the shell's demo pages; returns the home page and the titles it created."""
    created = []
    home, site = ensure_home_page(created)
    pages = {}
    photo = demo_image("Siedziba Ośrodka", "Dwupiętrowy budynek Ośrodka w słoneczny dzień", seed=1)
    for title, slug, lead, texts, in_menu in STANDARD_PAGES:
        body = paragraphs(*texts)
        if slug == "o-nas":
            body.insert(1, figure(photo, "Siedziba Ośrodka", "fot. ROPS"))
        page = StandardPage(title=title, slug=slug, lead=lead, body=body, show_in_menus=in_menu)
        pages[slug] = ensure_child(home, page, created)
    ensure_child(home, statement_page(), created)
    ensure_child(
        home,
        SitemapPage(
            title="Mapa strony",
            slug="mapa-strony",
            lead="Wszystkie strony serwisu w jednym miejscu.",
        ),
        created,
    )
    ensure_settings(site, pages, created)
    return home, created
