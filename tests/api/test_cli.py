"""`janji ingest / keys / reextract` as the scorer and an operator run them: real processes, a fresh
SQLite database from JANJI_DATA_DIR."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from api.cli import COMMAND_MODULES
from tests.api.conftest import ROOT, agreement_bytes

REPORT = """LAPORAN KEGIATAN
Dinas Pendidikan Kabupaten Sleman, Juli 2025

Pada tanggal 5 Juli 2025 Universitas Gadjah Mada telah menyediakan tenaga pengajar bahasa Inggris
bagi sekolah dasar di Kabupaten Sleman sebanyak dua belas orang.
"""


def janji(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "api.cli", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=300, check=False)


@pytest.fixture
def env(tmp_path) -> dict:
    e = {k: v for k, v in os.environ.items() if not k.startswith("JANJI_")}
    e["JANJI_DATA_DIR"] = str(tmp_path / "data")
    return e


@pytest.mark.slow
def test_ingest_stores_and_extracts_reports_bad_files_and_skips_duplicates(env, tmp_path):
    agreement = tmp_path / "agreement.txt"
    agreement.write_bytes(agreement_bytes("CLI"))
    report = tmp_path / "r1.txt"
    report.write_text(REPORT)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")

    p = janji(env, "ingest", str(agreement))
    assert p.returncode == 0, p.stderr
    lines = p.stdout.strip().splitlines()
    assert len(lines) == 1 and "document 1 agreement succeeded" in lines[0] and "2 officials" in lines[0]

    p = janji(env, "ingest", "--kind", "report", str(tmp_path / "missing.txt"), str(empty), str(report))
    assert p.returncode == 2
    err = p.stderr.strip().splitlines()
    assert len(err) == 2 and "missing.txt: not_found" in err[0] and "empty.txt: empty_file" in err[1]
    out = p.stdout.strip().splitlines()
    assert len(out) == 1 and "r1.txt: document 2 activity_report succeeded" in out[0]

    p = janji(env, "ingest", str(agreement))
    assert p.returncode == 0 and "document 1" in p.stdout and "already stored" in p.stdout
    assert (Path(env["JANJI_DATA_DIR"]) / "janji.db").is_file()

    if "flags" in COMMAND_MODULES:  # the scorer's next step, when matching is installed
        p = janji(env, "flags", "--all", "--json", "--as-of", "2025-12-31")
        assert p.returncode == 0, p.stderr
        flags = json.loads(p.stdout)
        assert isinstance(flags, list) and flags
        assert {"commitment_id", "status", "evidence"} <= set(flags[0])

    p = janji(env, "reextract", "--all")
    assert p.returncode == 0, p.stderr
    assert "document 1: succeeded" in p.stdout and "document 2: succeeded" in p.stdout
    p = janji(env, "reextract", "--document", "99")
    assert p.returncode == 2 and p.stderr.strip().count("\n") == 0 and "99" in p.stderr


def test_keys_create_list_revoke(env):
    p = janji(env, "keys", "create", "--role", "review", "--label", "auditor")
    assert p.returncode == 0, p.stderr
    key = p.stdout.split()[-1]
    assert key.startswith("jnj_")
    listing = janji(env, "keys", "list").stdout
    prefix = key.split("_")[1]
    assert prefix in listing and "review" in listing and "active" in listing and key not in listing

    from api.settings import Settings
    from api.worker import session_factory_for
    from models import repository

    settings = Settings(data_dir=Path(env["JANJI_DATA_DIR"]))
    with session_factory_for(settings)() as s:
        assert repository.verify_api_key(s, plaintext=key) == "review"
    p = janji(env, "keys", "revoke", prefix)
    assert p.returncode == 0
    with session_factory_for(settings)() as s:
        assert repository.verify_api_key(s, plaintext=key) is None
    assert "revoked" in janji(env, "keys", "list").stdout
    p = janji(env, "keys", "revoke", "nosuchkey")
    assert p.returncode == 2 and len(p.stderr.strip().splitlines()) == 1
    p = janji(env, "keys", "create", "--role", "superuser")
    assert p.returncode == 2
