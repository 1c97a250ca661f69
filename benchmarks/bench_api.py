"""Documents per minute through the HTTP API (upload -> job finished) with 1 and 4 concurrent
uploaders, against `janji extract` on the same files, in the same run.

Each API case gets a fresh server and database (the same bytes twice would only be deduplicated),
started before the clock runs; the clock runs from the first upload to the last job finishing.
The baseline is one `janji extract` process over all files (its default: one process per core),
timed from start to exit, so it includes loading the pipeline once, as a user running it would.
"""
from __future__ import annotations

import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_docs"
FINAL = ("succeeded", "partial", "failed", "rejected")


def bench_files() -> list[Path]:
    """The born-digital samples (scans are measured by bench_reading / bench_scale)."""
    return sorted(p for p in SAMPLES.iterdir()
                  if p.is_file() and ".scan." not in p.name and p.suffix in (".pdf", ".html", ".docx", ".txt"))


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _env(data: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("JANJI_")}
    env.update({"JANJI_DATA_DIR": str(data), "JANJI_WORKER_THREADS": str(os.cpu_count() or 2),
                "JANJI_JOB_POLL_SECONDS": "0.2", "JANJI_LOG_LEVEL": "WARNING", "TQDM_DISABLE": "1"})
    return env


def _start_server(data: Path) -> tuple[subprocess.Popen, str, str]:
    env = _env(data)
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "api.cli", "serve", "--port", str(port)], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    base = f"http://127.0.0.1:{port}/api/v1"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.3)
    else:
        proc.kill()
        raise RuntimeError("janji serve did not start")
    key = subprocess.run([sys.executable, "-m", "api.cli", "keys", "create", "--role", "ingest"], cwd=ROOT,
                         env=env, capture_output=True, text=True, check=True).stdout.split()[-1]
    return proc, base, key


def _warm_up(base: str, key: str) -> None:
    """One small document first, so that loading the NLP pipeline is not inside the timed run
    (the CLI baseline pays it once too; a long-running server pays it once per process)."""
    with httpx.Client(base_url=base, headers={"X-API-Key": key}, timeout=300) as c:
        job = c.post("/documents", files={"file": ("warm.txt", b"Nota kesepahaman antara Pemkab A dan Pemkot B.\n",
                                                   "text/plain")}).json()["job_id"]
        while c.get(f"/jobs/{job}").json()["status"] not in FINAL:
            time.sleep(0.1)


def _upload_and_wait(base: str, key: str, path: Path) -> tuple[float, str]:
    started = time.perf_counter()
    with httpx.Client(base_url=base, headers={"X-API-Key": key}, timeout=600) as c:
        r = c.post("/documents", files={"file": (path.name, path.read_bytes())})
        r.raise_for_status()
        job_id = r.json()["job_id"]
        while True:
            status = c.get(f"/jobs/{job_id}").json()["status"]
            if status in FINAL:
                return time.perf_counter() - started, status
            time.sleep(0.05)


def api_case(files: list[Path], uploaders: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="janji-bench-api-") as tmp:
        proc, base, key = _start_server(Path(tmp) / "data")
        try:
            _warm_up(base, key)
            started = time.perf_counter()
            with ThreadPoolExecutor(uploaders) as pool:
                results = list(pool.map(lambda p: _upload_and_wait(base, key, p), files))
            seconds = time.perf_counter() - started
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(30)
    ok = sum(1 for _, s in results if s in ("succeeded", "partial"))
    return {"seconds": seconds, "ok": ok, "latency": statistics.median(t for t, _ in results)}


def extract_case(files: list[Path]) -> dict:
    env = _env(Path(tempfile.gettempdir()) / "janji-bench-unused")
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "api.cli", "extract", *map(str, files)], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    ok = sum(1 for line in proc.stdout.splitlines() if line.strip() and '"error"' not in line[:200])
    return {"seconds": seconds, "ok": ok}


def run() -> list[dict]:
    files = bench_files()
    n = len(files)
    baseline = extract_case(files)
    rows = [{"case": f"janji extract, {n} files (baseline)", "seconds": round(baseline["seconds"], 1),
             "docs/min": round(n / baseline["seconds"] * 60, 1), "ok": f"{baseline['ok']}/{n}",
             "median latency s": "", "vs baseline": 1.0}]
    for uploaders in (1, 4):
        case = api_case(files, uploaders)
        rows.append({"case": f"API, {uploaders} concurrent uploader{'s' if uploaders > 1 else ''}",
                     "seconds": round(case["seconds"], 1), "docs/min": round(n / case["seconds"] * 60, 1),
                     "ok": f"{case['ok']}/{n}", "median latency s": round(case["latency"], 2),
                     "vs baseline": round(baseline["seconds"] / case["seconds"], 2)})
    return rows


if __name__ == "__main__":
    from benchmarks.run_all import markdown_table

    print(markdown_table(run()))
