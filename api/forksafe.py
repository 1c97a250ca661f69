"""Forking next to background threads without handing the child their locks.

`fork()` copies only the calling thread. Any lock another thread holds at that instant (a
module's import lock, a stream's buffer lock, a database driver's connection lock) is copied in
its held state and nobody in the child will ever release it: the child's first import, log line
or query on that lock blocks forever, silently. A Celery pool child hung exactly like this in
`from models import repository`, because the worker's sweeper thread was importing that module
for its first sweep when the pool forked the child.

Two rules follow, and this module holds their tools:
- a process that forks often (the Celery worker's main process) runs no background thread of
  ours: the sweeper lives in a process of its own (`api.celery_queue.SweeperProcess`);
- where a background thread must live next to forks (a job's lease heartbeat, while the job
  forks its sandboxed reader), each unit of its work runs inside `no_fork_during()`, and every
  `os.fork()` in the process waits for that unit to end first (an at-fork hook).
"""
from __future__ import annotations

import ctypes
import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_busy = threading.Lock()


def _before_fork() -> None:
    _busy.acquire()


def _after_fork_in_parent() -> None:
    _busy.release()


def _after_fork_in_child() -> None:
    global _busy
    _busy = threading.Lock()  # the parent's copy is held by the thread that forked


os.register_at_fork(before=_before_fork, after_in_parent=_after_fork_in_parent,
                    after_in_child=_after_fork_in_child)


@contextmanager
def no_fork_during() -> Iterator[None]:
    """Hold off `os.fork()` in this process while the block runs. For background threads only:
    the block must not fork itself (the lock is not re-entrant), and should be short."""
    lock = _busy
    with lock:
        yield


def die_with_parent(parent_pid: int) -> None:
    """Ask the kernel to SIGKILL this (forked) process when its parent dies (Linux); exit at once
    if the parent is already gone. Elsewhere the caller's own checks of `os.getppid()` apply."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent_pid:
        os._exit(1)


def name_this_process(name: str) -> None:
    """Set the process name shown by `ps` and in /proc/<pid>/comm (Linux, 15 bytes at most)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(15, name.encode()[:15], 0, 0, 0)  # PR_SET_NAME
    except (OSError, AttributeError):
        pass
