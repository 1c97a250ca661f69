"""The sandboxed child: results come back, errors map to stable codes, kills really kill."""
import os
import time

import pytest

from extractor.errors import IngestError
from extractor.sandbox import run_sandboxed


def _add(a, b):
    return {"sum": a + b, "pid": os.getpid()}


def _raise_ingest():
    raise IngestError("encrypted_pdf", "locked", page=3)


def _allocate(n):
    return len(bytearray(n))


def _spin():
    while True:
        pass


def _spawn_sleeper(path):
    import subprocess
    proc = subprocess.Popen(["sleep", "60"])
    with open(path, "w") as fh:
        fh.write(str(proc.pid))
    while True:
        time.sleep(0.1)


def _crash():
    os.kill(os.getpid(), 9)


def _bug():
    raise ValueError("boom")


def _recurse(n=0):
    return _recurse(n + 1)


def test_result_comes_back_from_a_child_process():
    out = run_sandboxed(_add, 2, b=3, seconds=10, memory_bytes=None)
    assert out["sum"] == 5 and out["pid"] != os.getpid()


def test_large_result_is_read_completely():
    assert run_sandboxed(lambda: "x" * 5_000_000, seconds=20, memory_bytes=None) == "x" * 5_000_000


def test_ingest_error_crosses_the_boundary_unchanged():
    with pytest.raises(IngestError) as err:
        run_sandboxed(_raise_ingest, seconds=10, memory_bytes=None)
    assert (err.value.code, err.value.message, err.value.page) == ("encrypted_pdf", "locked", 3)


def test_memory_limit_maps_to_capacity_and_parent_is_unaffected():
    with pytest.raises(IngestError) as err:
        run_sandboxed(_allocate, 3 * 1024**3, seconds=20, memory_bytes=512 * 1024**2)
    assert err.value.code == "capacity"
    assert run_sandboxed(_allocate, 10 * 1024**2, seconds=20, memory_bytes=512 * 1024**2) == 10 * 1024**2


def test_wall_clock_kill_maps_to_timeout():
    start = time.monotonic()
    with pytest.raises(IngestError) as err:
        run_sandboxed(_spin, seconds=1.0, memory_bytes=None)
    assert err.value.code == "timeout"
    assert time.monotonic() - start < 5


def test_timeout_also_kills_grandchildren(tmp_path):
    marker = tmp_path / "pid"
    with pytest.raises(IngestError):
        run_sandboxed(_spawn_sleeper, str(marker), seconds=1.5, memory_bytes=None)
    pid = int(marker.read_text())
    time.sleep(0.2)
    try:
        os.kill(pid, 0)
        state = open(f"/proc/{pid}/stat").read().split()[2]
        alive = state != "Z"
    except (ProcessLookupError, FileNotFoundError):
        alive = False
    assert not alive


def test_crash_without_answer_maps_to_capacity_or_crash_code():
    with pytest.raises(IngestError) as err:
        run_sandboxed(_crash, seconds=10, memory_bytes=None, crash_code="unsupported_type")
    assert err.value.code == "unsupported_type"
    with pytest.raises(IngestError) as err:
        run_sandboxed(_crash, seconds=10, memory_bytes=1024**3)
    assert err.value.code == "capacity"


def test_unexpected_exception_becomes_crash_code_with_type_name():
    with pytest.raises(IngestError) as err:
        run_sandboxed(_bug, seconds=10, memory_bytes=None)
    assert err.value.code == "malformed_pdf" and "ValueError" in err.value.message


def test_runaway_recursion_is_a_clean_error():
    with pytest.raises(IngestError) as err:
        run_sandboxed(_recurse, seconds=20, memory_bytes=None)
    assert err.value.code == "malformed_pdf"
