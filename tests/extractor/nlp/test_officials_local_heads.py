"""Officials: the words right after a village or district head's title ("Camat X", "Kades X", "Pak Camat X")
name the office's territory, not a person. Invented text; traps where a person is named after a comma, an
honorific or a degree, or after a territory the document names as a place."""
from __future__ import annotations


def officials(nlp, text: str) -> dict:
    return {o.name: o for o in nlp(text)._.janji_officials}


def test_a_local_head_called_by_the_office_is_no_person(nlp_id):
    text = ("Laporan lengkap sudah dikirim ke Camat Lembah Nilam pada hari Senin. Pak Kades Mekar Tani "
            "menyampaikan terima kasih, dan Lurah Bukit Cendana ikut membagikan benih.")
    assert officials(nlp_id, text) == {}


def test_a_person_after_a_comma_an_honorific_or_a_degree_is_still_read(nlp_id):
    text = ("Rapat dihadiri Camat Lembah Nilam, Hendra Wiratama, dan Kepala Desa Sumber Tani, Sugiono. "
            "Camat Drs. Rahmat Saleh juga hadir.")
    got = officials(nlp_id, text)
    assert set(got) == {"Hendra Wiratama", "Sugiono", "Rahmat Saleh"}
    assert got["Hendra Wiratama"].position == "Camat Lembah Nilam"
    assert got["Sugiono"].position == "Kepala Desa Sumber Tani"


def test_a_person_after_a_territory_known_as_a_place_is_still_read(nlp_id):
    text = "Di Kecamatan Lembah Nilam, rapat dibuka oleh Camat Lembah Nilam Hendra Wiratama."
    got = officials(nlp_id, text)
    assert set(got) == {"Hendra Wiratama"}
