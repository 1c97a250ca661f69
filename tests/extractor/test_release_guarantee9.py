"""A release's first-person guarantee is an undertaking (session 9, blind set 8); invented text."""
from __future__ import annotations


def commitment_texts(nlp, text: str) -> list[str]:
    return [c.text for c in nlp(text)._.janji_commitments]


def test_a_quoted_first_person_guarantee_is_an_undertaking(nlp_id):
    text = ("Pemkab Tanah Rata dan PT Angin Biru Energi Teken Kerja Sama PLTS Puskesmas\n"
            "TANAH RATA - Pemerintah Kabupaten Tanah Rata dan PT Angin Biru Energi menandatangani perjanjian kerja "
            "sama pada Senin (4/5/2026). Direktur PT Angin Biru Energi, Rudi Hartono, menyampaikan perusahaannya akan "
            "memasang panel surya di 12 puskesmas paling lambat akhir Oktober 2026. \"Kami juga menjamin perawatan "
            "panel selama tiga tahun tanpa biaya tambahan,\" katanya. \"Panel ini menjamin listrik tetap menyala,\" "
            "ujar Kepala Dinas Kesehatan.\n")
    got = commitment_texts(nlp_id, text)
    assert any("Kami juga menjamin perawatan panel" in t for t in got)
    # trap: a thing that ensures something is no party's undertaking
    assert not any("Panel ini menjamin" in t for t in got)
