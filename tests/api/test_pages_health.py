"""Rendered pages (with evidence boxes), the original file, and /healthz, on a live server."""
from __future__ import annotations

import io

import httpx
import pytest
from PIL import Image, ImageChops

from tests.api.conftest import AGREEMENT_TEXT


def _pdf(tag: str) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    for page in range(2):
        y = 800
        for line in AGREEMENT_TEXT.format(tag=f"{tag}{page}").splitlines():
            c.drawString(50, y, line[:95])
            y -= 16
        c.showPage()
    c.save()
    return out.getvalue()


@pytest.fixture(scope="module")
def pdf_document(shared_server) -> dict:
    with shared_server.client("ingest") as c:
        r = c.post("/documents", files={"file": ("mou.pdf", _pdf("PAGES"), "application/pdf")})
        assert r.status_code == 202
        job = shared_server.wait_job(r.json()["job_id"])
        assert job["status"] == "succeeded", job
        return c.get(f"/documents/{r.json()['id']}").json()


def _png(response: httpx.Response) -> Image.Image:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "image/png"
    return Image.open(io.BytesIO(response.content)).convert("RGB")


@pytest.mark.slow
def test_a_page_renders_and_highlights_evidence_boxes(shared_server, pdf_document):
    doc = pdf_document
    assert doc["pages"] == 2
    boxed = [o for o in doc["officials"] if any(e["bbox"] and e["page"] == 1 for e in o["evidence"])]
    assert boxed, "officials in a born-digital PDF carry boxes"
    with shared_server.client("review") as c:
        plain = _png(c.get(f"/documents/{doc['id']}/pages/1.png"))
        assert plain.width > 500 and plain.height > 700  # A4 at the render dpi
        lit = _png(c.get(f"/documents/{doc['id']}/pages/1.png", params={"highlight": f"officials:{boxed[0]['id']}"}))
        assert lit.size == plain.size
        diff = ImageChops.difference(plain, lit).convert("L").point(lambda v: 255 if v else 0).histogram()[255]
        assert diff > 200  # a box was drawn
        # a box is drawn where the evidence is: the centre of its bbox is tinted
        x0, top, x1, bottom = next(e["bbox"] for e in boxed[0]["evidence"] if e["bbox"] and e["page"] == 1)
        scale = plain.width / 595.0
        cx, cy = int((x0 + x1) / 2 * scale), int((top + bottom) / 2 * scale)
        assert lit.getpixel((cx, cy)) != plain.getpixel((cx, cy)) or lit.getpixel((int(x0 * scale) - 1, cy)) != \
            plain.getpixel((int(x0 * scale) - 1, cy))
        assert c.get(f"/documents/{doc['id']}/pages/2.png").status_code == 200
        r = c.get(f"/documents/{doc['id']}/pages/3.png")
        assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"
        assert c.get(f"/documents/{doc['id']}/pages/1.png", params={"highlight": "../etc"}).status_code == 422


def test_text_documents_have_no_page_images_and_the_file_comes_back_as_sent(shared_server):
    data = b"Siaran pers: Pemkab Sleman menandatangani nota kesepahaman.\n"
    with shared_server.client("ingest") as c:
        doc = c.post("/documents", files={"file": ("siaran pers.txt", data, "text/plain")}).json()
        r = c.get(f"/documents/{doc['id']}/pages/1.png")
        assert r.status_code == 404 and r.json()["error"]["code"] == "no_page_image"
        f = c.get(f"/documents/{doc['id']}/file")
        assert f.content == data
        assert f.headers["content-disposition"].startswith("attachment;")
        assert "siaran%20pers.txt" in f.headers["content-disposition"]
        assert f.headers["x-content-type-options"] == "nosniff"


def test_healthz_needs_no_key_and_reports_database_worker_index_broker(shared_server):
    for path in ("/api/v1/healthz", "/healthz"):
        r = httpx.get(f"{shared_server.base_url}{path}")
        assert r.status_code == 200
        h = r.json()
        assert h["status"] == "ok" and h["database"] == "ok" and h["database_backend"] == "sqlite"
        assert h["worker"].startswith("in-process (2 threads")
        assert h["vector_index"] == "numpy" and h["broker"] is None  # the index chosen for SQLite
