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
        with open(f"/proc/{pid}/stat") as fh:
            state = fh.read().split()[2]
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


# --- persistent workers (run_in_worker) ---------------------------------------------------------

from extractor import sandbox
from extractor.sandbox import run_in_worker


def _pid():
    return os.getpid()


def _sleep_then(value, delay):
    time.sleep(delay)
    return value


def test_worker_is_reused_between_calls_and_is_not_this_process():
    first = run_in_worker(_pid, seconds=10, memory_bytes=None)
    second = run_in_worker(_pid, seconds=10, memory_bytes=None)
    assert first == second != os.getpid()


def test_worker_timeout_kills_it_and_the_next_call_gets_a_fresh_one():
    before = run_in_worker(_pid, seconds=10, memory_bytes=None)
    with pytest.raises(IngestError) as err:
        run_in_worker(_spin, seconds=1.0, memory_bytes=None)
    assert err.value.code == "timeout"
    after = run_in_worker(_pid, seconds=10, memory_bytes=None)
    assert after != before
    with pytest.raises(ProcessLookupError):
        os.kill(before, 0)


def test_worker_memory_error_is_capacity_and_the_worker_is_replaced():
    limit = 512 * 1024**2
    before = run_in_worker(_pid, seconds=10, memory_bytes=limit)
    with pytest.raises(IngestError) as err:
        run_in_worker(_allocate, 3 * 1024**3, seconds=20, memory_bytes=limit)
    assert err.value.code == "capacity"
    assert run_in_worker(_allocate, 10 * 1024**2, seconds=20, memory_bytes=limit) == 10 * 1024**2
    assert run_in_worker(_pid, seconds=10, memory_bytes=limit) != before


def test_worker_crash_and_errors_map_like_the_one_shot_sandbox():
    with pytest.raises(IngestError) as err:
        run_in_worker(_raise_ingest, seconds=10, memory_bytes=None)
    assert (err.value.code, err.value.page) == ("encrypted_pdf", 3)
    with pytest.raises(IngestError) as err:
        run_in_worker(_crash, seconds=10, memory_bytes=None, crash_code="unsupported_type")
    assert err.value.code == "unsupported_type"
    with pytest.raises(IngestError) as err:
        run_in_worker(_bug, seconds=10, memory_bytes=None)
    assert err.value.code == "malformed_pdf" and "ValueError" in err.value.message
    assert run_in_worker(_sleep_then, "ok", 0.01, seconds=10, memory_bytes=None) == "ok"


def test_a_worker_that_died_while_idle_is_replaced_transparently():
    pid = run_in_worker(_pid, seconds=10, memory_bytes=None)
    os.kill(pid, 9)
    time.sleep(0.2)
    assert run_in_worker(_pid, seconds=10, memory_bytes=None) not in (pid, os.getpid())


def test_large_inputs_and_results_cross_the_pipes():
    blob = os.urandom(20 * 1024 * 1024)
    assert run_in_worker(bytes, blob, seconds=30, memory_bytes=None) == blob


def test_concurrent_callers_each_get_a_worker():
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda i: run_in_worker(_sleep_then, i, 0.3, seconds=10, memory_bytes=None),
                                range(8)))
    assert results == list(range(8))
    assert len(sandbox._current_pool().idle) <= 8


def _make_temp_file_then_spin():
    import tempfile

    fd, _path = tempfile.mkstemp(suffix=".pgm")
    os.write(fd, b"page image")
    os.close(fd)
    while True:
        time.sleep(0.05)


def _temp_root():
    import tempfile

    return tempfile.gettempdir()


def test_killed_worker_leaves_no_temporary_files():
    root = run_in_worker(_temp_root, seconds=10, memory_bytes=None)
    assert os.path.isdir(root) and "janji-sandbox-" in root
    with pytest.raises(IngestError):
        run_in_worker(_make_temp_file_then_spin, seconds=1.0, memory_bytes=None)
    # The same (reused) worker made the file and was killed; its scratch folder went with it.
    assert not os.path.exists(root)
    assert run_in_worker(_temp_root, seconds=10, memory_bytes=None) != root


def _root_handler_files():
    import logging

    return [getattr(h, "baseFilename", None) for h in logging.getLogger().handlers]


def test_worker_detaches_log_handlers_whose_descriptors_it_closed(tmp_path):
    """Their descriptor numbers get reused by the worker's own files: a log line could land
    in a page image."""
    import logging

    handler = logging.FileHandler(tmp_path / "server.log")
    logging.getLogger().addHandler(handler)
    try:
        for worker in list(sandbox._current_pool().idle):
            worker.discard()
        sandbox._current_pool().idle.clear()
        assert str(tmp_path / "server.log") not in run_in_worker(_root_handler_files, seconds=10,
                                                                 memory_bytes=None)
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
