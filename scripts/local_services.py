"""Real PostgreSQL and Redis servers of their own, on loopback, for tests and benchmarks.

The scale-out tests stop and restart them on purpose, so they never share the CI services."""
from __future__ import annotations

import glob
import os
import shutil
import subprocess
import sysconfig
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from scripts.local_ports import free_port


def postgres_bin() -> Path | None:
    """The server binaries to test against: the PostgreSQL with pgvector that the `pgserver` wheel
    ships (a dev dependency) when this environment has it, else the newest Debian server."""
    bundled = sorted(glob.glob(f"{sysconfig.get_paths()['purelib']}/pgserver/pginstall/bin/initdb"))
    if bundled and not _runs_as_server_user(Path(bundled[-1]).parent / "postgres"):
        bundled = []  # the checkout is not readable by the postgres user
    found = bundled or sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


def _runs_as_server_user(binary: Path) -> bool:
    try:
        return subprocess.run(_as_postgres([str(binary), "--version"]), capture_output=True, timeout=30).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def _as_postgres(cmd: list[str]) -> list[str]:
    if os.geteuid() == 0:  # the server refuses to run as root
        return ["su", "postgres", "-s", "/bin/sh", "-c", " ".join(cmd)]
    return cmd


@dataclass
class Postgres:
    bindir: Path
    data: Path
    port: int

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/janji"

    def init(self) -> "Postgres":
        self.data.mkdir(parents=True)
        if os.geteuid() == 0:
            shutil.chown(self.data.parent, "postgres")
            shutil.chown(self.data, "postgres")
        subprocess.run(_as_postgres([str(self.bindir / "initdb"), "-D", str(self.data), "-A", "trust",
                                     "-U", "postgres"]), check=True, capture_output=True)
        self.start()
        subprocess.run(_as_postgres([str(self.bindir / "createdb"), "-h", "127.0.0.1", "-p", str(self.port),
                                     "-U", "postgres", "janji"]), check=True, capture_output=True)
        return self

    def start(self) -> None:
        opts = f"'-p {self.port} -k {self.data} -c listen_addresses=127.0.0.1 -c fsync=off'"
        subprocess.run(_as_postgres([str(self.bindir / "pg_ctl"), "-D", str(self.data), "-o", opts,
                                     "-l", str(self.data / "log"), "-w", "start"]), check=True, capture_output=True)

    def stop(self) -> None:
        subprocess.run(_as_postgres([str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w",
                                     "stop"]), capture_output=True)

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.data.parent, ignore_errors=True)


@dataclass
class Redis:
    port: int
    proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> "Redis":
        self.proc = subprocess.Popen(["redis-server", "--port", str(self.port), "--bind", "127.0.0.1",
                                      "--save", "", "--appendonly", "no"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        import redis

        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                if redis.Redis(port=self.port).ping():
                    return self
            except redis.ConnectionError:
                time.sleep(0.1)
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        """Stop without saving: every message in the broker is lost, as in a crash."""
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)


def start_postgres() -> Postgres | None:
    """A fresh cluster in a directory of its own (pytest's temp dirs are closed to the postgres user)."""
    bindir = postgres_bin()
    if bindir is None:
        return None
    base = Path(tempfile.mkdtemp(prefix="janji-pg-"))
    base.chmod(0o755)
    return Postgres(bindir, base / "data", free_port()).init()


def start_redis() -> Redis | None:
    if shutil.which("redis-server") is None:
        return None
    return Redis(free_port()).start()
