"""The committed statistical NER model loads, finds real names, and `make train-ner` reproduces a loadable model."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from extractor.nlp import ner

REPO_ROOT = Path(__file__).resolve().parents[3]
SHARED_NER = REPO_ROOT / ".." / "shared" / "ner"


def spans_as_text(text: str, spans: list[tuple[int, int, str]]) -> set[tuple[str, str]]:
    return {(text[start:end], label) for start, end, label in spans}


def test_committed_model_finds_person_and_organisation() -> None:
    text = ("Menurut Bambang Sulistyo, Kementerian Pekerjaan Umum akan memperbaiki jembatan itu "
            "sebelum musim hujan tiba.")
    found = spans_as_text(text, ner.person_org_spans(text))
    assert ("Bambang Sulistyo", "PER") in found
    assert ("Kementerian Pekerjaan Umum", "ORG") in found


def test_spans_are_offsets_into_the_given_text() -> None:
    text = "Rapat itu dihadiri Siti Rahmawati dari Universitas Gadjah Mada di Yogyakarta."
    spans = ner.entity_spans(text)
    assert spans, "expected entities"
    for start, end, label in spans:
        assert label in {"PER", "ORG", "LOC"}
        assert text[start:end] == text[start:end].strip() and text[start:end]
    assert ("Siti Rahmawati", "PER") in spans_as_text(text, spans)


def test_model_is_loaded_once() -> None:
    assert ner.load_ner() is ner.load_ner()


def test_empty_text_gives_no_spans() -> None:
    assert ner.person_org_spans("  \n ") == []


def test_missing_model_names_the_path(tmp_path: Path) -> None:
    with pytest.raises(ner.NerModelMissing, match=str(tmp_path)):
        ner.load_ner(tmp_path)
    assert ner.load_ner(tmp_path, required=False) is None


def test_committed_metrics_report_each_test_split() -> None:
    metrics = json.loads((ner.DEFAULT_MODEL_PATH / "metrics.json").read_text(encoding="utf-8"))
    assert set(metrics["test"]) == {"nergrit", "nerp", "idner_news_2k"}
    assert metrics["test"]["nerp"]["sentences"] == 840 - 66
    for scores in metrics["test"].values():
        assert 0.5 < scores["f"] <= 1.0
        assert set(scores["per_label"]) == {"PER", "ORG", "LOC"}
    assert (ner.DEFAULT_MODEL_PATH / "ATTRIBUTION.md").is_file()


@pytest.mark.slow
def test_smoke_training_writes_a_loadable_model(tmp_path: Path) -> None:
    if not (SHARED_NER / "indonlu_nerp").is_dir():
        pytest.skip("../shared/ner is absent")
    out = tmp_path / "ner_smoke"
    result = subprocess.run(
        [sys.executable, "-m", "scripts.train_ner", "--smoke", "--output", str(out)],
        check=False, cwd=REPO_ROOT, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    nlp = ner.load_ner(out)
    assert nlp is not None and nlp.pipe_names == ["tok2vec", "ner"]
    assert set(nlp.get_pipe("ner").labels) == {"PER", "ORG", "LOC"}
    metrics = json.loads((out / "metrics.json").read_text(encoding="utf-8"))
    assert metrics["smoke"] is True and metrics["train_sentences"] == 200


def test_train_ner_without_data_exits_2(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "scripts.train_ner", "--data", str(tmp_path), "--output", str(tmp_path / "o")],
        check=False, cwd=REPO_ROOT, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 2
    assert str(tmp_path) in result.stderr
