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
