"""Train the small CPU NER (PER / ORG / LOC) for Indonesian committed under extractor/nlp/models/ner_id/.

Reads the three public datasets in ../shared/ner at train time (never committed), harmonises their labels,
removes the NERP test sentences that also occur in its training split, trains a blank ``id`` pipeline
(tok2vec + ner) on one core with a fixed seed, early-stops on the pooled dev splits and writes
``metrics.json`` with test F1 per dataset and label.

    python -m scripts.train_ner                      # full run, writes extractor/nlp/models/ner_id
    python -m scripts.train_ner --smoke --output DIR # ~200 sentences, 1 epoch (used by the tests)
"""

from __future__ import annotations

import os

# Other helpers share the two cores: keep every numeric library on one thread (must precede numpy import).
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse
import json
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example
from spacy.training.iob_utils import biluo_tags_to_spans, iob_to_biluo
from spacy.util import compounding, fix_random_seed, minibatch

from scripts.ner_synthetic import SYNTHETIC_SENTENCES, synthetic_examples

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO_ROOT / ".." / "shared" / "ner"
DEFAULT_OUTPUT = REPO_ROOT / "extractor" / "nlp" / "models" / "ner_id"
SEED = 20240731
UPPERCASE_SENTENCES = 250
LABELS = ("PER", "ORG", "LOC")
# Everything else (NERP's EVT = events, FNB = food and beverage) becomes O.
LABEL_MAP = {
    "PERSON": "PER", "PPL": "PER", "PER": "PER",
    "ORGANISATION": "ORG", "IND": "ORG", "ORG": "ORG",
    "PLACE": "LOC", "PLC": "LOC", "LOC": "LOC",
}

Sentence = tuple[tuple[str, ...], tuple[str, ...]]  # (tokens, harmonised BIO tags)


@dataclass(frozen=True)
class DatasetSpec:
    name: str
    folder: str
    files: dict[str, str]  # split -> file name
    tag_column: int  # column index of the BIO tag after splitting on whitespace
    licence: str
    origin: str


DATASETS = (
    DatasetSpec("nergrit", "indonlu_nergrit",
                {"train": "train_preprocess.txt", "dev": "valid_preprocess.txt", "test": "test_preprocess.txt"},
                1, "Apache-2.0", "IndoNLU benchmark (Wilie et al., 2020), NERGrit subset"),
    DatasetSpec("nerp", "indonlu_nerp",
                {"train": "train_preprocess.txt", "dev": "valid_preprocess.txt", "test": "test_preprocess.txt"},
                1, "Apache-2.0", "IndoNLU benchmark (Wilie et al., 2020), NER-Prosa (NERP) subset"),
    DatasetSpec("idner_news_2k", "idner_news_2k",
                {"train": "train.txt", "dev": "dev.txt", "test": "test.txt"},
                2, "MIT", "IDNER-news-2k (Khairunnisa et al., 2020), re-annotation of Syaifudin & "
                          "Nurwidyantoro (2016)"),
)


def harmonise(tag: str) -> str:
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, label = tag.split("-", 1)
    mapped = LABEL_MAP.get(label)
    return f"{prefix}-{mapped}" if mapped else "O"


def read_conll(path: Path, tag_column: int) -> list[Sentence]:
    sentences: list[Sentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            if tokens:
                sentences.append((tuple(tokens), tuple(tags)))
                tokens, tags = [], []
            continue
        columns = line.split()
        tokens.append(columns[0])
        tags.append(harmonise(columns[tag_column]))
    if tokens:
        sentences.append((tuple(tokens), tuple(tags)))
    return [fix_orphan_inside(s) for s in sentences]


def fix_orphan_inside(sentence: Sentence) -> Sentence:
    """An I- tag that does not continue an entity of the same label starts one (dropping EVT can orphan it)."""
    tokens, tags = sentence
    fixed: list[str] = []
    for i, tag in enumerate(tags):
        if tag.startswith("I-"):
            previous = fixed[i - 1] if i else "O"
            if previous == "O" or previous[2:] != tag[2:]:
                tag = "B-" + tag[2:]
        fixed.append(tag)
    return tokens, tuple(fixed)


def load_splits(data_dir: Path) -> dict[str, dict[str, list[Sentence]]]:
    """dataset name -> split -> sentences, with NERP test sentences seen in NERP train removed."""
    splits: dict[str, dict[str, list[Sentence]]] = {}
    for spec in DATASETS:
        folder = data_dir / spec.folder
        splits[spec.name] = {split: read_conll(folder / fname, spec.tag_column) for split, fname in spec.files.items()}
    nerp = splits["nerp"]
    train_token_seqs = {tokens for tokens, _ in nerp["train"]}
    nerp["test"] = [s for s in nerp["test"] if s[0] not in train_token_seqs]
    return splits


def to_example(nlp: Language, sentence: Sentence) -> Example:
    tokens, tags = sentence
    reference = Doc(nlp.vocab, words=list(tokens), spaces=[True] * (len(tokens) - 1) + [False])
    reference.ents = biluo_tags_to_spans(reference, iob_to_biluo(list(tags)))
    predicted = Doc(nlp.vocab, words=list(tokens), spaces=[True] * (len(tokens) - 1) + [False])
    return Example(predicted, reference)


def build_pipeline(width: int, hidden_width: int) -> Language:
    nlp = spacy.blank("id")
    nlp.add_pipe("tok2vec", config={"model": {
        "@architectures": "spacy.Tok2Vec.v2",
        "embed": {
            "@architectures": "spacy.MultiHashEmbed.v2",
            "width": width,
            "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"],
            "rows": [5000, 1500, 2500, 500],
            "include_static_vectors": False,
        },
        "encode": {
            "@architectures": "spacy.MaxoutWindowEncoder.v2",
            "width": width, "depth": 3, "window_size": 1, "maxout_pieces": 3,
        },
    }})
    nlp.add_pipe("ner", config={"model": {
        "@architectures": "spacy.TransitionBasedParser.v2",
        "state_type": "ner", "extra_state_tokens": False, "hidden_width": hidden_width,
        "maxout_pieces": 2, "use_upper": True, "nO": None,
        "tok2vec": {"@architectures": "spacy.Tok2VecListener.v1", "width": width, "upstream": "*"},
    }})
    return nlp


def score(nlp: Language, examples: list[Example]) -> dict[str, object]:
    result = nlp.evaluate(examples, batch_size=256)
    per_type = {
        label: {k: round(float(v), 4) for k, v in values.items()}
        for label, values in sorted((result.get("ents_per_type") or {}).items())
    }
    return {
        "sentences": len(examples),
        "p": round(float(result["ents_p"] or 0.0), 4),
        "r": round(float(result["ents_r"] or 0.0), 4),
        "f": round(float(result["ents_f"] or 0.0), 4),
        "per_label": per_type,
    }


def train(data_dir: Path, output: Path, *, smoke: bool, max_epochs: int, patience: int,
          max_minutes: float, log=print) -> dict[str, object]:
    fix_random_seed(SEED)
    rng = random.Random(SEED)
    splits = load_splits(data_dir)
    width, hidden = (32, 32) if smoke else (96, 64)
    nlp = build_pipeline(width, hidden)

    train_sents = [s for name in splits for s in splits[name]["train"]]
    dev_sents = [s for name in splits for s in splits[name]["dev"]]
    if smoke:
        rng.shuffle(train_sents)
        dev_sents, max_epochs = dev_sents[:50], 1
    synthetic = synthetic_examples(nlp, [s for name in ("nergrit", "idner_news_2k", "nerp")
                                         for s in splits[name]["train"]],
                                   count=20 if smoke else SYNTHETIC_SENTENCES, seed=SEED)
    if smoke:
        train_sents = train_sents[:200 - len(synthetic)]
    # Signature blocks and headings are capitalised: a few real cased sentences are also trained in capitals.
    cased = [s for name in ("nergrit", "idner_news_2k") for s in splits[name]["train"]]
    capitalised = [] if smoke else [(tuple(t.upper() for t in tokens), tags)
                                    for tokens, tags in rng.sample(cased, UPPERCASE_SENTENCES)]
    train_examples = [to_example(nlp, s) for s in train_sents + capitalised] + synthetic
    dev_examples = [to_example(nlp, s) for s in dev_sents]
    optimizer = nlp.initialize(lambda: train_examples)
    log(f"train {len(train_examples)} sentences, dev {len(dev_examples)}; width {width}")

    started = time.monotonic()
    best_f, best_bytes, best_epoch, stale = -1.0, None, 0, 0
    history = []
    for epoch in range(1, max_epochs + 1):
        rng.shuffle(train_examples)
        losses: dict[str, float] = {}
        for batch in minibatch(train_examples, size=compounding(8.0, 64.0, 1.001)):
            nlp.update(batch, drop=0.15, sgd=optimizer, losses=losses)
        with nlp.use_params(optimizer.averages):
            dev_f = score(nlp, dev_examples)["f"]
            if dev_f > best_f:
                best_f, best_bytes, best_epoch, stale = float(dev_f), nlp.to_bytes(), epoch, 0
            else:
                stale += 1
        elapsed = (time.monotonic() - started) / 60
        history.append({"epoch": epoch, "ner_loss": round(float(losses.get("ner", 0.0)), 1), "dev_f": dev_f,
                        "minutes": round(elapsed, 2)})
        log(f"epoch {epoch}: loss {losses.get('ner', 0.0):.1f} dev F1 {dev_f:.4f} ({elapsed:.1f} min)")
        if stale >= patience or elapsed >= max_minutes:
            break

    assert best_bytes is not None
    nlp.from_bytes(best_bytes)
    metrics: dict[str, object] = {
        "seed": SEED,
        "smoke": smoke,
        "best_epoch": best_epoch,
        "dev_f": best_f,
        "train_sentences": len(train_examples),
        "synthetic_sentences": len(synthetic),
        "uppercased_sentences": len(capitalised),
        "training_minutes": round((time.monotonic() - started) / 60, 2),
        "history": history,
        "test": {},
    }
    test_scores: dict[str, object] = {}
    for name, parts in splits.items():
        test = parts["test"][:50] if smoke else parts["test"]
        test_scores[name] = score(nlp, [to_example(nlp, s) for s in test])
        log(f"test {name}: F1 {test_scores[name]['f']:.4f}")
    metrics["test"] = test_scores
    metrics["nerp_test_overlap_removed"] = 840 - len(splits["nerp"]["test"]) if not smoke else None

    output.mkdir(parents=True, exist_ok=True)
    nlp.meta.update({"name": "ner_id", "version": "0.1.0", "lang": "id",
                     "description": "Janji Indonesian PER/ORG/LOC NER (see ATTRIBUTION.md)",
                     "license": "Apache-2.0 AND MIT (training data)"})
    nlp.to_disk(output)
    (output / "metrics.json").write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf-8")
    (output / "ATTRIBUTION.md").write_text(attribution(), encoding="utf-8")
    return metrics


def attribution() -> str:
    rows = "\n".join(f"| {s.folder} | {s.origin} | {s.licence} |" for s in DATASETS)
    return f"""# ner_id: attribution

This spaCy pipeline (blank `id`, tok2vec + ner; labels PER, ORG, LOC) was trained by
`make train-ner` (`scripts/train_ner.py`, seed {SEED}) on the training splits of the datasets below,
with their labels harmonised (PER <- PERSON/PPL/PER; ORG <- ORGANISATION/IND/ORG; LOC <- PLACE/PLC/LOC;
NERP's EVT and FNB dropped). The datasets themselves are not part of this repository.
To teach the model the layout of officials in agreements and releases (position, place or organisation,
honorifics and degrees around a bare name; capitalised signature blocks), {SYNTHETIC_SENTENCES} synthetic
sentences are added: templates from `scripts/ner_synthetic.py` filled with entity strings drawn from the
same training splits, plus entity-free capitalised headings and clause lines; and {UPPERCASE_SENTENCES}
cased training sentences are added once more in capitals. Dev (early stopping) and test splits are the
datasets' own, unchanged.

| dataset | origin | licence |
| --- | --- | --- |
{rows}

- IndoNLU: Wilie et al., "IndoNLU: Benchmark and Resources for Evaluating Indonesian Natural Language
  Understanding", AACL-IJCNLP 2020. Apache License 2.0.
- IDNER-news-2k: Khairunnisa, Imankulova and Komachi, "Towards a Standardized Dataset on Indonesian
  Named Entity Recognition", AACL-IJCNLP SRW 2020. MIT License, Copyright (c) 2020 khairunnisaor.

Test figures are in `metrics.json` (NERP test without the sentences that also occur in its training split).
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with the three datasets")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--smoke", action="store_true", help="~200 sentences, 1 epoch, tiny widths")
    parser.add_argument("--max-epochs", type=int, default=10)
    parser.add_argument("--patience", type=int, default=3, help="epochs without dev improvement")
    parser.add_argument("--max-minutes", type=float, default=30.0,
                        help="safety stop on a busy machine (an idle core needs about 1.2 min per epoch)")
    args = parser.parse_args(argv)
    if not (args.data / "indonlu_nerp").is_dir():
        print(f"train-ner: datasets not found under {args.data.resolve()}", file=sys.stderr)
        return 2
    metrics = train(args.data, args.output, smoke=args.smoke, max_epochs=args.max_epochs,
                    patience=args.patience, max_minutes=args.max_minutes)
    print(json.dumps(metrics["test"], indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
