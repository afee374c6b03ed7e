"""Search that understands Polish, above every page type: the search backend, query building,
matching on the index, ranking, synonyms, snippets and the /szukaj/ view. What each page gives
the index is foundation/indexing's."""
