"""People named in apposition to a plural job: "Two NICA researchers, Dr. A and Ms. B, arrived ...",
"dua peneliti BRIN, Dr. A dan Dr. B, ...". Each person takes the job in the singular ("NICA
researcher"); every name needs an honorific, so a plain list of nouns is never read as people."""
from __future__ import annotations

import re

from extractor.nlp.lexicon import fold
from extractor.nlp.officials.context import Ctx, Found
from extractor.nlp.officials.names import parse_name
from extractor.nlp.officials.org_links import party_in

LIST_JOINS = {",", "and", "dan", "serta", "&"}
COUNT_WORDS = {"two", "three", "four", "five", "six", "both", "several", "dua", "tiga", "empat", "lima", "enam",
               "kedua", "ketiga", "beberapa", "para", "the", "our", "its", "their"}


def _job_before(ctx: Ctx, comma: int) -> tuple[int, str] | None:
    """(first token, job in the singular) of "<qualifier> researchers" / "peneliti <qualifier>" ending at a comma."""
    toks = ctx.toks
    k = comma - 1
    words: list[int] = []
    while k >= 0 and len(words) < 4 and ctx.strict_line(k, k + 1) and toks[k].is_word \
            and not toks[k].text.isdigit() and fold(toks[k].text) not in ctx.lx.title_stop \
            and fold(toks[k].text) not in COUNT_WORDS:
        words.insert(0, k)
        k -= 1
    for x in words:
        low = fold(toks[x].text)
        if (low,) in ctx.lx.positions or low.endswith("s") and (low[:-1],) in ctx.lx.positions:
            qualifier = [y for y in words if y != x]
            if qualifier and not all(toks[y].upper or toks[y].cap for y in qualifier):
                return None   # only an organisation's name qualifies the job
            job = ctx.text[toks[words[0]].start:toks[words[-1]].end]
            if low.endswith("s") and (low,) not in ctx.lx.positions:
                job = re.sub(rf"\b({re.escape(toks[x].text[:-1])})s\b", r"\1", job)
            return words[0], re.sub(r"\s+", " ", job)
    return None


def apposition_lists(ctx: Ctx) -> list[Found]:
    toks = ctx.toks
    out: list[Found] = []
    for c, t in enumerate(toks):
        if t.text != "," or c + 1 >= len(toks) or fold(toks[c + 1].text) not in ctx.lx.degree_prefix:
            continue
        job = _job_before(ctx, c)
        if job is None:
            continue
        people = []
        k = c + 1
        while k < len(toks):
            parsed = parse_name(ctx, k, one_line=True)
            if not parsed or not parsed[1]:
                break
            people.append(parsed)
            k = parsed[4]
            while k < len(toks) and fold(toks[k].text) in LIST_JOINS and ctx.same_line(k - 1, k):
                k += 1
            if k < len(toks) and fold(toks[k].text) not in ctx.lx.degree_prefix:
                break
        if len(people) < 2:
            continue
        first_tok, position = job
        org = party_in(ctx, position)
        span = (toks[first_tok].start, toks[c - 1].end)
        for name, hon, first, name_end, _ in people:
            out.append(Found(name, hon, position, org, None, [(first, name_end), span], 0.7))
    return out
