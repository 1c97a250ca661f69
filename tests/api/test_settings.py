"""Settings come only from JANJI_* variables, and the README lists every one of them."""
from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from api.settings import Settings

README = Path(__file__).resolve().parents[2] / "README.md"


def test_every_setting_is_a_janji_variable_listed_in_the_readme():
    text = README.read_text()
    missing = [f"JANJI_{name.upper()}" for name in Settings.model_fields if f"`JANJI_{name.upper()}`" not in text]
    assert not missing, f"add these to the README Configuration table: {missing}"


def test_environment_values_are_read_and_validated(monkeypatch, tmp_path):
    monkeypatch.setenv("JANJI_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("JANJI_MAX_UPLOAD_BYTES", "1234")
    monkeypatch.setenv("JANJI_READ_TIMEOUT_SECONDS", "7.5")
    monkeypatch.delenv("JANJI_DATABASE_URL", raising=False)
    s = Settings()
    assert s.max_upload_bytes == 1234 and s.limits().max_bytes == 1234 and s.limits().seconds == 7.5
    assert s.resolved_database_url == f"sqlite:///{(tmp_path / 'janji.db').resolve()}"
    monkeypatch.setenv("JANJI_MAX_UPLOAD_BYTES", "-1")
    with pytest.raises(ValidationError):
        Settings()


def test_a_bad_variable_is_one_line_on_stderr_and_exit_2(monkeypatch, capsys, tmp_path):
    from api.cli import main

    monkeypatch.setenv("JANJI_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("JANJI_WORKER_THREADS", "many")
    assert main(["ingest", str(tmp_path / "x.txt")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "JANJI_WORKER_THREADS" in err[0]


def test_no_engine_is_created_at_import_time():
    import api.app

    app = api.app.create_app(Settings(data_dir=Path("/nonexistent/never-created")))
    assert app.state.runtime.engine is None  # only the lifespan opens the database
    assert not Path("/nonexistent/never-created").exists()
