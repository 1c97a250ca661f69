"""The role of an official found in running text: signatory, speaker or attendee, decided by the
sentence around each mention (the nearest signing or attending cue before it, speech verbs)."""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from extractor.nlp.officials.context import Ctx, Found

SIGN_VERBS = re.compile(r"\b(menandatangani|ditandatangani|meneken|diteken|teken|tanda\s*tangan|penandatanganan\s+dilakukan|"
                        r"signed|membubuhkan)\b", re.IGNORECASE)
ATTEND = re.compile(r"\b(?:hadir|dihadiri|didampingi|mendampingi|disaksikan|menyaksikan|turut|tampak|witness\w*|"
                    r"attended|accompanied)\b", re.IGNORECASE)
SPEECH_AFTER = r"(?:(?:ujar|kata|tutur|jelas|papar|tegas|ungkap|terang|imbuh|tutup|sebut|lanjut)(?:nya)?|said|says|added)"
SPEECH_BEFORE = r"(?:menjelaskan|mengatakan|menegaskan|menambahkan|menyampaikan|mengungkapkan|menuturkan|said|says|stated)"


@lru_cache(maxsize=1024)   # compiled once per name: re's own cache of 512 is churned by the other rules
def _speech_patterns(names: str) -> tuple[re.Pattern, ...]:
    return (re.compile(rf"{SPEECH_AFTER}\s+(?:[A-Z][\w.]*\s+){{0,3}}(?:{names})\b"),
            re.compile(rf"\b(?:{names})\b(?:(?!\.\s+[A-Z])[^\n\"“]){{0,140}}?,\s+{SPEECH_BEFORE}"),
            re.compile(rf"\b(?:{names})(?:\s+(?:selaku|sebagai)\s+[^,.\n\"“]{{3,120}}?)?\s+{SPEECH_BEFORE}"))


def assign_roles(ctx: Ctx, doc: Doc, officials: list[Found]) -> None:
    text = ctx.text
    sents = [(s.start_char, s.end_char) for s in doc.sents]
    for o in officials:
        surnames = [w for w in o.name.split() if len(w) > 2]
        # more mentions: the surname alone
        for w in surnames[-1:] + surnames[:1]:
            for m in re.finditer(rf"\b{re.escape(w)}\b", text):
                if not any(s <= m.start() < e for s, e in o.spans):
                    o.spans.append((m.start(), m.end()))
        if o.role == "signatory":
            continue
        role = None
        for s, e in sents:
            sent = text[s:e]
            if not any(s <= a < e for a, _ in o.spans):
                continue
            if any(p.search(sent) for p in _speech_patterns("|".join(re.escape(w) for w in surnames) or "$^")):
                role = role or "speaker"
            # the nearest cue before the mention decides: "ditandatangani oleh X ... Hadir pula Y"
            for a, _ in o.spans:
                if not s <= a < e:
                    continue
                cues = [(m.start(), "signatory") for m in SIGN_VERBS.finditer(text, s, a)]
                cues += [(m.start(), "attendee") for m in ATTEND.finditer(text, s, a)]
                if cues and max(cues)[1] == "signatory":
                    role = "signatory"
            if role == "signatory":
                break
        o.role = role or "attendee"
