"""Statements of a report and the agreements they may count for: who must carry out a commitment, who
did what a statement reports, what a party says it received, and whether a statement's work is this
agreement's (not done with another partner, in another place, by another organisation)."""
from __future__ import annotations

import re
from collections.abc import Sequence

from extractor.matching_types import (
    AgreementRef,
    CommitmentRef,
    PartyRef,
)
from extractor.name_words import (
    names_party_softly,
    party_place,
)
from extractor.orgs import (
    fold,
    mentions,
    other_language_names,
    other_of_type,
    signature,
    typed_conflict,
)
from extractor.party_refs import (
    kind_of,
    referred_by_kind,
)
from extractor.report_parties import (
    BARE_DINAS,
    DINAS_NAME,
    PARTNERSHIP_WITH,
    other_of_kind,
    party_named,
    says_not_involved,
)

# "The Institute shall …", "Commitments of the Company: The Company will …", "PIHAK KEDUA akan …":
# the subject of a commitment ends at its first modal verb
_MODAL = re.compile(r"\b(?:shall|will|must|agrees?\s+to|has\s+agreed\s+to|undertakes?\s+to|akan|wajib|harus|"
                    r"bersedia|berkewajiban|siap)\b", re.IGNORECASE)
_SUBJECT_SKIP = frozenset(("the", "this", "its", "their", "each", "both", "a", "an"))


def commitment_obligors(commitment: CommitmentRef, agreement: AgreementRef | None) -> tuple[str, ...]:
    """Who must carry out the commitment: its parties as extracted, or, where extraction found none,
    the one party of the agreement its subject names by a short name ("The Institute shall …" of
    "Lakeshore Institute of …", "The City will …" of "the City Government of X") or by its kind ("The
    Company will …" of "X Pte. Ltd.")."""
    if commitment.parties or agreement is None:
        return commitment.parties
    m = _MODAL.search(commitment.text)
    if m is None:
        return ()
    subject = commitment.text[:m.start()].split(":")[-1]
    words = set(fold(subject).split()) - _SUBJECT_SKIP
    if not words or len(words) > 4:
        return ()
    found = [p for p in agreement.parties
             if any(words <= set(fold(n).split()) for n in (p.name, *p.aliases))
             or referred_by_kind(subject, p.name) is not None]
    return (found[0].name,) if len(found) == 1 else ()


_RECIPIENT = re.compile(r"\s(?:kepada|ke|untuk|bagi|pada|di|dengan|dari|to|for|at|in|on|with|from)\s", re.IGNORECASE)
_AGENT = re.compile(r"\b(?:oleh|by)\s+(?:the\s+|pihak\s+)?(?P<who>[^,;.()]{2,60})")


def statement_agent(text: str, agreement: AgreementRef) -> str | None:
    """The one party of the agreement a passive statement names as the doer ("... sudah diberikan oleh
    dinas kepada PT X", "was installed by the Company"), or None."""
    for m in _AGENT.finditer(text):
        who = _RECIPIENT.split(m["who"], maxsplit=1)[0]   # "oleh dinas | kepada PT X": the doer only
        found = [p.name for p in agreement.parties if party_named(who, p, agreement.parties)
                 or (DINAS_NAME.match(p.name) and BARE_DINAS.match(who))
                 or referred_by_kind(who, p.name) is not None]
        if len(found) == 1:
            return found[0]
    sent_to = _sent_to_the_partner(text, agreement)
    if sent_to:
        return sent_to
    # "Sebuah lembaga asal Jepang yang bekerja sama dengan Dinas X menyerahkan ...": the subject is the
    # unnamed partner of the party it works with
    described = _described_partner(text, agreement)
    if described and len(agreement.parties) == 2 and not re.search(r"\w+\s+\w+\s+\w+\s+\w+", text[:described[1]]):
        return next(p.name for p in agreement.parties if p.name != described[2])
    return None


# "Daftar madrasah penerima kami kirim ke perusahaan", "the list was handed over to the Company": what
# was sent or handed to a party is the other party's act
_SENT_TO = re.compile(r"\b(?:kirim|kirimkan|dikirim|dikirimkan|serahkan|diserahkan|sampaikan|disampaikan|berikan|"
                      r"diberikan|sent|handed(?:\s+over)?|submitted|given)\s+(?:(?!oleh|by)\w+\s+){0,2}?"
                      r"(?:ke|kepada|to)\s+(?P<who>[^,;.()]{2,60})", re.IGNORECASE)


def _named_parties(text: str, agreement: AgreementRef) -> list[str]:
    """The agreement's parties the text names, by a name form or by their kind ("perusahaan")."""
    return [p.name for p in agreement.parties
            if party_named(text, p, agreement.parties) or referred_by_kind(text, p.name) is not None]


def _sent_to_the_partner(text: str, agreement: AgreementRef) -> str | None:
    """The other party of a two-party agreement, when the statement names one party only, as the one
    something was sent or handed to."""
    if len(agreement.parties) != 2 or _AGENT.search(text):
        return None
    for m in _SENT_TO.finditer(text):
        to = _named_parties(_RECIPIENT.split(" " + m["who"], maxsplit=1)[0].strip() or m["who"], agreement)
        if len(to) == 1 and _named_parties(text, agreement) == to:
            return next(p.name for p in agreement.parties if p.name != to[0])
    return None


_SUPPLIES = re.compile(r"\b(?:supply|supplies|provide|provides|deliver|delivers|donate|donates|hand\s+over|hands\s+over|"
                       r"menyediakan|menyerahkan|memberikan|mengirimkan|mengirim|menghibahkan|menyalurkan)\b",
                       re.IGNORECASE)
_RECEIVED = re.compile(r"\b(?:diterima|menerima|telah\s+tiba|sudah\s+tiba|received|arrived|were\s+delivered|"
                       r"was\s+delivered|(?:diserahkan|disampaikan|dikirimkan|dikirim)\s+(?:ke|kepada)|"
                       r"(?:handed(?:\s+over)?|submitted|sent)\s+to)\b", re.IGNORECASE)


def supplied_to(commitment: CommitmentRef, agreement: AgreementRef | None, receiver: str) -> bool:
    """Is the commitment the partner's duty to supply something (to `receiver`, the one party a report
    names)? Such a report may say it received it ("alat … telah diterima di gudang kami")."""
    obligors = commitment_obligors(commitment, agreement)
    return bool(obligors) and receiver not in obligors and bool(_SUPPLIES.search(commitment.text))


def received_supplies(commitments: Sequence[CommitmentRef], one_party: dict[int, str],
                      agreements: Sequence[AgreementRef]) -> list[CommitmentRef]:
    """Commitments of agreements linked through one named party that the partner must supply to that
    party (and that it need not carry out itself): its report may say it received them."""
    by_id = {a.id: a for a in agreements}
    own = {c.id for c in one_party_candidates(commitments, one_party, agreements)}
    return [c for c in commitments if c.agreement_id in one_party and c.id not in own
            and supplied_to(c, by_id.get(c.agreement_id), one_party[c.agreement_id])]


def says_received(text: str) -> bool:
    return bool(_RECEIVED.search(text))


def one_party_candidates(commitments: Sequence[CommitmentRef], one_party: dict[int, str],
                         agreements: Sequence[AgreementRef] = ()) -> list[CommitmentRef]:
    """Commitments of agreements linked through one named party that this party must carry out,
    alone or jointly ("PARA PIHAK melaksanakan …", a scope item both carry out): the party reporting
    its share of joint work ("the immigration office held the mobile passport service") leaves the
    partner unnamed as often as for its own duties. A joint one counts only as a statement's best
    match (match_report). `agreements`: where a commitment's parties were not extracted, its subject
    says whose it is (commitment_obligors)."""
    by_id = {a.id: a for a in agreements}
    return [c for c in commitments if c.agreement_id in one_party
            and one_party[c.agreement_id] in commitment_obligors(c, by_id.get(c.agreement_id))]


_LOCAL_GOVERNMENT = re.compile(
    r"\b(?:Pemerintah\s+(?:Kabupaten|Kota|Provinsi)|Pemkab|Pemkot|Pemprov|Kabupaten|Kota|Provinsi)\s+"
    r"(?P<place>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})|\b(?:the\s+)?(?P<place_en>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})"
    r"\s+(?:Regency|City|Provincial)\s+Government\b")


# "in partnership with a retail group", "bekerja sama dengan sebuah perusahaan swasta": a partner the
# statement does not name, so none of the agreement's (they are named, or "the City", "Pemkab")
_UNNAMED_PARTNER = re.compile(
    r"^(?:(?:a|an|another|one)\s+(?:[\w-]+\s+){0,3}(?:group|company|firm|chain|operator|retailer|developer|"
    r"partner|organi[sz]ation|association|foundation|charity|NGO|bank)|(?:sebuah|salah\s+satu|seorang)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:perusahaan|grup|jaringan|lembaga|yayasan|organisasi|bank|mitra))\b", re.IGNORECASE)


def unnamed_partner(text: str) -> str | None:
    """The partner a statement says the work was done with when it is an organisation it does not
    name ("installed in malls in partnership with a retail group"), or None."""
    for m in PARTNERSHIP_WITH.finditer(text):
        org = m["org"].strip()
        if _UNNAMED_PARTNER.match(org):
            return org
    return None


def other_partnership(text: str, agreement: AgreementRef) -> str | None:
    """The local government the statement says the work was done in partnership with, when it is
    none of the agreement's parties ("lulusan kelas kerja sama dengan Pemerintah Kabupaten Y")."""
    for m in PARTNERSHIP_WITH.finditer(text):
        for g in _LOCAL_GOVERNMENT.finditer(m["org"]):
            # the place inside an office's name ("Dinas Kesehatan Kabupaten X") is that office's
            if not any(party_named(g.group(0), p, ()) or party_named(m["org"][:g.end()], p, ())
                       for p in agreement.parties):
                return g.group(0).strip()
    return None


# "Kabupaten X", "Kota X", "X Regency", "X City": a regency or city named by its place
_LOCAL_PLACE = re.compile(
    r"\b(?:Kabupaten|Kab\.|Kota|KABUPATEN|KOTA)\s+(?P<place>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})"
    r"|\b(?P<place_en>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})\s+(?:Regency|City)\b(?!\s+(?:Government|Council))")


# "di Desa A, B, Kota Ubin dan C", "A, B, C, Kota Ubin and D were connected": inside a list of
# villages, or of places none of which is a regency or city, "Kota X" is a village's name
_VILLAGE_LIST = re.compile(r"\b(?:[Dd]esa|[Kk]elurahan|[Dd]usun|[Kk]ampung|villages?\s+of)\s+[A-Z][^.;:\n]*,\s*$")
_PLACE_LIST = re.compile(r"(?:^|(?<=[\s(]))(?:[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2},\s+){2,}$")
_LEVEL = re.compile(r"\b(?:Kabupaten|Kab|Kota|Provinsi|Regency|City|Province|KABUPATEN|KOTA)\b")


# "(Kota Lama, Pasar Baru, Sungai Kecil)": the list going on after it, of names none of which is a
# regency or city
_PLACE_LIST_AFTER = re.compile(r"^(?:\s*,\s*[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2}){2,}")


def _in_village_list(before: str, after: str = "") -> bool:
    if _VILLAGE_LIST.search(before):
        return True
    items = _PLACE_LIST.search(before) or _PLACE_LIST_AFTER.search(after)
    return bool(items) and not _LEVEL.search(items.group(0))


def local_places(text: str) -> set[str]:
    """Folded places of the regencies and cities the text names."""
    return {fold(m["place"] or m["place_en"]).strip() for m in _LOCAL_PLACE.finditer(text)
            if not _in_village_list(text[max(0, m.start() - 200):m.start()], text[m.end():m.end() + 200])}


def other_place(text: str, agreement: AgreementRef) -> str | None:
    """The regency or city the statement says the work was done in, when the agreement's parties
    are of one other regency or city and the statement names neither that place nor a party of
    it ("the app was rolled out in Y Regency" for a Dinas of Regency X)."""
    own = {p for party in agreement.parties for name in (party.name, *party.aliases) for p in local_places(name)}
    if not own:
        return None
    folded = f" {fold(text)} "
    if any(f" {p} " in folded for p in own):
        return None
    for place in sorted(local_places(text)):
        if not any(place in p or p in place for p in own):
            return place
    return None


# "pelatihan … yang digelar Kantor Pencarian dan Pertolongan", "a clinic run by the X Foundation": the
# organisation that held the activity, named by a kind word of organisations
_ORG_HEAD = (r"(?:Kantor|Badan|Balai|Dinas|Lembaga|Yayasan|Perkumpulan|Koperasi|PT|CV|Universitas|Politeknik|"
             r"Institut|Sekolah|Rumah\s+Sakit|RSUD|Kementerian|Palang\s+Merah|Pemerintah|Office|Agency|Foundation|"
             r"University|Institute|Hospital|Ministry|Company|Association|Red\s+Cross|Government)")
_HELD_BY = re.compile(
    r"\b(?:(?:di|ter)(?:gelar|selenggarakan|adakan|laksanakan)|dilaksanakan|diadakan)\s+(?:oleh\s+)?"
    r"(?P<org>" + _ORG_HEAD + r"(?:\s+(?:dan\s+|&\s+)?[A-Z][\w'.-]*){1,5})"
    r"|\b(?:organi[sz]ed|held|run|hosted|conducted|delivered)\s+by\s+(?:the\s+)?"
    r"(?P<org_en>(?:[A-Z][\w'.-]*\s+(?:(?:of|for|and|&)\s+)?){0,4}" + _ORG_HEAD + r"(?:\s+(?:of\s+)?[A-Z][\w'.-]*){0,3})")


# "… bersama Yayasan X", "our joint study with Y University Hospital": the partner of the activity
_WITH_ORG = re.compile(
    r"\b(?:bersama(?:\s+dengan)?|dengan|(?:together|jointly)\s+with|with)\s+(?:the\s+)?"
    r"(?P<org>" + _ORG_HEAD + r"(?:\s+(?:dan\s+|&\s+)?[A-Z][\w'.-]*){1,5}"
    r"|(?:[A-Z][\w'.-]*\s+(?:(?:of|for|and|&)\s+)?){1,4}" + _ORG_HEAD + r"(?:\s+(?:of\s+)?[A-Z][\w'.-]*){0,3})")


_INSTRUMENT_HEAD = re.compile(r"(?:Keputusan|Surat|Peraturan|Instruksi|Nota|SK|Perda|Perbup|Perwali|Pergub|Decree|"
                              r"Letter|Regulation|Resolution|Circular)\b")


def _party_written_short(org: str, agreement: AgreementRef) -> str | None:
    """The party whose name, in either language, holds `org` ("Dinas Kelautan dan Perikanan" without
    its place for "the Marine and Fisheries Office of X Regency")."""
    return next((p.name for p in agreement.parties for name in (p.name, *p.aliases)
                 if any(fold(org) in form for form in (fold(name), *map(fold, other_language_names(fold(name)))))),
                None)


# a local office named without a place of its own ("diadakan oleh Dinas Komunikasi dan Informatika")
_PLACELESS_OFFICE = re.compile(r"^(?:Dinas|Badan|Kantor|Bappeda|BPBD|Satpol|Setda|Sekretariat\s+Daerah|Dis[a-z]+|"
                               r"Din[a-z]+)\b(?!.*\b(?:Kabupaten|Kab\.?|Kota|Provinsi|Prov\.?)\b)")


def _not_a_party(org: str, agreement: AgreementRef, after: str = "") -> bool:
    # the party itself, perhaps without its place, is no other body; `after`: the words right after
    # the capitalised name, up to a comma ("the X Red Cross *blood unit*"); a local office without a
    # place acts for the local government that is a party
    whole = org + re.split(r"[,;.:()]", after, maxsplit=1)[0]
    if _PLACELESS_OFFICE.match(org) and any((kind_of(p.name) or "").endswith("_gov") for p in agreement.parties):
        return False
    return _party_written_short(org, agreement) is None \
        and not any(party_named(whole, p, agreement.parties) for p in agreement.parties) \
        and not names_party_softly(org, agreement)


def done_with_other(text: str, agreement: AgreementRef) -> str | None:
    """The organisation the statement says the activity was done with, when it is none of the
    agreement's parties and the statement names not every party ("a joint study with Y Hospital"
    for a hospital's agreement with a university)."""
    for m in _WITH_ORG.finditer(text):
        org = m["org"].strip(" .,;")
        if _INSTRUMENT_HEAD.match(org):
            continue   # "ditetapkan dengan Keputusan Kepala Dinas Nomor …": by a decree, not with a body
        if _not_a_party(org, agreement, text[m.start("org") + len(m["org"].rstrip(" .,;")):][:40]):
            return org
    return None


def held_by_other(text: str, agreement: AgreementRef) -> str | None:
    """The organisation the statement says held the activity, when it is none of the agreement's
    parties (a safety training held by the search-and-rescue office next to the partner's post)."""
    for m in _HELD_BY.finditer(text):
        org = (m["org"] or m["org_en"]).strip(" .,;")
        if _not_a_party(org, agreement):
            return org
    return None


def statement_allowed(text: str, agreement: AgreementRef, others: Sequence[AgreementRef]) -> tuple[bool, str]:
    """May this statement count for `agreement`? (an activity of A with C is not A's work with B)."""
    folded = fold(text)
    own = [signature(p.name, p.aliases) for p in agreement.parties]
    named = [party_named(text, p, agreement.parties, folded=folded) for p in agreement.parties]
    left_out = next((p.name for p in agreement.parties if says_not_involved(text, p, agreement.parties)), None)
    if left_out:
        return False, f"says the work did not involve {left_out}"
    elsewhere = other_place(text, agreement)
    if elsewhere:
        return False, f"done in {elsewhere}, not the place of the agreement's parties"
    partner = None if all(named) else done_with_other(text, agreement) or unnamed_partner(text)
    if partner:
        return False, f"done with {partner}, not a party of the agreement"
    if any(named):
        # "A with C": A is a party, C is of the same kind as the party B the statement leaves out
        for party, sig, is_named in zip(agreement.parties, own, named, strict=True):
            other = None if is_named else (other_of_type(text, sig, tuple(o for o in own if o is not sig))
                                           or other_of_kind(text, party, agreement.parties))
            if other:
                return False, f"names {other.strip()}, not {sig.name}"
        return True, "names a party of the agreement"
    organiser = held_by_other(text, agreement)
    if organiser:
        return False, f"held by {organiser}, not a party of the agreement"
    # "PT Segar Abadi also handed out gloves to 80 pickers": another company did it, not the party.
    # (Another government is a place: other_place; "Bupati Menyapa" is a programme's name.)
    for party in agreement.parties:
        if (kind_of(party.name) or "").endswith("_gov"):
            continue
        other = other_of_kind(text, party, agreement.parties)
        if other:
            return False, f"names {other}, another organisation of the kind of {party.name}"
    own_names = {p.name for p in agreement.parties}
    # the government of a regency or city is no other body where a party is one of its offices
    own_places = {party_place(p.name) for p in agreement.parties} - {None}
    for other in others:
        for p in other.parties:
            if p.name in own_names or ((kind_of(p.name) or "").endswith("_gov") and party_place(p.name) in own_places):
                continue
            if mentions(text, signature(p.name, p.aliases), folded=folded):
                return False, f"names {p.name}, a party of another agreement, and none of this one"
    for sig in own:
        if typed_conflict(text, sig, folded=folded):
            return False, f"names another organisation of the same kind as {sig.name}"
    return True, "no party named; inherits the report's link"


# "penyelam dari lembaga konservasi asal Australia yang sejak Mei bekerja sama dengan Dinas X": an
# organisation left unnamed, described as the one working with the named party
_UNNAMED_ORG = re.compile(r"\b(?:lembaga|organisasi|yayasan|perusahaan|LSM|NGO|organi[sz]ation|foundation|company|"
                          r"firm|charity|association)\b(?P<desc>[^.;:]{0,60})$", re.IGNORECASE)


def partner_by_relation(text: str, agreement: AgreementRef, named: Sequence[PartyRef]) -> str | None:
    """The phrase describing the agreement's one unnamed party as the organisation working with the
    named one ("lembaga konservasi asal Australia yang bekerja sama dengan Dinas X"), or None."""
    if len(agreement.parties) != 2 or len(named) != 1:
        return None
    found = _described_partner(text, agreement)
    return found[0] if found and found[2] == named[0].name else None


def _described_partner(text: str, agreement: AgreementRef) -> tuple[str, int, str] | None:
    """(the phrase, where it starts, the party named) of an organisation the text leaves unnamed and
    describes as working with a party of the agreement; None when there is none."""
    for m in PARTNERSHIP_WITH.finditer(text):
        org = _PARTNER_END.split(m["org"], maxsplit=1)[0]
        party = next((p.name for p in agreement.parties if party_named(org, p, agreement.parties)), None) \
            or _party_written_short(org, agreement)
        if party is None:
            continue
        start = max(0, m.start() - 80)
        before = re.sub(r"\s+yang(?:\s+(?:sejak|since)\s+\w+(?:\s+\d{4})?)?(?:\s+(?:telah|sudah))?\s*$", "",
                        text[start:m.start()].rstrip())
        unnamed = _UNNAMED_ORG.search(before)
        # unnamed: no capitalised word but the place it comes from ("asal Belanda", "based in Perth")
        desc = re.sub(r"\b(?:asal|dari|from|based\s+in)\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*", "", unnamed["desc"]) \
            if unnamed else ""
        if unnamed and not re.search(r"\b[A-Z]", desc):
            return unnamed.group(0).strip(), start + unnamed.start(), party
    return None


_PARTNER_END = re.compile(r"\s+(?:setempat|local)\b|,")
