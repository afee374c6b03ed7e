"""Aktualności: `ListedPage`, the one table every entry of the news list shares (visit reports
subclass it), articles, the news index with its archives, and feeds. Stands on the foundation."""
