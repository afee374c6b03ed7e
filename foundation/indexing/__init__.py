"""What each page gives the search index: Polish keys of its text (polish/, documents.py) and
the StreamField search field (fields.py). The search app above reads the index; page models
below it declare these fields."""
