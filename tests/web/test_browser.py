"""A reviewer's walk in headless Chromium against a live `janji serve` (real extraction, worker,
matching): sign in, upload an MoU (with two bad files beside it), wait for extraction, jump to an
official's evidence, correct the position, see it in the history (and a stale second tab refused),
upload an activity report by drag and drop, watch the commitment go from no activity to has
activity, reject the match and watch it go back; dashboard, CSV export, English; and the same
pages without JavaScript. Screenshots of every page go to test-artifacts/screenshots/.
"""
from __future__ import annotations

import base64
import re
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.web.conftest import LiveServer, create_key, screenshot
from tests.web.pdfs import mou_pdf, report_pdf

pytestmark = pytest.mark.slow

EXTRACTION_SECONDS = 300
NEW_POSITION = "Bupati Tanjung Wangi periode 2025-2030"
TERMINAL = ("succeeded", "partial", "failed", "rejected")


def _new_page(browser: Any, **options: Any) -> Any:
    options.setdefault("locale", "id-ID")  # the staff's browsers: dates in the date inputs read 27/11/2026
    context = browser.new_context(viewport={"width": 1440, "height": 900}, accept_downloads=True, **options)
    page = context.new_page()
    page.set_default_timeout(30_000)
    return page


def _sign_in(page: Any, server: LiveServer, key: str) -> None:
    page.goto(server.url + "/")
    assert page.url.startswith(server.url + "/login")
    page.fill("#api_key", key)
    page.click("#login-key")
    page.wait_for_url("**/dashboard")


def _wait_for_row(page: Any, name: str, timeout: float = EXTRACTION_SECONDS) -> Any:
    row = page.locator("#queue li", has=page.locator(".name", has_text=name))
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if row.count() and row.first.get_attribute("data-status") in TERMINAL:
            return row.first
        page.wait_for_timeout(500)
    raise AssertionError(f"{name} not finished: {row.first.get_attribute('data-status') if row.count() else 'no row'}")


def _commitment(page: Any, words: str) -> Any:
    card = page.locator("article.commitment", has=page.locator("p.text", has_text=words))
    assert card.count() >= 1, f"no commitment mentioning {words!r} on {page.url}"
    return card.first


def _wait_for_status(page: Any, words: str, status: str, timeout: float = 120) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        card = _commitment(page, words)
        if card.get_attribute("data-status") == status:
            return card
        if time.monotonic() > deadline:
            raise AssertionError(f"commitment {words!r} is {card.get_attribute('data-status')}, not {status}")
        page.wait_for_timeout(1500)
        page.reload()


def _drop_file(page: Any, selector: str, name: str, data: bytes) -> None:
    """Drag and drop as a browser does it: a DataTransfer holding a File, dispatched on the zone."""
    page.evaluate("""([selector, name, b64]) => {
        const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], name, {type: "application/pdf"}));
        const zone = document.querySelector(selector);
        zone.dispatchEvent(new DragEvent("dragenter", {dataTransfer: transfer, bubbles: true, cancelable: true}));
        zone.dispatchEvent(new DragEvent("drop", {dataTransfer: transfer, bubbles: true, cancelable: true}));
    }""", [selector, name, base64.b64encode(data).decode()])


def test_reviewer_walk(browser: Any, live_server: LiveServer, tmp_path: Path) -> None:
    key = create_key(live_server, "admin", "Rina")
    page = _new_page(browser)
    page.goto(live_server.url + "/login")
    assert page.locator("h1").inner_text() == "Masuk"  # Indonesian by default
    screenshot(page, "01-login")
    _sign_in(page, live_server, key)
    assert page.locator("h1").inner_text() == "Dasbor"

    # -- upload: an MoU and two files that must be refused with a clear reason --------------------
    mou = tmp_path / "MoU Tanjung Wangi.pdf"
    mou.write_bytes(mou_pdf())
    empty = tmp_path / "kosong.pdf"
    empty.write_bytes(b"")
    archive = tmp_path / "arsip.pdf"
    archive.write_bytes(b"PK\x03\x04" + b"\x00" * 512)
    big = tmp_path / "besar.pdf"  # over JANJI_MAX_UPLOAD_BYTES (5 MB): the server's body guard answers 413
    big.write_bytes(b"%PDF-1.4\n" + b"0" * (6 * 1024 * 1024))
    page.click("nav.main >> text=Unggah")
    page.set_input_files("#file", [str(empty), str(archive), str(big), str(mou)])
    assert "Berkas kosong" in _wait_for_row(page, "kosong.pdf", 30).inner_text()
    assert "Jenis berkas tidak didukung" in _wait_for_row(page, "arsip.pdf", 30).inner_text()
    assert "Berkas terlalu besar (batas 5 MB)" in _wait_for_row(page, "besar.pdf", 60).inner_text()
    row = _wait_for_row(page, mou.name)
    assert row.get_attribute("data-status") in ("succeeded", "partial"), row.inner_text()
    assert row.locator("progress").get_attribute("value") == "100"
    screenshot(page, "03-upload")

    # -- review: jump to an official's evidence, correct the position, see the history -------------
    row.locator("a", has_text="Buka").click()
    page.wait_for_url(re.compile(r".*/documents/\d+$"))
    doc_url = page.url
    doc_id = int(doc_url.rsplit("/", 1)[1])
    page.wait_for_function("document.getElementById('page-image').naturalWidth > 0")
    official = page.locator("article.item[data-kind=officials]", has_text="Hendra Wijaya")
    assert official.count() == 1, "extraction did not find the official Hendra Wijaya"
    other_tab = _new_page(browser, storage_state=page.context.storage_state())
    other_tab.goto(doc_url)  # a second reviewer's tab, opened before the edit

    official.locator("a.ev").first.click()
    page.wait_for_selector("#active-box")
    assert "ev=officials-" in page.url
    assert official.evaluate("e => e.classList.contains('selected')")
    screenshot(page, "04-review-evidence", full_page=False)

    old_position = official.locator("[name=position]").input_value()
    official.locator("details.edit > summary").click()
    official.locator("[name=position]").fill(NEW_POSITION)
    official.locator("[name=reason]").fill("jabatan lengkap sesuai SK")
    official.locator("button[type=submit]", has_text="Simpan").click()
    updated = page.locator("article.item[data-kind=officials]", has_text=NEW_POSITION)
    updated.wait_for()
    updated.locator("details.history > summary").click()
    history = updated.locator("table.history")
    assert NEW_POSITION in history.locator(".new").first.inner_text()
    assert history.locator(".old").first.inner_text() == (old_position or "—")
    assert "jabatan lengkap sesuai SK" in history.inner_text()
    screenshot(page, "05-review-history")
    updated.evaluate("e => e.scrollIntoView({block: 'center'})")
    screenshot(page, "05-review-history-view", full_page=False)  # the page image stays beside it (sticky)

    stale = other_tab.locator("article.item[data-kind=officials]", has_text="Hendra Wijaya")
    stale.locator("details.edit > summary").click()
    stale.locator("[name=position]").fill("Wakil Bupati")
    stale.locator("button[type=submit]", has_text="Simpan").click()
    other_tab.wait_for_selector("article.item[data-kind=officials] .error-inline")
    assert "Orang lain sudah mengubah" in other_tab.locator(".error-inline").inner_text()
    assert NEW_POSITION in other_tab.locator("article.item[data-kind=officials]", has_text="Hendra").inner_text()
    other_tab.context.close()

    # -- agreement: no activity yet ----------------------------------------------------------------
    page.goto(f"{live_server.url}/agreements/{doc_id}")
    card = _commitment(page, "pelatihan navigasi")
    assert card.get_attribute("data-status") == "no_activity"
    screenshot(page, "06-agreement-before")

    # -- an activity report, dropped on the upload zone --------------------------------------------
    page.goto(live_server.url + "/upload")
    page.select_option("#kind", "report")
    _drop_file(page, "#dropzone", "Laporan Triwulan II.pdf", report_pdf())
    report_row = _wait_for_row(page, "Laporan Triwulan II.pdf")
    assert report_row.get_attribute("data-status") in ("succeeded", "partial"), report_row.inner_text()

    page.goto(f"{live_server.url}/agreements/{doc_id}")
    card = _wait_for_status(page, "pelatihan navigasi", "has_activity")
    assert "telah menyelenggarakan pelatihan navigasi" in card.inner_text()
    screenshot(page, "07-agreement-matched")

    card.locator(".match", has_text="telah menyelenggarakan").locator("button", has_text="Bukan, tolak").click()
    page.wait_for_load_state()
    card = _commitment(page, "pelatihan navigasi")
    assert card.get_attribute("data-status") == "no_activity"
    assert card.locator(".match.rejected").count() >= 1
    assert "Kecocokan ditolak" in page.locator(".flash").inner_text()
    screenshot(page, "08-agreement-rejected")

    # -- documents list, dashboard, CSV, English ------------------------------------------------------
    page.goto(live_server.url + "/documents?kind=agreement")
    assert page.locator("#documents tbody tr").count() == 1
    screenshot(page, "09-documents")
    page.goto(live_server.url + "/dashboard")
    assert int(page.locator("#total-all").inner_text()) >= 2
    assert int(page.locator("#total-no_activity").inner_text()) >= 1
    assert page.locator("svg.chart rect[data-status]").count() >= 1
    screenshot(page, "10-dashboard")
    with page.expect_download() as download_info:
        page.click("#export-csv")
    exported = Path(download_info.value.path()).read_text(encoding="utf-8-sig")
    assert exported.startswith("commitment_id,") and "pelatihan navigasi" in exported
    page.click(".lang >> text=EN")
    assert page.locator("h1").inner_text() == "Dashboard"
    page.goto(f"{live_server.url}/documents/{doc_id}")
    assert "Officials" in page.locator("#h-officials").inner_text()
    page.click("button:has-text('Sign out')")
    page.wait_for_url("**/login")
    page.context.close()


def test_pages_work_without_javascript_and_by_keyboard(browser: Any, live_server: LiveServer,
                                                       tmp_path: Path) -> None:
    key = create_key(live_server, "review", "Keyboard reviewer")
    ingest_key = create_key(live_server, "ingest", "records system")
    data = mou_pdf().replace(b"Janji tests", b"Janji nojs ")  # other bytes, another document
    accepted = httpx.post(f"{live_server.url}/api/v1/documents", headers={"X-API-Key": ingest_key},
                          files={"file": ("mou-nojs.pdf", data, "application/pdf")}, timeout=60)
    assert accepted.status_code in (200, 202), accepted.text
    job_id, doc_id = accepted.json()["job_id"], accepted.json()["id"]
    deadline = time.monotonic() + EXTRACTION_SECONDS
    while httpx.get(f"{live_server.url}/api/v1/jobs/{job_id}", headers={"X-API-Key": ingest_key}
                    ).json()["status"] not in TERMINAL:
        assert time.monotonic() < deadline, "extraction did not finish"
        time.sleep(1)

    page = _new_page(browser, java_script_enabled=False)
    page.goto(live_server.url + "/login")
    page.keyboard.press("Tab")  # skip link
    page.keyboard.press("Tab")
    for _ in range(8):  # reach the key field by keyboard only
        if page.evaluate("document.activeElement.id") == "api_key":
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "api_key"
    page.keyboard.type(key)
    page.keyboard.press("Enter")
    page.wait_for_url("**/dashboard")

    page.goto(f"{live_server.url}/documents/{doc_id}")
    official = page.locator("article.item[data-kind=officials]").first
    official.locator("a.ev").first.click()  # a plain link: the server draws the box on the image
    page.wait_for_load_state()
    assert "ev=officials-" in page.locator("#page-image").get_attribute("src")
    assert page.evaluate("document.getElementById('page-image').naturalWidth") > 0
    screenshot(page, "11-review-nojs", full_page=False)

    official = page.locator("article.item[data-kind=officials]").first
    official.locator("details.edit > summary").click()
    official.locator("[name=organization]").fill("Pemerintah Kabupaten Tanjung Wangi (Setda)")
    official.locator("button[type=submit]", has_text="Simpan").click()
    page.wait_for_load_state()
    assert "Perubahan disimpan." in page.locator(".flash").inner_text()
    assert page.locator("article.item[data-kind=officials]", has_text="(Setda)").count() == 1
    page.locator("#section-parties details.add > summary").click()
    page.fill("#add-parties-name", "Dinas Kelautan dan Perikanan Kabupaten Tanjung Wangi")
    page.fill("#add-parties-aliases", "DKP Tanjung Wangi")
    page.locator("#section-parties details.add button[type=submit]").click()
    page.wait_for_load_state()
    assert "Butir ditambahkan." in page.locator(".flash").inner_text()
    added = page.locator("article.item[data-kind=parties]", has_text="Dinas Kelautan dan Perikanan")
    assert added.count() == 1 and "Dikoreksi peninjau" in added.inner_text()
    added.locator("form.remove button").click()
    page.wait_for_load_state()
    assert "Butir dihapus." in page.locator(".flash").inner_text()
    assert page.locator("article.item[data-kind=parties]", has_text="Dinas Kelautan dan Perikanan").count() == 0
    for label_for in page.eval_on_selector_all("form.edit-form input:not([type=hidden]), form.edit-form select, "
                                               "form.edit-form textarea", "els => els.map(e => e.id)"):
        assert page.locator(f"label[for='{label_for}']").count() == 1, f"#{label_for} has no label"
    page.goto(live_server.url + "/dashboard")
    assert page.locator("svg.chart").count() == 1  # server-side chart, no script needed
    page.context.close()
