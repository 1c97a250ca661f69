"""Document kind: minutes, monitoring visit reports and periodic progress reports are activity reports."""
from __future__ import annotations

import pytest

from extractor.nlp.doc_fields import kind_of


@pytest.mark.parametrize("text", [
    "NOTULEN RAPAT KOORDINASI\nPROGRAM AIR BERSIH DESA\n\nHari/Tanggal : Senin, 2 Juni 2031\n\n1. Tim telah ...",
    "DINAS PERIKANAN\n\nRISALAH RAPAT EVALUASI KEMITRAAN\n\nPeserta : 12 orang\n",
    ("FIELD MONITORING VISIT REPORT\nSolar Pumps for Dry Villages\n\nPrepared by: J. Doe\n\n1. Findings\n"
     "Ten pumps were installed. \"This helps,\" said the village head.\n"),
    "RIVER CARE FOUNDATION\n\nQUARTERLY PROGRESS REPORT No. 3\nReporting period: April - June 2031\n",
    "KANTOR KESEHATAN PELABUHAN\n\nLAPORAN TRIWULAN II TAHUN 2031\nPelaksanaan Kerja Sama Vaksinasi Awak Kapal\n",
])
def test_report_headings(text):
    assert kind_of(text) == "activity_report"


def test_release_and_agreement_unchanged():
    release = ("Kota Contoh Teken MoU Air Bersih\n\nKOTA CONTOH - Wali Kota menandatangani nota kesepahaman. "
               "\"Ini awal yang baik,\" ujarnya.")
    assert kind_of(release) == "news_release"
    minutes_word_in_body = ("Kota Contoh Teken MoU Air Bersih\n\nKOTA CONTOH - Wali Kota menandatangani nota "
                            "kesepahaman; notulen rapat persiapan dibacakan. \"Ini awal yang baik,\" ujarnya.")
    assert kind_of(minutes_word_in_body) == "news_release"
