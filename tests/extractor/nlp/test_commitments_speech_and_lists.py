"""Commitment rules for releases and agreements: scope lists written inline with commas, reported
speech, support statements, slogans and language clauses (invented text)."""
from __future__ import annotations

from extractor.nlp.commitments import find_commitments
from extractor.types import Party


def _texts(text: str, kind: str = "news_release") -> list[str]:
    return [c.text for c in find_commitments(text, kind=kind)]


def test_scope_list_with_commas_gives_one_commitment_per_item() -> None:
    release = ("Pemerintah Kota Lembah Hijau dan Koperasi Susu Sejahtera meneken nota kesepakatan, Senin (3/2/2031).\n\n"
               "Ruang lingkup kerja sama meliputi pengadaan pakan ternak sesuai kebutuhan peternak, pembangunan "
               "tempat pendingin susu di tiap kecamatan, pelatihan kesehatan hewan melalui sekolah lapang (SL) "
               "bagi kader desa, pemeriksaan mutu susu, serta pertukaran data populasi sapi perah antara dinas "
               "dan koperasi.\n")
    texts = _texts(release)
    for item in ("pengadaan pakan ternak sesuai kebutuhan peternak",
                 "pembangunan tempat pendingin susu di tiap kecamatan",
                 "pelatihan kesehatan hewan melalui sekolah lapang (SL) bagi kader desa",
                 "pemeriksaan mutu susu",
                 "pertukaran data populasi sapi perah antara dinas dan koperasi"):
        assert item in texts, (item, texts)
    assert not any(t.startswith("Ruang lingkup") for t in texts), texts


def test_agreement_that_regulates_two_things_gives_both_items() -> None:
    release = ("Dinas Pendidikan dan Universitas Bukit Raya menandatangani PKS tentang Literasi Digital.\n\n"
               "Selain pelatihan guru, PKS juga mengatur penyediaan akun pembelajaran daring bagi murid kelas "
               "akhir, serta pendampingan perpustakaan sekolah di daerah terpencil.\n")
    texts = _texts(release)
    assert "penyediaan akun pembelajaran daring bagi murid kelas akhir" in texts, texts
    assert "pendampingan perpustakaan sekolah di daerah terpencil" in texts, texts


def test_examples_after_including_in_a_plan_sentence_are_not_split_off() -> None:
    release = ("The city and the institute signed a memorandum on Monday.\n\n"
               "The institute will train 40 rangers in patrol methods, including mapping, first aid and radio use.\n")
    texts = _texts(release)
    assert any(t.startswith("The institute will train 40 rangers") for t in texts), texts
    assert "mapping" not in texts


def test_ready_to_support_without_an_object_is_not_a_commitment() -> None:
    release = ("Pemkab Tanjung Batu dan Politeknik Samudra meneken nota kesepahaman, Rabu (5/3/2031).\n\n"
               "Wakil Bupati mengatakan Pemkab siap mendukung sepenuhnya. Politeknik siap melatih 50 nelayan "
               "muda mengoperasikan mesin kapal.\n")
    texts = _texts(release)
    assert not any("siap mendukung sepenuhnya" in t for t in texts), texts
    assert any("melatih 50 nelayan" in t for t in texts), texts


def test_reported_speech_with_would_is_a_commitment() -> None:
    release = ("The agency and the province signed a grant agreement on Tuesday.\n\n"
               "The Vice Governor said the province would open two seed banks before the end of 2031 and "
               "expects farmers to use them by March 2032.\n\n"
               "Officials would often travel to the islands in the past.\n")
    texts = _texts(release)
    assert any("would open two seed banks" in t for t in texts), texts
    assert not any("travel to the islands" in t for t in texts), texts


def test_short_first_person_negated_pledge_is_a_slogan() -> None:
    release = ("The foundation and the regency signed a memorandum on Friday.\n\n"
               "\"We will not leave anyone behind. Each clinic will receive two nurses by June 2031,\" the "
               "director said.\n")
    texts = _texts(release)
    assert not any(t.startswith("We will not leave") for t in texts), texts
    assert any("two nurses" in t for t in texts), texts


def test_a_clause_naming_the_prevailing_language_is_not_an_obligation() -> None:
    mou = ("MEMORANDUM OF UNDERSTANDING\n\nArticle 3\nImplementation\n"
           "1. Party A shall host two visiting lecturers each year.\n\n"
           "Article 6\nLanguage\n"
           "This Memorandum is made in English and Indonesian. Should the versions differ, the English "
           "version shall prevail.\n"
           "Jika terdapat perbedaan tafsir, naskah berbahasa Indonesia yang berlaku.\n")
    texts = _texts(mou, kind="agreement")
    assert any("visiting lecturers" in t for t in texts), texts
    assert not any("prevail" in t or "berlaku" in t for t in texts), texts


def test_a_confidentiality_duty_closing_a_quote_stays() -> None:
    release = ("Dinas Sosial dan Yayasan Peduli meneken kerja sama pendataan lansia, Kamis (6/3/2031).\n\n"
               "\"Pelayanan bagi lansia harus terus ditingkatkan. Data lansia yang kami terima tetap harus dijaga "
               "kerahasiaannya,\" ujarnya.\n")
    texts = _texts(release)
    assert any("harus dijaga kerahasiaannya" in t for t in texts), texts
    assert not any("terus ditingkatkan" in t for t in texts), texts   # an exhortation, not a duty


def test_stock_prepared_until_a_date_is_an_undertaking() -> None:
    release = ("Pemprov Lembah Raya dan PT Benih Nusantara meneken kesepakatan bersama, Senin (7/7/2031).\n\n"
               "Menurut direktur, perusahaan telah menyiapkan 20.000 ton benih padi untuk wilayah Lembah Raya "
               "hingga akhir 2031.\n\n"
               "Perusahaan telah menyiapkan ruang pameran bagi tamu undangan.\n")
    parties = [Party(name="Pemerintah Provinsi Lembah Raya"), Party(name="PT Benih Nusantara")]
    texts = [c.text for c in find_commitments(release, kind="news_release", parties=parties)]
    assert any("20.000 ton benih padi" in t for t in texts), texts
    assert not any("ruang pameran" in t for t in texts), texts


RELEASE_TERMS = (
    "Dinas Perikanan Kabupaten Teluk Sunyi menandatangani perjanjian kerja sama dengan Koperasi Nelayan "
    "Samudra Jaya tentang pengolahan ikan asap, Kamis (4/9/2031).\n\n"
    "Dalam perjanjian tersebut, Koperasi Nelayan Samudra Jaya akan membangun rumah pengasapan di dua desa "
    "pesisir. Dinas Perikanan bertugas melatih pengurus koperasi dan menguji mutu produk setiap triwulan. "
    "Koperasi juga menyalurkan ikan asap ke pasar kecamatan yang telah ditetapkan bersama. "
    "Penandatanganan disaksikan para kepala desa.\n\n"
    "Koperasi Nelayan Samudra Jaya membagikan 300 paket ikan asap kepada warga.\n"
)
PARTIES_RELEASE = [Party("Dinas Perikanan Kabupaten Teluk Sunyi", ("Dinas Perikanan",)),
                   Party("Koperasi Nelayan Samudra Jaya", ("Koperasi",))]


def test_terms_told_after_under_the_agreement_and_a_task_are_commitments() -> None:
    got = {c.text: c for c in find_commitments(RELEASE_TERMS, kind="news_release", parties=PARTIES_RELEASE)}
    tasked = next(c for t, c in got.items() if t.startswith("Dinas Perikanan bertugas melatih"))
    assert tasked.parties == ("Dinas Perikanan Kabupaten Teluk Sunyi",)
    # a later sentence of the same paragraph in which a party does something is a term too
    assert any(t.startswith("Koperasi juga menyalurkan ikan asap") for t in got), list(got)
    # ... but not one naming no party first, nor the next paragraph's report of something done
    assert not any(t.startswith("Penandatanganan disaksikan") for t in got), list(got)
    assert not any("300 paket" in t for t in got), list(got)
    # "perjanjian kerja sama dengan X": the kind of the agreement is not its subject
    assert not any(t in ("kerja sama", "kerja sama dengan") for t in got), list(got)


def test_pihak_kesatu_hands_its_party_to_the_items_of_its_duties() -> None:
    text = ("PERJANJIAN KERJA SAMA\n\nPemerintah Desa Sukaraja, selanjutnya disebut PIHAK KESATU;\n"
            "Koperasi Tani Makmur, selanjutnya disebut PIHAK KEDUA.\n\n"
            "Pasal 2\nKEWAJIBAN PIHAK KESATU\n\nPIHAK KESATU berkewajiban:\n"
            "a. menyediakan gudang penyimpanan gabah; dan\nb. menugaskan kepala dusun mendata petani.\n")
    parties = [Party("Pemerintah Desa Sukaraja"), Party("Koperasi Tani Makmur")]
    got = {c.text: c for c in find_commitments(text, kind="agreement", parties=parties)}
    assert got["menugaskan kepala dusun mendata petani"].parties == ("Pemerintah Desa Sukaraja",), got
