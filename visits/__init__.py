"""Study visits: the visit page (a `news.ListedPage`) with its stops, the archive and its
filters, feeds, iCalendar and open data. Stands on news and the foundation."""
