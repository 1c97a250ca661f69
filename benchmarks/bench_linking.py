"""Linking a report at scale: LinkIndex candidates + link_report / link_one_party + match_report
against 1,000 and 10,000 stored synthetic agreements, against embedding the report's 20 statements
and against the unfiltered link_report at 1,000 (rows: bench_matching.link_scale_rows)."""
from __future__ import annotations

from pathlib import Path

from benchmarks.bench_matching import link_scale_rows
from extractor.embedders import SentenceTransformerEmbedder
from extractor.matching_embeddings import Centering


def run() -> list[dict]:
    embedder = SentenceTransformerEmbedder()
    embedder.warm_up()
    return link_scale_rows(embedder, Centering.fit(embedder))


if __name__ == "__main__":
    for row in run():
        print(row)
    print(Path(__file__).name, "done")
