"""DOCX -> DocumentText: body paragraphs and tables in document order (one page, no boxes).

A table becomes one line per row, cells separated by " | ". Headers/footers of the Word
sections are not read (they are page furniture).
"""
from __future__ import annotations

import io

from docx import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from extractor.errors import IngestError
from extractor.limits import Limits
from extractor.reading.textbuild import TextBuilder
from extractor.sniff import DOCX
from extractor.types import DocumentText


def read_docx(data: bytes, limits: Limits) -> DocumentText:
    try:
        document = Document(io.BytesIO(data))
    except Exception as exc:
        raise IngestError("unsupported_type", "the Word file is damaged and cannot be read") from exc
    lines: list[str] = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            lines.append(Paragraph(child, document).text)
        elif child.tag == qn("w:tbl"):
            lines.extend(_table_lines(Table(child, document)))
    builder = TextBuilder(with_boxes=False)
    builder.add_page(1, "\n".join(lines).strip("\n"), source="docx")
    return builder.build(media_type=DOCX, max_chars=limits.max_chars)


def _table_lines(table: Table) -> list[str]:
    lines = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = " ".join(cell.text.split())
            if not cells or cells[-1] != text:   # merged cells repeat their text
                cells.append(text)
        lines.append(" | ".join(cells))
    return lines
