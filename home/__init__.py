"""The site shell, above news and visits: the home page that gathers them, information pages,
the accessibility statement, the site map, the menu and the editors' dashboard."""
