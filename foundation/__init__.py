"""The foundation every app stands on, importing none of them: `BasePage` and the organisation
settings (models.py), the StreamField blocks, images and renditions, slugs, the page form,
previews and Polish dates; what each page gives the search index (indexing/); caching (caching/);
security, lock-out, the database-down and full-disk answers (resilience.py), password reset,
pagination; and the demo's drawing and page helpers (demo/)."""
