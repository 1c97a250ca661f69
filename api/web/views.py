"""Pure view models: repository dicts (the API's document schema) -> what the templates show.

No I/O here, so the rules that decide what stands out (needs_review, low confidence, reviewer
values) and how form input becomes a change set are unit-tested without a server.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

LOW_CONFIDENCE = 0.6
KINDS = ("parties", "officials", "dates", "commitments")
SINGULAR = {"parties": "party", "officials": "official", "dates": "date", "commitments": "commitment"}
OFFICIAL_ROLES = ("", "signatory", "attendee", "speaker")
DATE_ROLES = ("signing", "effective", "expiry", "deadline", "mentioned")


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str
    type: str = "text"            # text | textarea | date | select | list
    required: bool = False
    options: tuple[str, ...] = ()
    option_prefix: str = ""


SPECS: dict[str, tuple[FieldSpec, ...]] = {
    "parties": (FieldSpec("name", "field.name", required=True), FieldSpec("aliases", "field.aliases", "list"),
                FieldSpec("role", "field.role")),
    "officials": (FieldSpec("name", "field.name", required=True), FieldSpec("position", "field.position"),
                  FieldSpec("organization", "field.organization"),
                  FieldSpec("role", "field.role", "select", options=OFFICIAL_ROLES, option_prefix="orole."),
                  FieldSpec("honorifics", "field.honorifics", "list")),
    "dates": (FieldSpec("date", "field.date", "date"),
              FieldSpec("role", "field.role", "select", options=DATE_ROLES, option_prefix="drole."),
              FieldSpec("text", "field.text")),
    "commitments": (FieldSpec("text", "field.text", "textarea", required=True), FieldSpec("action", "field.action"),
                    FieldSpec("parties", "field.parties", "list"), FieldSpec("due", "field.due", "date")),
}
DOCUMENT_KINDS = ("agreement", "news_release", "activity_report", "other")
SUMMARY_SPEC = (FieldSpec("kind", "field.kind", "select", options=DOCUMENT_KINDS, option_prefix="kind."),
                FieldSpec("title", "field.title", "textarea"), FieldSpec("number", "field.number"),
                FieldSpec("location", "field.location"), FieldSpec("signed_on", "field.signed_on", "date"))
SPECS["document"] = SUMMARY_SPEC
ADD_LABELS = {"parties": "review.add_party", "officials": "review.add_official",
              "commitments": "review.add_commitment", "dates": None}
SECTION_LABELS = {"parties": "review.parties", "officials": "review.officials", "dates": "review.dates",
                  "commitments": "review.commitments"}


def _template_type(spec: FieldSpec) -> str:
    return "text" if spec.type == "list" else spec.type


def template_specs(kind: str) -> list[dict[str, Any]]:
    return [{"name": s.name, "label": s.label, "type": _template_type(s), "required": s.required,
             "options": s.options, "option_prefix": s.option_prefix} for s in SPECS[kind]]


def form_values(kind: str, item: dict[str, Any]) -> dict[str, str]:
    """The current values as the strings an edit form shows."""
    out: dict[str, str] = {}
    for spec in SPECS[kind]:
        value = item.get(spec.name)
        if spec.type == "list":
            out[spec.name] = "; ".join(str(v) for v in value or [])
        else:
            out[spec.name] = "" if value is None else str(value)
    return out


def parse_form(kind: str, form: dict[str, Any]) -> dict[str, Any]:
    """Form strings -> typed values for the repository (lists split on ';', blanks -> None).
    Validation itself stays in the repository (models.repo.fields), the one place for it."""
    values: dict[str, Any] = {}
    for spec in SPECS[kind]:
        if spec.name not in form:
            continue
        raw = str(form[spec.name]).strip()
        if spec.type == "list":
            values[spec.name] = [part.strip() for part in raw.replace("\n", ";").split(";") if part.strip()]
        elif spec.required:
            values[spec.name] = raw
        else:
            values[spec.name] = raw or None
    return values


def changed_fields(kind: str, current: dict[str, Any], submitted: dict[str, Any]) -> dict[str, Any]:
    """Only what the reviewer actually changed, so the audit trail shows real edits."""
    out = {}
    for name, value in submitted.items():
        old = current.get(name)
        if isinstance(old, list) or isinstance(value, list):
            if list(old or []) != list(value or []):
                out[name] = value
        elif (old if old not in ("",) else None) != value:
            out[name] = value
    return out


def _title(kind: str, item: dict[str, Any]) -> str:
    if kind == "dates":
        return item.get("date") or item.get("text") or "?"
    if kind == "commitments":
        return item.get("text") or ""
    return item.get("name") or "?"


def _meta(kind: str, item: dict[str, Any], t: Callable[..., str]) -> list[str]:
    lines: list[str] = []
    if kind == "parties":
        if item.get("aliases"):
            lines.append(" · ".join(item["aliases"]))
        if item.get("role"):
            lines.append(f"{t('field.role')}: {item['role']}")
    elif kind == "officials":
        bits = [item.get("position"), item.get("organization")]
        if any(bits):
            lines.append(", ".join(b for b in bits if b))
        if item.get("role"):
            lines.append(t("orole." + item["role"]))
    elif kind == "dates":
        lines.append(t("drole." + (item.get("role") or "mentioned")))
        if item.get("text") and item.get("text") != item.get("date"):
            lines.append(f"“{item['text']}”")
    elif kind == "commitments":
        if item.get("parties"):
            lines.append(f"{t('review.parties')}: " + "; ".join(item["parties"]))
        if item.get("due"):
            lines.append(f"{t('field.due')}: {item['due']}")
    return lines


def evidence_key(kind: str, item_id: int, index: int) -> str:
    return f"{kind}-{item_id}-{index}"


def item_view(kind: str, item: dict[str, Any], *, doc_id: int, history: list[dict[str, Any]],
              t: Callable[..., str], error: str | None = None) -> dict[str, Any]:
    confidence = item.get("confidence")
    needs_review = bool(item.get("needs_review"))
    low = confidence is not None and confidence < LOW_CONFIDENCE
    sources = item.get("sources") or {}
    reviewed = item.get("origin") == "reviewer" or "reviewer" in sources.values()
    badges = []
    if needs_review:
        badges.append({"cls": "attn", "text": t("review.needs_review")})
    if low and not reviewed:
        badges.append({"cls": "attn", "text": t("review.low_confidence", pct=round(confidence * 100))})
    if reviewed:
        badges.append({"cls": "reviewer", "text": t("review.reviewed")})
    evidence = []
    for i, ev in enumerate(item.get("evidence") or []):
        key = evidence_key(kind, item["id"], i)
        query = urlencode({"page": ev.get("page") or 1, "ev": key})
        evidence.append({"key": key, "page": ev.get("page") or 1, "bbox": ev.get("bbox"),
                         "text": ev.get("text") or "", "href": f"/documents/{doc_id}?{query}#{kind}-{item['id']}"})
    return {"kind": kind, "id": item["id"], "version": item.get("version", 1), "anchor": f"{kind}-{item['id']}",
            "title": _title(kind, item), "meta": _meta(kind, item, t), "badges": badges, "evidence": evidence,
            "attention": (needs_review or low) and not reviewed, "form_values": form_values(kind, item),
            "history": [history_row(h) for h in reversed(history)], "error": error}


def activity_view(item: dict[str, Any], *, doc_id: int, matches: list[dict[str, Any]]) -> dict[str, Any]:
    """A report's activity statement (read-only here) with the commitments it was matched to."""
    evidence = []
    for i, ev in enumerate(item.get("evidence") or []):
        key = evidence_key("activities", item["id"], i)
        query = urlencode({"page": ev.get("page") or 1, "ev": key})
        evidence.append({"key": key, "page": ev.get("page") or 1, "bbox": ev.get("bbox"), "text": ev.get("text") or "",
                         "href": f"/documents/{doc_id}?{query}#activities-{item['id']}"})
    return {"id": item["id"], "anchor": f"activities-{item['id']}", "text": item.get("text", ""),
            "date": item.get("date"), "parties": item.get("parties") or [], "evidence": evidence, "matches": matches}


def _show(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, list):
        return "; ".join(str(v) for v in value) or "—"
    return str(value)


def history_row(entry: dict[str, Any]) -> dict[str, Any]:
    when = (entry.get("at") or "")[:19].replace("T", " ")
    action = entry.get("action", "update")
    return {"when": when, "who": entry.get("who", ""), "field": entry.get("field", "") if action == "update"
            else f"{action}", "old": _show(entry.get("old")), "new": _show(entry.get("new")),
            "reason": entry.get("reason")}


def find_evidence(detail: dict[str, Any], key: str | None) -> dict[str, Any] | None:
    """The evidence a `?ev=kind-id-index` link points at, if it exists in this document."""
    if not key:
        return None
    try:
        kind, raw_id, raw_index = key.rsplit("-", 2)
        item_id, index = int(raw_id), int(raw_index)
    except ValueError:
        return None
    for item in detail.get(kind, []) if kind in (*KINDS, "activities") else []:
        if item.get("id") == item_id:
            evidence = item.get("evidence") or []
            return evidence[index] if 0 <= index < len(evidence) else None
    return None

