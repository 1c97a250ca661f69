"""Documents the browser tests upload, written here (reportlab) rather than taken from a corpus."""
# ruff: noqa: ISC004 - long sentences are split over lines inside the lists on purpose
from __future__ import annotations

import io

from reportlab import rl_config
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

rl_config.invariant = 1

BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=11, leading=15, spaceAfter=6)
TITLE = ParagraphStyle("title", parent=BODY, fontName="Helvetica-Bold", alignment=TA_CENTER, fontSize=12)

MOU_TITLE = ["NOTA KESEPAHAMAN", "ANTARA", "PEMERINTAH KABUPATEN TANJUNG WANGI", "DAN",
             "POLITEKNIK BAHARI SAMUDRA", "NOMOR: 415/NK-TW/III/2025",
             "TENTANG", "PENGEMBANGAN KOMPETENSI NELAYAN MUDA"]
MOU_BODY = [
    "Pada hari ini, Senin tanggal sepuluh bulan Maret tahun dua ribu dua puluh lima (10-03-2025), "
    "bertempat di Tanjung Wangi, kami yang bertanda tangan di bawah ini:",
    "1. Hendra Wijaya, S.H., M.H., Bupati Tanjung Wangi, dalam hal ini bertindak untuk dan atas nama "
    "Pemerintah Kabupaten Tanjung Wangi, selanjutnya disebut PIHAK PERTAMA.",
    "2. Dr. Ir. Maria Lestari, M.Eng., Direktur Politeknik Bahari Samudra, dalam hal ini bertindak untuk "
    "dan atas nama Politeknik Bahari Samudra, selanjutnya disebut PIHAK KEDUA.",
    "Pasal 1 Ruang Lingkup",
    "Ruang lingkup Nota Kesepahaman ini meliputi pelatihan, pendampingan, dan penyediaan sarana belajar "
    "bagi nelayan muda di Kabupaten Tanjung Wangi.",
    "Pasal 2 Kewajiban Para Pihak",
    "(1) PIHAK KEDUA wajib menyelenggarakan pelatihan navigasi dan keselamatan laut bagi nelayan muda "
    "paling lambat tanggal 31 Desember 2027.",
    "(2) PIHAK PERTAMA wajib menyediakan gedung balai latihan kerja untuk kegiatan pelatihan paling lambat "
    "tanggal 30 Juni 2027.",
    "Pasal 3 Jangka Waktu",
    "Nota Kesepahaman ini berlaku untuk jangka waktu 3 (tiga) tahun sejak tanggal ditandatangani.",
    "PIHAK PERTAMA, Hendra Wijaya, S.H., M.H., Bupati Tanjung Wangi. "
    "PIHAK KEDUA, Dr. Ir. Maria Lestari, M.Eng., Direktur Politeknik Bahari Samudra.",
]

REPORT_TITLE = ["LAPORAN KEGIATAN", "POLITEKNIK BAHARI SAMUDRA", "TRIWULAN II TAHUN 2025"]
REPORT_BODY = [
    "Laporan ini disusun sebagai pelaksanaan Nota Kesepahaman antara Pemerintah Kabupaten Tanjung Wangi "
    "dan Politeknik Bahari Samudra Nomor 415/NK-TW/III/2025.",
    "Pada tanggal 14 Mei 2025, Politeknik Bahari Samudra telah menyelenggarakan pelatihan navigasi dan "
    "keselamatan laut bagi 60 nelayan muda Kabupaten Tanjung Wangi.",
    "Kegiatan pendampingan lanjutan akan dilaksanakan pada triwulan berikutnya.",
]


def _pdf(title: list[str], body: list[str]) -> bytes:
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=2.5 * cm, rightMargin=2.5 * cm, topMargin=2.5 * cm,
                            bottomMargin=2.5 * cm, title=title[0], author="Janji tests")
    story = [Paragraph(line, TITLE) for line in title] + [Spacer(1, 12)]
    story += [Paragraph(line, BODY) for line in body]
    doc.build(story)
    return out.getvalue()


def mou_pdf() -> bytes:
    return _pdf(MOU_TITLE, MOU_BODY)


def report_pdf() -> bytes:
    return _pdf(REPORT_TITLE, REPORT_BODY)
