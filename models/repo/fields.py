"""Which fields of each entity a reviewer may set, how each is validated, and how values are
converted between the extraction JSON, the table, and the audit trail."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from models.errors import InvalidValue
from models.repo.textsafe import is_unsafe
from models.tables import Base, Commitment, DateMention, Document, Official, Party

KIND_ALIASES = {
    "party": "party", "parties": "party",
    "official": "official", "officials": "official",
    "date": "date", "dates": "date",
    "commitment": "commitment", "commitments": "commitment",
    "document": "document", "documents": "document", "agreement": "document", "agreements": "document",
}
TABLES: dict[str, type[Base]] = {"document": Document, "party": Party, "official": Official,
                                 "date": DateMention, "commitment": Commitment}
DOCUMENT_KINDS = ("agreement", "news_release", "activity_report", "other")
DATE_ROLES = ("signing", "effective", "expiry", "deadline", "mentioned")
OFFICIAL_ROLES = ("signatory", "attendee", "speaker")
_ISO = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def entity_kind(kind: str) -> str:
    try:
        return KIND_ALIASES[kind]
    except KeyError:
        raise InvalidValue(f"unknown entity kind {kind!r}", field="kind") from None


def parse_date(value: Any, *, field: str, required: bool = False) -> dt.date | None:
    if value is None or value == "":
        if required:
            raise InvalidValue(f"{field}: a date is required", field=field)
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not _ISO.fullmatch(value):
        raise InvalidValue(f"{field}: expected YYYY-MM-DD, got {value!r}", field=field)
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidValue(f"{field}: {value} is not a real calendar date", field=field) from None


def lenient_date(value: Any) -> dt.date | None:
    """Extractor dates: an unparseable one is stored as None (the raw text stays in `text`)."""
    try:
        return parse_date(value, field="date")
    except InvalidValue:
        return None


def _text(field: str, *, required: bool, max_len: int) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        if value is None:
            if required:
                raise InvalidValue(f"{field} must not be empty", field=field)
            return None
        if not isinstance(value, str):
            raise InvalidValue(f"{field}: expected text", field=field)
        if is_unsafe(value):
            raise InvalidValue(f"{field}: contains a NUL or an unpaired surrogate character", field=field)
        value = value.strip()
        if required and not value:
            raise InvalidValue(f"{field} must not be empty", field=field)
        if len(value) > max_len:
            raise InvalidValue(f"{field}: longer than {max_len} characters", field=field)
        return value or None
    return check


def _choice(field: str, choices: tuple[str, ...], *, nullable: bool) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        if value is None and nullable:
            return None
        if value not in choices:
            raise InvalidValue(f"{field}: expected one of {', '.join(choices)}", field=field)
        return value
    return check


def _str_list(field: str) -> Callable[[Any], list[str]]:
    def check(value: Any) -> list[str]:
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() and not is_unsafe(v)
                                                  for v in value):
            raise InvalidValue(f"{field}: expected a list of non-empty texts", field=field)
        return [v.strip() for v in value]
    return check


def _count(field: str) -> Callable[[Any], int | None]:
    def check(value: Any) -> int | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 1000:
            raise InvalidValue(f"{field}: expected a whole number 0..1000", field=field)
        return value
    return check


def _flag(field: str) -> Callable[[Any], bool]:
    def check(value: Any) -> bool:
        if not isinstance(value, bool):
            raise InvalidValue(f"{field}: expected true or false", field=field)
        return value
    return check


def _date_field(field: str, *, required: bool = False) -> Callable[[Any], dt.date | None]:
    return lambda value: parse_date(value, field=field, required=required)


EDITABLE: dict[str, dict[str, Callable[[Any], Any]]] = {
    "document": {
        "kind": _choice("kind", DOCUMENT_KINDS, nullable=False),
        "title": _text("title", required=False, max_len=2000),
        "number": _text("number", required=False, max_len=255),
        "location": _text("location", required=False, max_len=255),
        "language": _text("language", required=False, max_len=8),
        "term_years": _count("term_years"), "term_months": _count("term_months"),
        "term_days": _count("term_days"),
        "signed_on": _date_field("signed_on"),
    },
    "party": {
        "name": _text("name", required=True, max_len=500),
        "aliases": _str_list("aliases"),
        "role": _text("role", required=False, max_len=120),
    },
    "official": {
        "name": _text("name", required=True, max_len=500),
        "honorifics": _str_list("honorifics"),
        "position": _text("position", required=False, max_len=500),
        "organization": _text("organization", required=False, max_len=500),
        "role": _choice("role", OFFICIAL_ROLES, nullable=True),
    },
    "date": {
        "date": _date_field("date"),
        "role": _choice("role", DATE_ROLES, nullable=False),
        "text": _text("text", required=False, max_len=2000),
    },
    "commitment": {
        "text": _text("text", required=True, max_len=20000),
        "action": _text("action", required=False, max_len=5000),
        "parties": _str_list("parties"),
        "due": _date_field("due"),
        "needs_review": _flag("needs_review"),
    },
}
# Fields whose column is NOT NULL text: None from a validator becomes "".
_EMPTY_STRING = {("date", "text"), ("commitment", "action")}


def validate_changes(kind: str, changes: dict[str, Any]) -> dict[str, Any]:
    """Validate every field first, so an invalid value changes nothing."""
    if not changes:
        raise InvalidValue("no fields to change")
    allowed = EDITABLE[kind]
    clean: dict[str, Any] = {}
    for field, value in changes.items():
        if field not in allowed:
            raise InvalidValue(f"{field}: not a field a reviewer can set on a {kind}", field=field)
        value = allowed[field](value)
        if value is None and (kind, field) in _EMPTY_STRING:
            value = ""
        clean[field] = value
    return clean


def to_json(value: Any) -> Any:
    """A value as it is written into the audit trail and the API."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def ts(value: dt.datetime | None) -> str | None:
    """A stored timestamp as ISO 8601 in UTC (SQLite hands back naive values; they are UTC)."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.isoformat()


def iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def extracted_values(kind: str, item: dict[str, Any]) -> dict[str, Any]:
    """The table values of one extraction item (a party/official/date/commitment dict)."""
    if kind == "party":
        return {"name": (item.get("name") or "").strip(), "aliases": list(item.get("aliases") or []),
                "role": item.get("role")}
    if kind == "official":
        return {"name": (item.get("name") or "").strip(), "honorifics": list(item.get("honorifics") or []),
                "position": item.get("position"), "organization": item.get("organization"),
                "role": item.get("role")}
    if kind == "date":
        return {"date": lenient_date(item.get("date")), "role": item.get("role") or "mentioned",
                "text": item.get("text") or ""}
    if kind == "commitment":
        return {"text": item.get("text"), "action": item.get("action") or "",
                "parties": list(item.get("parties") or []), "due": lenient_date(item.get("due")),
                "needs_review": bool(item.get("needs_review", False))}
    raise ValueError(kind)


def document_values(extraction: dict[str, Any]) -> dict[str, Any]:
    term = extraction.get("term") or {}
    return {
        "kind": extraction.get("kind") or "other", "title": extraction.get("title"),
        "number": extraction.get("number"), "location": extraction.get("location"),
        "language": extraction.get("language"),
        "term_years": term.get("years") if term else None, "term_months": term.get("months") if term else None,
        "term_days": term.get("days") if term else None, "signed_on": _signed_on(extraction),
    }


def _signed_on(extraction: dict[str, Any]) -> dt.date | None:
    for role in ("signing", "effective"):
        for d in extraction.get("dates") or []:
            if d.get("role") == role and lenient_date(d.get("date")):
                return lenient_date(d.get("date"))
    return None
