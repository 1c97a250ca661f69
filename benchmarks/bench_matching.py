"""Matching: retrieval cost at 100,000 stored commitments, embedding throughput, and the quality
of BM25 alone, embeddings alone and the hybrid on the scenarios.

1. 100,000 synthetic commitments (generated from templates; their vectors are template embeddings
   plus noise, stored in the in-process vector index of models/vector_index.py, BM25 built once).
   Matching one 20-statement report (BM25 top-k over all 100,000 + vector-index top-k + fusion)
   is timed against embedding those 20 statements: target ratio <= 2 for embed + match vs embed.
2. Embedding throughput of SentenceTransformerEmbedder vs plain SentenceTransformer.encode on the
   same sentences in the same process.
3. Flag F1 / link accuracy per method on ../shared/corpus/scenarios and tests/scenarios.
"""
from __future__ import annotations

import random
import statistics
import time
from pathlib import Path

import numpy as np

from extractor.embedders import SentenceTransformerEmbedder, default_model_dir
from extractor.matching import (
    METHODS,
    Centering,
    CommitmentCorpus,
    CommitmentRef,
    MatchConfig,
    StatementRef,
    embedding_input,
)

N_COMMITMENTS = 100_000
N_STATEMENTS = 20

ACTIONS = ["menyelenggarakan pelatihan", "menyediakan data", "melaksanakan sosialisasi", "membangun",
           "melakukan pendampingan", "menyerahkan laporan", "mengirimkan tim teknis", "memberikan beasiswa",
           "melakukan penelitian bersama", "mengadakan rapat evaluasi", "shall provide training on",
           "shall send a delegation to study", "shall promote", "shall exchange", "shall establish"]
OBJECTS = ["pengelolaan sampah", "pemandu wisata", "keuangan desa", "peta rawan bencana", "budidaya rumput laut",
           "ketahanan pangan", "digitalisasi UMKM", "air minum", "jalan desa", "kesehatan ibu dan anak",
           "waste management", "riverfront management", "tourism promotion", "youth exchange", "legal aid",
           "irigasi pertanian", "perizinan usaha", "pajak daerah", "cultural performances", "fisheries"]
PLACES = ["Kabupaten Sigi", "Kota Salatiga", "Kabupaten Semarang", "Provinsi NTB", "Kota Pontianak",
          "Kabupaten Lampung Tengah", "Kota Ambon", "Kabupaten Banyuwangi", "the city", "both cities"]
STATEMENTS = [
    "Pelatihan pemandu wisata bagi 25 pemuda desa telah dilaksanakan pada 27 Mei 2024.",
    "Data peta rawan bencana diserahkan kepada tim peneliti universitas.",
    "Officers attended a two-day training on waste management and composting.",
    "Tim teknis mengunjungi kawasan tepian sungai untuk mempelajari pengelolaannya.",
    "Sosialisasi perizinan usaha diikuti 80 pelaku UMKM di aula kecamatan.",
]


def _rng_text(rng: random.Random) -> str:
    return f"PIHAK KEDUA {rng.choice(ACTIONS)} {rng.choice(OBJECTS)} di {rng.choice(PLACES)}"


def _best_of(fn, repeats: int = 3) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def scale_rows(embedder: SentenceTransformerEmbedder, centering: Centering) -> list[dict]:
    from models.vector_index import NumpyVectorIndex

    rng = random.Random(7)
    texts = [_rng_text(rng) for _ in range(N_COMMITMENTS)]
    commitments = [CommitmentRef(i + 1, 1 + i // 10, t) for i, t in enumerate(texts)]
    templates = sorted(set(texts))[:400]
    base = centering.apply(embedder.embed([embedding_input(t) for t in templates]), templates)
    noise = np.random.default_rng(7).normal(0, 0.15, (N_COMMITMENTS, base.shape[1])).astype(np.float32)
    vectors = base[np.arange(N_COMMITMENTS) % len(base)] + noise
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    index = NumpyVectorIndex()
    model_id = embedder.model_id + "#bench"
    index.add([c.id for c in commitments], vectors, model_id)
    corpus = CommitmentCorpus(commitments, MatchConfig(method="hybrid"))
    statements = [StatementRef(i + 1, STATEMENTS[i % len(STATEMENTS)] + f" (kegiatan {i + 1})")
                  for i in range(N_STATEMENTS)]
    s_texts = [s.text for s in statements]

    def embed():
        return centering.apply(embedder.embed([embedding_input(t) for t in s_texts]), s_texts)

    s_vecs = embed()

    def match():
        hits = index.search_many(s_vecs, model_id, 20)
        return corpus.retrieve(statements, s_vecs, hits, lambda ids: vectors[np.asarray(ids) - 1], k=20)

    match()  # warm caches (stemmer, index matrix)
    t_embed = _best_of(embed)
    t_match = _best_of(match)
    found = sum(len(r) for r in match())
    return [{"what": f"embed {N_STATEMENTS} statements (baseline)", "seconds": t_embed, "ratio": 1.0},
            {"what": f"match {N_STATEMENTS} statements against {N_COMMITMENTS:,} commitments "
                     f"(BM25 + vector index + fusion; {found} candidates over threshold)",
             "seconds": t_match, "ratio": t_match / t_embed},
            {"what": "embed + match vs embed (target <= 2)", "seconds": t_embed + t_match,
             "ratio": (t_embed + t_match) / t_embed}]


def throughput_rows(embedder: SentenceTransformerEmbedder) -> list[dict]:
    from sentence_transformers import SentenceTransformer

    rng = random.Random(3)
    sentences = [_rng_text(rng) + " " + rng.choice(STATEMENTS) for _ in range(256)]
    plain = SentenceTransformer(str(default_model_dir()), device="cpu")
    plain.encode(sentences[:8])
    embedder.embed(sentences[:8])
    t_plain = statistics.median(
        [_timed(lambda: plain.encode(sentences, batch_size=32, show_progress_bar=False)) for _ in range(2)])
    t_ours = statistics.median([_timed(lambda: embedder.embed(sentences)) for _ in range(2)])
    t_gloss = _timed(lambda: [embedding_input(s) for s in sentences])
    return [{"what": "plain SentenceTransformer.encode (baseline), 256 sentences", "seconds": t_plain,
             "sentences_per_s": 256 / t_plain, "ratio": 1.0},
            {"what": "SentenceTransformerEmbedder.embed (L2-normalised), same sentences", "seconds": t_ours,
             "sentences_per_s": 256 / t_ours, "ratio": t_ours / t_plain},
            {"what": "glossing the input (embedding_input), same sentences", "seconds": t_gloss,
             "sentences_per_s": 256 / max(t_gloss, 1e-9), "ratio": t_gloss / t_plain}]


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def quality_rows(embedder: SentenceTransformerEmbedder) -> list[dict]:
    from benchmarks import eval_matching as ev

    rows = []
    folders = ev.scenario_folders([ev.SHARED_SCENARIOS, ev.OWN_SCENARIOS])
    if not folders:
        return rows
    vectors = ev.VectorCache(embedder)
    for source, gold in (("gold commitment texts", True), ("extracted commitments", False)):
        scenarios = [ev.load_scenario(f, None, True, gold_commitments=gold) for f in folders]
        for method in METHODS:
            res = ev.evaluate(scenarios, vectors, MatchConfig(method=method))
            rows.append({"what": f"{method} ({source}, {len(scenarios)} scenarios)",
                         "flag_precision": res["precision"], "flag_recall": res["recall"],
                         "flag_f1": res["f1"], "link_accuracy": res["links"]})
    return rows


def run() -> list[dict]:
    embedder = SentenceTransformerEmbedder()
    embedder.warm_up()
    centering = Centering.fit(embedder)
    rows = scale_rows(embedder, centering)
    rows += throughput_rows(embedder)
    rows += quality_rows(embedder)
    return rows


if __name__ == "__main__":
    for row in run():
        print(row)
    print(Path(__file__).name, "done")
