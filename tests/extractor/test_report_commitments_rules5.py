"""Report commitments found on blind sets 3-5 (invented text): a periodic update is a report, a
numbered summary ends at the next number, a status table without a number column, follow-up tables,
plans for the next period, and lines that report nothing done (background, captions, the meeting's
own procedure, the agreement as a label, the visit itself, the period of the whole activity)."""
from __future__ import annotations

from extractor.activities import extract_activities
from extractor.nlp.doc_fields import kind_of
from extractor.report_commitments import (
    activity_commitments,
    is_done_commitment,
    plan_table_commitments,
    planned_commitments,
    without_summaries,
)
from extractor.types import Commitment, DocumentText, PageSpan

UPDATE = """Cooperation Office — Quarterly Update
Politeknik Tanjung Biru
Q2 2031 (April–June)

Partnership: Memorandum of Understanding between Politeknik Tanjung Biru and the Reef Care Fund on coral nurseries, signed 3 March 2031.

1. Summary
The nursery network now covers four bays, and the first diver cohort finished its training.

2. Activity status
| Activity | Lead | Status | Notes |
| Coral nursery frames | Reef Care Fund | Done | 48 frames placed in Teluk Hijau and Teluk Batu |
| Diver training | Politeknik | Done | 16 student divers certified, 4–9 May |
| Monitoring app | Politeknik | Not started | |

3. Other highlights
- On 12 June the Reef Care Fund presented the survey results to the district fisheries office.

Photo 1: A student diver ties coral fragments to a frame in Teluk Hijau.

4. Next quarter
- Third nursery site in Teluk Merah in August 2031.
- Joint review meeting with the Reef Care Fund on 20 September 2031.
"""


def _doc(text: str) -> DocumentText:
    return DocumentText(text=text, pages=(PageSpan(1, 0, len(text)),))


def test_a_periodic_update_is_an_activity_report() -> None:
    assert kind_of(UPDATE) == "activity_report"
    assert kind_of("PANGKALAN — Wali Kota meresmikan pasar baru, Senin.\n\n\"Pasar ini milik warga,\" ujarnya.\n") \
        == "news_release"


def test_a_numbered_summary_ends_at_the_next_number_and_status_rows_need_no_verb() -> None:
    doc = _doc(UPDATE)
    got = [c.text for c in activity_commitments(UPDATE, extract_activities(doc), [])]
    assert any("48 frames placed in Teluk Hijau" in t for t in got), got
    assert any("16 student divers certified" in t for t in got), got      # a done row without a verb
    assert any("presented the survey results" in t for t in got), got    # after the summary closed
    assert not any("now covers four bays" in t for t in got), got         # the summary itself
    assert not any("Monitoring app" in t for t in got), got                # not started
    assert not any(t.startswith("Partnership:") for t in got), got         # the agreement as a label
    assert not any(t.startswith("Photo 1") for t in got), got              # a caption


def test_items_under_a_next_period_heading_are_plans() -> None:
    got = [c.text for c in planned_commitments(UPDATE, _doc(UPDATE).evidence, [])]
    assert got == ["Third nursery site in Teluk Merah in August 2031",
                   "Joint review meeting with the Reef Care Fund on 20 September 2031"], got


MINUTES = """NOTULEN RAPAT KOORDINASI
PELAKSANAAN KERJA SAMA DINAS PERIKANAN DAN POLITEKNIK BAHARI

I. PEMBUKAAN
Rapat dibuka oleh Sekretaris Dinas.

II. PEMBAHASAN
Tim politeknik telah menebar 20.000 benih nila di 5 kolam desa.

III. TINDAK LANJUT
| No | Tindak Lanjut | Penanggung Jawab | Batas Waktu |
| 1 | Menyusun jadwal panen bersama kelompok pembudi daya | Bidang Budidaya | 30 Juni 2031 |
| 2 | Mengirim sampel air kolam ke laboratorium politeknik | Tim Politeknik | 15 Juli 2031 |

Rapat ditutup pukul 12.00.
"""


def test_rows_of_a_follow_up_table_are_planned_commitments() -> None:
    got = [c.text for c in plan_table_commitments(MINUTES, _doc(MINUTES).evidence, [])]
    assert got == ["Menyusun jadwal panen bersama kelompok pembudi daya",
                   "Mengirim sampel air kolam ke laboratorium politeknik"], got


def test_a_status_table_is_no_follow_up_table() -> None:
    assert plan_table_commitments(UPDATE, _doc(UPDATE).evidence, []) == []


def test_the_meetings_own_procedure_is_no_done_commitment() -> None:
    got = [c.text for c in activity_commitments(MINUTES, extract_activities(_doc(MINUTES)), [])]
    assert any(t.startswith("Tim politeknik telah menebar 20.000 benih") for t in got), got
    assert not any(t.startswith("Rapat dibuka") for t in got), got


def test_lines_that_report_nothing_done() -> None:
    assert not is_done_commitment("This visit checked progress in two of the four villages", "", 0)
    assert not is_done_commitment("Kunjungan ini meninjau tiga lokasi pembibitan", "", 0)
    assert not is_done_commitment("Kegiatan dilaksanakan pada periode 2 s.d. 20 Mei 2031 oleh tim penyuluh", "", 0)
    assert not is_done_commitment("Foto 2: Petugas memeriksa bibit di persemaian desa", "", 0)
    assert not is_done_commitment("The meeting was chaired by the Head of the Fisheries Office", "", 0)
    assert not is_done_commitment("Sebanyak 12 kelompok sudah memiliki kolam pembenihan sendiri", "", 0)
    assert not is_done_commitment("7 sampel air sumur melebihi ambang batas bakteri", "", 0)
    assert is_done_commitment("Sebanyak 30 kader telah mengikuti pelatihan pengolahan air", "", 0)
    assert is_done_commitment("Tim penyuluh melaksanakan pelatihan pada 2 Mei 2031 di balai desa", "", 0)


BACKGROUND_REPORT = """SEMI-ANNUAL PROGRESS REPORT
Clean Water Partnership

1. Background
The Water Office and the Blue Spring Foundation signed a Memorandum of Understanding on village water supply in March 2031.

2. Progress
- The Foundation drilled six boreholes in Desa Air Putih in May 2031.
"""


def test_a_background_section_gives_no_commitment() -> None:
    doc = _doc(BACKGROUND_REPORT)
    got = [c.text for c in activity_commitments(BACKGROUND_REPORT, extract_activities(doc), [])]
    assert any("drilled six boreholes" in t for t in got), got
    assert not any("signed a Memorandum" in t for t in got), got
    start = BACKGROUND_REPORT.index("Background")
    end = BACKGROUND_REPORT.index(" in March 2031")
    read = Commitment(text="village water supply", action="", parties=(), due=None, confidence=0.65,
                      evidence=(doc.evidence(start, end),), needs_review=False)
    assert without_summaries(BACKGROUND_REPORT, [read]) == []


# the same follow-up table as a PDF text layer wraps it: a row goes on over the next line
WRAPPED_MINUTES = """III. TINDAK LANJUT
| No | Tindak Lanjut | Penanggung Jawab | Batas Waktu |
| 1 | Menyusun jadwal panen bersama kelompok pembudi daya | Bidang Budidaya dan
Penyuluhan | 30 Juni 2031 |
| 2 | Mengirim sampel air kolam ke laboratorium politeknik untuk uji kualitas
berkala | Tim Politeknik | 15 Juli 2031 |

Rapat ditutup pukul 12.00.
"""


def test_a_wrapped_follow_up_row_gives_its_whole_action_and_nothing_of_its_rest() -> None:
    got = [c.text for c in plan_table_commitments(WRAPPED_MINUTES, _doc(WRAPPED_MINUTES).evidence, [])]
    assert got == ["Menyusun jadwal panen bersama kelompok pembudi daya",
                   "Mengirim sampel air kolam ke laboratorium politeknik untuk uji kualitas berkala"], got


WRAPPED_STATUS = """II. PELAKSANAAN
No | Kegiatan | Waktu | Status
1 | Penyerahan data aset dari dinas kepada kantor
pertanahan | 3 Mei 2031 | Terlaksana
"""


def test_the_wrapped_rest_of_a_status_row_needs_a_verb() -> None:
    doc = _doc(WRAPPED_STATUS)
    got = [c.text for c in activity_commitments(WRAPPED_STATUS, extract_activities(doc), [])]
    assert not any(t.startswith("3 Mei 2031") for t in got), got


def test_a_label_line_ends_the_last_plan_item() -> None:
    text = UPDATE.rstrip("\n") + "\nContact: office@politeknik.example.ac.id\n"
    got = [c.text for c in planned_commitments(text, _doc(text).evidence, [])]
    assert got[-1] == "Joint review meeting with the Reef Care Fund on 20 September 2031", got
