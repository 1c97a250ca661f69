"""Document kind, parties and officials: failure classes met on the eleventh blind set
(tests/holdout_blind11), each fixed by a general rule. Every text here is invented for the test; each
test has a trap where the rule must not fire."""
from __future__ import annotations

from extractor.nlp.doc_fields import kind_of


# -- kind: a realisation report under a letterhead -------------------------------------------------

def test_a_realisation_or_achievement_report_under_a_letterhead_is_an_activity_report():
    for title in ("LAPORAN REALISASI SEMESTER I TAHUN 2031", "Laporan Capaian Kinerja Kemitraan Tahun 2031",
                  "LAPORAN PROGRES PEKERJAAN BULAN MEI 2031"):
        text = (f"PEMERINTAH KOTA CONTOH\nDINAS PERTANIAN\nJalan Melati No. 4\n\n{title}\n"
                "Nomor : 520/77/DP/2031\n\nI. DASAR\nPerjanjian Kerja Sama Nomor 520/12/DP/2031.\n")
        assert kind_of(text) == "activity_report", title
    # trap: a release that mentions realisation in its body is still a release
    release = ("Dinas Pertanian Teken MoU Benih\n\nKOTA CONTOH - Dinas Pertanian menandatangani nota kesepahaman. "
               "\"Laporan realisasi akan kami umumkan,\" ujar kepala dinas.")
    assert kind_of(release) == "news_release"

