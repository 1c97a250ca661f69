"""Documents list, the review page (page image beside the extracted fields), and reviewer edits.

Edits go through `models.repository.patch_entity/add_entity/delete_entity` with the version the
reviewer saw — the same calls `PATCH/POST/DELETE /api/v1/...` make — so validation, optimistic
locking and the audit trail are the repository's, not re-implemented here.
"""
from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlencode

import anyio
from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, Response

from api.web import views
from api.web.context import FormDep, WebDep, WebError, environment
from api.web.status import STATUSES, commitment_statuses

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 25
SCAN_LIMIT = 2000  # documents the list page filters in memory (search text and commitment status)


def _not_found() -> WebError:
    return WebError(404, "error.not_found")


# -- list -------------------------------------------------------------------------------------------

def _all_documents(session, *, kind: str | None, party: str | None, year: int | None) -> list[dict[str, Any]]:
    from models import repository

    date_from = dt.date(year, 1, 1) if year else None
    date_to = dt.date(year, 12, 31) if year else None
    items: list[dict[str, Any]] = []
    while len(items) < SCAN_LIMIT:
        page = repository.list_documents(session, kind=kind or None, party=party or None, date_from=date_from,
                                         date_to=date_to, limit=100, offset=len(items))
        items.extend(page["items"])
        if len(items) >= page["total"] or not page["items"]:
            break
    return items


def _matches_query(doc: dict[str, Any], q: str) -> bool:
    hay = " ".join(str(v) for v in (doc.get("title"), doc.get("number"), doc.get("display_name"),
                                    " ".join(doc.get("parties") or [])) if v).lower()
    return all(word in hay for word in q.lower().split())


@router.get("/documents")
def documents(web: WebDep, request: Request) -> Response:
    from models import repository

    web.require("read")
    qp = request.query_params
    filters = {"q": qp.get("q", "").strip()[:200], "kind": qp.get("kind") or "", "party": qp.get("party", "")[:200],
               "status": qp.get("status") or ""}
    year = qp.get("year", "")
    filters["year"] = int(year) if year.isdigit() and 1900 <= int(year) <= 2200 else None
    page = max(1, int(qp["page"])) if qp.get("page", "").isdigit() else 1
    if filters["kind"] not in ("", "agreement", "news_release", "activity_report", "other"):
        filters["kind"] = ""
    with web.runtime.session() as session:
        docs = _all_documents(session, kind=filters["kind"], party=filters["party"].strip(), year=filters["year"])
        statuses = commitment_statuses(session)
        review_counts: dict[int, int] = {}
        for c in repository.open_commitments(session):
            if c.get("needs_review"):
                review_counts[c["document_id"]] = review_counts.get(c["document_id"], 0) + 1
        all_years = sorted({int(d["signed_on"][:4]) for d in _all_documents(session, kind=None, party=None, year=None)
                            if d.get("signed_on")}, reverse=True)
    per_doc: dict[int, dict[str, int]] = {}
    for s in statuses:
        counts = per_doc.setdefault(s["agreement_id"], {})
        counts[s["status"]] = counts.get(s["status"], 0) + 1
    rows = []
    for d in docs:
        if filters["q"] and not _matches_query(d, filters["q"]):
            continue
        counts = per_doc.get(d["id"], {})
        if filters["status"] == "needs_review" and not review_counts.get(d["id"]):
            continue
        if filters["status"] in STATUSES and not counts.get(filters["status"]):
            continue
        rows.append({**d, "date": d.get("signed_on") or (d.get("created_at") or "")[:10],
                     "status_counts": {k: counts.get(k, 0) for k in STATUSES},
                     "needs_review": review_counts.get(d["id"], 0),
                     "job_status": d.get("status")})
    total = len(rows)
    shown = rows[(page - 1) * PAGE_SIZE: page * PAGE_SIZE]

    def page_url(n: int) -> str:
        query = {k: v for k, v in filters.items() if v}
        query["page"] = n
        return "/documents?" + urlencode(query)

    party_names = sorted({p for d in docs for p in d.get("parties") or []})[:200]
    return web.render("documents.html", {
        "filters": filters, "rows": shown, "total": total, "years": all_years, "party_names": party_names,
        "prev_url": page_url(page - 1) if page > 1 else None,
        "next_url": page_url(page + 1) if page * PAGE_SIZE < total else None})


# -- review -----------------------------------------------------------------------------------------

def _load_detail(session, doc_id: int) -> dict[str, Any]:
    from models import repository
    from models.errors import NotFound

    try:
        return repository.get_document_detail(session, document_id=doc_id)
    except NotFound:
        raise _not_found() from None


def _histories(session, detail: dict[str, Any]) -> dict[tuple[str, int], list[dict[str, Any]]]:
    from models import repository

    out = {}
    for kind in views.KINDS:
        for item in detail.get(kind, []):
            out[(kind, item["id"])] = repository.history(session, kind=views.SINGULAR[kind], entity_id=item["id"])
    return out


def _sections(web, detail: dict[str, Any], histories, errors: dict[tuple[str, int], str] | None = None):
    sections = []
    for kind in views.KINDS:
        items = [views.item_view(kind, item, doc_id=detail["id"], history=histories.get((kind, item["id"]), []),
                                 t=web.t, error=(errors or {}).get((kind, item["id"])))
                 for item in detail.get(kind, [])]
        # what needs a reviewer's eye first
        items.sort(key=lambda i: (not i["attention"],))
        sections.append({"kind": kind, "label": views.SECTION_LABELS[kind], "items": items,
                         "spec": views.template_specs(kind), "add_label": views.ADD_LABELS[kind]})
    return sections


def _can_render(media_type: str) -> bool:
    from api.services import pages

    return pages.can_render(media_type)


@router.get("/documents/{doc_id}")
def review(web: WebDep, doc_id: int, request: Request) -> Response:
    from models import repository

    web.require("read")
    with web.runtime.session() as session:
        detail = _load_detail(session, doc_id)
        histories = _histories(session, detail)
        summary_history = repository.history(session, kind="document", entity_id=doc_id)
        activities = _activities(session, detail)
    total_pages = detail.get("pages") or 1
    ev_key = request.query_params.get("ev")
    evidence = views.find_evidence(detail, ev_key)
    raw_page = request.query_params.get("page", "")
    page = int(raw_page) if raw_page.isdigit() else (evidence or {}).get("page") or 1
    page = min(max(1, page), total_pages)
    image_url = f"/documents/{doc_id}/pages/{page}.png"
    if evidence and evidence.get("page") == page:
        image_url += "?" + urlencode({"ev": ev_key})  # boxes drawn by the server when scripts are off
    doc = {**detail, "job_status": detail.get("status"),
           "term_text": (detail.get("term") or {}).get("text") or _term_text(web, detail.get("term"))}
    return web.render("review.html", {
        "summary_spec": views.template_specs("document"), "summary_values": views.form_values("document", detail),
        "summary_history": [views.history_row(h) for h in reversed(summary_history)],
        "doc": doc, "activities": activities, "page": page, "image_url": image_url, "active_key": ev_key if evidence else "",
        "px_per_point": round(web.settings.page_render_dpi / 72, 6),
        "can_render": _can_render(detail.get("media_type", "")),
        "sections": _sections(web, detail, histories)})


def _activities(session, detail: dict[str, Any]) -> list[dict[str, Any]]:
    """The report's statements, each with the commitments the matcher linked it to."""
    from models import repository

    out = []
    for item in detail.get("activities") or []:
        found = repository.list_matches(session, statement_id=item["id"])
        commitments = {c["id"]: c for c in repository.open_commitments(
            session, commitment_ids=[m["commitment_id"] for m in found])} if found else {}
        matches = [{"status": m["status"], "score": m.get("score") or 0.0,
                    "commitment": commitments[m["commitment_id"]]["text"],
                    "href": f"/agreements/{commitments[m['commitment_id']]['document_id']}"
                            f"#commitment-{m['commitment_id']}"}
                   for m in found if m["commitment_id"] in commitments]
        out.append(views.activity_view(item, doc_id=detail["id"], matches=matches))
    return out


def _term_text(web, term: dict[str, Any] | None) -> str | None:
    if not term:
        return None
    return web.t("term.value", years=term.get("years", 0), months=term.get("months", 0), days=term.get("days", 0))


@router.get("/documents/{doc_id}/pages/{page}.png")
async def page_image(web: WebDep, doc_id: int, page: int, request: Request) -> Response:
    """The page as the API renders it; `?ev=` draws that evidence's box (for pages without JS)."""
    from api.services import pages

    web.require("read")
    ev_key = request.query_params.get("ev")
    runtime = web.runtime

    def render() -> bytes:
        from models import repository
        from models.blobs import BlobStore
        from models.errors import NotFound

        with runtime.session() as session:
            try:
                doc = repository.get_document(session, document_id=doc_id)
            except NotFound:
                raise _not_found() from None
            boxes = []
            if ev_key:
                evidence = views.find_evidence(_load_detail(session, doc_id), ev_key)
                if evidence and evidence.get("page") == page and evidence.get("bbox"):
                    boxes.append(tuple(float(v) for v in evidence["bbox"][:4]))
        if not pages.can_render(doc["media_type"]):
            raise _not_found()
        data = BlobStore(runtime.settings.blob_dir).read_bytes(doc["sha256"])
        s = runtime.settings
        return pages.render_page(data, media_type=doc["media_type"], page=page, dpi=s.page_render_dpi,
                                 boxes=boxes, seconds=min(60.0, s.read_timeout_seconds),
                                 memory_bytes=s.read_memory_bytes, image_dpi=s.ocr_dpi)

    from extractor.errors import IngestError

    try:
        png = await anyio.to_thread.run_sync(render)
    except IngestError:
        raise _not_found() from None
    return Response(png, media_type="image/png", headers={"Cache-Control": "private, max-age=300"})


@router.get("/documents/{doc_id}/file")
def original_file(web: WebDep, doc_id: int) -> Response:
    from models import repository
    from models.blobs import BlobStore
    from models.errors import NotFound

    web.require("read")
    with web.runtime.session() as session:
        try:
            doc = repository.get_document(session, document_id=doc_id)
        except NotFound:
            raise _not_found() from None
    path = BlobStore(web.settings.blob_dir).path_for(doc["sha256"])
    if not path.is_file():
        raise _not_found()
    return FileResponse(path, media_type=doc["media_type"], filename=doc["display_name"],
                        content_disposition_type="attachment", headers={"X-Content-Type-Options": "nosniff"})


# -- edits ------------------------------------------------------------------------------------------

def _check_kind(kind: str, *, adding: bool = False) -> None:
    if kind not in views.KINDS or (adding and not views.ADD_LABELS.get(kind)):
        raise _not_found()


def _wants_fragment(request: Request) -> bool:
    return "fragment" in request.headers.get("accept", "")


def _fragment(web, doc_id: int, kind: str, entity_id: int, *, error: str | None = None,
              status: int = 200) -> Response:
    from fastapi.responses import HTMLResponse

    with web.runtime.session() as session:
        detail = _load_detail(session, doc_id)
        item = next((i for i in detail.get(kind, []) if i["id"] == entity_id), None)
        if item is None:
            raise _not_found()
        history = _histories(session, {kind: [item]}).get((kind, entity_id), [])
    view = views.item_view(kind, item, doc_id=doc_id, history=history, t=web.t, error=error)
    html = environment().get_template("item_fragment.html").render(
        t=web.t, csrf=web.session.csrf, doc_id=doc_id, item=view, spec=views.template_specs(kind),
        can_review=web.can("review"))
    return web.finish(HTMLResponse(html, status_code=status))


def _entity_in_document(session, doc_id: int, kind: str, entity_id: int) -> dict[str, Any]:
    from models import repository
    from models.errors import NotFound

    try:
        current = repository.get_entity(session, kind=views.SINGULAR[kind], entity_id=entity_id)
    except NotFound:
        raise _not_found() from None
    if current.get("document_id") != doc_id:
        raise _not_found()
    return current


def _version(form: dict[str, Any]) -> int:
    raw = str(form.get("version", ""))
    if not raw.isdigit():
        raise WebError(400, "review.invalid", detail="version")
    return int(raw)


@router.post("/documents/{doc_id}/{kind}/{entity_id}")
def edit(web: WebDep, form: FormDep, request: Request, doc_id: int, kind: str, entity_id: int) -> Response:
    from models import repository
    from models.errors import InvalidValue, NotFound, StaleVersion

    _check_kind(kind)
    web.require("review")
    web.check_csrf(form)
    version = _version(form)
    error = None
    status = 200
    with web.runtime.session() as session:
        current = _entity_in_document(session, doc_id, kind, entity_id)
        changes = views.changed_fields(kind, current, views.parse_form(kind, form))
        if changes:
            try:
                repository.patch_entity(session, kind=views.SINGULAR[kind], entity_id=entity_id,
                                        expected_version=version, changes=changes, who=web.actor,
                                        reason=(form.get("reason") or "").strip()[:2000] or None)
            except StaleVersion:
                error, status = web.t("review.stale"), 412
            except InvalidValue as exc:
                error, status = web.t("review.invalid", detail=exc.message), 422
            except NotFound:
                raise _not_found() from None
    if _wants_fragment(request):
        return _fragment(web, doc_id, kind, entity_id, error=error, status=status)
    if error:
        web.session.flash("error", error)
    elif changes:
        web.flash("ok", "review.saved")
    return web.redirect(f"/documents/{doc_id}#{kind}-{entity_id}")


@router.post("/documents/{doc_id}/summary")
def edit_summary(web: WebDep, form: FormDep, doc_id: int) -> Response:
    """Kind, title, number, location, signing date: the document row itself (audited like any field)."""
    from models import repository
    from models.errors import InvalidValue, NotFound, StaleVersion

    web.require("review")
    web.check_csrf(form)
    version = _version(form)
    with web.runtime.session() as session:
        current = _load_detail(session, doc_id)
        changes = views.changed_fields("document", current, views.parse_form("document", form))
        if changes:
            try:
                repository.patch_entity(session, kind="document", entity_id=doc_id, expected_version=version,
                                        changes=changes, who=web.actor,
                                        reason=(form.get("reason") or "").strip()[:2000] or None)
            except StaleVersion:
                web.flash("error", "review.stale")
                return web.redirect(f"/documents/{doc_id}#h-summary")
            except InvalidValue as exc:
                web.flash("error", "review.invalid", detail=exc.message)
                return web.redirect(f"/documents/{doc_id}#h-summary")
            except NotFound:
                raise _not_found() from None
            web.flash("ok", "review.saved")
    return web.redirect(f"/documents/{doc_id}#h-summary")


@router.post("/documents/{doc_id}/{kind}/{entity_id}/delete")
def remove(web: WebDep, form: FormDep, doc_id: int, kind: str, entity_id: int) -> Response:
    from models import repository
    from models.errors import NotFound, StaleVersion

    _check_kind(kind, adding=True)
    web.require("review")
    web.check_csrf(form)
    version = _version(form)
    with web.runtime.session() as session:
        _entity_in_document(session, doc_id, kind, entity_id)
        try:
            repository.delete_entity(session, kind=views.SINGULAR[kind], entity_id=entity_id,
                                     expected_version=version, who=web.actor,
                                     reason=(form.get("reason") or "").strip()[:2000] or None)
        except StaleVersion:
            web.flash("error", "review.stale")
            return web.redirect(f"/documents/{doc_id}#{kind}-{entity_id}")
        except NotFound:
            raise _not_found() from None
    web.flash("ok", "review.removed")
    return web.redirect(f"/documents/{doc_id}#section-{kind}")


@router.post("/documents/{doc_id}/{kind}")
def add(web: WebDep, form: FormDep, doc_id: int, kind: str) -> Response:
    from models import repository
    from models.errors import InvalidValue, NotFound

    _check_kind(kind, adding=True)
    web.require("review")
    web.check_csrf(form)
    values = {k: v for k, v in views.parse_form(kind, form).items() if v not in (None, "", [])}
    with web.runtime.session() as session:
        try:
            created = repository.add_entity(session, kind=views.SINGULAR[kind], document_id=doc_id, values=values,
                                            who=web.actor, reason=(form.get("reason") or "").strip() or None)
        except InvalidValue as exc:
            web.flash("error", "review.invalid", detail=exc.message)
            return web.redirect(f"/documents/{doc_id}#section-{kind}")
        except NotFound:
            raise _not_found() from None
    web.flash("ok", "review.added")
    return web.redirect(f"/documents/{doc_id}#{kind}-{created['id']}")
