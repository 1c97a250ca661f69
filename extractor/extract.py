"""DocumentText -> Extraction. The one function every caller (CLI, worker, benchmarks) uses.

Steps: blank the reader's furniture spans (repeated headers/footers) length-preservingly, split
the text into language sections (and chunks under spaCy's max_length), run the cached pipeline
of each section's language, shift component offsets back into the document, merge records found
in several chunks, and anchor every Evidence to page + bbox with `doc.evidence`.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from extractor.nlp.language import sections
from extractor.types import (
    Commitment,
    DateMention,
    DocumentText,
    Evidence,
    Extraction,
    Official,
    Party,
    Term,
    Warning,
)

MAX_CHUNK = 900_000  # below spaCy's default max_length of 1,000,000 characters
KIND_HINTS = {"report": "activity_report", "activity_report": "activity_report",
              "agreement": "agreement", "news_release": "news_release", "other": "other"}


def blank_furniture(text: str, furniture: Iterable[tuple[int, int]]) -> str:
    """Replace furniture spans by spaces (newlines kept) so offsets stay valid."""
    if not furniture:
        return text
    chars = list(text)
    for start, end in furniture:
        for i in range(max(start, 0), min(end, len(chars))):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def chunk_bounds(text: str, start: int, end: int, limit: int = MAX_CHUNK) -> list[tuple[int, int]]:
    """Split [start, end) into pieces of at most `limit` chars, at a paragraph or line break
    where possible so no sentence is cut."""
    out = []
    while end - start > limit:
        cut = text.rfind("\n\n", start + limit // 2, start + limit)
        if cut < 0:
            cut = text.rfind("\n", start + limit // 2, start + limit)
        if cut < 0:
            cut = text.rfind(" ", start + limit // 2, start + limit)
        cut = cut + 1 if cut >= 0 else start + limit
        out.append((start, cut))
        start = cut
    out.append((start, end))
    return out


def _anchor(doc: DocumentText, evidence: Iterable[Evidence], base: int) -> tuple[Evidence, ...]:
    out: list[Evidence] = []
    seen: set[tuple[int, int]] = set()
    for e in evidence:
        start, end = e.start + base, e.end + base
        if not (0 <= start < end <= len(doc.text)) or (start, end) in seen:
            continue
        seen.add((start, end))
        out.append(doc.evidence(start, end))
    return tuple(sorted(out, key=lambda e: e.start))


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", name.lower()).strip()


def _merge_parties(items: list[Party]) -> list[Party]:
    merged: dict[str, Party] = {}
    for p in items:
        k = _key(p.name)
        if k in merged:
            old = merged[k]
            aliases = tuple(dict.fromkeys(old.aliases + p.aliases))
            merged[k] = replace(old, aliases=aliases, role=old.role or p.role,
                                evidence=tuple(sorted(set(old.evidence + p.evidence), key=lambda e: e.start)),
                                confidence=max(old.confidence, p.confidence))
        else:
            merged[k] = p
    return list(merged.values())


def _merge_officials(items: list[Official]) -> list[Official]:
    merged: dict[str, Official] = {}
    for o in items:
        k = _key(o.name)
        if k in merged:
            old = merged[k]
            merged[k] = replace(old, position=old.position or o.position,
                                organization=old.organization or o.organization,
                                role=old.role or o.role,
                                honorifics=tuple(dict.fromkeys(old.honorifics + o.honorifics)),
                                evidence=tuple(sorted(set(old.evidence + o.evidence), key=lambda e: e.start)),
                                confidence=max(old.confidence, o.confidence))
        else:
            merged[k] = o
    return list(merged.values())


def extract(doc: DocumentText, *, source: str, sha256: str, kind_hint: str | None = None) -> Extraction:
    from extractor.nlp.pipeline import get_pipeline  # spaCy import is slow: only when extracting

    text = blank_furniture(doc.text, doc.furniture)
    warnings: list[Warning] = list(doc.warnings)
    doc_lang, secs = sections(text)
    if doc_lang == "other":
        warnings.append(Warning("unsupported_language",
                                "document is neither Indonesian nor English; extracted as Indonesian"))
    if len({s.lang for s in secs}) > 1:
        langs = ", ".join(f"{s.lang} [{s.start}:{s.end}]" for s in secs)
        warnings.append(Warning("mixed_language", f"sections processed per language: {langs}"))

    fields: dict[str, object] = {"kind": None, "number": None, "title": None, "location": None}
    term: Term | None = None
    parties: list[Party] = []
    officials: list[Official] = []
    dates: list[DateMention] = []
    commitments: list[Commitment] = []
    for sec in secs:
        nlp = get_pipeline(sec.lang)
        for start, end in chunk_bounds(text, sec.start, sec.end):
            if not text[start:end].strip():
                continue
            sdoc = nlp(text[start:end])
            for name in fields:
                value = getattr(sdoc._, f"janji_{name}")
                if fields[name] is None and value:
                    fields[name] = value
            term = term or sdoc._.janji_term
            parties += [replace(p, evidence=_anchor(doc, p.evidence, start)) for p in sdoc._.janji_parties or []]
            officials += [replace(o, evidence=_anchor(doc, o.evidence, start)) for o in sdoc._.janji_officials or []]
            dates += [replace(d, evidence=_anchor(doc, d.evidence, start)) for d in sdoc._.janji_dates or []]
            commitments += [replace(c, evidence=_anchor(doc, c.evidence, start))
                            for c in sdoc._.janji_commitments or []]

    kind = KIND_HINTS.get(kind_hint or "", None) or fields["kind"] or "other"
    activities: tuple = ()
    if kind == "activity_report":  # statements saying something was done (matched to commitments)
        from extractor.activities import extract_activities
        from extractor.report_commitments import (
            activity_commitments,
            partial_commitments,
            plan_table_commitments,
            planned_commitments,
            with_table_rows,
            without_summaries,
        )

        from extractor.report_tables import delimited_as_pipes

        evidence = replace(doc, text=text).evidence
        # a spreadsheet exported with ";" or tabs is read as the pipe table it is (offsets unchanged)
        tabled = delimited_as_pipes(text)
        activities = extract_activities(replace(doc, text=tabled), dates=dates, parties=_merge_parties(parties))
        if tabled != text:   # evidence quotes the document, not the pipes
            activities = tuple(replace(a, evidence=tuple(evidence(e.start, e.end) for e in a.evidence))
                               for a in activities)
        # the scoring convention lists a report's done activities (and the plans it announces) among
        # its commitments; they are never tracked as obligations (matching skips activity reports)
        commitments = with_table_rows(tabled, evidence, without_summaries(tabled, commitments))
        commitments += activity_commitments(tabled, activities, commitments)
        commitments += planned_commitments(tabled, evidence, commitments)
        commitments += plan_table_commitments(tabled, evidence, commitments)
        commitments += partial_commitments(tabled, evidence, commitments)
        commitments.sort(key=lambda c: c.evidence[0].start if c.evidence else 0)
    return Extraction(
        source=source, sha256=sha256, kind=str(kind),
        language=doc_lang if doc_lang in ("id", "en") else "id",
        title=fields["title"], number=fields["number"], location=fields["location"],  # type: ignore[arg-type]
        pages=len(doc.pages), term=term,
        parties=tuple(_merge_parties(parties)), officials=tuple(_merge_officials(officials)),
        dates=tuple(dates), commitments=tuple(commitments), activities=activities,
        warnings=tuple(warnings),
    )
