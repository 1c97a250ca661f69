"""`make run` (api.demo): loads the sample documents once, keeps one demo admin key."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.api.conftest import ROOT, agreement_bytes


@pytest.mark.slow
def test_demo_loads_samples_once_and_keeps_its_key(tmp_path, monkeypatch):
    from api import demo
    from api.commands._common import migrate
    from api.settings import Settings
    from api.worker import session_factory_for
    from models import repository

    samples = tmp_path / "samples"
    samples.mkdir()
    (samples / "mou.txt").write_bytes(agreement_bytes("DEMO"))
    report = ROOT / "sample_docs" / "07_laporan_kegiatan_sukamaju.docx"
    if report.is_file():
        shutil.copy(report, samples / report.name)
    (samples / "notes.zip").write_bytes(b"PK\x03\x04not really")
    monkeypatch.setattr(demo, "SAMPLES", samples)
    settings = Settings(data_dir=tmp_path / "data")
    settings.ensure_dirs()
    assert migrate(settings) == 0
    factory = session_factory_for(settings)

    key = demo.demo_key(settings, factory)
    assert demo.demo_key(settings, factory) == key
    with factory() as s:
        assert repository.verify_api_key(s, plaintext=key) == "admin"

    rows = {name: (doc_id, status, summary) for name, doc_id, status, summary in demo.load_samples(settings, factory)}
    assert rows["mou.txt"][1] == "succeeded" and "agreement" in rows["mou.txt"][2]
    assert rows["notes.zip"][1] == "rejected" and rows["notes.zip"][0] is None
    if report.is_file():
        assert rows[report.name][1] == "succeeded" and "activity_report" in rows[report.name][2]
    again = {name: summary for name, _, _, summary in demo.load_samples(settings, factory)}
    assert "already loaded" in again["mou.txt"]
    assert isinstance(Path(settings.data_dir / demo.KEY_FILE).read_text(), str)
