"""The web pages in process (real app, real SQLite, real repository): sign in, CSRF, roles,
upload errors in both languages, review edits with versions and history, match decisions,
documents filters, dashboard and CSV."""
from __future__ import annotations

import csv
import io
import re

import pytest

from tests.web.conftest import CSRF_RE, WebClient, mou_extraction, store_document
from tests.web.pdfs import mou_pdf, report_pdf


def _csrf(html: str) -> str:
    match = CSRF_RE.search(html)
    assert match
    return match.group(1)


# -- sign in, language, CSRF ---------------------------------------------------------------------------

def test_pages_are_indonesian_by_default_and_english_on_request(web: WebClient) -> None:
    page = web.get("/login")
    assert page.status_code == 200 and '<html lang="id">' in page.text and "Kunci API" in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-frame-options"] == "DENY"
    english = web.get("/login?lang=en")
    assert '<html lang="en">' in english.text and "API key" in english.text
    assert english.cookies.get("janji_lang") == "en"
    assert '<html lang="en">' in web.get("/login").text  # the cookie keeps the choice


def test_anonymous_reader_is_sent_to_sign_in_and_back(web: WebClient) -> None:
    r = web.get("/documents?kind=agreement", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/login?next=")
    token = web.csrf("/login")
    r = web.post("/login", data={"csrf_token": token, "method": "key", "api_key": web.key("review"),
                                 "next": "/documents?kind=agreement"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/documents?kind=agreement"
    cookie = r.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie.replace("Lax", "lax")
    assert web.keys["review"] not in cookie  # only the key's id travels in the cookie
    assert web.get("/documents").status_code == 200


def test_sign_in_rejects_missing_csrf_wrong_key_and_offsite_next(web: WebClient) -> None:
    assert web.post("/login", data={"method": "key", "api_key": web.key("admin")}).status_code == 403
    token = web.csrf("/login")
    bad = web.post("/login", data={"csrf_token": token, "method": "key", "api_key": "jnj_nope_nope"})
    assert bad.status_code == 401 and "Kunci atau akun tidak dikenal" in bad.text
    r = web.post("/login", data={"csrf_token": token, "method": "key", "api_key": web.key("admin"),
                                 "next": "https://evil.example/"}, follow_redirects=False)
    assert r.headers["location"] == "/dashboard"


def test_user_account_sign_in_and_sign_out(web: WebClient) -> None:
    from models import repository

    with web.runtime.session() as session:
        repository.create_user(session, username="rina", password="correct horse battery", role="review")
    token = web.csrf("/login")
    wrong = web.post("/login", data={"csrf_token": token, "method": "user", "username": "rina", "password": "nope"})
    assert wrong.status_code == 401
    ok = web.post("/login", data={"csrf_token": token, "method": "user", "username": "rina",
                                  "password": "correct horse battery"}, follow_redirects=False)
    assert ok.status_code == 303
    dashboard = web.get("/dashboard")
    assert "rina" in dashboard.text
    out = web.post("/logout", data={"csrf_token": _csrf(dashboard.text)}, follow_redirects=False)
    assert out.status_code == 303
    assert web.get("/dashboard", follow_redirects=False).status_code == 303


def test_revoked_key_ends_the_session(web: WebClient) -> None:
    from models import repository

    web.sign_in("review")
    assert web.get("/documents").status_code == 200
    prefix = web.keys["review"].split("_")[1]
    with web.runtime.session() as session:
        assert repository.revoke_api_key(session, prefix=prefix) == 1
    assert web.get("/documents", follow_redirects=False).status_code == 303


def test_a_tampered_session_cookie_is_ignored(web: WebClient) -> None:
    web.sign_in("admin")
    value = web.client.cookies.get("janji_session")
    body, mac = value.split(".")
    web.client.cookies.clear()
    web.client.cookies.set("janji_session", body + "x." + mac)
    assert web.get("/dashboard", follow_redirects=False).status_code == 303


# -- upload -----------------------------------------------------------------------------------------------

def _upload(web: WebClient, data: bytes, name: str, *, csrf: str | None, lang: str = "id"):
    headers = {"Accept": "application/json"}
    if csrf:
        headers["X-CSRF-Token"] = csrf
    web.client.cookies.set("janji_lang", lang, domain="testserver.local")
    return web.post("/upload/files", files={"file": (name, data, "application/pdf")}, data={"kind": "auto"},
                    headers=headers)


def test_upload_needs_the_csrf_header_and_the_ingest_role(web: WebClient) -> None:
    web.sign_in("review")
    token = _csrf(web.get("/dashboard").text)
    assert _upload(web, mou_pdf(), "mou.pdf", csrf=token).status_code == 403  # review keys may not upload
    web.sign_in("ingest")
    assert _upload(web, mou_pdf(), "mou.pdf", csrf=None).status_code == 403
    assert web.get("/upload").status_code == 200


def test_upload_results_and_rejections_are_explained_in_the_chosen_language(web: WebClient) -> None:
    web.sign_in("ingest")
    token = _csrf(web.get("/upload").text)
    first = _upload(web, mou_pdf(), "MoU Tanjung Wangi.pdf", csrf=token)
    assert first.status_code == 202 and first.json()["job_id"] and not first.json()["duplicate"]
    again = _upload(web, mou_pdf(), "copy.pdf", csrf=token)
    assert again.status_code == 200 and again.json()["duplicate"] and again.json()["id"] == first.json()["id"]
    job = web.get(f"/upload/jobs/{first.json()['job_id']}").json()
    assert job["status"] == "queued" and job["display"] == "Dalam antrean"

    empty = _upload(web, b"", "kosong.pdf", csrf=token)
    assert empty.status_code == 422 and empty.json()["error"]["code"] == "empty_file"
    assert empty.json()["display"] == "Berkas kosong (0 bita)."
    zipped = _upload(web, b"PK\x03\x04" + b"\x00" * 200, "arsip.pdf", csrf=token, lang="en")
    assert zipped.status_code == 415 and zipped.json()["display"].startswith("Unsupported file type")
    big = _upload(web, b"%PDF-1.4\n" + b"0" * 250_000, "besar.pdf", csrf=token)
    assert big.status_code == 413 and big.json()["error"]["code"] == "too_large"  # the app's body guard


def test_upload_without_javascript_uses_a_plain_form(web: WebClient) -> None:
    web.sign_in("admin")
    token = _csrf(web.get("/upload").text)
    r = web.post("/upload", data={"csrf_token": token, "kind": "agreement"},
                 files={"file": ("laporan.pdf", report_pdf(), "application/pdf")})
    assert r.status_code == 202 and "Berkas diterima" in r.text
    forged = web.post("/upload", data={"csrf_token": "forged"}, files={"file": ("x.pdf", mou_pdf(), "application/pdf")})
    assert forged.status_code == 403


# -- review -----------------------------------------------------------------------------------------------

@pytest.fixture()
def mou_id(web: WebClient) -> int:
    return store_document(web, mou_pdf(), "MoU Tanjung Wangi.pdf", mou_extraction())


def _detail(web: WebClient, doc_id: int) -> dict:
    from models import repository

    with web.runtime.session() as session:
        return repository.get_document_detail(session, document_id=doc_id)


def test_review_page_shows_fields_evidence_and_what_needs_review(web: WebClient, mou_id: int) -> None:
    web.sign_in("review")
    page = web.get(f"/documents/{mou_id}")
    assert page.status_code == 200
    html = page.text
    for text in ("Hendra Wijaya", "Bupati", "Politeknik Bahari Samudra", "415/NK-TW/III/2025", "2025-03-10"):
        assert text in html
    maria = re.search(r'<article class="item attention" id="officials-\d+"[^>]*>.*?</article>', html, re.DOTALL)
    assert maria and "Maria Lestari" in maria.group(0) and "Keyakinan rendah (45%)" in maria.group(0)
    assert re.search(r'data-page="1" data-bbox="80.0,300.0,330.0,312.0"', html)
    assert f'src="/documents/{mou_id}/pages/1.png"' in html


def test_evidence_link_highlights_its_box_on_the_server_rendered_page(web: WebClient, mou_id: int) -> None:
    web.sign_in("review")
    official = _detail(web, mou_id)["officials"][0]
    key = f"officials-{official['id']}-0"
    page = web.get(f"/documents/{mou_id}?page=1&ev={key}")
    assert f'/documents/{mou_id}/pages/1.png?ev={key}' in page.text
    plain = web.get(f"/documents/{mou_id}/pages/1.png")
    boxed = web.get(f"/documents/{mou_id}/pages/1.png?ev={key}")
    assert plain.headers["content-type"] == "image/png" and plain.content.startswith(b"\x89PNG")
    assert boxed.content != plain.content
    assert web.get(f"/documents/{mou_id}/pages/9.png").status_code == 404
    original = web.get(f"/documents/{mou_id}/file")
    assert original.content == mou_pdf() and "attachment" in original.headers["content-disposition"]


def test_correcting_a_position_is_versioned_and_audited(web: WebClient, mou_id: int) -> None:
    web.sign_in("review")
    official = _detail(web, mou_id)["officials"][0]
    token = _csrf(web.get(f"/documents/{mou_id}").text)
    url = f"/documents/{mou_id}/officials/{official['id']}"
    form = {"csrf_token": token, "version": str(official["version"]), "name": "Hendra Wijaya",
            "position": "Bupati Tanjung Wangi", "organization": official["organization"], "role": "signatory",
            "honorifics": "S.H.; M.H.", "reason": "jabatan lengkap"}
    r = web.post(url, data=form, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].endswith(f"#officials-{official['id']}")
    after = _detail(web, mou_id)["officials"][0]
    assert after["position"] == "Bupati Tanjung Wangi" and after["version"] == official["version"] + 1
    page = web.get(f"/documents/{mou_id}").text
    assert "Perubahan disimpan." in page and "jabatan lengkap" in page
    assert re.search(r'<span class="old">Bupati</span> → <span class="new">Bupati Tanjung Wangi</span>', page)

    # the same form again (old version): refused, the first edit stays, the reviewer is told why
    stale = web.post(url, data={**form, "position": "Wakil Bupati"}, headers={"Accept": "text/html+fragment"})
    assert stale.status_code == 412 and "Orang lain sudah mengubah" in stale.text
    assert stale.text.lstrip().startswith("<article")
    assert _detail(web, mou_id)["officials"][0]["position"] == "Bupati Tanjung Wangi"

    from models import repository
    with web.runtime.session() as session:
        edits = repository.history(session, kind="official", entity_id=official["id"])
    assert [(e["field"], e["old"], e["new"]) for e in edits] == [("position", "Bupati", "Bupati Tanjung Wangi")]
    assert edits[0]["who"].startswith("key:") and edits[0]["reason"] == "jabatan lengkap"


def test_summary_fields_are_editable_and_audited(web: WebClient, mou_id: int) -> None:
    web.sign_in("review")
    page = web.get(f"/documents/{mou_id}").text
    version = _detail(web, mou_id)["version"]
    r = web.post(f"/documents/{mou_id}/summary", data={
        "csrf_token": _csrf(page), "version": str(version), "kind": "agreement",
        "title": "Pengembangan Kompetensi Nelayan Muda (judul resmi)", "number": "415/NK-TW/III/2025",
        "location": "Tanjung Wangi", "signed_on": "2025-03-10", "reason": "judul lengkap"}, follow_redirects=False)
    assert r.status_code == 303
    detail = _detail(web, mou_id)
    assert detail["title"].endswith("(judul resmi)") and detail["version"] == version + 1
    page = web.get(f"/documents/{mou_id}").text
    assert "judul lengkap" in page and "Perubahan disimpan." in page
    stale = web.post(f"/documents/{mou_id}/summary", data={"csrf_token": _csrf(page), "version": str(version),
                                                          "kind": "other"}, follow_redirects=True)
    assert "Orang lain sudah mengubah" in stale.text and _detail(web, mou_id)["kind"] == "agreement"


def test_invalid_value_changes_nothing(web: WebClient, mou_id: int) -> None:
    web.sign_in("admin")
    commitment = _detail(web, mou_id)["commitments"][0]
    token = _csrf(web.get(f"/documents/{mou_id}").text)
    r = web.post(f"/documents/{mou_id}/commitments/{commitment['id']}",
                 data={"csrf_token": token, "version": str(commitment["version"]), "text": commitment["text"],
                       "due": "2025-02-30"}, headers={"Accept": "text/html+fragment"})
    assert r.status_code == 422 and "Nilai tidak sah" in r.text
    assert _detail(web, mou_id)["commitments"][0]["due"] == commitment["due"]


def test_add_and_remove_items(web: WebClient, mou_id: int) -> None:
    web.sign_in("review")
    token = _csrf(web.get(f"/documents/{mou_id}").text)
    r = web.post(f"/documents/{mou_id}/commitments", data={
        "csrf_token": token, "text": "PIHAK PERTAMA wajib menyusun laporan tahunan",
        "action": "menyusun laporan", "parties": "Pemerintah Kabupaten Tanjung Wangi", "due": "2026-01-31"},
        follow_redirects=False)
    assert r.status_code == 303
    added = [c for c in _detail(web, mou_id)["commitments"] if c["text"].endswith("laporan tahunan")]
    assert len(added) == 1 and added[0]["due"] == "2026-01-31" and added[0]["parties"] == [
        "Pemerintah Kabupaten Tanjung Wangi"]
    party = _detail(web, mou_id)["parties"][1]
    r = web.post(f"/documents/{mou_id}/parties/{party['id']}/delete",
                 data={"csrf_token": token, "version": str(party["version"])}, follow_redirects=False)
    assert r.status_code == 303
    assert [p["name"] for p in _detail(web, mou_id)["parties"]] == ["Pemerintah Kabupaten Tanjung Wangi"]
    assert web.post(f"/documents/{mou_id}/dates", data={"csrf_token": token}).status_code == 404


def test_ingest_role_cannot_edit(web: WebClient, mou_id: int) -> None:
    web.sign_in("ingest")
    page = web.get(f"/documents/{mou_id}")
    assert page.status_code == 200 and "edit-form" not in page.text
    official = _detail(web, mou_id)["officials"][0]
    r = web.post(f"/documents/{mou_id}/officials/{official['id']}",
                 data={"csrf_token": _csrf(page.text), "version": "1", "position": "X"})
    assert r.status_code == 403


# -- agreement, matches, dashboard, list ----------------------------------------------------------------------

@pytest.fixture()
def matched(web: WebClient, mou_id: int) -> dict:
    """A report whose statement is matched (as the matcher would) to the first commitment."""
    from models import repository

    report = {"kind": "activity_report", "language": "id", "title": "Laporan Kegiatan Triwulan II", "pages": 1,
              "parties": [], "officials": [], "dates": [], "commitments": [], "warnings": [],
              "activities": [{"text": "Politeknik Bahari Samudra telah menyelenggarakan pelatihan navigasi",
                              "date": "2025-05-14", "parties": ["Politeknik Bahari Samudra"],
                              "evidence": [{"page": 1, "start": 10, "end": 40, "text": "x" * 30,
                                            "bbox": [70.0, 200.0, 500.0, 230.0]}]}]}
    report_id = store_document(web, report_pdf(), "Laporan Triwulan II.pdf", report)
    commitment = _detail(web, mou_id)["commitments"][0]
    with web.runtime.session() as session:
        statement = repository.list_statements(session, document_id=report_id)[0]
        match_id = repository.upsert_match(session, commitment_id=commitment["id"], statement_id=statement["id"],
                                           score=0.81, bm25=7.2, cosine=0.64)
    return {"report_id": report_id, "commitment_id": commitment["id"], "match_id": match_id}


def _status_of(html: str, commitment_id: int) -> str:
    match = re.search(rf'id="commitment-{commitment_id}" data-status="(\w+)"', html)
    assert match
    return match.group(1)


def test_agreement_shows_status_and_a_rejected_match_stops_counting(web: WebClient, mou_id: int,
                                                                    matched: dict) -> None:
    web.sign_in("review")
    page = web.get(f"/agreements/{mou_id}?as_of=2026-01-01")
    assert page.status_code == 200
    assert _status_of(page.text, matched["commitment_id"]) == "has_activity"
    assert "telah menyelenggarakan pelatihan navigasi" in page.text and "BM25 7.20" in page.text
    overdue = _detail(web, mou_id)["commitments"][1]
    assert _status_of(page.text, overdue["id"]) == "overdue"  # due 2025-06-30, nothing done

    r = web.post(f"/matches/{matched['match_id']}/reject",
                 data={"csrf_token": _csrf(page.text), "next": f"/agreements/{mou_id}?as_of=2026-01-01"},
                 follow_redirects=False)
    assert r.status_code == 303
    after = web.get(r.headers["location"]).text
    assert _status_of(after, matched["commitment_id"]) == "no_activity"
    assert "Kecocokan ditolak" in after and 'class="match rejected"' in after
    r = web.post(f"/matches/{matched['match_id']}/confirm", data={"csrf_token": _csrf(after)}, follow_redirects=False)
    assert r.status_code == 303
    assert _status_of(web.get(f"/agreements/{mou_id}").text, matched["commitment_id"]) == "has_activity"
    assert web.post(f"/matches/{matched['match_id']}/reject", data={"csrf_token": "x"}).status_code == 403


def test_report_review_lists_activities_and_what_they_matched(web: WebClient, mou_id: int, matched: dict) -> None:
    web.sign_in("review")
    html = web.get(f"/documents/{matched['report_id']}").text
    section = re.search(r'<section aria-labelledby="h-activities".*?</section>', html, re.DOTALL).group(0)
    assert "telah menyelenggarakan pelatihan navigasi" in section and "2025-05-14" in section
    assert f'href="/agreements/{mou_id}#commitment-{matched["commitment_id"]}"' in section
    assert 'data-bbox="70.0,200.0,500.0,230.0"' in section


def test_dashboard_counts_chart_overdue_and_csv(web: WebClient, mou_id: int, matched: dict) -> None:
    web.sign_in("review")
    page = web.get("/dashboard?as_of=2026-01-01&lang=en")
    html = page.text
    assert re.search(r'id="total-all">2<', html) and re.search(r'id="total-has_activity">1<', html)
    assert re.search(r'id="total-overdue">1<', html)
    assert "<svg" in html and 'data-status="overdue"' in html and "Commitments by status over time" in html
    assert "PIHAK PERTAMA wajib menyediakan gedung" in re.search(r'<table id="overdue">.*?</table>', html, re.DOTALL).group(0)
    assert "Politeknik Bahari Samudra" in re.search(r'<table id="by-party">.*?</table>', html, re.DOTALL).group(0)

    assert 'href="/dashboard.csv?as_of=2026-01-01"' in html and 'value="2026-01-01"' in html
    exported = web.get("/dashboard.csv?as_of=2026-01-01")
    assert exported.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(exported.content.decode("utf-8-sig"))))
    assert sorted(r["status"] for r in rows) == ["has_activity", "overdue"]
    assert {r["activity_count"] for r in rows} == {"1", "0"}


def test_csv_cells_cannot_smuggle_formulas(web: WebClient) -> None:
    extraction = mou_extraction()
    extraction["commitments"] = [{**extraction["commitments"][0], "text": "=HYPERLINK(\"http://x\")"}]
    store_document(web, b"%PDF-1.4 formula test\n%%EOF\n", "f.pdf", extraction)
    web.sign_in("review")
    rows = list(csv.DictReader(io.StringIO(web.get("/dashboard.csv").content.decode("utf-8-sig"))))
    assert rows[0]["text"].startswith("'=")


def test_documents_list_filters(web: WebClient, mou_id: int, matched: dict) -> None:
    web.sign_in("review")

    def ids(query: str) -> list[int]:
        return [int(i) for i in re.findall(r'<tr data-id="(\d+)">', web.get("/documents" + query).text)]

    assert sorted(ids("")) == sorted([mou_id, matched["report_id"]])
    assert ids("?kind=agreement") == [mou_id]
    assert ids("?kind=activity_report") == [matched["report_id"]]
    assert ids("?party=Bahari") == [mou_id]
    assert ids("?year=2025") == [mou_id] and ids("?year=2019") == []
    assert ids("?q=nelayan+muda") == [mou_id] and ids("?q=tidak-ada") == []
    assert ids("?status=overdue") == [mou_id] and ids("?status=needs_review") == [mou_id]
