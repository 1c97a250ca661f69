"""Run one function in a forked child with an address-space limit and a wall-clock kill.

This is the only guard that really stops a hostile PDF: pdfminer and pdfium can loop or
allocate without bound inside C code or deep recursion, where no Python-level check runs.

The child is forked (cheap: the parent's imports are shared copy-on-write) and becomes the
leader of its own process group, so a kill also ends the `tesseract` processes it started.
Outcomes:
- the function returns -> its (pickled) value is returned here;
- it raises IngestError -> re-raised here unchanged;
- MemoryError, or the child dies without answering while a memory limit is set -> `capacity`;
- the deadline passes -> the whole process group is SIGKILLed -> `timeout`;
- any other exception -> `malformed_pdf`-style code chosen by the caller (`crash_code`).
"""
from __future__ import annotations

import gc
import os
import pickle
import resource
import select
import signal
import sys
import time
import traceback
from collections.abc import Callable
from typing import Any, TypeVar

from extractor.errors import IngestError

T = TypeVar("T")

_OK, _INGEST, _MEMORY, _CRASH = "ok", "ingest", "memory", "crash"


def run_sandboxed(fn: Callable[..., T], *args: Any, seconds: float, memory_bytes: int | None,
                  crash_code: str = "malformed_pdf", **kwargs: Any) -> T:
    """Call `fn(*args, **kwargs)` in a child process; see the module docstring for outcomes."""
    read_fd, write_fd = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    parent_pid = os.getpid()
    pid = os.fork()
    if pid == 0:  # child
        os.close(read_fd)
        _child(write_fd, fn, args, kwargs, memory_bytes, parent_pid)
    os.close(write_fd)
    try:
        os.setpgid(pid, pid)  # also here, so an early kill cannot miss the group
    except (ProcessLookupError, PermissionError):
        pass
    try:
        payload, timed_out = _collect(read_fd, pid, seconds)
    finally:
        os.close(read_fd)
    if timed_out:
        raise IngestError("timeout", f"reading took longer than {seconds:g} s and was stopped")
    if not payload:
        if memory_bytes is not None:
            raise IngestError("capacity", "the reading process ran out of memory and was stopped")
        raise IngestError(crash_code, "the reading process crashed")
    kind, value = pickle.loads(payload)
    if kind == _OK:
        return value
    if kind == _INGEST:
        code, message, page = value
        raise IngestError(code, message, page)
    if kind == _MEMORY:
        raise IngestError("capacity", "reading the document needed more memory than allowed")
    raise IngestError(crash_code, value)


def _child(write_fd: int, fn: Callable, args: tuple, kwargs: dict, memory_bytes: int | None,
           parent_pid: int) -> None:
    status = 0
    try:
        _die_with_parent(parent_pid)
        # Objects inherited from the parent are never collected here: without this, the first
        # full collection would touch (and so copy) every page of the parent's heap.
        gc.freeze()
        os.setpgid(0, 0)
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        if memory_bytes is not None:
            resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
        try:
            result: tuple[str, Any] = (_OK, fn(*args, **kwargs))
        except IngestError as exc:
            result = (_INGEST, (exc.code, exc.message, exc.page))
        except MemoryError:
            result = (_MEMORY, None)
        except RecursionError:
            result = (_CRASH, "the document structure is nested too deeply (recursive objects?)")
        except BaseException as exc:  # noqa: BLE001 - everything must become an answer
            last = traceback.extract_tb(exc.__traceback__)[-1:] if exc.__traceback__ else []
            where = f" at {last[0].name}" if last else ""
            result = (_CRASH, f"{type(exc).__name__}{where}: {str(exc)[:200]}")
        try:
            payload = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        except MemoryError:
            payload = pickle.dumps((_MEMORY, None))
        except Exception as exc:  # noqa: BLE001 - an unpicklable result is a bug, say so
            payload = pickle.dumps((_CRASH, f"unpicklable result: {exc}"))
        view = memoryview(payload)
        while view:
            written = os.write(write_fd, view)
            view = view[written:]
    except BaseException:  # noqa: BLE001
        status = 1
    finally:
        os._exit(status)


def _die_with_parent(parent_pid: int) -> None:
    """A child must not outlive a SIGKILLed parent: nobody would enforce its deadline, and it
    holds copies of the parent's descriptors (a server's listening socket: the restarted server
    could not bind its port). Linux only; elsewhere the child runs to its own end."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent_pid:  # the parent died before prctl took effect
        os._exit(1)


def _collect(read_fd: int, pid: int, seconds: float) -> tuple[bytes, bool]:
    """Read the child's answer until EOF; kill its process group when the deadline passes."""
    deadline = time.monotonic() + seconds
    chunks: list[bytes] = []
    timed_out = False
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            timed_out = True
            break
        ready, _, _ = select.select([read_fd], [], [], remaining)
        if not ready:
            continue
        chunk = os.read(read_fd, 1 << 20)
        if not chunk:
            break
        chunks.append(chunk)
    # Before reaping, the child's pid cannot be reused, so killing its group is always safe;
    # it ends any tesseract it left behind (killed mid-OCR, or crashed).
    _kill_group(pid)
    _reap(pid)
    return (b"" if timed_out else b"".join(chunks)), timed_out


def _kill_group(pid: int) -> None:
    for target in (lambda: os.killpg(pid, signal.SIGKILL), lambda: os.kill(pid, signal.SIGKILL)):
        try:
            target()
        except (ProcessLookupError, PermissionError):
            pass


def _reap(pid: int) -> None:
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
