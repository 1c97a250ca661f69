"""Fixtures for the web tests.

In-process (fast): a real app on a migrated temp SQLite database, driven by Starlette's
TestClient, with documents stored through the same ingest service and repository the API uses.

Live (slow, browser): `janji serve` in a subprocess on a free loopback port with a temp data dir,
and headless Debian Chromium driven by Playwright (never a downloaded browser).
"""
from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')


# -- in-process app ---------------------------------------------------------------------------------

class WebClient:
    """A TestClient plus the bits tests need: keys per role, sign in, the page's CSRF token."""

    def __init__(self, client: Any, app: Any) -> None:
        self.client = client
        self.app = app
        self.keys: dict[str, str] = {}

    @property
    def runtime(self) -> Any:
        return self.app.state.runtime

    def key(self, role: str) -> str:
        from models import repository

        if role not in self.keys:
            with self.runtime.session() as session:
                self.keys[role] = repository.create_api_key(session, role=role, label=f"{role} tester")
        return self.keys[role]

    def csrf(self, path: str = "/login") -> str:
        page = self.client.get(path)
        match = CSRF_RE.search(page.text)
        assert match, f"no CSRF token on {path}"
        return match.group(1)

    def sign_in(self, role: str = "admin") -> None:
        token = self.csrf("/login")
        r = self.client.post("/login", data={"csrf_token": token, "method": "key", "api_key": self.key(role),
                                             "next": "/dashboard"}, follow_redirects=False)
        assert r.status_code == 303, r.text

    def __getattr__(self, name: str) -> Any:
        return getattr(self.client, name)


@pytest.fixture()
def web(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[WebClient]:
    from fastapi.testclient import TestClient

    from api.app import create_app
    from api.settings import Settings
    from models.migrate import upgrade

    monkeypatch.delenv("JANJI_SECRET_KEY", raising=False)
    settings = Settings(data_dir=tmp_path / "data", max_upload_bytes=200_000)
    settings.ensure_dirs()
    upgrade(settings.resolved_database_url)
    app = create_app(settings, start_worker=False)
    with TestClient(app, base_url="http://testserver") as client:
        yield WebClient(client, app)


def store_document(web: WebClient, data: bytes, name: str, extraction: dict[str, Any] | None) -> int:
    """Store bytes through the upload service, then record an extraction run for them."""
    import hashlib

    from api.services import ingest
    from models import repository

    path = web.runtime.settings.tmp_dir / f"fixture-{hashlib.sha256(data).hexdigest()[:12]}"
    path.write_bytes(data)
    with web.runtime.session() as session:
        accepted = ingest.accept(session, web.runtime.settings, path=path, sha256=hashlib.sha256(data).hexdigest(),
                                 size=len(data), filename=name, kind="auto")
        if extraction is not None:
            repository.save_extraction(session, document_id=accepted.id, extraction=extraction,
                                       run_status="succeeded")
    path.unlink()
    return accepted.id


def _ev(page: int, start: int, text: str, bbox: list[float]) -> dict[str, Any]:
    return {"page": page, "start": start, "end": start + len(text), "text": text, "bbox": bbox}


def mou_extraction() -> dict[str, Any]:
    """What a good extraction of tests/web/pdfs.mou_pdf() looks like (boxes in PDF points)."""
    return {
        "kind": "agreement", "language": "id", "title": "Pengembangan Kompetensi Nelayan Muda",
        "number": "415/NK-TW/III/2025", "pages": 1, "location": "Tanjung Wangi",
        "term": {"years": 3, "months": 0, "days": 0, "text": "3 (tiga) tahun"},
        "parties": [
            {"name": "Pemerintah Kabupaten Tanjung Wangi", "aliases": ["Pemkab Tanjung Wangi"],
             "role": "PIHAK PERTAMA", "confidence": 0.9,
             "evidence": [_ev(1, 40, "PEMERINTAH KABUPATEN TANJUNG WANGI", [190.0, 100.0, 405.0, 112.0])]},
            {"name": "Politeknik Bahari Samudra", "aliases": [], "role": "PIHAK KEDUA", "confidence": 0.9,
             "evidence": [_ev(1, 80, "POLITEKNIK BAHARI SAMUDRA", [215.0, 130.0, 380.0, 142.0])]},
        ],
        "officials": [
            {"name": "Hendra Wijaya", "honorifics": ["S.H.", "M.H."], "position": "Bupati",
             "organization": "Pemerintah Kabupaten Tanjung Wangi", "role": "signatory", "confidence": 0.8,
             "evidence": [_ev(1, 260, "Hendra Wijaya, S.H., M.H., Bupati Tanjung Wangi",
                              [80.0, 300.0, 330.0, 312.0])]},
            {"name": "Maria Lestari", "honorifics": ["Dr.", "Ir.", "M.Eng."], "position": "Direktur",
             "organization": "Politeknik Bahari Samudra", "role": "signatory", "confidence": 0.45,
             "evidence": [_ev(1, 400, "Dr. Ir. Maria Lestari, M.Eng., Direktur", [80.0, 340.0, 300.0, 352.0])]},
        ],
        "dates": [
            {"date": "2025-03-10", "role": "signing", "text": "10-03-2025", "confidence": 0.95,
             "evidence": [_ev(1, 200, "10-03-2025", [400.0, 270.0, 460.0, 282.0])]},
        ],
        "commitments": [
            {"text": "PIHAK KEDUA wajib menyelenggarakan pelatihan navigasi dan keselamatan laut bagi nelayan muda",
             "action": "menyelenggarakan pelatihan navigasi dan keselamatan laut",
             "parties": ["Politeknik Bahari Samudra"], "due": "2027-12-31", "confidence": 0.85,
             "evidence": [_ev(1, 900, "PIHAK KEDUA wajib menyelenggarakan pelatihan navigasi",
                              [76.0, 450.0, 520.0, 472.0])]},
            {"text": "PIHAK PERTAMA wajib menyediakan gedung balai latihan kerja", "action": "menyediakan gedung",
             "parties": ["Pemerintah Kabupaten Tanjung Wangi"], "due": "2025-06-30", "confidence": 0.5,
             "needs_review": True,
             "evidence": [_ev(1, 1050, "PIHAK PERTAMA wajib menyediakan gedung", [76.0, 485.0, 520.0, 507.0])]},
        ],
        "warnings": [],
    }


# -- live server and browser --------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    def __init__(self) -> None:
        self.data_dir = Path(tempfile.mkdtemp(prefix="janji-web-"))
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {**os.environ, "JANJI_DATA_DIR": str(self.data_dir), "JANJI_WORKER_THREADS": "1",
                    "JANJI_LOG_LEVEL": "WARNING", "JANJI_MAX_UPLOAD_BYTES": str(5 * 1024 * 1024)}
        self.env.pop("JANJI_SECRET_KEY", None)
        self.env.pop("JANJI_DATABASE_URL", None)
        self.log = open(self.data_dir / "server.log", "wb")  # noqa: SIM115 - closed in stop()
        self.process: subprocess.Popen | None = None

    def janji(self, *args: str) -> str:
        proc = subprocess.run([sys.executable, "-m", "api.cli", *args], cwd=REPO, env=self.env,
                              capture_output=True, text=True, timeout=120, check=False)
        assert proc.returncode == 0, proc.stderr
        return proc.stdout

    def start(self) -> None:
        self.process = subprocess.Popen([sys.executable, "-m", "api.cli", "serve", "--host", "127.0.0.1",
                                         "--port", str(self.port)], cwd=REPO, env=self.env,
                                        stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("janji serve exited:\n" + self.log_text())
            try:
                if httpx.get(self.url + "/api/v1/healthz", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        raise RuntimeError("janji serve did not become healthy:\n" + self.log_text())

    def log_text(self) -> str:
        self.log.flush()
        return (self.data_dir / "server.log").read_text(errors="replace")[-4000:]

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.log.close()
        shutil.rmtree(self.data_dir, ignore_errors=True)


@pytest.fixture(scope="module")
def live_server() -> Iterator[LiveServer]:
    server = LiveServer()
    try:
        server.janji("keys", "create", "--role", "admin", "--label", "browser reviewer")  # migrates too
        server.start()
        yield server
    finally:
        server.stop()


def create_key(server: LiveServer, role: str, label: str) -> str:
    return server.janji("keys", "create", "--role", role, "--label", label).split()[-1]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed (apt-get install chromium); browser tests need it")
    playwright_api = pytest.importorskip("playwright.sync_api", reason="the playwright Python package is missing")
    with playwright_api.sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            yield instance
        finally:
            instance.close()


def screenshot(page: Any, name: str, *, full_page: bool = True) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path
