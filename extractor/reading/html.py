"""HTML news page -> DocumentText: the article title and body only (trafilatura).

trafilatura drops navigation, ads, comments and related-article lists. When it finds no
article (a page that is not a news article), the page's visible text is used with a warning.
"""
from __future__ import annotations

import trafilatura

from extractor.limits import Limits
from extractor.reading.textbuild import TextBuilder
from extractor.sniff import HTML
from extractor.types import DocumentText, Warning


def read_html(data: bytes, limits: Limits) -> DocumentText:
    builder = TextBuilder(with_boxes=False)
    document = trafilatura.bare_extraction(data, include_comments=False, include_tables=True,
                                           with_metadata=True, deduplicate=True)
    body = (document.text or "").strip() if document is not None else ""
    title = (document.title or "").strip() if document is not None else ""
    if not body:
        body = (trafilatura.html2txt(data) or "").strip()
        builder.warnings.append(Warning("no_article", "no article body was found; the whole "
                                        "visible text of the page was read"))
    text = f"{title}\n{body}" if title and not body.startswith(title) else body
    builder.add_page(1, text, source="html")
    return builder.build(media_type=HTML, max_chars=limits.max_chars)
