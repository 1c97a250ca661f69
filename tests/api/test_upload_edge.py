"""RELIABILITY.md "Upload and API edge": every row against a live server."""
from __future__ import annotations

import io
import os
import subprocess
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from tests.api import rawhttp
from tests.api.conftest import agreement_bytes

LIMIT = 2 * 1024 * 1024  # shared_server's JANJI_MAX_UPLOAD_BYTES


def _state(server) -> tuple[int, int]:
    """(documents, blob files) now."""
    with server.client() as c:
        total = c.get("/documents").json()["total"]
    return total, len(server.blob_files())


def _wait_tmp_empty(server, timeout: float = 5.0) -> list[Path]:
    deadline = time.monotonic() + timeout
    while server.tmp_files() and time.monotonic() < deadline:
        time.sleep(0.1)
    return server.tmp_files()


def test_zero_byte_file_is_422_empty_file_and_stores_nothing(shared_server):
    before = _state(shared_server)
    with shared_server.client("ingest") as c:
        r = c.post("/documents", files={"file": ("empty.pdf", b"", "application/pdf")})
    assert r.status_code == 422
    assert r.json()["error"]["code"] == "empty_file"
    assert _state(shared_server) == before
    assert _wait_tmp_empty(shared_server) == []


def test_over_limit_with_content_length_is_413_before_the_body_is_read(shared_server):
    status, _headers, body, _seconds = rawhttp.send_headers_only(
        shared_server.port, "/api/v1/documents",
        {"X-API-Key": shared_server.key("ingest"), "Content-Type": "multipart/form-data; boundary=x",
         "Content-Length": str(LIMIT * 10)})
    # we never sent a byte of the body: the answer can only come from the header check
    assert status == 413
    assert b'"too_large"' in body
    assert shared_server.tmp_files() == []


def test_over_limit_chunked_is_413_mid_stream_and_the_temp_file_is_removed(shared_server):
    before = _state(shared_server)
    body, ctype = rawhttp.multipart(b"x" * (LIMIT + 512 * 1024), filename=b"big.txt")
    chunks = [body[i:i + 64 * 1024] for i in range(0, len(body), 64 * 1024)]
    status, _, resp = rawhttp.send_chunked(shared_server.port, "/api/v1/documents",
                                           {"X-API-Key": shared_server.key("ingest"), "Content-Type": ctype},
                                           chunks)
    assert status == 413
    assert b'"too_large"' in resp
    assert _wait_tmp_empty(shared_server) == []
    assert _state(shared_server) == before


def test_chunked_upload_under_the_limit_is_accepted(shared_server):
    body, ctype = rawhttp.multipart(agreement_bytes("CHUNKED"), filename=b"chunked.txt")
    chunks = [body[i:i + 1000] for i in range(0, len(body), 1000)]
    status, _, resp = rawhttp.send_chunked(shared_server.port, "/api/v1/documents",
                                           {"X-API-Key": shared_server.key("ingest"), "Content-Type": ctype},
                                           chunks)
    assert status == 202, resp


@pytest.mark.parametrize("key", [None, "jnj_deadbeef_not-a-real-key", "garbage"])
def test_missing_or_invalid_key_on_a_large_upload_is_401_without_reading_the_body(shared_server, key):
    headers = {"Content-Type": "multipart/form-data; boundary=x", "Content-Length": str(LIMIT - 10)}
    if key:
        headers["X-API-Key"] = key
    status, hdrs, body, _ = rawhttp.send_headers_only(shared_server.port, "/api/v1/documents", headers)
    assert status == 401
    assert hdrs["www-authenticate"] == "ApiKey"
    assert b'"unauthorized"' in body
    assert shared_server.tmp_files() == []


def test_a_key_without_the_needed_role_is_403(shared_server):
    # review may not upload: refused before the body is read (only headers were sent)
    status, _, body, _ = rawhttp.send_headers_only(
        shared_server.port, "/api/v1/documents",
        {"X-API-Key": shared_server.key("review"), "Content-Type": "multipart/form-data; boundary=x",
         "Content-Length": "1000"})
    assert status == 403 and b'"forbidden"' in body
    with shared_server.client("ingest") as c:
        r = c.patch("/officials/1", json={"name": "X"}, headers={"If-Match": "1"})
        assert r.status_code == 403
        r = c.post("/documents/1/parties", json={"name": "X"})
        assert r.status_code == 403
        assert r.json()["error"]["code"] == "forbidden"
    with shared_server.client("review") as c:
        assert c.get("/documents").status_code == 200


def _png() -> bytes:
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (400, 120), "white")
    ImageDraw.Draw(img).text((10, 40), "NOTA KESEPAHAMAN", fill="black")
    out = io.BytesIO()
    img.save(out, format="PNG")
    return out.getvalue()


def _zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("a.txt", "hello")
    return out.getvalue()


def test_type_is_decided_by_magic_bytes_not_by_name_or_content_type(shared_server):
    with shared_server.client("ingest") as c:
        before = _state(shared_server)
        r = c.post("/documents", files={"file": ("archive.pdf", _zip(), "application/pdf")})
        assert r.status_code == 415
        assert r.json()["error"]["code"] == "unsupported_type"
        assert _state(shared_server) == before

        r = c.post("/documents", files={"file": ("scan.pdf", _png(), "application/pdf")})
        assert r.status_code == 202
        assert c.get(f"/documents/{r.json()['id']}").json()["media_type"] == "image/png"

        html = b"<!DOCTYPE html><html><body><p>Siaran pers</p></body></html>"
        r = c.post("/documents", files={"file": ("page.pdf", html, "application/pdf")})
        assert r.status_code == 202
        assert c.get(f"/documents/{r.json()['id']}").json()["media_type"] == "text/html"


@pytest.mark.parametrize("filename", [b"../../x.pdf", b"a.pdf\x00.exe", b"n" * 5000 + b".pdf",
                                      "laporan\u202egpj.exe".encode(), b"..\\..\\windows\\x.txt"])
def test_hostile_filenames_are_sanitised_and_never_used_as_paths(shared_server, filename):
    data = agreement_bytes(f"NAME-{filename[:20]!r}")
    body, ctype = rawhttp.multipart(data, filename=filename)
    with shared_server.client("ingest") as c:
        r = c.post("/documents", content=body, headers={"Content-Type": ctype})
        assert r.status_code == 202, r.text
        doc = c.get(f"/documents/{r.json()['id']}").json()
        name = doc["source"]
        assert name and len(name) <= 120
        assert not any(ch in name for ch in ("/", "\\", "\x00", "\u202e"))
        assert ".." not in name.split("/")
        f = c.get(f"/documents/{doc['id']}/file")
        assert f.status_code == 200 and f.content == data
        assert f.headers["content-disposition"].startswith("attachment")
        assert "/" not in f.headers["content-disposition"] and "\u202e" not in f.headers["content-disposition"]
    # the stored file is named by its sha256 only, inside the blob store
    for path in shared_server.blob_files():
        assert path.name == path.name.lower() and len(path.name) == 64
        assert shared_server.data_dir in path.parents
    assert not (shared_server.data_dir.parent / "x.pdf").exists()


@pytest.mark.parametrize("body,ctype", [
    (b"--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nhello", 
     "multipart/form-data; boundary=xyz"),                                            # no closing boundary
    (b"this is not multipart at all", "multipart/form-data; boundary=xyz"),
    (b"--xyz\r\nContent-Disposition: form-data\r\n\r\nhello\r\n--xyz--\r\n", "multipart/form-data; boundary=xyz"),
    (b"hello", "multipart/form-data"),                                                 # no boundary
    (b'{"file": "x"}', "application/json"),
])
def test_malformed_multipart_is_400_and_queues_nothing(shared_server, body, ctype):
    before = _state(shared_server)
    with shared_server.client("ingest") as c:
        r = c.post("/documents", content=body, headers={"Content-Type": ctype})
    assert r.status_code == 400, r.text
    assert r.json()["error"]["code"] == "malformed_multipart"
    assert _state(shared_server) == before
    assert _wait_tmp_empty(shared_server) == []


def test_same_bytes_twice_and_concurrently_give_one_document(shared_server):
    data = agreement_bytes("CONCURRENT")

    def upload(i: int) -> dict:
        with shared_server.client("ingest") as c:
            r = c.post("/documents", files={"file": (f"copy{i}.txt", data, "text/plain")})
            assert r.status_code == 202, r.text
            return r.json()

    before_docs, _ = _state(shared_server)
    with ThreadPoolExecutor(6) as pool:
        results = list(pool.map(upload, range(6)))
    assert len({r["id"] for r in results}) == 1
    assert sum(not r["duplicate"] for r in results) == 1
    assert len({r["job_id"] for r in results}) == 1
    assert upload(99)["id"] == results[0]["id"]
    assert _state(shared_server)[0] == before_docs + 1


def test_client_disconnect_mid_upload_leaves_no_blob_and_no_job(shared_server):
    before = _state(shared_server)
    body, ctype = rawhttp.multipart(b"y" * 500_000, filename=b"cut.txt")
    rawhttp.send_partial_and_close(shared_server.port, "/api/v1/documents",
                                   {"X-API-Key": shared_server.key("ingest"), "Content-Type": ctype,
                                    "Content-Length": str(len(body))}, body[:200_000])
    assert _wait_tmp_empty(shared_server) == []
    assert _state(shared_server) == before
    # and the server is still fine
    assert httpx.get(f"{shared_server.api}/healthz").status_code == 200


def test_unknown_ids_are_404_everywhere_and_lists_paginate(shared_server):
    with shared_server.client("admin") as c:
        for path in ("/documents/987654", "/documents/987654/file", "/documents/987654/pages/1.png",
                     "/jobs/987654", "/officials/987654/history", "/parties/987654/history",
                     "/dates/987654/history", "/commitments/987654/history", "/documents/987654/history"):
            r = c.get(path)
            assert r.status_code == 404, path
            assert r.json()["error"]["code"] == "not_found", path
        for kind in ("parties", "officials", "dates", "commitments"):
            r = c.patch(f"/{kind}/987654", json={"reason": "x", **({"name": "X"} if kind in ("parties", "officials")
                                                                    else {"text": "X"})},
                        headers={"If-Match": "1"})
            assert r.status_code == 404, kind
        for kind in ("parties", "officials", "commitments"):
            assert c.delete(f"/{kind}/987654", headers={"If-Match": "1"}).status_code == 404
        assert c.post("/documents/987654/parties", json={"name": "X"}).status_code == 404
        assert c.get("/no/such/route").status_code == 404
        assert c.get("/documents", params={"limit": 101}).status_code == 422
        assert c.get("/documents", params={"limit": 0}).status_code == 422
        total = c.get("/documents").json()["total"]
        assert total >= 2
        seen = []
        for offset in range(total):
            page = c.get("/documents", params={"limit": 1, "offset": offset}).json()
            assert page["limit"] == 1 and len(page["items"]) == 1
            seen.append(page["items"][0]["id"])
        assert len(set(seen)) == total


def _tmpfs(path: Path, size: str) -> bool:
    path.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
                          capture_output=True, check=False)
    return proc.returncode == 0


@pytest.mark.slow
def test_disk_full_while_storing_is_507_with_no_row_and_no_temp_file(server_factory, tmp_path):
    data_dir = tmp_path / "small-disk"
    if os.geteuid() != 0 or not _tmpfs(data_dir, "1m"):
        pytest.skip("needs root to mount a 1 MB tmpfs as a full disk")
    server = None
    try:
        server = server_factory(data_dir=data_dir, JANJI_MAX_UPLOAD_BYTES=str(4 * 1024 * 1024))
        with server.client("ingest") as c:
            # 700 kB spools fine, but the blob copy does not fit next to it
            r = c.post("/documents", files={"file": ("a.txt", b"kata " * 140_000, "text/plain")})
            assert r.status_code == 507, r.text
            assert r.json()["error"]["code"] == "insufficient_storage"
            # 1.5 MB does not even fit in the spool
            r = c.post("/documents", files={"file": ("b.txt", b"kata " * 300_000, "text/plain")})
            assert r.status_code == 507, r.text
            assert c.get("/documents").json()["total"] == 0
            assert server.tmp_files() == []
            assert server.blob_files() == []
            # the service stays up and small uploads still work
            r = c.post("/documents", files={"file": ("small.txt", agreement_bytes("DISK"), "text/plain")})
            assert r.status_code == 202
    finally:
        if server is not None:
            server.stop()
        subprocess.run(["umount", "-l", str(data_dir)], capture_output=True, check=False)
