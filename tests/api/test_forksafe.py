"""Forks never copy a background thread's half-done work (api/forksafe.py), and the Celery
sweeper runs as a process of its own instead of a thread of the forking worker."""
from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

from api.celery_queue import SweeperProcess
from api.forksafe import no_fork_during
from api.settings import Settings


def test_a_fork_waits_until_a_background_block_has_ended():
    inside, ended_at = threading.Event(), []

    def background() -> None:
        with no_fork_during():
            inside.set()
            time.sleep(0.5)
            ended_at.append(time.monotonic())

    thread = threading.Thread(target=background)
    thread.start()
    inside.wait(5)
    pid = os.fork()
    if pid == 0:
        os._exit(0)
    forked_at = time.monotonic()
    os.waitpid(pid, 0)
    thread.join()
    assert ended_at and forked_at >= ended_at[0]


def test_no_fork_during_does_not_block_a_fork_after_the_block():
    with no_fork_during():
        pass
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:
        os._exit(0)
    os.waitpid(pid, 0)
    assert time.monotonic() - started < 2


def test_sweeper_process_runs_apart_and_stops(tmp_path):
    settings = Settings(data_dir=tmp_path, broker_url="redis://127.0.0.1:9/0", job_lease_seconds=1)
    settings.ensure_dirs()
    sweeper = SweeperProcess(settings)
    sweeper.start()
    pid = sweeper.pid
    assert pid is not None and pid != os.getpid()
    deadline = time.monotonic() + 10
    while Path(f"/proc/{pid}/comm").read_text().strip() != "janji-sweeper":
        assert time.monotonic() < deadline, "the sweeper process never named itself"
        time.sleep(0.05)
    sweeping = _children_named(pid, "janji-sweep")
    assert len(sweeping) == 1, "the supervisor runs the sweeping in one child"
    sweeper.stop()
    assert sweeper.pid is None
    assert not Path(f"/proc/{pid}").exists()
    _wait_until_gone(sweeping[0])


def test_a_killed_sweeper_is_started_again_and_stop_ends_both(tmp_path):
    started = tmp_path / "started"

    def sweep_forever() -> None:
        with started.open("a") as out:
            out.write(f"{os.getpid()}\n")
        while True:
            time.sleep(1)

    sweeper = SweeperProcess(Settings(data_dir=tmp_path), target=sweep_forever, restart_delay=0.1)
    sweeper.start()
    supervisor = sweeper.pid
    try:
        first = _wait_for_lines(started, 1)[0]
        os.kill(first, signal.SIGKILL)
        second = _wait_for_lines(started, 2)[1]
        assert second != first
        assert Path(f"/proc/{second}/status").read_text().count(f"PPid:\t{supervisor}\n") == 1
    finally:
        sweeper.stop()
    assert not Path(f"/proc/{supervisor}").exists()
    _wait_until_gone(second)


def _wait_for_lines(path: Path, count: int) -> list[int]:
    deadline = time.monotonic() + 15
    while True:
        lines = path.read_text().split() if path.exists() else []
        if len(lines) >= count:
            return [int(line) for line in lines]
        assert time.monotonic() < deadline, f"only {len(lines)} sweeper start(s) seen, wanted {count}"
        time.sleep(0.05)


def _children_named(parent: int, name: str) -> list[int]:
    deadline = time.monotonic() + 10
    while True:
        children = Path(f"/proc/{parent}/task/{parent}/children").read_text().split()
        named = [int(c) for c in children if Path(f"/proc/{c}/comm").read_text().strip() == name]
        if named or time.monotonic() > deadline:
            return named
        time.sleep(0.05)


def _wait_until_gone(pid: int) -> None:
    """A grandchild is reaped by init, not by us: wait until the kernel lets it go."""
    deadline = time.monotonic() + 10
    while Path(f"/proc/{pid}").exists() and "Z" not in _state(pid):
        assert time.monotonic() < deadline, f"process {pid} is still running"
        time.sleep(0.05)


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except FileNotFoundError:
        return "Z"
