"""Properties of re-extraction: order does not matter, and saving again is a no-op."""
from __future__ import annotations

import copy
import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models import repository as repo
from tests.models.factories import new_document, sample_extraction

_counter = itertools.count()


def _keyed(detail: dict) -> dict:
    """id per entity, keyed by what identifies it."""
    return {("party", p["name"]): p["id"] for p in detail["parties"]} | \
        {("official", o["name"]): o["id"] for o in detail["officials"]} | \
        {("date", d["role"], d["date"]): d["id"] for d in detail["dates"]} | \
        {("commitment", c["text"]): c["id"] for c in detail["commitments"]}


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.randoms(use_true_random=False), extra=st.lists(
    st.text(alphabet="abcdefghij klmnop", min_size=3, max_size=30).filter(lambda t: t.strip()), max_size=4))
def test_order_does_not_matter_and_a_second_save_is_a_no_op(session, seed, extra):
    data = sample_extraction()
    data["parties"] += [{"name": f"Dinas {t}", "aliases": [], "role": None, "evidence": []} for t in extra]
    doc_id = new_document(session, f"{next(_counter):064x}")
    repo.save_extraction(session, document_id=doc_id, extraction=data, run_status="succeeded")
    first = repo.get_document_detail(session, document_id=doc_id)
    shuffled = copy.deepcopy(data)
    for key in ("parties", "officials", "dates", "commitments"):
        seed.shuffle(shuffled[key])
    report = repo.save_extraction(session, document_id=doc_id, extraction=shuffled, run_status="succeeded")
    assert report["created"] == {} and report["removed"] == {} and report["kept_reviewer"] == []
    assert _keyed(repo.get_document_detail(session, document_id=doc_id)) == _keyed(first)
