"""Lines and columns of a laid-out page (columns are separated by two or more spaces, or by a bar
in bilingual documents set side by side)."""
from __future__ import annotations

import re

FOOTER_LINE = re.compile(r"^\s*(?:Halaman|Hal\.|Page)\s+\d+\s*(?:dari|of|/)\s*\d+\s*$", re.IGNORECASE)
STAMP_LINE = re.compile(r"^\s*(?:materai|meterai|cap\s+(?:dan|&)|stempel|seal\b|l\.s\.|\[?\s*stamp)", re.IGNORECASE)
PLACEHOLDER = re.compile(r"[\s_.()\-]*(?:ttd|signed|tanda\s+tangan|signature)?[\s_.():\-]*", re.IGNORECASE)


COLUMN_BAR = re.compile(r"(?:(?<=\s)|^)\|{1,2}(?=\s|$)")


class Column(tuple):
    """(start, end, text) of one column of a line; `index` counts the columns of a line whose columns
    are joined by a bar (" | " / " || " in bilingual two-column documents), else it is None."""
    index: int | None = None


def line_columns(line: str, base: int) -> list[tuple[int, int, str]]:
    """(start, end, text) of the columns of a line, columns separated by 2+ spaces or by a bar."""
    barred = bool(COLUMN_BAR.search(line))
    if barred:  # blank the bars (same length, offsets kept) so the gaps around them separate columns
        line = COLUMN_BAR.sub(lambda m: " " * len(m.group()), line)
    out = []
    for m in re.finditer(r"\S(?:.*?\S)?(?=\s{2,}|\s*$)", line):
        col = Column((base + m.start(), base + m.end(), m.group()))
        if barred:
            col.index = len(out)
        out.append(col)
    return out


def column_for(cols: list[tuple[int, int, str]], at: int | tuple[int, int, str], line_start: int,
               other_line_start: int):
    """The column of `cols` under (or over) `at`, a column of another line or its start offset: the
    column of the same rank when both lines join their columns by bars, else the nearest by indentation."""
    rank = getattr(at, "index", None)
    if rank is not None and cols and getattr(cols[0], "index", None) is not None:
        return cols[rank] if rank < len(cols) else None
    indent = (at if isinstance(at, int) else at[0]) - other_line_start
    return min(cols, key=lambda c: abs((c[0] - line_start) - indent), default=None)


def nearby_lines(text: str, pos: int, count: int, forward: bool = True) -> list[tuple[int, str]]:
    """The next `count` non-empty lines after (or before) offset pos, with their start offsets."""
    out = []
    if forward:
        p = text.find("\n", pos)
        while p >= 0 and len(out) < count:
            q = text.find("\n", p + 1)
            line = text[p + 1:q if q >= 0 else len(text)]
            if line.strip():
                out.append((p + 1, line))
            p = q
    else:
        p = text.rfind("\n", 0, pos)
        blanks = 0
        while p > 0 and len(out) < count:
            q = text.rfind("\n", 0, p)
            line = text[q + 1:p]
            if line.strip():
                out.append((q + 1, line))
                blanks = 0
            else:
                blanks += 1
                if out and blanks >= 1:
                    break
            p = q
        out.reverse()
    return out


def text_lines(text: str) -> list[tuple[int, str]]:
    """(start offset, line) of the non-empty lines that are not page footers."""
    out = []
    pos = 0
    for line in text.split("\n"):
        # lines without a letter or digit (rules, OCR'd page separators "——") are skipped too
        if re.search(r"[^\W_]", line) and not FOOTER_LINE.match(line) and not PLACEHOLDER.fullmatch(line) \
                and not STAMP_LINE.match(line):
            out.append((pos, line))
        pos += len(line) + 1
    return out
