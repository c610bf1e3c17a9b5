"""HTML tables as passages: one per data row, each value labelled with its column header.

A table of officeholders or dated figures is where a reference says who held
what when, so each data row becomes one passage "Header: value; Header: value"
that ``verify.facts.document`` can read by column. Colspans and rowspans are spelled
out, so a value spanning two rows belongs to both; a header row is found by
<thead> or, failing that, a first row of <th> cells; a label/value row (an
infobox) reads "Label: value". Tables used for layout are not data: the
extractor walks their cells as ordinary content instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from verify.extract.boilerplate import HEADINGS, Tag, attribute_text, text_of
from verify.extract.text_furniture import match_key, normalise_space

MAX_COLSPAN = 50  # spans are untrusted: a huge one must not build a huge grid
MAX_ROWSPAN = 200


def row_texts(rows: list[Tag]) -> list[str]:
    """The passage text of each data row of a table's ``rows`` (header rows left out)."""
    grid = _grid(rows)
    in_head = [row.getparent().tag == "thead" for row in rows]
    if grid and not any(in_head) and _is_header_row(grid[0]):
        in_head[0] = True
    headers = _column_headers([row for row, head in zip(grid, in_head, strict=True) if head])
    return [_row_text(row, headers) for row, head in zip(grid, in_head, strict=True) if not head]


@dataclass(frozen=True)
class _Cell:
    text: str
    header: bool  # a <th>
    copy: bool = False  # the second and later columns of a colspan


def is_layout_table(table: Tag, rows: list[Tag]) -> bool:
    """A table used to lay out the page rather than to hold data."""
    if attribute_text(table, "role").lower() in ("presentation", "none"):
        return True
    if next(table.iterdescendants("table"), None) is not None:
        return True
    cells = [cell for row in rows for cell in cells_of(row)]
    return any(
        next(cell.iterdescendants(HEADINGS), None) is not None or len(cell.findall(".//p")) > 1
        for cell in cells
    )


def cells_of(row: Tag) -> list[Tag]:
    return [cell for cell in row if cell.tag in ("td", "th")]


def rows_of(table: Tag) -> list[Tag]:
    """The table's own rows (in <thead>, <tbody>, <tfoot> or bare), not a nested table's."""
    return [tr for tr in table.iter("tr") if next(tr.iterancestors("table"), None) is table]


def _grid(rows: list[Tag]) -> list[list[_Cell]]:
    """Rows of cells with colspans and rowspans spelled out, so a value that
    spans two rows belongs to both."""
    grid: list[list[_Cell]] = []
    carried: dict[int, tuple[_Cell, int]] = {}  # column -> (cell, rows still to fill)
    for tr in rows:
        row: list[_Cell] = []
        cells = iter(cells_of(tr))
        while True:
            if len(row) in carried:
                cell, left = carried.pop(len(row))
                if left > 1:
                    carried[len(row)] = (cell, left - 1)
                row.append(cell)
                continue
            tag = next(cells, None)
            if tag is None:
                break
            text, rowspan = normalise_space(text_of(tag)), _span(tag, "rowspan", MAX_ROWSPAN)
            for index in range(_span(tag, "colspan", MAX_COLSPAN)):
                cell = _Cell(text, tag.tag == "th", copy=index > 0)
                if rowspan > 1:
                    carried[len(row)] = (cell, rowspan - 1)
                row.append(cell)
        grid.append(row)
    return grid


def _span(tag: Tag, name: str, limit: int) -> int:
    try:
        return min(max(int(attribute_text(tag, name).strip() or 1), 1), limit)
    except ValueError:
        return 1


def _is_header_row(cells: list[_Cell]) -> bool:
    return sum(not cell.copy for cell in cells) >= 2 and all(cell.header for cell in cells)


def _column_headers(rows: list[list[_Cell]]) -> list[str]:
    """Per column, the lowest header text (a two-row header names the detail)."""
    headers = [""] * max(map(len, rows), default=0)
    for row in rows:
        for index, cell in enumerate(row):
            headers[index] = cell.text or headers[index]
    return headers


def _row_text(cells: list[_Cell], headers: list[str]) -> str:
    """ "Office: President of Lithuania; Holder: Dalia Grybauskaitė; ...", or for
    a label/value row (an infobox) "Label: value". Empty cells are left out."""
    if not headers and len(cells) >= 2 and cells[0].header:
        values = [cell.text for cell in cells[1:] if cell.text and not cell.copy]
        return f"{cells[0].text}: {'; '.join(values)}" if values else cells[0].text
    parts = []
    for index, cell in enumerate(cells):
        if cell.text and not cell.copy:
            header = headers[index] if index < len(headers) else ""
            labelled = header and match_key(header) != match_key(cell.text)
            parts.append(f"{header}: {cell.text}" if labelled else cell.text)
    return "; ".join(parts)
