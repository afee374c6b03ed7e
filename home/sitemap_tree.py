"""The site map page's tree, built from one query of live public pages."""

from dataclasses import dataclass, field

from wagtail.models import Page

MAX_DEPTH_BELOW_ROOT = 3


@dataclass
class TreeNode:
    page: Page
    children: list["TreeNode"] = field(default_factory=list)


def page_tree(root: Page, max_depth: int = MAX_DEPTH_BELOW_ROOT) -> TreeNode:
    """The root and its live, public descendants down to `max_depth` levels, in tree order."""
    descendants = (
        Page.objects.live()
        .public()
        .descendant_of(root)
        .filter(depth__lte=root.depth + max_depth)
        .only("id", "title", "url_path", "path", "depth", "numchild")
        .order_by("path")
    )
    top = TreeNode(root)
    nodes_by_path = {root.path: top}
    for page in descendants:
        parent = nodes_by_path.get(page.path[: -Page.steplen])
        if parent is None:  # under a hidden (unpublished or private) ancestor
            continue
        node = TreeNode(page)
        parent.children.append(node)
        nodes_by_path[page.path] = node
    return top
