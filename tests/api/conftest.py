"""A real `janji serve` on loopback (subprocess, free port, temp data dir) for the API tests.

`server_factory(**env)` starts one; `.cli(...)` runs `janji` against the same database;
`.key(role)` creates an API key through `janji keys create`. The database is SQLite in the data
dir, or, with `db="postgresql"` and JANJI_TEST_DATABASE_URL set, a fresh database of its own on
that server (dropped afterwards).
"""
from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
PG_URL = os.environ.get("JANJI_TEST_DATABASE_URL")
BACKENDS = ["sqlite"] + (["postgresql"] if PG_URL else [])


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def create_pg_database() -> str:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    assert PG_URL
    name = f"janji_api_{uuid.uuid4().hex[:10]}"
    admin = create_engine(make_url(PG_URL).set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(PG_URL).set(database=name).render_as_string(hide_password=False)


def drop_pg_database(url: str) -> None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = make_url(url).database
    admin = create_engine(make_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@dataclass
class Server:
    data_dir: Path
    env: dict[str, str]
    port: int
    proc: subprocess.Popen | None = None
    log_path: Path | None = None
    keys: dict[str, str] = field(default_factory=dict)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def api(self) -> str:
        return f"{self.base_url}/api/v1"

    def start(self, timeout: float = 90) -> Server:
        self.log_path = self.data_dir.parent / f"server-{self.port}-{int(time.time() * 1000)}.log"
        with open(self.log_path, "wb") as log:  # the child keeps its own copy of the descriptor
            self.proc = subprocess.Popen([sys.executable, "-m", "api.cli", "serve", "--port", str(self.port)],
                                         cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT,
                                         start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"janji serve exited: {self.log()}")
            try:
                if httpx.get(f"{self.api}/healthz", timeout=2).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"janji serve did not come up: {self.log()}")

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")[-4000:] if self.log_path and self.log_path.exists() else ""

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)

    def kill(self) -> None:
        """SIGKILL the server's whole process group (the server and any reading child)."""
        assert self.proc is not None
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(10)

    def cli(self, *args: str, input_bytes: bytes | None = None, timeout: float = 180) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "api.cli", *args], cwd=ROOT, env=self.env,
                              capture_output=True, timeout=timeout, input=input_bytes, check=False)

    def key(self, role: str) -> str:
        if role not in self.keys:
            proc = self.cli("keys", "create", "--role", role, "--label", f"test-{role}")
            assert proc.returncode == 0, proc.stderr.decode()
            self.keys[role] = proc.stdout.decode().split()[-1]
        return self.keys[role]

    def headers(self, role: str = "admin") -> dict[str, str]:
        return {"X-API-Key": self.key(role)}

    def client(self, role: str = "admin", timeout: float = 60) -> httpx.Client:
        return httpx.Client(base_url=self.api, headers=self.headers(role), timeout=timeout)

    def wait_job(self, job_id: int, timeout: float = 120, role: str = "admin") -> dict:
        deadline = time.monotonic() + timeout
        with self.client(role) as c:
            while time.monotonic() < deadline:
                job = c.get(f"/jobs/{job_id}").json()
                if job["status"] not in ("queued", "running"):
                    return job
                time.sleep(0.2)
        raise AssertionError(f"job {job_id} still {job['status']} after {timeout}s\n{self.log()}")

    def tmp_files(self) -> list[Path]:
        tmp = self.data_dir / "tmp"
        return sorted(tmp.iterdir()) if tmp.is_dir() else []

    def blob_files(self) -> list[Path]:
        blobs = self.data_dir / "blobs"
        return sorted(p for p in blobs.rglob("*") if p.is_file()) if blobs.is_dir() else []


@pytest.fixture
def server_factory(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[..., Server]]:
    started: list[Server] = []
    pg_urls: list[str] = []

    def make(db: str = "sqlite", start: bool = True, data_dir: Path | None = None, **env: str) -> Server:
        base = tmp_path_factory.mktemp("janji")
        data = data_dir or base / "data"
        data.mkdir(parents=True, exist_ok=True)
        full_env = {k: v for k, v in os.environ.items() if not k.startswith("JANJI_")}
        full_env.update({"JANJI_DATA_DIR": str(data), "JANJI_WORKER_THREADS": "2",
                         "JANJI_JOB_POLL_SECONDS": "0.2", "JANJI_LOG_LEVEL": "INFO",
                         "PYTHONUNBUFFERED": "1"})
        if db == "postgresql":
            if not PG_URL:
                pytest.skip("JANJI_TEST_DATABASE_URL not set")
            url = create_pg_database()
            pg_urls.append(url)
            full_env["JANJI_DATABASE_URL"] = url
        else:
            full_env["JANJI_DATABASE_URL"] = f"sqlite:///{base / 'janji.db'}"
        full_env.update(env)
        server = Server(data_dir=data, env=full_env, port=free_port())
        started.append(server)
        return server.start() if start else server

    yield make
    for server in started:
        server.stop()
    for url in pg_urls:
        with contextlib.suppress(Exception):  # a leftover test database is not a test failure
            drop_pg_database(url)


@pytest.fixture(scope="module")
def shared_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One SQLite server for the tests that do not need a fresh database."""
    base = tmp_path_factory.mktemp("janji-shared")
    data = base / "data"
    env = {k: v for k, v in os.environ.items() if not k.startswith("JANJI_")}
    env.update({"JANJI_DATA_DIR": str(data), "JANJI_DATABASE_URL": f"sqlite:///{base / 'janji.db'}",
                "JANJI_WORKER_THREADS": "2", "JANJI_JOB_POLL_SECONDS": "0.2",
                "JANJI_MAX_UPLOAD_BYTES": str(2 * 1024 * 1024), "PYTHONUNBUFFERED": "1"})
    data.mkdir(parents=True)
    server = Server(data_dir=data, env=env, port=free_port()).start()
    yield server
    server.stop()


AGREEMENT_TEXT = """NOTA KESEPAHAMAN
ANTARA
PEMERINTAH KABUPATEN SLEMAN
DAN
UNIVERSITAS GADJAH MADA
NOMOR: 119/NK/{tag}/2025

Pada hari ini, Senin tanggal 14 April 2025, bertempat di Sleman, kami yang bertanda tangan di bawah ini:

1. Drs. Budi Santoso, M.Si., Kepala Dinas Pendidikan Kabupaten Sleman, dalam hal ini bertindak untuk dan atas nama Pemerintah Kabupaten Sleman, selanjutnya disebut PIHAK PERTAMA.
2. Prof. Dr. Siti Rahayu, M.Sc., Rektor Universitas Gadjah Mada, dalam hal ini bertindak untuk dan atas nama Universitas Gadjah Mada, selanjutnya disebut PIHAK KEDUA.

Pasal 1
PIHAK KEDUA wajib menyediakan tenaga pengajar bahasa Inggris bagi sekolah dasar paling lambat 30 Juni 2025.

Pasal 2
PIHAK PERTAMA berkewajiban menyediakan ruang kelas dan sarana belajar.

Pasal 3
Nota Kesepahaman ini berlaku untuk jangka waktu 5 (lima) tahun sejak ditandatangani.

PIHAK PERTAMA                                   PIHAK KEDUA
Kepala Dinas Pendidikan Kabupaten Sleman,        Rektor Universitas Gadjah Mada,

Drs. Budi Santoso, M.Si.                         Prof. Dr. Siti Rahayu, M.Sc.
"""


def agreement_bytes(tag: str = "A") -> bytes:
    """A small agreement we wrote ourselves; `tag` changes its bytes (a different document)."""
    return AGREEMENT_TEXT.format(tag=tag).encode()
