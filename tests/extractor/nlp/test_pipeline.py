"""spaCy-style tests: hand-written texts through the real pipeline (no corpus sentences)."""
from __future__ import annotations

import pytest

from extractor.nlp.pipeline import PIPE_ORDER, build_pipeline


def test_pipeline_order_is_the_contract():
    nlp = build_pipeline("id")
    assert nlp.pipe_names == list(PIPE_ORDER)
    with pytest.raises(ValueError):
        build_pipeline("fr")


def test_abbreviations_do_not_end_sentences(nlp_id):
    doc = nlp_id("Pj. Bupati Kab. Sukamaju Drs. H. Budi Santoso, M.Si. hadir di Jl. Merdeka No. 5. Acara dimulai pukul sembilan.")
    sents = [s.text.strip() for s in doc.sents]
    assert len(sents) == 2
    assert sents[0].startswith("Pj. Bupati") and sents[1].startswith("Acara")
    assert "Drs." in [t.text for t in doc]


def test_enumerations_and_headings_are_segments(nlp_id):
    text = ("Pasal 2\nRUANG LINGKUP\n\nRuang lingkup meliputi:\na. pelatihan guru, yang terdiri atas:\n"
            "   1) pelatihan daring; dan\n   2) pelatihan luring;\nb. penelitian bersama; dan\n(3) evaluasi berkala.\n")
    sents = [s.text.strip() for s in nlp_id(text).sents]
    for start in ("a. pelatihan", "1) pelatihan daring", "2) pelatihan luring", "b. penelitian", "(3) evaluasi"):
        assert any(s.startswith(start) for s in sents), (start, sents)
    assert nlp_id(text)._.janji_sections[0][2].startswith("Pasal 2 RUANG LINGKUP")


def _party(doc, word):
    return next(p for p in doc._.janji_parties if word.lower() in p.name.lower())


def test_news_release_parties_with_aliases(nlp_id):
    text = ("Sukamaju Teken MoU dengan Universitas Lembah Hijau\n\n"
            "SUKAMAJU - Pemerintah Kabupaten (Pemkab) Sukamaju dan Universitas Lembah Hijau (ULH) resmi "
            "menandatangani nota kesepakatan kerja sama di bidang pendidikan, Senin (3/6/2024). "
            "Acara turut dihadiri Kepala Dinas Pendidikan Provinsi Jawa Barat.\n\n"
            "Pemkab Sukamaju berharap ULH dapat membantu pelatihan guru.")
    doc = nlp_id(text)
    names = [p.name for p in doc._.janji_parties]
    assert names == ["Pemerintah Kabupaten Sukamaju", "Universitas Lembah Hijau"]
    pemkab = _party(doc, "Sukamaju")
    assert "Pemkab Sukamaju" in pemkab.aliases
    assert "ULH" in _party(doc, "Lembah").aliases
    for p in doc._.janji_parties:
        for e in p.evidence:
            assert text[e.start:e.end] == e.text


def test_news_release_signing_sentence_with_dengan(nlp_id):
    text = ("Badan Riset Daerah melakukan penandatanganan perjanjian kerja sama dengan Politeknik Negeri Tanjung "
            "Harapan di Aula Politeknik, Rabu (2/10/2024). Selain itu, Dinas Pariwisata juga hadir.")
    names = [p.name for p in nlp_id(text)._.janji_parties]
    assert names == ["Badan Riset Daerah", "Politeknik Negeri Tanjung Harapan"]


def test_agreement_title_and_pihak_roles(nlp_id):
    text = ("PERJANJIAN KERJA SAMA\nANTARA\nPT SINAR TIMUR ABADI\nDENGAN\nRUMAH SAKIT CAHAYA BUNDA\n"
            "TENTANG\nPELAYANAN KESEHATAN KARYAWAN\n\nNomor: 12/STA/PKS/II/2025\n\n"
            "Pada hari ini kami yang bertanda tangan di bawah ini:\n"
            "1. Ir. Joko Prasetyo, M.T., Direktur PT Sinar Timur Abadi, yang dalam hal ini mewakili PT Sinar Timur "
            "Abadi, selanjutnya disebut PIHAK PERTAMA.\n"
            "2. dr. Maria Lestari, Sp.PD, Direktur Rumah Sakit Cahaya Bunda, yang dalam hal ini mewakili Rumah Sakit "
            "Cahaya Bunda, selanjutnya disebut PIHAK KEDUA.\n")
    doc = nlp_id(text)
    parties = {p.name: p.role for p in doc._.janji_parties}
    assert parties == {"PT Sinar Timur Abadi": "PIHAK PERTAMA", "Rumah Sakit Cahaya Bunda": "PIHAK KEDUA"}
    assert doc._.janji_kind == "agreement"
    assert doc._.janji_number == "12/STA/PKS/II/2025"
    officials = {o.name: o for o in doc._.janji_officials}
    assert set(officials) == {"Joko Prasetyo", "Maria Lestari"}
    assert officials["Maria Lestari"].honorifics == ("dr.", "Sp.PD")
    assert officials["Joko Prasetyo"].position == "Direktur PT Sinar Timur Abadi"
    assert officials["Joko Prasetyo"].organization == "PT Sinar Timur Abadi"
    assert officials["Joko Prasetyo"].role == "signatory"


def test_position_first_officials_in_a_comma_list(nlp_id):
    text = ("Penandatanganan disaksikan oleh Wakil Bupati Sukamaju Drs. H. Ahmad Fauzi, M.Si, didampingi "
            "Kepala Inspektorat Sukamaju, Rini Wulandari, Kepala Dinas Kesehatan Kabupaten Sukamaju, Bambang, "
            "dan Asisten II Setda Sukamaju, Yusuf Hamzah. Pemerintah Kabupaten Sukamaju siap bekerja sama.")
    doc = nlp_id(text)
    got = {o.name: (o.position, o.organization) for o in doc._.janji_officials}
    assert got == {
        "Ahmad Fauzi": ("Wakil Bupati Sukamaju", "Pemerintah Kabupaten Sukamaju"),
        "Rini Wulandari": ("Kepala Inspektorat Sukamaju", "Pemerintah Kabupaten Sukamaju"),
        "Bambang": ("Kepala Dinas Kesehatan Kabupaten Sukamaju", "Pemerintah Kabupaten Sukamaju"),
        "Yusuf Hamzah": ("Asisten II Setda Sukamaju", "Pemerintah Kabupaten Sukamaju"),
    }
    fauzi = next(o for o in doc._.janji_officials if o.name == "Ahmad Fauzi")
    assert fauzi.honorifics[:2] == ("Drs.", "H.")


def test_position_then_name_without_comma_and_speaker_merge(nlp_id):
    text = ("Pemerintah Provinsi Jawa Barat dan Universitas Lembah Hijau menandatangani nota kesepahaman. "
            "Gubernur Jawa Barat Siti Nurhaliza hadir bersama Ketua Ombudsman RI Agus Salim.\n\n"
            "\"Kerja sama ini penting bagi warga,\" kata Nurhaliza.")
    doc = nlp_id(text)
    got = {o.name: o for o in doc._.janji_officials}
    assert set(got) == {"Siti Nurhaliza", "Agus Salim"}
    siti = got["Siti Nurhaliza"]
    assert siti.position == "Gubernur Jawa Barat"
    assert siti.organization == "Pemerintah Provinsi Jawa Barat"
    assert siti.role == "speaker"
    assert len(siti.evidence) >= 2  # full name and the surname in the quote
    assert got["Agus Salim"].position == "Ketua Ombudsman RI"


def test_signature_block_columns(nlp_id):
    text = ("PERJANJIAN KERJA SAMA\nANTARA\nKOPERASI MAJU BERSAMA\nDENGAN\nPT BUMI HIJAU\n\n"
            "Pasal 1\nPara pihak sepakat.\n\n"
            "PIHAK PERTAMA,                         PIHAK KEDUA,\n"
            "Koperasi Maju Bersama                  PT Bumi Hijau\n\n"
            "(ttd.)                                 (ttd.)\n\n"
            "HENDRA GUNAWAN, S.E.                   Dr. Lina Marlina\n"
            "Ketua                                  Direktur Utama\n")
    doc = nlp_id(text)
    got = {o.name: (o.position, o.organization, o.role) for o in doc._.janji_officials}
    assert got == {"Hendra Gunawan": ("Ketua", "Koperasi Maju Bersama", "signatory"),
                   "Lina Marlina": ("Direktur Utama", "PT Bumi Hijau", "signatory")}


def test_english_memorandum(nlp_en):
    text = ("MEMORANDUM OF UNDERSTANDING\nBETWEEN\nNORTHFIELD UNIVERSITY\nAND\nUNIVERSITAS LEMBAH HIJAU\n\n"
            "This Memorandum is made between Northfield University, represented by Prof. Dr. Alan Brooks, "
            "Vice-Chancellor of Northfield University (hereinafter \"NU\"), and Universitas Lembah Hijau, "
            "represented by Dr. Sari Dewi, M.Pd., Rector of Universitas Lembah Hijau (hereinafter \"ULH\").\n\n"
            "Article 1\nThe Parties shall exchange students.\n\n"
            "Done in duplicate at Bandung on 5 May 2025.\n")
    doc = nlp_en(text)
    parties = {p.name: p for p in doc._.janji_parties}
    assert set(parties) == {"Northfield University", "Universitas Lembah Hijau"}
    assert "NU" in parties["Northfield University"].aliases and parties["Northfield University"].role == "first_party"
    got = {o.name: (o.position, o.organization) for o in doc._.janji_officials}
    assert got == {"Alan Brooks": ("Vice-Chancellor of Northfield University", "Northfield University"),
                   "Sari Dewi": ("Rector of Universitas Lembah Hijau", "Universitas Lembah Hijau")}
    assert doc._.janji_location == "Bandung"
    assert doc._.janji_kind == "agreement"


def test_on_behalf_of_blocks_without_a_signature_mark(nlp_en):
    text = ("MEMORANDUM OF UNDERSTANDING\nBETWEEN\nHARBOURVIEW CITY COUNCIL\nAND\nPOLITEKNIK NEGERI SUKAMAJU\n\n"
            "Article 1\nThe Parties shall exchange apprentices.\n\n"
            "For and on behalf of\nHarbourview City Council\n\n____________________\n"
            "Margaret O'Neill\nChief Executive Officer\n\n"
            "For and on behalf of\nPoliteknik Negeri Sukamaju\n\n"
            "Dr. Bayu Santoso, M.T.\nDirector\n")
    doc = nlp_en(text)
    got = {o.name: (o.position, o.organization, o.role) for o in doc._.janji_officials}
    assert got["Bayu Santoso"] == ("Director", "Politeknik Negeri Sukamaju", "signatory")
    assert got["Margaret O'Neill"][1:] == ("Harbourview City Council", "signatory")


def test_for_known_organisation_signature_block(nlp_en):
    text = ("MEMORANDUM OF UNDERSTANDING\nBETWEEN\nBRIGHTWATER TRUST\nAND\nUNIVERSITAS LEMBAH HIJAU\n\n"
            "Article 1\nThe Parties shall share survey data.\n\n"
            "For Brightwater Trust,\n\nDr. Helen Marsh\nExecutive Director\n\n"
            "For Universitas Lembah Hijau,\n\nProf. Dr. Sari Dewi, M.Pd.\nRector\n")
    doc = nlp_en(text)
    got = {o.name: (o.position, o.organization) for o in doc._.janji_officials}
    assert got["Helen Marsh"] == ("Executive Director", "Brightwater Trust"), got
    assert got["Sari Dewi"] == ("Rector", "Universitas Lembah Hijau"), got


def test_name_selaku_position_at_the_start_of_a_sentence(nlp_id):
    text = ("Pemerintah Kota Sukamaju dan Universitas Lembah Hijau menandatangani nota kesepakatan, Senin (3/3/2025). "
            "Rina Handayani selaku Kepala Bagian Kerja Sama Sekretariat Daerah Kota Sukamaju menjelaskan, "
            "kerja sama meliputi pelatihan aparatur.\n")
    doc = nlp_id(text)
    got = {o.name: o.position for o in doc._.janji_officials}
    assert got.get("Rina Handayani") == "Kepala Bagian Kerja Sama Sekretariat Daerah Kota Sukamaju", got


def test_document_kind_of_release_and_report(nlp_id):
    release = nlp_id("Pemkab Sukamaju Teken MoU dengan Universitas Lembah Hijau\n\nSUKAMAJU - Pemerintah "
                     "Kabupaten Sukamaju menandatangani nota kesepakatan. \"Ini awal yang baik,\" ujarnya.")
    assert release._.janji_kind == "news_release"
    assert release._.janji_title == "Pemkab Sukamaju Teken MoU dengan Universitas Lembah Hijau"
    report = nlp_id("LAPORAN KEGIATAN\nPelatihan Guru Sekolah Dasar\n\nKegiatan telah dilaksanakan pada 4 Juni 2024.")
    assert report._.janji_kind == "activity_report"


def test_report_title_under_a_letterhead_is_an_activity_report(nlp_id):
    text = ("PEMERINTAH KABUPATEN SUNGAI ELOK\nDINAS PERIKANAN\nJalan Dermaga Nomor 4, Sungai Elok\n\n"
            "LAPORAN PELAKSANAAN NOTA KESEPAKATAN BUDIDAYA IKAN AIR TAWAR\nSEMESTER I TAHUN 2031\n\n"
            "1. Sebanyak 40 kolam terpal telah dibagikan kepada kelompok pembudidaya.\n")
    assert nlp_id(text)._.janji_kind == "activity_report"
