"""Layout checks run in the browser (page.evaluate) by several browser tests."""

# For every card grid: group the cards by the row they sit in and give the spread of their
# titles' tops (0 when the titles of a row line up).
RAGGED_ROWS = """() => [...document.querySelectorAll('.card-list')].flatMap(list => {
    const rows = {};
    for (const item of list.children) {
        const top = Math.round(item.getBoundingClientRect().top);
        const title = item.querySelector('.card__title').getBoundingClientRect().top;
        (rows[top] = rows[top] || []).push(title);
    }
    return Object.values(rows).filter(titles => titles.length > 1)
        .map(titles => Math.max(...titles) - Math.min(...titles))
        .filter(spread => spread > 1);
})"""

WIDEST_ROW = """() => Math.max(...[...document.querySelectorAll('.card-list > li')].map(item =>
    [...item.parentNode.children].filter(other =>
        Math.round(other.getBoundingClientRect().top) === Math.round(item.getBoundingClientRect().top)
    ).length))"""
