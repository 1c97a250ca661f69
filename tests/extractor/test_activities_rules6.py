"""Activity statements, session 6 rules (blind set 6), on invented text: a plan as the document
approved or drafted is no plan cue; a thing put into a plan stays planned."""
from __future__ import annotations

from extractor.activities import extract_activities, is_not_done
from extractor.types import DocumentText, PageSpan


def doc(text: str) -> DocumentText:
    return DocumentText(text=text, pages=(PageSpan(1, 0, len(text)),))


def test_a_plan_approved_or_drafted_is_the_thing_done():
    assert not is_not_done("The coordination board met on 2 May 2031 and adopted the annual work plan for 2032.")
    assert not is_not_done("The village team drafted an action plan for the clinic.")
    assert not is_not_done("Rapat koordinasi menyetujui rencana kerja tahun 2032.")
    # the verb "plan", a plan that is the statement's own intention, a cooperation still planned
    assert is_not_done("We plan to open the clinic in June.")
    assert is_not_done("The plan is to open the clinic in June.")
    assert is_not_done("Dinas menyusun rencana kerja sama dengan desa.")


def test_something_put_into_a_plan_stays_planned():
    assert is_not_done("Both sides agreed to include the fish market study in the 2032 work plan.")
    assert is_not_done("Kajian pasar ikan dimasukkan rencana kerja 2032.")


def test_a_meeting_approving_a_work_plan_is_an_activity_of_its_report():
    report = ("Harbour Institute Newsletter, Spring 2031\n\n"
              "The joint steering committee met online on 3 March 2031 and approved the work plan for 2032. "
              "A field visit to the pilot villages is planned for May 2031.\n")
    texts = [a.text for a in extract_activities(doc(report))]
    assert any("steering committee met" in t for t in texts)
    assert not any("field visit" in t for t in texts)


def test_what_was_asked_for_and_not_given_is_no_activity():
    assert is_not_done("Permintaan obat dari puskesmas tidak terpenuhi pada bulan Mei.")
    assert is_not_done("Twelve requests for interpreters were unmet.")
    assert not is_not_done("Permintaan obat dari puskesmas dipenuhi dalam dua hari.")
    table = ("| Uraian | Jan-Mar | Apr-Jun | Keterangan |\n"
             "| Vaksin diterima dari dinas | 300 | 320 | rantai dingin terjaga |\n"
             "| Permintaan vaksin tidak terpenuhi | 4 | 2 | stok kosong |\n")
    texts = [a.text for a in extract_activities(doc(table))]
    assert any(t.startswith("Vaksin diterima") for t in texts)
    assert not any("tidak terpenuhi" in t for t in texts)
