"""Two layouts of activity reports read apart from their prose.

- A form's responses exported as text: numbered questions ("[5] Kegiatan yang sudah selesai ...",
  "Q3. What was done?") each followed by its answer ("Jawaban: ...", "Answer: ..."). The question is
  the form's prompt, never a statement of the report; the answer is, and the question says how far
  the work it names got ("... yang baru sebagian berjalan": partly done).
- Numbered paragraphs opening with a run-in heading ("3. Findings on completed work. The module was
  ..."), as aide-memoires and mission reports write them: the heading names the paragraph's topic.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from extractor.types import Commitment

# "[5] Question" (or "5. Question", "Q5: Question") on its line, the answer label on the next non-blank line
_QUESTION = re.compile(r"^[ \t]*(?:\[\d{1,2}\]|Q\d{1,2}[.:)]?|\d{1,2}[.)])[ \t]+(?P<q>[^\n]*\S)[ \t]*\n(?:[ \t]*\n)?"
                       r"[ \t]*(?P<label>(?i:jawaban|jawab|answer|response|respons))[ \t]*:[ \t]*", re.MULTILINE)


@dataclass(frozen=True)
class Prompt:
    start: int          # the question line
    end: int            # end of the question text
    question: str
    answer_start: int   # first character after the answer label
    answer_end: int     # up to the next question (or the end of the text)


def form_prompts(text: str) -> list[Prompt]:
    """The questions of a form export with their answers; two questions at least (one "1. X\nAnswer:"
    is no form)."""
    found = list(_QUESTION.finditer(text))
    if len(found) < 2:
        return []
    out = []
    for k, m in enumerate(found):
        nxt = found[k + 1].start() if k + 1 < len(found) else len(text)
        out.append(Prompt(m.start(), m.end("q"), m["q"], m.end(), nxt))
    return out


def prompt_at(prompts: Sequence[Prompt], at: int) -> Prompt | None:
    """The prompt whose question (or answer label) holds offset `at`."""
    return next((p for p in prompts if p.start <= at < p.answer_start), None)


def answer_of(prompts: Sequence[Prompt], at: int) -> Prompt | None:
    """The prompt whose answer holds offset `at`."""
    return next((p for p in prompts if p.answer_start <= at < p.answer_end), None)


def without_form_prompts(text: str, commitments: Sequence[Commitment]) -> list[Commitment]:
    """A commitment read from a question and its answer run together ("[9] Rencana triwulan berikutnya
    Jawaban: X akan ...") keeps only the answer; one read from a question alone is dropped."""
    prompts = form_prompts(text)
    if not prompts:
        return list(commitments)
    out = []
    for c in commitments:
        ev = c.evidence[0] if c.evidence else None
        p = prompt_at(prompts, ev.start) if ev else None
        if p is None:
            out.append(c)
            continue
        if ev.end <= p.answer_start:
            continue
        body = " ".join(text[p.answer_start:ev.end].split()).rstrip(" .;")
        out.append(replace(c, text=body, action=body,
                           evidence=(replace(ev, start=p.answer_start, text=text[p.answer_start:ev.end]),)
                           + tuple(c.evidence[1:])))
    return out


# "3. Findings on completed work. The module ...": a numbered paragraph's short run-in heading (six words at
# most, opening in a capital, closed by a full stop) and the sentence after it
_RUN_IN = re.compile(r"^[ \t]*\d{1,2}\.[ \t]+(?P<head>[A-Z][^.:;\n]{1,60}?)\.[ \t]+(?=[A-Z\"“])", re.MULTILINE)


def run_in_headings(text: str) -> list[tuple[int, int, int]]:
    """(heading start, heading end, paragraph end) of the run-in headings of a report written in numbered
    paragraphs, three such headings at least (a single short first sentence is no heading)."""
    found = [m for m in _RUN_IN.finditer(text) if len(m["head"].split()) <= 6]
    if len(found) < 3:
        return []
    out = []
    for m in found:
        # the paragraph ends at a blank line or where the next numbered paragraph opens (a PDF's text layer
        # has no blank lines)
        blank = text.find("\n\n", m.end())
        nxt = _NUMBERED_PARAGRAPH.search(text, m.end())
        ends = [x for x in (blank, nxt.start() if nxt else -1) if x >= 0]
        out.append((m.start("head"), m.end("head"), min(ends, default=len(text))))
    return out


_NUMBERED_PARAGRAPH = re.compile(r"^[ \t]*\d{1,2}\.[ \t]+(?=[A-Z\"“])", re.MULTILINE)


def heading_spans(text: str, heading: re.Pattern[str]) -> list[tuple[int, int]]:
    """The paragraphs whose run-in heading matches `heading` ("1. Background. ...")."""
    return [(s, p) for s, e, p in run_in_headings(text) if heading.match(text[s:e])]


def is_run_in_heading(text: str, start: int, sentence: str) -> bool:
    """The sentence at `start` is a paragraph's run-in heading ("Findings on completed work")."""
    return any(s <= start < e and sentence.strip() == text[s:e].strip() for s, e, _ in run_in_headings(text))
