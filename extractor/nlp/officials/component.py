"""The `janji_officials` spaCy component: runs every form, drops names lying inside another
official's position, merges the same person named twice (full name, then surname or honorific +
name) into one official with several evidence spans, and decides roles."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from extractor.nlp.lexicon import fold, lexicon
from extractor.nlp.officials.acknowledging import mark_acknowledging, settle_acknowledging
from extractor.nlp.officials.appositions import apposition_lists
from extractor.nlp.officials.chat_senders import chat_senders, speaker_labels
from extractor.nlp.officials.context import Ctx, Found
from extractor.nlp.officials.inline_signatures import inline_signatures
from extractor.nlp.officials.labelled import labelled_fields, meeting_roles
from extractor.nlp.officials.name_first import name_first
from extractor.nlp.officials.plain_blocks import plain_signature_blocks
from extractor.nlp.officials.position_first import position_first
from extractor.nlp.officials.roles import assign_roles
from extractor.nlp.officials.signature_blocks import behalf_blocks, signature_blocks
from extractor.nlp.officials.witness_runs import numbered_witness_runs
from extractor.types import Evidence, Official


def _tokens_of(name: str) -> set[str]:
    return {w.lower().rstrip(".") for w in name.split() if len(w.rstrip(".")) > 1}


def _one_edit(a: str, b: str) -> bool:
    """Do two words differ by one substituted, inserted or deleted letter?"""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _near_subset(a: set[str], b: set[str]) -> bool:
    """Every word of the smaller name is in the larger one, a long word possibly misread by one letter
    (OCR: "Lindqvist" / "Lindgvist")."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return bool(small) and all(w in large or len(w) >= 6 and any(_one_edit(w, v) for v in large) for w in small)


def _majority_spelling(name: str, other: str, text: str) -> str | None:
    """`name` with each word misread by one letter in one of the two names spelt as the text spells it
    more often; None when the text uses both spellings equally often (no way to tell the misreading)."""
    words = name.split()
    for i, w in enumerate(words):
        for v in other.split():
            if not _one_edit(w.lower(), v.lower()):
                continue
            ours, theirs = (len(re.findall(rf"\b{re.escape(x)}\b", text)) for x in (w, v))
            if ours == theirs:
                return None
            if theirs > ours:
                words[i] = v
    return " ".join(words)


def _better_position(new: str, old: str) -> bool:
    """The longer of two positions of one person, except that two wordings sharing no word (an
    abbreviation in the text, "Kasat Binmas", and its expansion in capitals under the signature)
    keep the one not written in capitals."""
    if not {w.lower() for w in new.split()} & {w.lower() for w in old.split()} and new.isupper() != old.isupper():
        return not new.isupper()
    return len(new) > len(old)


def merge(found: list[Found], text: str = "") -> list[Found]:
    out: list[Found] = []
    for f in found:
        tf = _tokens_of(f.name)
        same = next((o for o in out if tf and (tf <= _tokens_of(o.name) or _tokens_of(o.name) <= tf)), None)
        spelt = None
        if same is None:  # the same person with one word misread (OCR), when the text says which spelling is right
            near = next((o for o in out if tf and _near_subset(tf, _tokens_of(o.name))), None)
            longer, shorter = (f.name, near.name) if near and len(tf) > len(_tokens_of(near.name)) else (
                near.name if near else "", f.name)
            spelt = _majority_spelling(longer, shorter, text) if near else None
            same = near if spelt else None
        if same is None:
            out.append(f)
            continue
        if spelt:
            same.name = spelt
        elif len(_tokens_of(f.name)) > len(_tokens_of(same.name)):
            same.name = f.name
        both = list(dict.fromkeys(same.honorifics + f.honorifics))
        # honorifics before the name first, degrees after it
        same.honorifics = sorted(both, key=lambda h: fold(h) not in lexicon().degree_prefix)
        if f.position and (not same.position or _better_position(f.position, same.position)):
            same.position = f.position
        same.organization = same.organization or f.organization
        if f.role == "signatory" or same.role is None:
            same.role = f.role or same.role
        same.spans += f.spans
        same.confidence = max(same.confidence, f.confidence)
    return out


def _outside_positions(found: list[Found]) -> list[Found]:
    """Drop a "name" that lies inside the position phrase of another official ("Kepala Pusat Studi
    Sistem Informasi" read as position "Kepala Pusat" + name "Studi Sistem Informasi")."""
    positions = [(f, f.spans[1]) for f in found if f.position and len(f.spans) > 1]
    keep = []
    for f in found:
        ns, ne = f.spans[0]
        if any(g is not f and ps <= ns and ne <= pe and (ps, pe) != (ns, ne) for g, (ps, pe) in positions):
            continue
        keep.append(f)
    return keep


def _org_name_tails(doc: Doc) -> set[str]:
    """The last two or more words of every organisation's name ("Darul Falah Watukarang" of "Yayasan Pondok
    Pesantren Darul Falah Watukarang"), folded."""
    tails: set[str] = set()
    for ent in (doc.user_data.get("janji_orgs") or {}).get("entities", []):
        for form in ent.surface_forms():
            words = fold(form).split()
            tails.update(" ".join(words[k:]) for k in range(1, len(words) - 1))
    return tails


def _not_org_name_parts(found: list[Found], doc: Doc) -> list[Found]:
    """Drop a "name" that is the end of an organisation's name: two signature columns read as one
    ("KETUA YAYASAN X BUPATI Y," over "DARUL FALAH WATUKARANG,") leave the name of the body alone on a line."""
    tails = _org_name_tails(doc)
    return [f for f in found if len(f.name.split()) < 2 or fold(f.name) not in tails]


def _outermost(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans without those lying inside another one (a position seen line by line and whole)."""
    uniq = sorted(set(spans))
    return [(s, e) for s, e in uniq if not any(a <= s and e <= b and (a, b) != (s, e) for a, b in uniq)]


def officials_component(doc: Doc) -> Doc:
    ctx = Ctx(doc)
    found = name_first(ctx) + position_first(ctx) + signature_blocks(ctx) + behalf_blocks(ctx)
    found += plain_signature_blocks(ctx) + labelled_fields(ctx) + meeting_roles(ctx) + apposition_lists(ctx) + numbered_witness_runs(ctx)
    found += chat_senders(ctx) + speaker_labels(ctx)
    found += inline_signatures(ctx, acknowledging_kept=doc._.janji_kind != "activity_report")
    found = _not_org_name_parts(_outside_positions(found), doc)
    if doc._.janji_kind != "activity_report":   # a report's "Mengetahui" head signs the report off
        mark_acknowledging(ctx.text, found)
    officials = merge(found, doc.text)
    spans_before = {id(o): set(o.spans) for o in officials}
    assign_roles(ctx, doc, officials)
    settle_acknowledging(officials, found, spans_before)
    text = doc.text
    doc._.janji_officials = [
        Official(name=o.name.replace("\u00ad", ""), honorifics=tuple(h.replace("\u00ad", "") for h in o.honorifics),
                 position=o.position.replace("\u00ad", "") if o.position else None, organization=o.organization,
                 role=o.role, confidence=o.confidence,
                 evidence=tuple(Evidence(0, s, e, text[s:e]) for s, e in _outermost(o.spans)))
        for o in officials]
    return doc


@Language.factory("janji_officials")
def make_officials(nlp: Language, name: str):
    return officials_component
