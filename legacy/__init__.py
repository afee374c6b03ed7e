"""The importer of the old site's articles, above every page type it creates: parsing the old
formats, mapping them to news and visits, what was imported, and its side of the admin."""
