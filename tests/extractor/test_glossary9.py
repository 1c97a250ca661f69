"""BM25 glossary, session 9 (vocabulary misses on blind sets 6, 7 and 9), on invented sentences: an
Indonesian report and an English (or Indonesian) commitment share the term the glossary gives both,
and an unrelated commitment does not get it."""
from __future__ import annotations

from extractor.matching_text import analyze, match_key


def terms(text: str) -> set[str]:
    return {match_key(t) for t in analyze(text)}  # the form BM25 compares terms in ("press" / "pres")


def shared(a: str, b: str) -> set[str]:
    return terms(a) & terms(b)


def keys(*stems: str) -> set[str]:
    return {match_key(s) for s in stems}


def test_mobile_blood_units_visit_and_are_blood_donor_units():
    report = "Sepanjang bulan Mei mobil unit UDD menyambangi 12 kelurahan di pesisir kota"
    assert keys("visit", "blood", "donor") <= shared(report, "The blood donor unit shall visit every ward of the city")
    assert keys("blood", "donor") <= shared(report, "menyelenggarakan donor darah keliling setiap bulan")
    assert not shared(report, "The City shall repair the fish market roof") - keys("city")


def test_presses_and_compactors_at_waste_sites_meet_baling_presses():
    report = "Dua mesin pemadat botol dipasang di TPS3R Kelurahan Baru; botol dipres jadi bal"
    commitment = "The Company shall provide two baling presses to the waste processing sites of the City"
    assert keys("press", "wast", "sit", "bal") <= shared(report, commitment)
    # a machine of another kind shares none of the press words
    assert not shared(report, "install reverse vending machines in public places") & keys("press", "bal", "wast", "sit")


def test_lesson_hours_are_a_time_not_learning():
    report = "Uji kecepatan internet dilakukan pada jam belajar di 10 sekolah"
    assert keys("lesson", "hour") <= terms(report)
    # the time of day a test was run says nothing about a commitment to equip learning
    assert not shared(report, "menghibahkan laptop untuk pembelajaran siswa") & keys("study", "learn")
    assert keys("learn") <= shared("Siswa belajar memakai laptop baru", "laptops for learning")


def test_interpreters_interest_rates_and_working_capital_meet_their_english_words():
    assert keys("interpreter") <= shared("Tamu didampingi seorang penerjemah dari dinas",
                                         "provide an interpreter for the visiting officials")
    report = "Koperasi menerima pinjaman modal kerja dengan suku bunga 6 persen setahun"
    assert keys("work", "capit", "interest", "rate", "loan") <= shared(
        report, "extend working capital loans at an interest rate of at most 6 percent")
    assert keys("own") <= shared("menyalurkan kredit kepada Badan Usaha Milik Desa",
                                "The bank lent money to twelve village-owned enterprises.")
    assert not shared(report, "build a bridge over the river") - keys("persen", "percent")


def test_regent_regulations_and_cashless_payments():
    report = "Perbup tentang pembayaran nontunai telah diundangkan"
    assert keys("regent", "regul", "cash") <= shared(report, "menetapkan Peraturan Bupati tentang transaksi nontunai")
    assert keys("regent", "regul", "cash") <= shared(report, "issue a regent regulation on cash payments")
    assert keys("cash") <= shared("Desa membayar tanpa uang tunai", "transaksi nontunai desa")
    assert not shared(report, "menyalurkan kredit usaha kepada koperasi") & keys("regent", "regul", "cash")


def test_pre_departure_is_before_departure():
    assert keys("departur") <= shared("A pre-departure briefing was held for the workers.",
                                      "melaksanakan orientasi bagi peserta sebelum keberangkatan")
    assert not shared("A pre-departure briefing was held for the workers.",
                      "menyediakan asrama bagi peserta") & keys("departur")


def test_the_social_affairs_office_by_its_short_name():
    report = "Daftar penerima dari Dinsos diterima kantor pos"
    assert keys("soci", "affair") <= shared(report, "melalui Dinas Sosial menyerahkan daftar penerima bantuan")
    assert keys("soci", "affair") <= shared(report, "the office of social affairs shall hand over the list")
    assert not shared(report, "melalui Dinas Kesehatan menyediakan vaksin") & keys("soci", "affair", "dinso")
