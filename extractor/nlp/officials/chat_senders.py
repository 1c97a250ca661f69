"""Senders of an exported group chat whose display name is "position - name": "[15/12/26 07.41]
Kepala Desa X - Pak Nama: ..." names a person holding that position (the role is left to the
sentences around the mentions, as for a name in running text)."""
from __future__ import annotations

import re

from extractor.nlp.officials.context import Ctx, Found
from extractor.nlp.officials.names import display_name, parse_name
from extractor.nlp.officials.org_links import gov_org, party_in
from extractor.nlp.officials.positions import match_position
from extractor.nlp.segmenter import CHAT_STAMP

SENDER = re.compile(r"^" + CHAT_STAMP + r"(?P<pos>[^:\n]{2,80}?)[ \t]+[-–][ \t]+(?:(?P<hon>Pak|Bu|Bapak|Ibu|Mr\.?|Mrs\.?|Ms\.?)"
                    r"[ \t]+)?(?P<name>[^:\n]{2,60}?)[ \t]*:[ \t]", re.MULTILINE)


def chat_senders(ctx: Ctx) -> list[Found]:
    out: list[Found] = []
    seen: set[str] = set()
    for m in SENDER.finditer(ctx.text):
        k = ctx.tok_at.get(m.start("pos"))
        nk = ctx.tok_at.get(m.start("name"))
        if k is None or nk is None or match_position(ctx, k) == k:
            continue
        limit = next((x for x in range(nk, len(ctx.toks)) if ctx.toks[x].start >= m.end("name")), len(ctx.toks))
        parsed = parse_name(ctx, nk, limit=limit, one_line=True)
        if not parsed or parsed[3] != m.end("name"):
            continue           # the whole display name after the dash must be the person's name
        name, hon, first, name_end, _ = parsed
        name = display_name(name)
        if name in seen:
            continue
        seen.add(name)
        position = re.sub(r"\s+", " ", m.group("pos"))
        org = party_in(ctx, position) or gov_org(ctx, position.split()[0], position)
        hon = ([m.group("hon")] if m.group("hon") else []) + list(hon)
        out.append(Found(name, hon, position, org, None,
                         [(first, name_end), (m.start("pos"), m.end("pos"))], 0.75))
    return out


# a transcript's speaker line: "[00:02:05] KEPALA DINAS X (Ir. Nama, M.T.):" or "KETUA KOMISI I (Nama):", the words
# spoken below it; the position before the brackets, the person inside them
SPEAKER = re.compile(r"^[ \t]*(?:\[\d{1,2}:\d{2}(?::\d{2})?\][ \t]*)?(?P<pos>[^\[\]():\n]{3,100}?)[ \t]*"
                     r"\((?P<name>[^()\n:]{3,80})\)[ \t]*:[ \t]*$", re.MULTILINE)
# (after a time stamp the label may wrap onto a second line in a PDF's text layer)
STAMPED_SPEAKER = re.compile(r"^[ \t]*\[\d{1,2}:\d{2}(?::\d{2})?\][ \t]*(?P<pos>[^\[\]():\n]{3,100}?)\s*"
                             r"\((?P<name>[^()\n:]{3,80}(?:\n[^()\n:]{1,60})?)\)[ \t]*:[ \t]*$", re.MULTILINE)


def speaker_labels(ctx: Ctx) -> list[Found]:
    out: list[Found] = []
    for m in [*SPEAKER.finditer(ctx.text), *STAMPED_SPEAKER.finditer(ctx.text)]:
        k = ctx.tok_at.get(m.start("pos"))
        nk = ctx.tok_at.get(m.start("name"))
        if k is None or nk is None or match_position(ctx, k) == k:
            continue
        limit = next((x for x in range(nk, len(ctx.toks)) if ctx.toks[x].start >= m.end("name")), len(ctx.toks))
        parsed = parse_name(ctx, nk, limit=limit)
        if not parsed or parsed[4] < limit:
            continue           # the brackets must hold a person's name (and degrees), nothing else
        name, hon, first, name_end, _ = parsed
        position = re.sub(r"\s+", " ", m.group("pos")).strip(" ,")
        org = party_in(ctx, position) or gov_org(ctx, position.split()[0], position)
        out.append(Found(display_name(name), list(hon), position, org, None,
                         [(first, name_end), (m.start("pos"), m.start("pos") + len(m.group("pos").rstrip()))], 0.7))
    return out

