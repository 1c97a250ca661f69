"""Date parser: format -> parse round trips, notarial words, terms, relative deadlines."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor import dates as D

DATES = st.dates(min_value=date(1950, 1, 1), max_value=date(2099, 12, 31))
ID_ABBR = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agt", "Sep", "Okt", "Nop", "Des")
WEEKDAYS_ID = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


FORMATS = {
    "id_long": (lambda d: f"{d.day} {D.MONTH_NAMES_ID[d.month - 1]} {d.year}", "id"),
    "id_abbr": (lambda d: f"{d.day} {ID_ABBR[d.month - 1]} {d.year}", "id"),
    "id_weekday_paren": (lambda d: f"{WEEKDAYS_ID[d.weekday()]}, ({d.day}/{d.month}/{d.year})", "id"),
    "dd-mm-yyyy": (lambda d: f"{d.day:02d}-{d.month:02d}-{d.year}", "id"),
    "d/m/yyyy": (lambda d: f"{d.day}/{d.month}/{d.year}", "id"),
    "dd.mm.yyyy": (lambda d: f"{d.day:02d}.{d.month:02d}.{d.year}", "id"),
    "iso": (lambda d: d.isoformat(), "en"),
    "en_mdy": (lambda d: f"{D.MONTH_NAMES_EN[d.month - 1]} {d.day}, {d.year}", "en"),
    "en_ordinal": (lambda d: f"{ordinal(d.day)} {D.MONTH_NAMES_EN[d.month - 1]} {d.year}", "en"),
    "en_dmy_weekday": (lambda d: f"{WEEKDAYS_EN[d.weekday()]}, {d.day} {D.MONTH_NAMES_EN[d.month - 1]} {d.year}", "en"),
    "en_abbr_dot": (lambda d: f"{d.day} {D.MONTH_NAMES_EN[d.month - 1][:3]}. {d.year}", "en"),
    "notarial": (lambda d: (f"pada hari ini {WEEKDAYS_ID[d.weekday()]} tanggal {D.number_to_words_id(d.day)} "
                           f"bulan {D.MONTH_NAMES_ID[d.month - 1]} tahun {D.number_to_words_id(d.year)}"), "id"),
    "notarial_with_digits": (lambda d: (f"Pada hari ini, {WEEKDAYS_ID[d.weekday()]}, tanggal "
                                       f"{D.number_to_words_id(d.day)} bulan {D.MONTH_NAMES_ID[d.month - 1]} tahun "
                                       f"{D.number_to_words_id(d.year)} ({d.day:02d}-{d.month:02d}-{d.year})"), "id"),
}


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@settings(max_examples=60, deadline=None)
@given(d=DATES)
def test_format_then_parse_round_trips(fmt: str, d: date) -> None:
    render, lang = FORMATS[fmt]
    written = render(d)
    hits = D.find_dates(f"Kegiatan berlangsung {written}, di kantor.", lang=lang)
    assert len(hits) == 1, (written, hits)
    assert hits[0].date == d, written
    assert hits[0].text in written or written in hits[0].text


@settings(max_examples=300, deadline=None)
@given(n=st.integers(min_value=0, max_value=999_999))
def test_indonesian_number_words_round_trip(n: int) -> None:
    assert D.parse_number_words(D.number_to_words_id(n)) == n


@settings(max_examples=300, deadline=None)
@given(n=st.integers(min_value=0, max_value=999_999))
def test_english_number_words_round_trip(n: int) -> None:
    assert D.parse_number_words(D.number_to_words_en(n)) == n


@pytest.mark.parametrize("day", range(1, 32))
def test_notarial_words_for_every_day(day: int) -> None:
    for month in range(1, 13):
        d = date(2024, month, day) if day <= D._days_in_month(2024, month) else None
        text = (f"tanggal {D.number_to_words_id(day)} bulan {D.MONTH_NAMES_ID[month - 1]} "
                f"tahun dua ribu dua puluh empat")
        hits = D.find_dates(text)
        assert len(hits) == 1
        assert hits[0].date == d          # 31 Februari is kept as raw text with no value


@pytest.mark.parametrize("month", range(1, 13))
def test_every_month_name_and_abbreviation(month: int) -> None:
    for name in (D.MONTH_NAMES_ID[month - 1], D.MONTH_NAMES_EN[month - 1], ID_ABBR[month - 1]):
        assert D.parse_date(f"7 {name} 2025") == date(2025, month, 7), name


@pytest.mark.parametrize("words, year", [
    ("dua ribu dua puluh empat", 2024),
    ("dua ribu sembilan belas", 2019),
    ("seribu sembilan ratus sembilan puluh sembilan", 1999),
    ("seribu sembilan ratus delapan puluh", 1980),
    ("dua ribu sepuluh", 2010),
    ("dua ribu sebelas", 2011),
    ("two thousand and nineteen", 2019),
    ("nineteen hundred", 1900),
    ("dua ribu lebih", None),          # a word that is not a number: no value, no guess
    ("puluh", None),
])
def test_years_in_words(words: str, year: int | None) -> None:
    assert D.parse_number_words(words) == year


def test_forms_seen_in_practice() -> None:
    cases = {
        "Rabu, (31/7/2024)": date(2024, 7, 31),
        "17 Agt 2023": date(2023, 8, 17),
        "7 Nop 2025": date(2025, 11, 7),
        "5 Sept. 2024": date(2024, 9, 5),
        "31st July 2024": date(2024, 7, 31),
        "July 31, 2024": date(2024, 7, 31),
        "Jumat (28/01/2022)": date(2022, 1, 28),
        "this twenty-fourth day of June, two thousand and nineteen": date(2019, 6, 24),
    }
    for text, want in cases.items():
        assert D.parse_date(text) == want, text


def test_notarial_with_digits_keeps_the_whole_span() -> None:
    text = ("Pada hari ini Rabu tanggal tiga puluh satu bulan Juli tahun dua ribu dua puluh empat "
            "(31-07-2024), bertempat di Jambi")
    [hit] = D.find_dates(text)
    assert hit.date == date(2024, 7, 31)
    assert hit.text.endswith("(31-07-2024)")
    assert text[hit.start:hit.end] == hit.text


@pytest.mark.parametrize("text", [
    "Pada hari ini, Kamis, tanggal 7 (tujuh) bulan Agustus tahun 2025 (dua ribu dua puluh lima), di Sorong",
    "pada hari Kamis tanggal tujuh (7) bulan Agustus tahun dua ribu dua puluh lima (2025), di Sorong",
])
def test_notarial_date_with_the_other_spelling_in_brackets(text: str) -> None:
    [hit] = D.find_dates(text)
    assert hit.date == date(2025, 8, 7)
    assert hit.text.endswith(")") and text[hit.start:hit.end] == hit.text


def test_ambiguous_numeric_date_in_english_keeps_raw_text_only() -> None:
    [hit] = D.find_dates("signed on 03/04/2025 in Jakarta", lang="en")
    assert hit.date is None and hit.text == "03/04/2025"
    # Indonesian writes day first: not ambiguous
    assert D.parse_date("03/04/2025", lang="id") == date(2025, 4, 3)
    # only one reading is a valid date
    assert D.parse_date("13/04/2025", lang="en") == date(2025, 4, 13)


def test_weekday_that_contradicts_the_date_lowers_confidence() -> None:
    [ok] = D.find_dates("Rabu, (31/7/2024)")
    [bad] = D.find_dates("Senin, (31/7/2024)")
    assert ok.date == bad.date == date(2024, 7, 31)
    assert bad.confidence < ok.confidence


def test_yearless_dates_need_a_reference() -> None:
    [hit] = D.find_dates("Senin (22/6) di Jakarta")
    assert hit.date is None and (hit.day, hit.month) == (22, 6)
    [hit] = D.find_dates("Senin (22/6) di Jakarta", reference=date(2020, 6, 23))
    assert hit.date == date(2020, 6, 22)
    # published early January: "(28/12)" is last year's December
    [hit] = D.find_dates("pada (28/12)", reference=date(2024, 1, 3))
    assert hit.date == date(2023, 12, 28)


@settings(max_examples=200, deadline=None)
@given(ref=DATES, back=st.integers(min_value=0, max_value=300))
def test_yearless_resolution_is_the_recent_past(ref: date, back: int) -> None:
    d = ref - timedelta(days=back)
    assert D.resolve_yearless(d.day, d.month, ref) == d


def test_ranges() -> None:
    a, b = D.find_dates("kegiatan 1 s.d. 3 Juli 2024")
    assert (a.date, b.date, b.range_end) == (date(2024, 7, 1), date(2024, 7, 3), True)
    a, b = D.find_dates("berlaku 24 Juni sampai dengan 30 Juli 2024")
    assert (a.date, b.date) == (date(2024, 6, 24), date(2024, 7, 30))


def test_terms() -> None:
    t = D.find_terms("Perjanjian ini berlaku untuk jangka waktu 5 (lima) tahun terhitung sejak ditandatangani.")
    assert [(x.years, x.months, x.days) for x in t] == [(5, 0, 0)]
    t = D.find_terms("shall remain valid for a period of three (3) years")
    assert (t[0].years, t[0].text) == (3, "valid for a period of three (3) years")
    t = D.find_terms("dengan jangka waktu 30 (tiga puluh) bulan")
    assert t[0].months == 30
    t = D.find_terms("Masa berlaku PKS ini lima tahun.")
    assert t[0].years == 5


def test_relative_deadlines_resolve_only_from_a_known_anchor() -> None:
    [r] = D.find_relative("wajib menyerahkan laporan paling lambat 3 (tiga) bulan sejak ditandatangani")
    assert (r.months, r.anchor) == (3, "signing")
    assert D.resolve_relative(r, {}) is None
    assert D.resolve_relative(r, {"signing": date(2024, 7, 31)}) == date(2024, 10, 31)
    [r] = D.find_relative("dalam 90 hari sejak penandatanganan")
    assert D.resolve_relative(r, {"signing": date(2024, 1, 1)}) == date(2024, 3, 31)
    [r] = D.find_relative("membayar paling lambat 30 (tiga puluh) hari sejak tagihan diterima")
    assert r.anchor is None           # an event without a date: raw text only
    [r] = D.find_relative("pemberitahuan paling lambat 1 (satu) bulan sebelum masa berlakunya berakhir")
    assert (r.anchor, r.sign) == ("expiry", -1)
    assert D.resolve_relative(r, {"expiry": date(2026, 6, 24)}) == date(2026, 5, 24)


def test_add_duration_clamps_to_month_end() -> None:
    assert D.add_duration(date(2024, 1, 31), months=1) == date(2024, 2, 29)
    assert D.add_duration(date(2024, 2, 29), years=1) == date(2025, 2, 28)
    assert D.add_duration(date(2024, 7, 31), years=5) == date(2029, 7, 31)


@settings(max_examples=200, deadline=None)
@given(d=DATES, years=st.integers(0, 10), months=st.integers(0, 24))
def test_add_duration_months_are_exact(d: date, years: int, months: int) -> None:
    out = D.add_duration(d, years=years, months=months)
    assert (out.year * 12 + out.month) - (d.year * 12 + d.month) == years * 12 + months
    assert out.day == min(d.day, D._days_in_month(out.year, out.month))


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=200))
def test_spans_always_match_the_text(text: str) -> None:
    for h in D.find_dates(text):
        assert text[h.start:h.end] == h.text


@pytest.mark.parametrize("word,day", [("twelfth", 12), ("fifth", 5), ("eighth", 8), ("ninth", 9),
                                      ("twentieth", 20), ("twenty-first", 21), ("3rd", 3), ("22nd", 22)])
def test_english_formal_date_with_an_ordinal_day(word: str, day: int) -> None:
    hits = D.find_dates(f"This Agreement is made on this {word} day of October 2031 at Port Lumen.", lang="en")
    assert [h.date for h in hits] == [date(2031, 10, day)]
