"""janji_commitments on agreements and releases written for these tests (never corpus text)."""
from __future__ import annotations

import re
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.nlp.commitments import find_commitments
from extractor.nlp.dates_component import date_mentions
from extractor.nlp.structure import parse
from extractor.types import Party

AGREEMENT_ID = """PERJANJIAN KERJA SAMA
ANTARA
PEMERINTAH KABUPATEN LEMBAH HIJAU
DENGAN
POLITEKNIK TANJUNG KARANG

Pada hari ini Selasa tanggal dua belas bulan Maret tahun dua ribu dua puluh empat (12-03-2024), kami yang bertanda tangan di bawah ini:
1. Budi Santoso, Bupati Lembah Hijau, bertindak untuk dan atas nama Pemerintah Kabupaten Lembah Hijau, selanjutnya disebut PIHAK PERTAMA.
2. Siti Aminah, Direktur Politeknik Tanjung Karang, selanjutnya disebut PIHAK KEDUA.

Pasal 1
PENGERTIAN
Dalam Perjanjian ini yang dimaksud dengan Kegiatan adalah program yang wajib disepakati bersama.

Pasal 2
MAKSUD DAN TUJUAN
Perjanjian ini dimaksudkan sebagai landasan kerja sama PARA PIHAK.

Pasal 3
RUANG LINGKUP
Ruang lingkup Perjanjian ini meliputi:
a. penelitian terapan di bidang irigasi desa;
b. pelatihan aparatur desa, yang terdiri atas:
   1) pelatihan teknis perbengkelan;
   2) pelatihan tata kelola keuangan; dan
c. pendampingan koperasi nelayan.

Pasal 4
HAK DAN KEWAJIBAN
(1) PIHAK PERTAMA berhak menerima laporan kegiatan setiap triwulan.
(2) PIHAK PERTAMA berkewajiban:
   a. menyediakan data kependudukan yang diperlukan;
   b. memfasilitasi lokasi praktik mahasiswa.
(3) PIHAK KEDUA wajib menyampaikan rencana kerja tahunan paling lambat 3 (tiga) bulan sejak ditandatangani Perjanjian ini.

Pasal 5
JANGKA WAKTU
Perjanjian ini berlaku untuk jangka waktu 2 (dua) tahun sejak ditandatangani.

Pasal 6
PENYELESAIAN PERSELISIHAN
Perselisihan diselesaikan secara musyawarah untuk mufakat.

PIHAK PERTAMA,                      PIHAK KEDUA,
(ttd.)                              (ttd.)
"""

PARTIES_ID = [
    Party("Pemerintah Kabupaten Lembah Hijau", ("Pemkab Lembah Hijau",), "PIHAK PERTAMA"),
    Party("Politeknik Tanjung Karang", (), "PIHAK KEDUA"),
]


def run(text: str, *, kind: str, parties: list[Party], lang: str = "id"):
    dates, _ = date_mentions(text, lang=lang, kind=kind)
    return find_commitments(text, kind=kind, parties=parties, dates=dates)


def by_text(commitments) -> dict[str, object]:
    return {c.text: c for c in commitments}


def test_agreement_sections_lists_rights_and_parties() -> None:
    got = by_text(run(AGREEMENT_ID, kind="agreement", parties=PARTIES_ID))
    assert set(got) == {
        "penelitian terapan di bidang irigasi desa",
        "pelatihan aparatur desa: pelatihan teknis perbengkelan",
        "pelatihan aparatur desa: pelatihan tata kelola keuangan",
        "pendampingan koperasi nelayan",
        "menyediakan data kependudukan yang diperlukan",
        "memfasilitasi lokasi praktik mahasiswa",
        ("PIHAK KEDUA wajib menyampaikan rencana kerja tahunan paling lambat 3 (tiga) bulan sejak "
         "ditandatangani Perjanjian ini"),
    }
    # a list intro hands its obliged party to each item
    assert got["memfasilitasi lokasi praktik mahasiswa"].parties == ("Pemerintah Kabupaten Lembah Hijau",)
    # scope items bind both parties
    assert set(got["pendampingan koperasi nelayan"].parties) == {p.name for p in PARTIES_ID}
    deadline = got["PIHAK KEDUA wajib menyampaikan rencana kerja tahunan paling lambat 3 (tiga) bulan sejak "
                   "ditandatangani Perjanjian ini"]
    assert deadline.parties == ("Politeknik Tanjung Karang",)
    assert deadline.due == "2024-06-12"                  # computed from the notarial signing date
    assert deadline.action.startswith("menyampaikan rencana kerja tahunan")
    assert not any(c.needs_review for c in got.values())


def test_evidence_offsets_point_into_the_text() -> None:
    for c in run(AGREEMENT_ID, kind="agreement", parties=PARTIES_ID):
        assert c.evidence
        for e in c.evidence:
            assert AGREEMENT_ID[e.start:e.end] == e.text
            assert e.page == 0 and e.bbox is None
    nested = next(c for c in run(AGREEMENT_ID, kind="agreement", parties=PARTIES_ID)
                  if c.text.endswith("pelatihan teknis perbengkelan"))
    assert [e.text for e in nested.evidence] == ["pelatihan teknis perbengkelan;",
                                                "pelatihan aparatur desa, yang terdiri atas:"]


def _as_pdf_text(text: str, width: int = 58) -> str:
    """What a PDF text layer gives: no indentation, no blank lines, long lines wrapped."""
    out = []
    for line in text.splitlines():
        if line.strip():
            out += textwrap.wrap(line.strip(), width=width)
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("width", [45, 58, 80])
def test_same_commitments_from_wrapped_pdf_layout(width: int) -> None:
    want = {c.text for c in run(AGREEMENT_ID, kind="agreement", parties=PARTIES_ID)}
    got = {c.text for c in run(_as_pdf_text(AGREEMENT_ID, width), kind="agreement", parties=PARTIES_ID)}
    assert got == want


def test_no_parties_keeps_commitments_for_review() -> None:
    got = run(AGREEMENT_ID, kind="agreement", parties=[])
    assert len(got) == 7
    assert all(c.needs_review and c.parties == () for c in got)
    assert all(c.confidence < 0.75 for c in got)


def test_repeated_commitment_is_one_with_two_evidence_spans() -> None:
    text = AGREEMENT_ID.replace(
        "Pasal 5\nJANGKA WAKTU",
        "Pasal 5\nPELAKSANAAN\nPIHAK KEDUA wajib menyampaikan rencana kerja tahunan paling lambat 3 (tiga) bulan "
        "sejak ditandatangani Perjanjian ini.\n\nPasal 6\nJANGKA WAKTU")
    got = [c for c in run(text, kind="agreement", parties=PARTIES_ID) if "rencana kerja tahunan" in c.text]
    assert len(got) == 1
    assert len(got[0].evidence) == 2
    assert got[0].evidence[0].start < got[0].evidence[1].start


AGREEMENT_EN = """MEMORANDUM OF UNDERSTANDING
BETWEEN HARBOUR CITY UNIVERSITY AND THE NORTHERN MARITIME ACADEMY

WHEREAS the Parties wish to cooperate;

ARTICLE 1
PURPOSE
This MoU aims to set out a framework for cooperation.

ARTICLE 2
SCOPE OF COOPERATION
The Parties agree to carry out the following activities:
(a) joint training of ship engineers;
(b) exchange of teaching staff; and
(c) joint publications.

ARTICLE 3
IMPLEMENTATION
3.1 Harbour City University shall appoint a coordinator within 30 days of signature.
3.2 Each Party may propose additional activities.
3.3 The Academy will host one workshop every year.

ARTICLE 4
TERMINATION
Either Party shall give six months' notice of termination.

Done at Port Town on 2 June 2020.
"""

PARTIES_EN = [Party("Harbour City University", (), "first_party"),
              Party("Northern Maritime Academy", ("the Academy",), "second_party")]


def test_english_agreement() -> None:
    got = by_text(run(AGREEMENT_EN, kind="agreement", parties=PARTIES_EN, lang="en"))
    assert set(got) == {
        "joint training of ship engineers",
        "exchange of teaching staff",
        "joint publications",
        "Harbour City University shall appoint a coordinator within 30 days of signature",
        "The Academy will host one workshop every year",
    }
    appoint = got["Harbour City University shall appoint a coordinator within 30 days of signature"]
    assert appoint.parties == ("Harbour City University",)
    assert appoint.due == "2020-07-02"
    assert got["The Academy will host one workshop every year"].parties == ("Northern Maritime Academy",)


NEWS_ID = """Pemkot Sukamaju dan Politeknik Harapan Teken MoU Pengembangan UMKM

SUKAMAJU, 5 Mei 2024 – Pemerintah Kota Sukamaju dan Politeknik Harapan menandatangani nota kesepahaman tentang pengembangan usaha mikro di Balai Kota, Jumat (3/5).

Kedua pihak sepakat untuk membuka pusat inkubasi bisnis bagi pelaku usaha muda. Ruang lingkup kerja sama tersebut mencakup:
1. Pelatihan pemasaran digital;
2. Pendampingan sertifikasi halal; dan
3. Penelitian pasar produk lokal.

"Semoga kerja sama ini membawa manfaat bagi warga," kata Wali Kota Sukamaju, Andi Wijaya.

Politeknik Harapan juga akan mengirim 40 mahasiswa magang ke dinas terkait mulai bulan depan.

Acara ditutup dengan foto bersama.
"""

PARTIES_NEWS = [Party("Pemerintah Kota Sukamaju", ("Pemkot Sukamaju",)), Party("Politeknik Harapan")]


def test_news_release_cues_and_lists() -> None:
    got = run(NEWS_ID, kind="news_release", parties=PARTIES_NEWS)
    texts = [c.text for c in got]
    assert "Pelatihan pemasaran digital" in texts
    assert "Pendampingan sertifikasi halal" in texts
    assert "Penelitian pasar produk lokal" in texts
    assert any(t.startswith("Kedua pihak sepakat untuk membuka pusat inkubasi") for t in texts)
    assert any("tentang pengembangan usaha mikro" in t for t in texts)
    interns = next(c for c in got if "magang" in c.text)
    assert interns.parties == ("Politeknik Harapan",)
    assert interns.action.startswith("mengirim 40 mahasiswa magang")
    # hopes, headline and ceremony are not commitments
    assert not any("Semoga" in t or "foto bersama" in t or t.startswith("Pemkot Sukamaju dan") for t in texts)
    # the list intro is not itself a commitment
    assert not any(t.startswith("Ruang lingkup kerja sama tersebut mencakup") for t in texts)


def test_news_list_of_names_is_not_a_scope() -> None:
    text = ("Sejumlah kampus turut hadir, di antaranya Universitas Bukit Biru, Institut Teknologi Lembah "
            "dan Politeknik Pesisir.\n")
    assert run(text, kind="news_release", parties=PARTIES_NEWS) == []


def test_structure_nesting_by_enumerator_style() -> None:
    st = parse("Lingkup:\na. satu;\n1) satu-satu;\n2) satu-dua;\nb. dua.\n")
    styles = [(b.style, b.parent) for b in st.blocks]
    assert styles == [(None, None), ("a.", 0), ("1)", 1), ("1)", 1), ("a.", 0)]


def test_pipeline_component_runs_after_parties() -> None:
    from extractor.nlp.pipeline import get_pipeline

    doc = get_pipeline("id")(AGREEMENT_ID)
    commitments = doc._.janji_commitments
    assert {c.text for c in commitments} >= {"pendampingan koperasi nelayan",
                                             "memfasilitasi lokasi praktik mahasiswa"}
    for c in commitments:
        for e in c.evidence:
            assert re.sub(r"\s+", " ", doc.text[e.start:e.end]) == re.sub(r"\s+", " ", e.text)


def test_sentence_cut_by_a_page_break_stays_one_item() -> None:
    text = ("ARTICLE 1\nSCOPE\n1.1 Subject to available funds, the Parties agree to carry out the\n\n"
            "following activities:\n(a) joint surveys of coral reefs;\n(b) exchange of divers.\n"
            "ARTICLE 2\nCOSTS\nEach Party shall bear its own costs.\n")
    got = {c.text for c in run(text, kind="agreement", parties=PARTIES_EN, lang="en")}
    assert got == {"joint surveys of coral reefs", "exchange of divers", "Each Party shall bear its own costs"}


def test_party_roles_read_from_the_text_when_parties_carry_none() -> None:
    bare = [Party("Pemerintah Kabupaten Lembah Hijau"), Party("Politeknik Tanjung Karang")]
    got = by_text(run(AGREEMENT_ID, kind="agreement", parties=bare))
    assert got["memfasilitasi lokasi praktik mahasiswa"].parties == ("Pemerintah Kabupaten Lembah Hijau",)
    assert got["PIHAK KEDUA wajib menyampaikan rencana kerja tahunan paling lambat 3 (tiga) bulan sejak "
               "ditandatangani Perjanjian ini"].parties == ("Politeknik Tanjung Karang",)


def test_numbered_capital_headings_and_rights_phrased_as_shall() -> None:
    text = ("MEMORANDUM OF UNDERSTANDING\n\n"
            "I. SCOPE\nThe cooperation covers:\n(a) training of midwives;\n(b) supply of vaccines.\n\n"
            "II. RIGHTS AND OBLIGATIONS\n1. Harbour City University shall have the right to:\n"
            "(a) receive quarterly reports;\n"
            "2. The Academy has the following obligations:\n(a) host the training sessions;\n\n"
            "III. DURATION\nThis MoU shall remain in force for 2 (two) years.\n")
    got = by_text(run(text, kind="agreement", parties=PARTIES_EN, lang="en"))
    assert set(got) == {"training of midwives", "supply of vaccines", "host the training sessions"}
    assert got["host the training sessions"].parties == ("Northern Maritime Academy",)


NEWS_EN = """City Council and Coastal University Sign MoU on Flood Research

PORT TOWN, 12 March 2024 – The Port Town City Council and Coastal University on Monday (11/3) signed a memorandum of understanding on flood risk research.

Under the agreement, the university will set up a flood monitoring lab and train 50 council staff each year. The cooperation covers hydrological surveys, early-warning systems and community drills.

"We hope this partnership will make our city safer," said the mayor.

The two parties agreed to review progress every six months.

The ceremony was attended by 200 guests.
"""


def test_english_news_release() -> None:
    parties = [Party("Port Town City Council"), Party("Coastal University", ("the university",))]
    got = by_text(run(NEWS_EN, kind="news_release", parties=parties, lang="en"))
    lab = got["Under the agreement, the university will set up a flood monitoring lab and train 50 council "
              "staff each year"]
    assert lab.parties == ("Coastal University",)
    assert lab.action == "set up a flood monitoring lab and train 50 council staff each year"
    # the scope listed with commas: one commitment per item (the last pair joined by "and" stays one)
    assert "hydrological surveys" in got and "early-warning systems and community drills" in got
    assert got["The two parties agreed to review progress every six months"].parties == (
        "Port Town City Council", "Coastal University")
    assert not any("hope" in t or "ceremony" in t for t in got)


def test_release_kicker_is_not_part_of_the_commitment() -> None:
    got = run(NEWS_ID, kind="news_release", parties=PARTIES_NEWS)
    topic = next(c for c in got if "tentang pengembangan usaha mikro" in c.text)
    assert topic.text.startswith("Pemerintah Kota Sukamaju dan Politeknik Harapan menandatangani")
    assert topic.action.startswith("pengembangan usaha mikro")
    for c in got:
        for e in c.evidence:
            assert NEWS_ID[e.start:e.end] == e.text
    assert not any(e.text.startswith("SUKAMAJU") for c in got for e in c.evidence)

_PIECES = st.sampled_from([
    "Pasal 1\n", "RUANG LINGKUP\n", "a. ", "1) ", "(2) ", "PIHAK PERTAMA wajib ", "berhak:", "meliputi:",
    "paling lambat 3 (tiga) bulan sejak ditandatangani", "akan ", "sepakat untuk ", "Rabu (3/5)", ".", ";",
    "\n", "\n\n", " ", "pelatihan guru", "The Parties shall ", "ARTICLE II\n", "12 Maret 2024", "semoga ",
])


@settings(max_examples=150, deadline=None)
@given(pieces=st.lists(_PIECES, max_size=40), kind=st.sampled_from(["agreement", "news_release", None]))
def test_any_text_gives_consistent_evidence(pieces: list[str], kind: str | None) -> None:
    text = "".join(pieces)
    dates, _ = date_mentions(text, lang="id", kind=kind)
    for c in find_commitments(text, kind=kind, parties=PARTIES_ID, dates=dates):
        assert c.text and c.evidence
        assert 0.0 < c.confidence <= 1.0
        assert c.needs_review == (not c.parties or c.confidence < 0.5)
        for e in c.evidence:
            assert text[e.start:e.end] == e.text
    for m in dates:
        for e in m.evidence:
            assert text[e.start:e.end] == e.text


def test_purpose_clauses_in_a_mixed_purpose_and_scope_article_are_not_commitments() -> None:
    text = ("Pasal 1\nMAKSUD, TUJUAN DAN RUANG LINGKUP\n"
            "(1) Maksud Kesepakatan ini adalah sebagai pedoman kerja sama PARA PIHAK.\n"
            "(2) Kesepakatan ini bertujuan meningkatkan mutu layanan kesehatan.\n"
            "(3) Ruang lingkup Kesepakatan ini meliputi:\n a. pemeriksaan gizi balita;\n b. pelatihan kader posyandu.\n"
            "Pasal 2\nJANGKA WAKTU\nKesepakatan ini berlaku selama 3 (tiga) tahun.\n")
    got = {c.text for c in run(text, kind="agreement", parties=PARTIES_ID)}
    assert got == {"pemeriksaan gizi balita", "pelatihan kader posyandu"}


INLINE_LIST_RELEASE = textwrap.dedent("""\
    BAGIAN HUMAS KOTA WATUGEDE

    Siaran Pers
    Kamis, 6 Maret 2025

    Pemkot Watugede dan Politeknik Negeri Watugede Teken Kerja Sama Vokasi

    WATUGEDE – Pemerintah Kota Watugede dan Politeknik Negeri Watugede menandatangani nota kesepakatan, Kamis (6/3/2025).
    Direktur politeknik menjelaskan bahwa ruang lingkup kerja sama meliputi: pertama, magang mahasiswa di perangkat daerah; kedua, pelatihan juru las bagi pemuda putus sekolah; dan ketiga, kajian tata kelola air bersih kota.
    """)


def test_news_inline_ordinal_list_gives_one_commitment_per_item_and_skips_the_headline() -> None:
    parties = [Party(name="Pemerintah Kota Watugede"), Party(name="Politeknik Negeri Watugede")]
    texts = [c.text for c in find_commitments(INLINE_LIST_RELEASE, kind="news_release", parties=parties)]
    assert "magang mahasiswa di perangkat daerah" in texts
    assert "pelatihan juru las bagi pemuda putus sekolah" in texts
    assert "kajian tata kelola air bersih kota" in texts
    assert not any(t.startswith("Pemkot Watugede dan Politeknik") for t in texts), texts
    assert not any("BAGIAN HUMAS" in t or "Siaran Pers" in t for t in texts), texts


def test_quoted_justification_closed_by_speech_verb_is_not_a_commitment():
    release = ("Kota Arunika menandatangani nota kesepahaman dengan Akademi Logistik Samudra pada Senin. "
               "Kedua pihak sepakat untuk menyusun peta jalan logistik kota.\n\n"
               "\"Rekap itu kami pakai supaya subsidi angkutan lebih tepat sasaran,\" tuturnya.\n\n"
               "\"Kami akan membuka kelas logistik bagi pegawai dinas,\" katanya.\n")
    texts = [c.text for c in find_commitments(release, kind="news_release")]
    assert not any("subsidi angkutan" in t for t in texts)
    assert any("kelas logistik" in t for t in texts)          # a promise in a quote stays
    assert any("peta jalan logistik" in t for t in texts)


def test_subject_to_funds_clause_is_a_condition_not_a_commitment():
    mou = ("MEMORANDUM OF UNDERSTANDING\n\nArticle 1\nImplementation\n"
           "1. Party A shall host two visiting lecturers each year.\n"
           "2. Activities under this Memorandum are subject to the availability of funds of each Party.\n"
           "3. Pelaksanaan kegiatan tergantung pada ketersediaan anggaran masing-masing pihak.\n")
    texts = [c.text for c in find_commitments(mou, kind="agreement")]
    assert any("visiting lecturers" in t for t in texts)
    assert not any("availability of funds" in t for t in texts)
    assert not any("ketersediaan anggaran" in t for t in texts)


def test_sasaran_as_a_noun_is_not_a_purpose_clause() -> None:
    """'data sasaran' (target data) in an obligation list item is an obligation; 'Sasaran kerja sama
    ini adalah ...' is a purpose statement."""
    text = textwrap.dedent("""\
        Pasal 1 - Ruang Lingkup dan Pelaksanaan
        (1) PIHAK KEDUA melakukan pemeriksaan gigi murid sekolah dasar di 10 kecamatan.
        (2) PIHAK PERTAMA menyediakan data sasaran murid dari seluruh sekolah dasar.
        (3) Sasaran kerja sama ini adalah meningkatnya kesehatan gigi murid.
        """)
    parties = [Party(name="Dinas Kesehatan Kota Contoh"), Party(name="Universitas Contoh")]
    texts = [c.text for c in find_commitments(text, kind="agreement", parties=parties)]
    assert any("data sasaran murid" in t for t in texts), texts
    assert not any(t.startswith("Sasaran kerja sama") for t in texts), texts


def test_subject_after_the_signed_agreement_and_purpose_of_a_partnership_are_commitments():
    release = ("Pemerintah Kota Arunika dan Koperasi Nelayan Bahari menandatangani perjanjian kerja sama "
               "pengolahan ikan asap bagi kelompok istri nelayan di Balai Kota, Senin (3/3).\n\n"
               "Dinas Perikanan Kota Arunika menggandeng Akademi Perikanan Selat untuk memulihkan terumbu "
               "karang dan padang lamun yang rusak di pesisir kota.\n\n"
               "Kedua pihak menandatangani perjanjian ini di hadapan para camat.\n")
    texts = [c.text for c in find_commitments(release, kind="news_release")]
    assert "pengolahan ikan asap bagi kelompok istri nelayan" in texts, texts
    assert "memulihkan terumbu karang dan padang lamun" in texts, texts
    assert not any(t.startswith("ini") for t in texts)


def test_lower_case_roman_items_of_a_scope_list_are_each_a_commitment():
    mou = ("MEMORANDUM OF UNDERSTANDING\n\nARTICLE 2 - SCOPE\nThe Participants will cooperate in the following:\n"
           "i. mapping of mangrove belts along the northern coast;\n"
           "ii. joint patrols against illegal logging twice a month;\n"
           "iii. a seedling nursery run by the fishermen's cooperative; and\n"
           "iv. school visits on coastal ecology.\n")
    texts = [c.text for c in find_commitments(mou, kind="agreement")]
    wanted = ("mangrove belts", "joint patrols", "seedling nursery", "school visits")
    for want in wanted:
        assert sum(want in t for t in texts) == 1, (want, texts)
    assert all(sum(w in t for w in wanted) <= 1 for t in texts), texts   # one commitment per item


def test_a_clause_denying_any_obligation_is_not_a_commitment():
    mou = ("MEMORANDUM OF UNDERSTANDING\n\nArticle 4\nFunding\n"
           "1. Each Participant shall bear its own travel costs.\n"
           "2. This Memorandum does not create any financial obligation on the budget of either Participant.\n"
           "3. Kesepakatan ini tidak menimbulkan beban anggaran bagi PARA PIHAK.\n")
    texts = [c.text for c in find_commitments(mou, kind="agreement")]
    assert any("travel costs" in t for t in texts)
    assert not any("financial obligation" in t or "beban anggaran" in t for t in texts), texts


def test_prohibitions_are_obligations():
    pks = ("PERJANJIAN KERJA SAMA\n\nPasal 5\nLARANGAN\n"
           "PIHAK KEDUA dilarang mengalihkan peralatan pinjaman kepada pihak lain tanpa persetujuan tertulis.\n\n"
           "Pasal 6\nLAIN-LAIN\nHal yang belum diatur akan dibicarakan kemudian.\n")
    texts = [c.text for c in find_commitments(pks, kind="agreement")]
    assert any("dilarang mengalihkan peralatan" in t for t in texts), texts


def test_ready_to_act_in_a_quote_and_a_scheduled_activity_are_plans():
    release = ("Dinas Koperasi Kota Batu Lumut dan Akademi Akuntansi Cendana menandatangani nota kesepahaman, "
               "Kamis (2/10/2031).\n\n"
               "\"Kami juga siap mendampingi pelaku usaha mikro menyusun laporan keuangan sederhana,\" kata "
               "Direktur Akademi.\n\n"
               "Adapun lokakarya pembukuan digital bagi 50 koperasi dijadwalkan pada November 2031. "
               "Lokakarya dijadwalkan berlangsung dua hari.\n")
    texts = [c.text for c in find_commitments(release, kind="news_release")]
    assert any("mendampingi pelaku usaha mikro" in t for t in texts), texts
    assert any("lokakarya pembukuan digital" in t.lower() for t in texts), texts
    # a bare noun scheduled again refers back to the plan just named: not a second commitment
    assert not any(t.startswith("Lokakarya dijadwalkan berlangsung") for t in texts), texts
