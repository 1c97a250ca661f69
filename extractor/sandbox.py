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

import atexit
import fcntl
import gc
import logging
import os
import pickle
import resource
import select
import shutil
import signal
import struct
import sys
import tempfile
import threading
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
    return _decode(payload, crash_code)


def _decode(payload: bytes, crash_code: str) -> Any:
    kind, value = pickle.loads(payload)
    return _outcome(kind, value, crash_code)


def _outcome(kind: str, value: Any, crash_code: str) -> Any:
    if kind == _OK:
        return value
    if kind == _INGEST:
        code, message, page = value
        raise IngestError(code, message, page)
    if kind == _MEMORY:
        raise IngestError("capacity", "reading the document needed more memory than allowed")
    raise IngestError(crash_code, value)


def _answer(fn: Callable, args: tuple, kwargs: dict) -> bytes:
    """Run the function and pickle its outcome; never raises."""
    return _answer_kind(fn, args, kwargs)[1]


def _answer_kind(fn: Callable, args: tuple, kwargs: dict) -> tuple[str, bytes]:
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
        return result[0], pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
    except MemoryError:
        return _MEMORY, pickle.dumps((_MEMORY, None))
    except Exception as exc:  # noqa: BLE001 - an unpicklable result is a bug, say so
        return _CRASH, pickle.dumps((_CRASH, f"unpicklable result: {exc}"))


def _prepare_child(parent_pid: int, memory_bytes: int | None) -> None:
    _die_with_parent(parent_pid)
    # Objects inherited from the parent are never collected here: without this, the first
    # full collection would touch (and so copy) every page of the parent's heap.
    gc.freeze()
    os.setpgid(0, 0)
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if memory_bytes is not None:
        # The budget is for the reading work: on top of what the forked child already maps. A
        # parent that loaded torch maps over 2 GiB; an absolute limit below that left the child
        # unable to start even a thread (it hung in Thread.start instead of failing cleanly).
        limit = _mapped_bytes() + memory_bytes
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _mapped_bytes() -> int:
    """This process's virtual size (what RLIMIT_AS counts)."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[0]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return 0


def _child(write_fd: int, fn: Callable, args: tuple, kwargs: dict, memory_bytes: int | None,
           parent_pid: int) -> None:
    status = 0
    try:
        _prepare_child(parent_pid, memory_bytes)
        payload = _answer(fn, args, kwargs)
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


# --- persistent workers ----------------------------------------------------------------------
#
# A fresh fork per document costs more than it seems: the child copies every parent page it
# touches (reference counts) and starts with cold caches, which adds 15-25 % to reading a short
# born-digital PDF. `run_in_worker` therefore keeps sandboxed workers alive between calls: the
# same limits, the same kill, but forked once. A worker is discarded (and a fresh one forked on
# the next call) whenever anything went wrong in it: timeout, crash, memory error, or after
# `_WORKER_CALLS` calls. The function and its arguments must be picklable.

_WORKER_CALLS = 200
_FRAME = struct.Struct(">Q")


class _Undelivered(Exception):
    pass


def _big_pipe() -> tuple[int, int]:
    """A pipe with a 1 MiB buffer (Linux), so that a whole answer usually crosses in one write
    instead of 64 KiB ping-pong, each step waiting for the scheduler on a busy machine."""
    read_fd, write_fd = os.pipe()
    try:
        fcntl.fcntl(write_fd, 1031, 1 << 20)  # F_SETPIPE_SZ
    except OSError:
        pass
    return read_fd, write_fd


class _Worker:
    def __init__(self, memory_bytes: int | None) -> None:
        request_r, request_w = _big_pipe()
        answer_r, answer_w = _big_pipe()
        # The worker's temporary files go to a scratch folder that we remove when the worker
        # goes, so a worker killed mid-OCR leaves no page images behind.
        self.scratch = tempfile.mkdtemp(prefix=f"janji-sandbox-{os.getpid()}-")
        sys.stdout.flush()
        sys.stderr.flush()
        parent_pid = os.getpid()
        pid = os.fork()
        if pid == 0:
            tempfile.tempdir = self.scratch
            _serve(request_r, answer_w, memory_bytes, parent_pid)
        os.close(request_r)
        os.close(answer_w)
        try:
            os.setpgid(pid, pid)
        except (ProcessLookupError, PermissionError):
            pass
        self.pid, self.request, self.answer, self.calls = pid, request_w, answer_r, 0
        self.reaped = False
        self.memory_bytes = memory_bytes

    def alive(self) -> bool:
        try:
            if os.waitpid(self.pid, os.WNOHANG) == (0, 0):
                return True
        except ChildProcessError:
            pass
        self.reaped = True
        return False

    def call(self, fn: Callable, args: tuple, kwargs: dict, seconds: float) -> tuple[bytes, bool]:
        """(answer, timed_out); an empty answer means the worker died."""
        deadline = time.monotonic() + seconds
        self.calls += 1
        request = pickle.dumps((fn, args, kwargs), protocol=pickle.HIGHEST_PROTOCOL)
        try:
            if not _write_frame(self.request, request, deadline):
                return b"", True
        except OSError as exc:   # the worker was gone before it got the request
            raise _Undelivered from exc
        return _read_frame(self.answer, deadline)

    def discard(self) -> None:
        if not self.reaped:   # a reaped pid may belong to someone else by now
            _kill_group(self.pid)
            _reap(self.pid)
        self.close_fds()
        shutil.rmtree(self.scratch, ignore_errors=True)

    def died_of_sigkill(self) -> bool:
        """Reap a worker that hung up without answering; True when something else SIGKILLed it
        (the parent-death signal: it fires when the *thread* that forked the worker ends)."""
        try:
            _, status = os.waitpid(self.pid, 0)
        except ChildProcessError:
            return False
        self.reaped = True
        return os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL

    def close_fds(self) -> None:
        for fd in (self.request, self.answer):
            try:
                os.close(fd)
            except OSError:
                pass


def _serve(request_fd: int, answer_fd: int, memory_bytes: int | None, parent_pid: int) -> None:
    """The worker's loop: one framed request in, one framed answer out, until EOF."""
    status = 0
    try:
        _prepare_child(parent_pid, memory_bytes)
        # Keep only stdio and our two pipes: a long-lived worker must not hold the parent's
        # sockets and files (nor other workers' pipes, which would hide their EOF).
        _drop_file_log_handlers()
        keep = sorted((request_fd, answer_fd))
        os.closerange(3, keep[0])
        os.closerange(keep[0] + 1, keep[1])
        os.closerange(keep[1] + 1, min(resource.getrlimit(resource.RLIMIT_NOFILE)[0], 1 << 16))
        while True:
            request = _read_frame_blocking(request_fd)
            if request is None:
                break
            try:
                fn, args, kwargs = pickle.loads(request)
            except Exception as exc:  # noqa: BLE001
                kind, payload = _CRASH, pickle.dumps((_CRASH, f"bad request: {exc}"))
            else:
                kind, payload = _answer_kind(fn, args, kwargs)
            del request
            _write_frame(answer_fd, payload, None)
            if kind == _MEMORY:
                break  # after a MemoryError the heap may be damaged: let a fresh worker take over
    except BaseException:  # noqa: BLE001
        status = 1
    finally:
        # The parent removes it too, but a parent that exits without atexit handlers
        # (multiprocessing children) only closes our pipe: clean up on the way out.
        if tempfile.tempdir and os.path.basename(tempfile.tempdir).startswith("janji-sandbox-"):
            shutil.rmtree(tempfile.tempdir, ignore_errors=True)
        os._exit(status)


def _drop_file_log_handlers() -> None:
    """Detach logging handlers that write to descriptors we are about to close: their numbers
    would be reused by the worker's own files (a log line landing in a page image)."""
    loggers = [logging.getLogger()] + [v for v in logging.Logger.manager.loggerDict.values()
                                       if isinstance(v, logging.Logger)]
    for logger in loggers:
        for handler in list(logger.handlers):
            stream = getattr(handler, "stream", None)
            try:
                fd = stream.fileno() if stream is not None else None
            except (OSError, ValueError, AttributeError):
                fd = None
            if fd is None or fd > 2:
                logger.removeHandler(handler)


def _write_frame(fd: int, payload: bytes, deadline: float | None) -> bool:
    view = memoryview(_FRAME.pack(len(payload)) + payload)
    while view:
        if deadline is not None:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            _, ready, _ = select.select([], [fd], [], remaining)
            if not ready:
                continue
        written = os.write(fd, view[: 1 << 16] if deadline is not None else view)
        view = view[written:]
    return True


def _read_frame_blocking(fd: int) -> bytes | None:
    header = _read_exact(fd, _FRAME.size)
    if header is None:
        return None
    return _read_exact(fd, _FRAME.unpack(header)[0])


def _read_exact(fd: int, size: int) -> bytes | None:
    chunks, remaining = [], size
    while remaining:
        chunk = os.read(fd, min(remaining, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def _read_frame(fd: int, deadline: float) -> tuple[bytes, bool]:
    buffer = bytearray()
    expected = None
    while expected is None or len(buffer) < expected:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return b"", True
        ready, _, _ = select.select([fd], [], [], remaining)
        if not ready:
            continue
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b"", False
        buffer += chunk
        if expected is None and len(buffer) >= _FRAME.size:
            expected = _FRAME.size + _FRAME.unpack(bytes(buffer[:_FRAME.size]))[0]
    return bytes(buffer[_FRAME.size:]), False


def _sweep_stale_scratch() -> None:
    """Remove scratch folders whose owning process is gone (it was SIGKILLed, or exited
    without running atexit handlers while a worker was mid-OCR)."""
    root = tempfile.gettempdir()
    try:
        names = os.listdir(root)
    except OSError:
        return
    for name in names:
        parts = name.split("-")
        if len(parts) < 4 or not name.startswith("janji-sandbox-") or not parts[2].isdigit():
            continue
        try:
            os.kill(int(parts[2]), 0)
        except ProcessLookupError:
            shutil.rmtree(os.path.join(root, name), ignore_errors=True)
        except (PermissionError, OverflowError):
            pass


class _Pool:
    def __init__(self) -> None:
        self.owner = os.getpid()
        self.idle: list[_Worker] = []
        self.lock = threading.Lock()
        _sweep_stale_scratch()

    def take(self, memory_bytes: int | None) -> _Worker:
        with self.lock:
            while self.idle:
                worker = self.idle.pop()
                if worker.memory_bytes == memory_bytes and worker.alive():
                    return worker
                worker.discard()
        return _Worker(memory_bytes)

    def give_back(self, worker: _Worker) -> None:
        with self.lock:
            if worker.calls < _WORKER_CALLS and len(self.idle) < 8:
                self.idle.append(worker)
                return
        worker.discard()

    def shutdown(self) -> None:
        with self.lock:
            workers, self.idle = self.idle, []
        for worker in workers:
            worker.close_fds()  # EOF: the worker leaves its loop
            _reap(worker.pid)
            shutil.rmtree(worker.scratch, ignore_errors=True)


_pool = _Pool()
atexit.register(lambda: _pool.shutdown() if _pool.owner == os.getpid() else None)


def _current_pool() -> _Pool:
    global _pool
    if _pool.owner != os.getpid():  # we are a forked copy: the workers belong to our parent
        for worker in _pool.idle:
            worker.close_fds()
        _pool = _Pool()
    return _pool


def run_in_worker(fn: Callable[..., T], *args: Any, seconds: float, memory_bytes: int | None,
                  crash_code: str = "malformed_pdf", **kwargs: Any) -> T:
    """Like `run_sandboxed`, in a reused sandboxed worker process (see above)."""
    pool = _current_pool()
    worker = pool.take(memory_bytes)
    try:
        payload, timed_out = worker.call(fn, args, kwargs, seconds)
        # A reused worker killed from outside (not by this request's limits): try a fresh one.
        retry = not payload and not timed_out and worker.calls > 1 and worker.died_of_sigkill()
    except _Undelivered:
        retry = True
    if retry:
        worker.discard()
        worker = _Worker(memory_bytes)
        payload, timed_out = worker.call(fn, args, kwargs, seconds)
    if timed_out or not payload:
        worker.discard()
        if timed_out:
            raise IngestError("timeout", f"reading took longer than {seconds:g} s and was stopped")
        if memory_bytes is not None:
            raise IngestError("capacity", "the reading process ran out of memory and was stopped")
        raise IngestError(crash_code, "the reading process crashed")
    kind, value = pickle.loads(payload)
    if kind == _MEMORY:
        worker.discard()       # it leaves its loop by itself after a MemoryError
    else:
        pool.give_back(worker)
    return _outcome(kind, value, crash_code)
