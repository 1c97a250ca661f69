"""Agreement (commitments, their status and matched activities; confirm/reject) and the dashboard
(counts per agreement and party, overdue list, status over time, CSV export)."""
from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from api.web import charts
from api.web.context import FormDep, WebDep, WebError, safe_next
from api.web.status import STATUSES, commitment_statuses, decide_match

router = APIRouter(include_in_schema=False)
CHART_MONTHS = 24


def _as_of(request: Request) -> dt.date:
    raw = request.query_params.get("as_of", "")
    try:
        return dt.date.fromisoformat(raw) if raw else dt.date.today()
    except ValueError:
        return dt.date.today()


def _why(match: dict[str, Any]) -> str:
    parts = []
    if match.get("bm25") is not None:
        parts.append(f"BM25 {match['bm25']:.2f}")
    if match.get("cosine") is not None:
        parts.append(f"cosine {match['cosine']:.2f}")
    reason = (match.get("explanation") or {}).get("reason")
    if reason:
        parts.append(str(reason))
    return " · ".join(parts)


@router.get("/agreements/{doc_id}")
def agreement(web: WebDep, doc_id: int, request: Request) -> Response:
    from models import repository
    from models.errors import NotFound

    web.require("read")
    as_of = _as_of(request)
    with web.runtime.session() as session:
        try:
            doc = repository.get_document_detail(session, document_id=doc_id)
        except NotFound:
            raise WebError(404, "error.not_found") from None
        ids = [c["id"] for c in doc.get("commitments", [])]
        status_by_id = {s["commitment_id"]: s for s in commitment_statuses(session, as_of=as_of, commitment_ids=ids)}
        matches = {cid: repository.list_matches(session, commitment_id=cid) for cid in ids}
        statement_ids = sorted({m["statement_id"] for ms in matches.values() for m in ms})
        statements = {s["id"]: s for s in repository.list_statements(session, statement_ids=statement_ids)} \
            if statement_ids else {}
    commitments = []
    counts: dict[str, int] = {}
    for c in doc.get("commitments", []):
        status = status_by_id.get(c["id"], {}).get("status", "unknown")
        counts[status] = counts.get(status, 0) + 1
        first = (c.get("evidence") or [None])[0]
        rows = []
        for m in matches.get(c["id"], []):
            s = statements.get(m["statement_id"], {})
            ev = (s.get("evidence") or [None])[0]
            href = None
            if s.get("document_id"):
                href = f"/documents/{s['document_id']}"
                if ev:
                    href += f"?page={ev.get('page') or 1}"
            rows.append({"id": m["id"], "status": m["status"], "score": m.get("score") or 0.0, "text": s.get("text", ""),
                         "date": s.get("date"), "report_title": s.get("report", ""), "report_href": href,
                         "why": _why(m)})
        commitments.append({**c, "status": status, "matches": rows,
                            "evidence_page": first.get("page") if first else None,
                            "evidence_href": (f"/documents/{doc_id}?page={first.get('page') or 1}"
                                              f"&ev=commitments-{c['id']}-0#commitments-{c['id']}") if first else None})
    return web.render("agreement.html", {"doc": doc, "commitments": commitments, "counts": counts,
                                         "as_of": as_of.isoformat()})


@router.post("/matches/{match_id}/{decision}")
def decide(web: WebDep, form: FormDep, match_id: int, decision: str) -> Response:
    from models.errors import NotFound

    if decision not in ("confirm", "reject"):
        raise WebError(404, "error.not_found")
    web.require("review")
    web.check_csrf(form)
    with web.runtime.session() as session:
        try:
            decide_match(session, match_id=match_id, decision=decision, reviewer=web.actor,
                         reason=(form.get("reason") or "").strip() or None)
        except NotFound:
            raise WebError(404, "error.not_found") from None
    web.flash("ok", "agr.match_confirmed" if decision == "confirm" else "agr.match_rejected")
    return web.redirect(safe_next(form.get("next"), "/dashboard"))


# -- dashboard --------------------------------------------------------------------------------------

def _month_ends(start: dt.date, end: dt.date) -> list[dt.date]:
    """Last day of each month from start's month to end's month (end itself for the last)."""
    points = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
        points.append(min(nxt - dt.timedelta(days=1), end))
        year, month = nxt.year, nxt.month
    return points


def _rows(session, as_of: dt.date) -> list[dict[str, Any]]:
    return commitment_statuses(session, as_of=as_of)


def _counts(rows: list[dict[str, Any]], key) -> list[dict[str, Any]]:
    groups: dict[Any, dict[str, Any]] = {}
    for r in rows:
        for label, ident in key(r):
            g = groups.setdefault(label, {"label": label, "id": ident, "counts": {}})
            g["counts"][r["status"]] = g["counts"].get(r["status"], 0) + 1
    return sorted(groups.values(), key=lambda g: (-g["counts"].get("overdue", 0), -g["counts"].get("no_activity", 0),
                                                  str(g["label"]).lower()))


def _timeline(session, rows: list[dict[str, Any]], as_of: dt.date) -> list[tuple[str, dict[str, int]]]:
    """Status counts at the end of each of the last months. A commitment counts from the month its
    agreement was signed (or stored); its status at each point comes from the same status function."""
    from models import repository

    if not rows:
        return []
    docs: dict[int, dt.date] = {}
    for agreement_id in {r["agreement_id"] for r in rows}:
        d = repository.get_document(session, document_id=agreement_id)
        start = d.get("signed_on") or (d.get("created_at") or "")[:10]
        try:
            docs[agreement_id] = dt.date.fromisoformat(start) if start else as_of
        except ValueError:
            docs[agreement_id] = as_of
    first = max(min(docs.values()), as_of.replace(day=1) - dt.timedelta(days=31 * (CHART_MONTHS - 1)))
    points = []
    for end in _month_ends(first, as_of):
        counts: dict[str, int] = {}
        for r in commitment_statuses(session, as_of=end):
            if docs.get(r["agreement_id"], as_of) <= end:
                counts[r["status"]] = counts.get(r["status"], 0) + 1
        points.append((end.strftime("%Y-%m"), counts))
    return points


@router.get("/dashboard")
def dashboard(web: WebDep, request: Request) -> Response:
    web.require("read")
    as_of = _as_of(request)
    with web.runtime.session() as session:
        rows = _rows(session, as_of)
        timeline = _timeline(session, rows, as_of)
    totals: dict[str, int] = {}
    for r in rows:
        totals[r["status"]] = totals.get(r["status"], 0) + 1
    by_agreement = _counts(rows, lambda r: [(r["agreement"], r["agreement_id"])])
    by_party = _counts(rows, lambda r: [(p, None) for p in dict.fromkeys(r.get("parties") or [])])
    overdue = sorted((r for r in rows if r["status"] == "overdue"), key=lambda r: r.get("due") or "")
    labels = {s: web.t("status." + s) for s in STATUSES}
    chart = charts.status_chart_svg(timeline, labels, web.t("dash.chart")) if timeline else ""
    return web.render("dashboard.html", {
        "as_of": as_of.isoformat(), "total": len(rows), "totals": totals, "statuses": STATUSES,
        "by_agreement": by_agreement, "by_party": by_party, "chart_svg": chart,
        "overdue": [{**r, "id": r["commitment_id"], "document_id": r["agreement_id"]} for r in overdue]})


@router.get("/dashboard.csv")
def dashboard_csv(web: WebDep, request: Request) -> Response:
    web.require("read")
    as_of = _as_of(request)
    with web.runtime.session() as session:
        rows = _rows(session, as_of)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["commitment_id", "agreement_id", "agreement", "parties", "status", "due", "text",
                     "activity_count", "as_of"])
    for r in rows:
        writer.writerow([r["commitment_id"], r["agreement_id"], _cell(r["agreement"]),
                         _cell("; ".join(r.get("parties") or [])), r["status"], r.get("due") or "",
                         _cell(r["text"]), len(r.get("evidence") or []), as_of.isoformat()])
    return web.finish(Response(out.getvalue().encode("utf-8-sig"), media_type="text/csv; charset=utf-8",
                               headers={"Content-Disposition": f'attachment; filename="janji-{as_of}.csv"'}))


def _cell(value: Any) -> str:
    """Spreadsheet formula injection guard: a cell never starts with = + - @."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
