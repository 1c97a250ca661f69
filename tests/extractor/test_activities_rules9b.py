"""Activity statements, session 9 rules from the statement-side misses of blind sets 6-9, on invented
text: work done for another project, a headline the lead sentence restates, measure columns of a
table, work told of another place or another company."""
from __future__ import annotations

from extractor.activities import extract_activities
from extractor.types import DocumentText, PageSpan


def doc(text: str) -> DocumentText:
    return DocumentText(text=text, pages=(PageSpan(1, 0, len(text)),))


def texts_of(text: str) -> list[str]:
    return [a.text for a in extract_activities(doc(text))]


def test_work_done_for_a_separate_project_is_no_evidence_for_this_one():
    report = ("Partnership newsletter, spring 2031\n\n"
              "Our third-year students interviewed 150 hotel guests in two coastal towns for a separate research "
              "project on eco-labels.\n\n"
              "The same lab tested 40 water samples for another client in March 2031.\n\n"
              "Tim kami juga memetakan 12 sumur bor untuk penelitian lain di kabupaten tetangga.\n\n"
              "Our third-year students interviewed 150 hotel guests in the three pilot villages for the baseline "
              "study.\n\n"
              "Tim kami memetakan 12 sumur bor untuk proyek ini pada Mei 2031.\n")
    texts = texts_of(report)
    # the trap: work for the project itself ("for the baseline study", "untuk proyek ini") stays
    assert texts == ["Our third-year students interviewed 150 hotel guests in the three pilot villages for the "
                     "baseline study.",
                     "Tim kami memetakan 12 sumur bor untuk proyek ini pada Mei 2031."]
