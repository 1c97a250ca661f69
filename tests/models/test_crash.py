"""A worker process killed (SIGKILL) in the middle of saving an extraction leaves nothing half-saved;
two workers saving the same run concurrently leave no duplicates."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from sqlalchemy import func, select

from models import repository as repo
from models.tables import Commitment, Evidence, ExtractionRun, Party
from tests.models.factories import new_document, sample_extraction

ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import json, sys, time
from pathlib import Path
import models.repo.extraction as ex
from models.db import make_engine, make_session_factory
from models import repository as repo

url, doc_id, marker, payload = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3]), json.loads(sys.argv[4])
real = ex.replace_evidence_many
calls = {"n": 0}

def stalling(*args, **kwargs):
    real(*args, **kwargs)
    calls["n"] += 1
    if calls["n"] == 3:          # parties, officials and dates are written; then the worker dies
        marker.write_text("mid-save")
        time.sleep(600)

ex.replace_evidence_many = stalling
with make_session_factory(make_engine(url))() as s:
    repo.save_extraction(s, document_id=doc_id, extraction=payload, run_status="succeeded")
"""


def _counts(session) -> tuple[int, ...]:
    session.rollback()
    return tuple(session.scalar(select(func.count()).select_from(t)) for t in (Party, Commitment, Evidence,
                                                                                   ExtractionRun))


def test_worker_killed_mid_save_leaves_nothing_and_retry_has_no_duplicates(db_url, session, tmp_path):
    doc_id = new_document(session)
    marker = tmp_path / "marker"
    child = subprocess.Popen([sys.executable, "-c", CHILD, db_url, str(doc_id), str(marker),
                              json.dumps(sample_extraction())], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                             stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while not marker.exists():
        assert child.poll() is None, child.stderr.read().decode()
        assert time.monotonic() < deadline, "child never reached the middle of the save"
        time.sleep(0.05)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    child.stderr.close()
    assert _counts(session) == (0, 0, 0, 0)
    assert repo.get_document(session, document_id=doc_id)["status"] == "queued"
    repo.save_extraction(session, document_id=doc_id, extraction=sample_extraction(), run_status="succeeded")
    assert _counts(session) == (2, 2, 6, 1)


def test_two_workers_saving_the_same_run_concurrently_leave_no_duplicates(sessions):
    with sessions() as s:
        doc_id = new_document(s)
    barrier = threading.Barrier(3)
    errors: list[Exception] = []

    def save() -> None:
        with sessions() as s:
            barrier.wait()
            try:
                repo.save_extraction(s, document_id=doc_id, extraction=sample_extraction(), run_status="succeeded")
            except Exception as exc:  # noqa: BLE001 - reported below
                errors.append(exc)

    threads = [threading.Thread(target=save) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with sessions() as s:
        assert _counts(s) == (2, 2, 6, 3)
