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
from dataclasses import replace
from pathlib import Path

import numpy as np

from benchmarks.synthetic_agreements import ACTIONS, OBJECTS
from extractor.embedders import SentenceTransformerEmbedder, default_model_dir
from extractor.matching import CommitmentCorpus
from extractor.matching_embeddings import Centering, embedding_input
from extractor.matching_types import METHODS, CommitmentRef, MatchConfig, StatementRef

N_COMMITMENTS = 100_000
N_STATEMENTS = 20

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


def link_scale_rows(embedder: SentenceTransformerEmbedder, centering: Centering) -> list[dict]:
    """Linking + matching one 20-statement report against 1,000 and 10,000 stored synthetic agreements
    (10 commitments each; governments, universities with acronyms, hospitals, companies, offices,
    officials; benchmarks/synthetic_agreements.py) as the service does it (report_linking.link_stored_report:
    LinkIndex candidates -> names, one party, soft names, content -> match_report on the linked
    commitments, stored vectors given as a cosine matrix), against embedding the 20 statements; and against the unfiltered link_report +
    link_one_party over all 1,000 agreements. The indexes are built once per set of agreements /
    open commitments (their build time is a one-off row)."""
    from benchmarks.synthetic_agreements import synthetic_agreements, synthetic_report
    from extractor.link_index import content_index_for, name_indexes_for
    from extractor.linking import link_by_content, link_one_party, link_report
    from extractor.matching import match_report
    from extractor.report_linking import link_stored_report

    rng = random.Random(5)
    rows: list[dict] = []
    t_embed = 0.0

    def embed(statements):
        texts = [s.text for s in statements]
        return centering.apply(embedder.embed([embedding_input(t) for t in texts]), texts)

    for n in (1_000, 10_000):
        data = synthetic_agreements(n, seed=13)
        start = time.perf_counter()
        index, _ = name_indexes_for(data.agreements)
        t_index = time.perf_counter() - start
        start = time.perf_counter()
        content = content_index_for(data.agreements, data.commitments)
        t_content = time.perf_counter() - start
        for _ in range(20):  # a report that links (some name a party only by kind or an official)
            text, statements = synthetic_report(data, rng, N_STATEMENTS)
            if link_report(text, index.candidates(text)):
                break
        if not t_embed:
            embed(statements)
            t_embed = _best_of(lambda statements=statements: embed(statements))
            rows.append({"what": f"embed {N_STATEMENTS} statements of a synthetic report (baseline)",
                         "seconds": t_embed, "ratio": 1.0})
        s_vecs = embed(statements)
        c_vecs = np.random.default_rng(n).normal(size=(len(data.commitments), s_vecs.shape[1])).astype(np.float32)
        c_vecs /= np.linalg.norm(c_vecs, axis=1, keepdims=True)
        position = {c.id: j for j, c in enumerate(data.commitments)}

        def link_and_match(text=text, statements=statements, data=data, s_vecs=s_vecs, c_vecs=c_vecs,
                           position=position):
            linking = link_stored_report(text, statements, data.agreements, data.commitments)
            cands = linking.candidates(data.commitments)
            cosine = s_vecs @ c_vecs[[position[c.id] for c in cands]].T if cands else None
            return len(linking.agreements), match_report(
                statements, text, linking.agreements, cands, cosine=cosine, linking=linking)

        (n_cands, (links, matches)) = link_and_match()
        t_link = _best_of(link_and_match)
        rows.append({"what": f"link + match the report, {n:,} agreements / {len(data.commitments):,} commitments "
                             f"({n_cands} candidate agreements, {len(links)} linked, {len(matches)} matches)",
                     "seconds": t_link, "ratio": t_link / t_embed})
        rows.append({"what": f"embed + link + match vs embed, {n:,} agreements (target well under 2)",
                     "seconds": t_embed + t_link, "ratio": (t_embed + t_link) / t_embed})
        # the report citing its agreement's number "NNN/PKS/...": "PKS" is also the initials of every
        # "Pemerintah Kabupaten S..." (party_refs.acronym_named), so those agreements are candidates
        cited = next(a.number for a in data.agreements if a.number)
        cited_text = f"{text}\nNomor {cited}."
        (n_cited, (links, matches)) = link_and_match(text=cited_text)
        t_cited = _best_of(lambda cited_text=cited_text: link_and_match(text=cited_text))
        rows.append({"what": f"link + match the report citing a number '.../PKS/...', {n:,} agreements "
                             f"({n_cited} candidate agreements, {len(links)} linked, {len(matches)} matches)",
                     "seconds": t_cited, "ratio": t_cited / t_embed})
        nameless = [replace(s, text=s.text.split(" kepada ")[0]) for s in statements]
        plain = "\n".join(s.text for s in nameless)

        def by_content(nameless=nameless, plain=plain, data=data, index=index, content=content):
            return link_by_content(nameless, plain, data.agreements, data.commitments, ranking=content.ranking,
                                   named_among=index.candidates(plain))

        by_content()
        t_by_content = _best_of(by_content)
        rows.append({"what": f"content link of a report naming no party, {len(data.commitments):,} commitments "
                             "(ContentIndex ranking)", "seconds": t_by_content, "ratio": t_by_content / t_embed})
        rows.append({"what": f"one-off: LinkIndex + SoftNameIndex build, {n:,} agreements", "seconds": t_index,
                     "ratio": t_index / t_embed})
        rows.append({"what": f"one-off: ContentIndex build, {len(data.commitments):,} commitments",
                     "seconds": t_content, "ratio": t_content / t_embed})
        if n == 1_000:
            def unfiltered(text=text, data=data):
                links = link_report(text, data.agreements)
                return link_one_party(text, data.agreements, links)

            t_old = _best_of(unfiltered, repeats=1)
            rows.append({"what": "before: unfiltered link_report + link_one_party over all 1,000 agreements",
                         "seconds": t_old, "ratio": t_old / t_embed})
    return rows


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
