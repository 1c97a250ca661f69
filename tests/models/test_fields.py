"""Reviewer values: what is accepted, what is a 422 (property tests on the validators)."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.errors import InvalidValue
from models.repo.fields import parse_date, validate_changes


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)))
def test_every_real_date_round_trips(day):
    assert parse_date(day.isoformat(), field="due") == day


@given(st.integers(1900, 2200), st.integers(1, 12), st.integers(1, 31))
def test_impossible_calendar_dates_are_refused(year, month, day):
    try:
        real = dt.date(year, month, day)
    except ValueError:
        real = None
    text = f"{year:04d}-{month:02d}-{day:02d}"
    if real is None:
        with pytest.raises(InvalidValue):
            parse_date(text, field="due")
    else:
        assert parse_date(text, field="due") == real


@pytest.mark.parametrize("text", ["2025-1-5", "05/01/2025", "2025-01-05T00:00", " 2025-01-05", "2025-01-05\n",
                                  "２０２５-01-05", 20250105, ["2025-01-05"]])
def test_only_plain_iso_dates_are_accepted(text):
    with pytest.raises(InvalidValue):
        parse_date(text, field="due")


def test_validation_names_the_field():
    with pytest.raises(InvalidValue) as err:
        validate_changes("commitment", {"text": "ok", "due": "2025-02-29"})
    assert err.value.field == "due"
    assert validate_changes("date", {"date": None, "role": "expiry"}) == {"date": None, "role": "expiry"}
    assert validate_changes("party", {"name": "  Pemkab Bandung  "}) == {"name": "Pemkab Bandung"}
    with pytest.raises(InvalidValue):
        validate_changes("party", {})
