"""Commitment rules found on blind sets 3-5 (invented text): attendee lists and meeting header lines,
the subject of an agreement written after its partners, what an agreement provides, counted scopes
with ordinal sentences, titles of agreements, funds set aside, periodic reviews, payments, English
"Section N." headings and "will cooperate to:" lists."""
from __future__ import annotations

from extractor.nlp.commitments import find_commitments
from extractor.nlp.structure import parse


def _texts(text: str, kind: str = "news_release") -> list[str]:
    return [c.text for c in find_commitments(text, kind=kind)]


def test_items_of_an_attendee_list_are_not_commitments() -> None:
    minutes = ("Hari/Tanggal : Rabu, 4 Juni 2031\n"
               "Peserta : 14 orang, antara lain:\n"
               "1. Ir. Bagas Wiratama, M.T., Kepala Bidang Irigasi Dinas PUPR Kabupaten Lereng Jati;\n"
               "2. Para ketua kelompok tani dari 4 desa.\n\n"
               "Agenda : Evaluasi PKS tentang pemeliharaan saluran irigasi tersier.\n")
    texts = _texts(minutes, kind="activity_report")
    assert not any("Bagas" in t or "kelompok tani" in t for t in texts), texts
    assert not any(t.startswith("Agenda") or "saluran irigasi" in t for t in texts), texts


def test_items_of_a_scope_list_are_still_commitments() -> None:
    release = ("Kerja sama kedua pihak antara lain:\n"
               "1. pelatihan petugas pemadam kebakaran hutan;\n"
               "2. penyediaan menara pantau api di tiga desa.\n")
    texts = _texts(release)
    assert "pelatihan petugas pemadam kebakaran hutan" in texts, texts


def test_a_contact_address_is_no_inline_list() -> None:
    texts = _texts("Laporan dikirim setiap bulan.\n\nKontak: humas@dinas-contoh.example.id\n")
    assert not any("humas@" in t for t in texts), texts


def test_subject_after_the_partners_of_a_signing_sentence() -> None:
    release = ("LEMBAH SARI - Pemerintah Kota Lembah Sari menandatangani kesepakatan bersama dengan Badan Wakaf "
               "Lembah Sari dan PT Bank Sentosa Cabang Kota tentang pengelolaan wakaf uang bagi pegawai "
               "pemerintah daerah. Penandatanganan berlangsung di Balai Kota.\n")
    assert "pengelolaan wakaf uang bagi pegawai pemerintah daerah" in _texts(release)


def test_subject_of_a_partnership_entered() -> None:
    release = ("BUKIT TINGGI RAYA - Balai Taman Nasional Bukit Raya dan Pemerintah Kabupaten Hulu resmi menjalin "
               "kerja sama pencegahan kebakaran hutan dan lahan gambut. Perjanjian ditandatangani di Aula Bupati.\n")
    assert "pencegahan kebakaran hutan dan lahan gambut" in _texts(release)


def test_a_sentence_telling_what_the_agreement_provides_is_a_commitment() -> None:
    release = ("KOTA BARU - Dinas Koperasi dan Bank Tani meneken nota kesepahaman, Senin (3/3/2031).\n\n"
               "Melalui kesepakatan ini, pinjaman modal bagi koperasi tani disalurkan tanpa agunan tambahan dan "
               "angsurannya dipotong dari hasil panen.\n")
    assert any(t.startswith("Melalui kesepakatan ini, pinjaman modal") for t in _texts(release))


def test_a_signing_date_after_mou_is_no_topic() -> None:
    release = ("The city and the foundation have agreed to build 20 reading corners.\n\n"
               "The MoU was signed on Thursday, 6 March, at City Hall by the Mayor and the Chair of the foundation.\n")
    texts = _texts(release)
    assert not any(t.startswith("The MoU was signed") for t in texts), texts
    assert any("build 20 reading corners" in t for t in texts), texts


def test_readiness_to_help_qualified_by_a_but_is_no_commitment() -> None:
    release = ('Kepala Balai menjelaskan timnya menangani banyak kejadian. "Kami siap membantu, tetapi kesadaran '
               'warga tetap yang utama," tegasnya.\n')
    assert not any("siap membantu" in t for t in _texts(release))


def test_family_planning_office_is_no_plan() -> None:
    release = ("Turut hadir Kepala Dinas Pengendalian Penduduk dan Keluarga Berencana, Sri Wahyuni, S.KM., dan "
               "Kepala Dinas Kesehatan, dr. Andi Lolo.\n")
    assert _texts("Kota Hulu menandatangani PKS.\n\n" + release) == []


def test_scope_announced_by_count_and_told_by_ordinals() -> None:
    release = ("JAKARTA - Badan Riset Laut menandatangani MoU dengan Institut Samudra Utara, Selasa (5/8).\n\n"
               "Kerja sama ini mencakup dua bidang utama. Pertama, pemetaan terumbu karang di perairan Kepulauan "
               "Sembilan. Kedua, pelatihan penyelam ilmiah bagi 40 peneliti muda.\n")
    texts = _texts(release)
    assert "pemetaan terumbu karang di perairan Kepulauan Sembilan" in texts, texts
    assert "pelatihan penyelam ilmiah bagi 40 peneliti muda" in texts, texts
    assert not any(t.startswith("Kerja sama ini mencakup") for t in texts), texts


def test_title_of_the_agreement_signed_is_no_commitment_but_a_lowercase_subject_is() -> None:
    titled = ("LEMBAH - Polres Lembah dan Bank Lembah menandatangani Perjanjian Kerja Sama tentang Layanan "
              "Perbankan bagi Anggota, Senin (2/2/2031), di Mapolres.\n")
    plain = ("LEMBAH - Polres Lembah dan Bank Lembah menandatangani perjanjian kerja sama tentang layanan "
             "perbankan bagi anggota, Senin (2/2/2031), di Mapolres.\n")
    assert _texts(titled) == []
    assert _texts(plain) != []
    poured = "Kedua dinas menuangkan kesepakatan itu dalam PKS mengenai Pelatihan Teknis Jurnalistik.\n"
    assert _texts("Kota Hulu dan Kota Hilir bekerja sama.\n\n" + poured) != []


def test_funds_set_aside_for_the_agreed_work_are_a_commitment() -> None:
    release = ("SUNGAI - Pemkab Sungai dan Pengadilan Negeri meneken nota kesepakatan, Kamis.\n\n"
               "Pemkab Sungai, lanjut Bupati, telah mengalokasikan anggaran Rp200 juta dalam APBD 2031 untuk "
               "membiayai sidang keliling di kecamatan terpencil.\n")
    assert any("mengalokasikan anggaran Rp200 juta" in t for t in _texts(release))


def test_a_periodic_review_is_a_commitment() -> None:
    release = ("SUNGAI - Dinas Sosial dan Baznas meneken nota kesepakatan, Kamis.\n\n"
               "Kesepakatan berlaku selama tiga tahun dan ditinjau bersama setiap akhir tahun anggaran.\n")
    assert any("ditinjau bersama setiap akhir tahun" in t for t in _texts(release))


def test_a_payment_by_a_party_in_an_article_without_title_is_a_commitment() -> None:
    addendum = ("ADENDUM PERJANJIAN\nantara PT Air Jernih dan Perumda Tirta\n\n"
                "Pasal 1\nPIHAK KEDUA wajib memasang 500 meter air.\n"
                "Pasal 2\nNilai pekerjaan tetap sebesar Rp1.000.000.000,00 termasuk pajak, dibayar oleh PIHAK "
                "PERTAMA dalam tiga termin berdasarkan berita acara serah terima.\n"
                "Pasal 3\nAdendum ini merupakan bagian yang tidak terpisahkan dari Perjanjian Pokok.\n")
    texts = _texts(addendum, kind="agreement")
    assert any("dibayar oleh PIHAK PERTAMA dalam tiga termin" in t for t in texts), texts
    assert not any("tidak terpisahkan" in t for t in texts), texts


ENGLISH_MOU = """MEMORANDUM OF UNDERSTANDING
BETWEEN THE CITY OF RIVERTON AND GREENWAY TRUST

Section 1. Purpose
The purpose of this MoU is to restore the urban riverbanks.

Section 2. Scope of Cooperation
2.1 The Parties will cooperate to:
(a) plant native trees along four kilometres of riverbank;
(b) set up a volunteer river watch in six neighbourhoods; and
(c) publish an annual water quality bulletin.

Section 3. Duration and Termination
3.1 This MoU shall enter into force on signature and shall remain in force for three years.
3.2 Section 2 applies to all activities
funded under this MoU.
"""


def test_section_headings_and_a_will_cooperate_list() -> None:
    st = parse(ENGLISH_MOU, caps_headings=True)
    assert [s.title for s in st.sections] == ["Purpose", "Scope of Cooperation", "Duration and Termination"]
    texts = _texts(ENGLISH_MOU, kind="agreement")
    for item in ("plant native trees along four kilometres of riverbank",
                 "set up a volunteer river watch in six neighbourhoods",
                 "publish an annual water quality bulletin"):
        assert item in texts, (item, texts)
    assert not any("enter into force" in t for t in texts), texts


def test_a_cross_reference_opening_a_line_is_no_section_heading() -> None:
    text = "Section 4. Funding\n4.1 The Trust shall fund the activities under\nSection 2 from its own budget.\n"
    assert len(parse(text, caps_headings=True).sections) == 1
