"""Organisation names and parties: forms met on blind set 3 (tests/holdout_blind3), each tested on
invented text (never that set's sentences); each test fails without the rule it names."""
from __future__ import annotations

from extractor.nlp.orgs import known_places
from extractor.nlp.short_forms import syllable_short_form


def _parties(doc) -> dict[str, tuple[str, ...]]:
    return {p.name: p.aliases for p in doc._.janji_parties}


def test_a_place_after_a_headline_short_name_is_part_of_the_body_name(nlp_id):
    # the headline writes "Pengadilan Negeri", the body "Pengadilan Negeri Tanjung Rimbo" (no position
    # before it): the place is part of the name, so the list "X dan Y" joins the third party
    text = ("Pemkot Sungai Jernih, Pengadilan Negeri dan Kejari Teken Nota Kesepakatan Layanan Hukum\n\n"
            "Pemerintah Kota Sungai Jernih menandatangani nota kesepakatan dengan Pengadilan Negeri Tanjung "
            "Rimbo dan Kejaksaan Negeri Sungai Jernih tentang layanan hukum, Kamis (3/7/2031).\n\n"
            "Ketua Pengadilan Negeri Tanjung Rimbo, Dra. Melati Kusuma, M.H., menyampaikan terima kasih.\n")
    doc = nlp_id(text)
    names = list(_parties(doc))
    assert "Pengadilan Negeri Tanjung Rimbo" in names, names
    assert any(n.startswith("Kejaksaan Negeri") for n in names), names
    assert len(names) == 3, names
    people = {o.name for o in doc._.janji_officials}
    assert "Melati Kusuma" in people and "Tanjung Rimbo" not in people, people


def test_a_person_after_an_organisation_and_a_position_is_still_cut_off(nlp_id):
    text = ("Universitas Bukit Sejuk dan Pemkab Lembah Sari Teken MoU\n\n"
            "Rektor Universitas Bukit Sejuk Hendra Wijaya menandatangani nota kesepahaman dengan Pemerintah "
            "Kabupaten Lembah Sari, Senin (2/6/2031). Rektor Universitas Bukit Sejuk Hendra Wijaya berharap "
            "kerja sama berjalan baik.\n")
    names = list(_parties(nlp_id(text)))
    assert "Universitas Bukit Sejuk" in names, names


def test_an_agency_named_by_a_list_of_affairs_keeps_the_whole_list(nlp_id):
    text = ("Hadir dalam acara itu Kepala Dinas Pemberdayaan Masyarakat, Kepemudaan, Olahraga dan Pariwisata "
            "(DPMKOP) Yulia Rahmawati, S.Sos., dan Kepala Dinas Kesehatan (Dinkes) Agus Pranoto.\n")
    people = {o.name: o.position for o in nlp_id(text)._.janji_officials}
    assert people.get("Yulia Rahmawati") == ("Kepala Dinas Pemberdayaan Masyarakat, Kepemudaan, Olahraga dan "
                                            "Pariwisata (DPMKOP)"), people
    assert people.get("Agus Pranoto") == "Kepala Dinas Kesehatan (Dinkes)", people
    assert not any(n.startswith("Kepemudaan") for n in people), people


def test_a_comma_after_an_agency_before_people_still_ends_it(nlp_id):
    text = "Rapat dihadiri Dinas Pendidikan, Budi Santoso dan Rina Marlina dari sekolah mitra.\n"
    doc = nlp_id(text)
    spans = [doc.text[s:e] for s, e, _ in doc.user_data["janji_orgs"]["spans"]]
    assert "Dinas Pendidikan" in spans, spans


def test_syllable_short_form_of_a_ministry_office():
    assert syllable_short_form("Kemenkes", "Kementerian Kesehatan")
    assert syllable_short_form("Dinkes", "Dinas Kesehatan Kota Padang Rimbun")
    assert not syllable_short_form("Susanto", "Sumber Sanitasi Tobat")    # first piece too short
    assert not syllable_short_form("Merawan", "Kabupaten Batang Merawan")  # a word of the name itself


def test_a_syllable_short_form_is_a_mention_not_a_name(nlp_id):
    text = ("Kantor Kementerian Kesehatan Provinsi Teluk Biru dan Universitas Samudra Timur menandatangani "
            "nota kesepahaman, Rabu (4/6/2031). Kepala Kantor Kemenkes Rudi Hartono berharap kerja sama "
            "segera berjalan.\n")
    doc = nlp_id(text)
    ministry = next(p for p in doc._.janji_parties if "Kesehatan" in p.name)
    assert "Kemenkes" in ministry.aliases, ministry.aliases
    assert {o.name for o in doc._.janji_officials} == {"Rudi Hartono"}


def test_a_parenthesised_short_form_for_the_words_before_it_is_the_same_party(nlp_id):
    text = ("Polres Danau Biru dan Bank Nagari Teken PKS\n\n"
            "DANAU BIRU – Kepolisian Resor (Polres) Danau Biru dan PT Bank Nagari Sejahtera menandatangani "
            "perjanjian kerja sama, Selasa (1/7/2031). Polres Danau Biru akan mengamankan kantor layanan.\n")
    parties = _parties(nlp_id(text))
    assert len(parties) == 2, parties
    police = next(n for n in parties if "Danau Biru" in n)
    assert "Polres Danau Biru" in parties[police], parties


def test_an_organisation_named_only_in_the_headline_is_not_a_party(nlp_id):
    text = ("Pemprov dan Institut Riset Jerman Jalin Kerja Sama Energi Surya\n\n"
            "Pemerintah Provinsi Lembah Surya menandatangani nota kesepahaman dengan Fraunhofer Solar Institute "
            "(FSI) tentang energi surya, Senin (7/7/2031).\n")
    names = list(_parties(nlp_id(text)))
    assert not any("Jerman" in n for n in names), names
    assert len(names) == 2, names


def test_quoted_names_and_village_enterprises(nlp_id):
    text = ("PERJANJIAN KERJA SAMA\nANTARA\nBUMDES \"MAJU BERSAMA\" DESA SUKA RAMAI\nDENGAN\nCV TANI JAYA\n\n"
            "1. Andi Pratama, S.P., Direktur BUMDes \"Maju Bersama\" Desa Suka Ramai, selanjutnya disebut "
            "PIHAK PERTAMA;\n\n"
            "Saksi: Ketua Gapoktan \"Sri Rejeki\" Suka Ramai, Lestari br Sembiring\n")
    doc = nlp_id(text)
    people = {o.name: o.position for o in doc._.janji_officials}
    assert people.get("Andi Pratama") == "Direktur BUMDes \"Maju Bersama\" Desa Suka Ramai", people
    assert people.get("Lestari br Sembiring") == "Ketua Gapoktan \"Sri Rejeki\" Suka Ramai", people
    assert len(doc._.janji_parties) == 2, _parties(doc)


def test_a_district_after_a_village_is_a_place_not_a_person(nlp_id):
    text = ("Pada hari ini, di Kantor Kepala Desa Suka Ramai, Kecamatan Bukit Hulu, Kabupaten Lembah Sari, "
            "kami yang bertanda tangan di bawah ini:\n")
    assert [o.name for o in nlp_id(text)._.janji_officials] == []     # the office of a position is a place
    assert "bukit hulu" in known_places(text)                        # "Kecamatan X" names a place
    assert "rina wati" not in known_places("Kepala Desa Rina Wati hadir.")
