"""Document kind, parties and officials: failure classes met on the eleventh blind set
(tests/holdout_blind11), each fixed by a general rule. Every text here is invented for the test; each
test has a trap where the rule must not fire."""
from __future__ import annotations

from extractor.nlp.doc_fields import kind_of

# -- kind: a realisation report under a letterhead -------------------------------------------------

def test_a_realisation_or_achievement_report_under_a_letterhead_is_an_activity_report():
    for title in ("LAPORAN REALISASI SEMESTER I TAHUN 2031", "Laporan Capaian Kinerja Kemitraan Tahun 2031",
                  "LAPORAN PROGRES PEKERJAAN BULAN MEI 2031"):
        text = (f"PEMERINTAH KOTA CONTOH\nDINAS PERTANIAN\nJalan Melati No. 4\n\n{title}\n"
                "Nomor : 520/77/DP/2031\n\nI. DASAR\nPerjanjian Kerja Sama Nomor 520/12/DP/2031.\n")
        assert kind_of(text) == "activity_report", title
    # trap: a release that mentions realisation in its body is still a release
    release = ("Dinas Pertanian Teken MoU Benih\n\nKOTA CONTOH - Dinas Pertanian menandatangani nota kesepahaman. "
               "\"Laporan realisasi akan kami umumkan,\" ujar kepala dinas.")
    assert kind_of(release) == "news_release"


# -- parties: three organisations listed after "antara" / "between" -----------------------------------

def parties(nlp, text: str) -> list[str]:
    return [p.name for p in nlp(text)._.janji_parties]


def test_three_organisations_listed_after_antara_in_a_sentence_about_the_agreement_are_all_parties(nlp_id):
    text = ("Wali Kota Saksikan Kesepakatan Tiga Pihak Soal Sampah\n\n"
            "Kota Contoh, Senin (3/5/2031) – Wali Kota Contoh menyaksikan penandatanganan kesepakatan bersama "
            "antara Pemerintah Provinsi Tanah Contoh, Pemerintah Kota Contoh dan Yayasan Bumi Lestari di Balai Kota.\n\n"
            "Pemkot akan menyediakan lahan untuk bank sampah, ujar Wali Kota.\n")
    got = parties(nlp_id, text)
    assert {"Pemerintah Provinsi Tanah Contoh", "Pemerintah Kota Contoh", "Yayasan Bumi Lestari"} <= set(got)
    # trap: the same list in a sentence that is not about an agreement names no party
    trap = ("Rapat Koordinasi Sampah\n\nRapat membahas selisih data antara Pemerintah Provinsi Tanah Contoh, "
            "Pemerintah Kota Contoh dan Yayasan Bumi Lestari.\n")
    assert "Yayasan Bumi Lestari" not in parties(nlp_id, trap)



def test_a_first_organisation_before_two_that_signed_is_a_party_too(nlp_en):
    text = ("Three-way deal on river clean-up\n\nPORT SAMPLE, 3 May 2031 – The Sample Regency Government, water "
            "utility PT Sungai Bersih Abadi and the Sample River Keepers' Union signed a tripartite agreement on "
            "Monday.\n")
    got = parties(nlp_en, text)
    assert set(got) == {"Sample Regency Government", "PT Sungai Bersih Abadi", "Sample River Keepers' Union"}
    # trap: a place phrase before the two signers is no organisation
    trap = ("Deal on river clean-up\n\nPORT SAMPLE, 3 May 2031 – In Port Sample, water utility PT Sungai Bersih "
            "Abadi and the Sample River Keepers' Union signed an agreement on Monday.\n")
    assert set(parties(nlp_en, trap)) == {"PT Sungai Bersih Abadi", "Sample River Keepers' Union"}


# -- officials: positions ------------------------------------------------------------------------

def officials(nlp, text: str) -> dict:
    return {o.name: o for o in nlp(text)._.janji_officials}


def test_a_chairwoman_is_a_position(nlp_en):
    text = ("PORT SAMPLE, 3 May 2031 – The agreement was signed by Regent John Doe and the union's chairwoman "
            "Mrs. Maria Lopez.\n")
    got = officials(nlp_en, text)
    assert got["Maria Lopez"].position == "chairwoman"


def test_a_direction_after_a_region_word_ends_a_position_and_is_no_name(nlp_id):
    for position in ("Kepala Cabang Kawasan Utara", "Manajer Area Selatan"):
        text = ("PERJANJIAN KERJA SAMA\n\nPasal 1\nPIHAK KEDUA memasang menara.\n\n"
                "PT MERPATI SINYAL BERSAMA BALAI DESA CONTOH\n"
                f"{position}, Kepala Desa,\nttd. ttd.\n"
                "LINDA KUSWANTO, S.E. MARKUS BORA\n")
        got = officials(nlp_id, text)
        assert not {"Utara", "Area Selatan"} & set(got), position
    # trap: a person named after the region still is one, with the region in the position
    text2 = "Turut hadir Kepala Cabang Area Barat PT Merpati Sinyal Bersama, Yohanes Riwu, pada acara itu.\n"
    assert officials(nlp_id, text2)["Yohanes Riwu"].position == "Kepala Cabang Area Barat PT Merpati Sinyal Bersama"


# -- an exported group chat -------------------------------------------------------------------------

CHAT = ("Grup WA \"Warga Desa Contoh\"\n\n"
        "[03/02/31 08.10] Kades Contoh - Pak Darmono: Selamat pagi warga. Info kerja sama Pemdes Sukamaju Contoh "
        "dgn CV Tirta Benih Makmur soal sumur bor 🙏\n"
        "[03/02/31 08.12] Kades Contoh - Pak Darmono: 1. CV Tirta Benih sdh mengebor 2 sumur di dusun atas\n"
        "[03/02/31 08.14] Kades Contoh - Pak Darmono: Minggu depan Pemdes akan memasang pompa. Bulan Maret "
        "BUMDes akan mulai menagih iuran air\n"
        "[03/02/31 08.20] Bu Wati Kelompok Tani: Alhamdulillah pak\n")


def test_an_exported_group_chat_is_an_activity_report():
    assert kind_of(CHAT) == "activity_report"
    # trap: a release quoting one chat message stays a release
    release = ("Desa Contoh Teken MoU Sumur Bor\n\nKOTA CONTOH - Kepala desa menandatangani kerja sama. "
               "Ia membacakan pesan \"[03/02/31 08.10] Warga: terima kasih\", ujarnya.")
    assert kind_of(release) == "news_release"


def test_a_chat_sender_written_position_dash_name_is_an_official(nlp_id):
    got = officials(nlp_id, CHAT)
    assert got["Darmono"].position == "Kades Contoh"
    assert "Pak" in got["Darmono"].honorifics
    # trap: a sender without a position is nobody's official
    assert not any("Wati" in name for name in got)


def test_a_chat_message_starts_a_sentence_after_its_header_and_dgn_joins_two_parties(nlp_id):
    doc = nlp_id(CHAT)
    starts = {s.start_char for s in doc.sents}
    assert CHAT.index("1. CV Tirta") in starts
    got = parties(nlp_id, CHAT)
    assert "Pemdes Sukamaju Contoh" in got and any(p.startswith("CV Tirta Benih") for p in got), got


# -- PDF text layers: wrapped lines ---------------------------------------------------------------

def test_a_report_title_in_capitals_wrapped_after_dan_keeps_both_partners(nlp_id):
    text = ("NOTULEN RAPAT EVALUASI\n"
            "PELAKSANAAN PERJANJIAN KERJA SAMA ANTARA DINAS PERIKANAN DAN\n"
            "PETERNAKAN KABUPATEN LEMBAH CONTOH DAN UNIVERSITAS CONTOH RAYA\n"
            "Waktu : 09.00 - 12.00 WIB\n"
            "Tempat : Aula Dinas Perikanan dan Peternakan Kabupaten Lembah Contoh\n"
            "Rapat membahas pelatihan. Universitas Contoh Raya telah melatih 20 penyuluh.\n")
    got = parties(nlp_id, text)
    assert got == ["Dinas Perikanan dan Peternakan Kabupaten Lembah Contoh", "Universitas Contoh Raya"], got
    # trap: a short title line ending in the connector of an agreement's title block still ends its sentence
    doc = nlp_id("PERJANJIAN KERJA SAMA ANTARA\nDESA CONTOH\n")
    assert len(list(doc.sents)) == 2


def test_a_description_between_two_partners_wrapped_over_a_line_still_joins_them(nlp_en):
    text = ("PRESS RELEASE\n\nSample City, 3 May 2031 - PT Baja Contoh Abadi Tbk, one of the largest steel\n"
            "makers of the island, and the Provincial Government of Sample Coast have signed\n"
            "a Memorandum of Understanding on welding courses. \"This matters,\" said the director.\n")
    got = parties(nlp_en, text)
    assert "PT Baja Contoh Abadi Tbk" in got and any("Sample Coast" in p for p in got), got


def test_an_english_name_in_the_other_word_order_is_the_same_party(nlp_en):
    text = ("MEDIA RELEASE\nRiverbend Eye Foundation and Sample Coast Provincial Government join forces to screen\n"
            "school children\nPORT SAMPLE, 3 May 2031 - The Riverbend Eye Foundation and the Provincial Government "
            "of Sample Coast on Monday signed a Memorandum of Understanding on eye screening.\n")
    got = parties(nlp_en, text)
    assert len(got) == 2, got
    # trap: two different bodies of one place stay apart
    text2 = ("PORT SAMPLE, 3 May 2031 - The Provincial Government of Sample Coast and the Sample Coast Provincial "
             "Health Office signed a Memorandum of Understanding on eye screening.\n")
    assert len(parties(nlp_en, text2)) == 2, parties(nlp_en, text2)
