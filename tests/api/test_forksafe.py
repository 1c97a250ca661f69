"""Forks never copy a background thread's half-done work (api/forksafe.py), and the Celery
sweeper runs as a process of its own instead of a thread of the forking worker."""
from __future__ import annotations

import os
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
    sweeper.stop()
    assert sweeper.pid is None
    assert not Path(f"/proc/{pid}").exists()
