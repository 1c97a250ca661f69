"""Ingestion throughput (documents per minute) through the HTTP API: the embedded in-process
worker against 1 and 2 Celery workers on Redis, all on one PostgreSQL, in one run.

Born-digital and scanned sample documents are uploaded at once; the clock runs from the first
upload to the last job finishing. Ratios are against the in-process worker of the same run.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from scripts.local_ports import free_port
from scripts.local_services import start_postgres, start_redis

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_docs"
FINAL = ("succeeded", "partial", "failed", "rejected")


def _spawn(args: list[str], env: dict[str, str], log: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "api.cli", *args], cwd=ROOT, env=env,
                            stdout=open(log, "wb"), stderr=subprocess.STDOUT, start_new_session=True)


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


def _wait_http(url: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"{url} did not come up")


def _wait_log(log: Path, needle: str, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if log.exists() and needle in log.read_text(errors="replace"):
            return
        time.sleep(0.3)
    raise RuntimeError(f"{log.name}: {needle!r} never appeared")


def _throughput(files: list[Path], celery_workers: int, work: Path) -> float:
    """Documents per minute for `files` with the in-process worker (0) or N Celery workers."""
    pg, redis = start_postgres(), start_redis()
    if pg is None or redis is None:
        raise RuntimeError("needs PostgreSQL server binaries and redis-server")
    procs: list[subprocess.Popen] = []
    try:
        data = work / f"data-{celery_workers}-{files[0].stem}"
        data.mkdir(parents=True)
        env = {k: v for k, v in os.environ.items() if not k.startswith("JANJI_")}
        env.update({"JANJI_DATA_DIR": str(data), "JANJI_DATABASE_URL": pg.url, "JANJI_LOG_LEVEL": "WARNING",
                    "JANJI_JOB_POLL_SECONDS": "0.2"})
        if celery_workers:
            env["JANJI_BROKER_URL"] = redis.url
        port = free_port()
        procs.append(_spawn(["serve", "--port", str(port)], env, data / "serve.log"))
        api = f"http://127.0.0.1:{port}/api/v1"
        _wait_http(f"{api}/healthz")
        for i in range(celery_workers):
            log = data / f"worker-{i}.log"
            procs.append(_spawn(["worker", "--concurrency", "1", "--name", f"bench{i}@%h"],
                                {**env, "JANJI_LOG_LEVEL": "INFO"}, log))
            _wait_log(log, "ready.")
        key = subprocess.run([sys.executable, "-m", "api.cli", "keys", "create", "--role", "admin"], cwd=ROOT,
                             env=env, capture_output=True, text=True, check=True).stdout.split()[-1]
        with httpx.Client(base_url=api, headers={"X-API-Key": key}, timeout=120) as client:
            start = time.perf_counter()
            job_ids = [client.post("/documents", files={"file": (f.name, f.read_bytes())}).json()["job_id"]
                       for f in files]
            pending = set(job_ids)
            while pending:
                pending = {j for j in pending if client.get(f"/jobs/{j}").json()["status"] not in FINAL}
                time.sleep(0.2)
            elapsed = time.perf_counter() - start
        return len(files) / elapsed * 60
    finally:
        for proc in reversed(procs):
            _stop(proc)
        redis.stop()
        pg.remove()


def run() -> list[dict]:
    import tempfile

    born_digital = [f for f in sorted(SAMPLES.glob("0*.pdf")) if not f.name.endswith(".scan.pdf")]
    scanned = sorted(SAMPLES.glob("0*.scan.pdf"))[:3]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for label, files in (("born-digital", born_digital), ("scanned", scanned)):
            base = _throughput(files, 0, Path(tmp))
            rows.append({"documents": f"{label} ({len(files)})", "setup": "in-process worker (2 threads)",
                         "docs/min": base, "ratio": 1.0})
            for n in (1, 2):
                rate = _throughput(files, n, Path(tmp))
                rows.append({"documents": f"{label} ({len(files)})", "setup": f"{n} Celery worker(s) x 1 process",
                             "docs/min": rate, "ratio": rate / base})
    return rows
