"""Session 10 (blind set 11 opened): roles given only by labelled signature lines, such lines are no
commitments, and a one-party report of receiving the partner's supply where the named party has no
duty of its own in that agreement. Invented text; each test has a trap."""
from extractor.extract import extract
from extractor.matching import match_report
from extractor.matching_types import AgreementRef, CommitmentRef, MatchConfig, PartyRef, StatementRef
from extractor.types import DocumentText, PageSpan

PKS = """PERJANJIAN KERJA SAMA
ANTARA
DINAS PERIKANAN KABUPATEN TELAGA BIRU
DENGAN
PT BENIH SAMUDRA LESTARI
TENTANG
PENYEDIAAN BENIH IKAN

Nomor : 523/88/DISKAN/2026

Pada hari Selasa, tanggal 3 Maret 2026, PARA PIHAK sepakat:

Pasal 1
(1) PIHAK KEDUA menyediakan 200.000 (dua ratus ribu) ekor benih nila kepada kelompok pembudidaya paling lambat tanggal 30 Juni 2026.
(2) PIHAK PERTAMA menetapkan daftar kelompok pembudidaya penerima benih.

Pasal 2
Perjanjian ini berlaku selama 1 (satu) tahun.

PIHAK PERTAMA: Kepala Dinas Perikanan Kabupaten Telaga Biru, Ir. MARLINA SIHOMBING, M.Si.
PIHAK KEDUA: Direktur PT Benih Samudra Lestari, AGUS PRAYITNO
"""


def _extract(text: str):
    return extract(DocumentText(text=text, pages=(PageSpan(1, 0, len(text)),)), source="pks.txt", sha256="0")


def test_roles_come_from_labelled_signature_lines_and_those_lines_are_no_commitments():
    ext = _extract(PKS)
    roles = {p.name.lower(): p.role for p in ext.parties}
    assert roles == {"dinas perikanan kabupaten telaga biru": "PIHAK PERTAMA",
                     "pt benih samudra lestari": "PIHAK KEDUA"}
    duties = {c.text[:25]: c.parties for c in ext.commitments}
    assert len(duties) == 2 and not any(text.startswith("PIHAK KEDUA:") for text in duties)
    assert [p.lower() for p in duties["PIHAK KEDUA menyediakan 2"]] == ["pt benih samudra lestari"]
    # trap: a labelled line that carries a duty is no signature line
    from extractor.nlp.commitments import _signature_label
    assert _signature_label("PIHAK KEDUA: Direktur PT Benih Samudra Lestari, AGUS PRAYITNO")
    assert not _signature_label("PIHAK PERTAMA: menetapkan daftar kelompok pembudidaya penerima benih")
    assert not _signature_label("The Second Party: will deliver the seed by June")


OFFICE = PartyRef("Dinas Perikanan Kabupaten Telaga Biru")
COMPANY = PartyRef("PT Benih Samudra Lestari")
SUPPLY = CommitmentRef(1, 1, "PIHAK KEDUA menyediakan 200.000 ekor benih nila kepada kelompok pembudidaya",
                       None, (COMPANY.name,))


def test_a_one_party_report_of_receiving_the_partners_supply_counts_where_the_party_owes_nothing_itself():
    agreement = AgreementRef(1, (OFFICE, COMPANY))
    report = "Laporan Dinas Perikanan Kabupaten Telaga Biru, Juli 2026."
    received = StatementRef(1, "Benih nila 200.000 ekor telah diterima kelompok pembudidaya di 9 desa.")
    _, matches = match_report([received], report, [agreement], [SUPPLY], config=MatchConfig(method="bm25"))
    assert [m.commitment_id for m in matches] == [1]
    # trap: the office saying it handed out seed itself is no receipt of the company's supply
    own = StatementRef(1, "Dinas membagikan benih nila 200.000 ekor kepada kelompok pembudidaya di 9 desa.")
    _, matches = match_report([own], report, [agreement], [SUPPLY], config=MatchConfig(method="bm25"))
    assert matches == []


def test_the_stored_reports_candidates_hold_the_partners_supply_to_the_one_party_named():
    """The service matches a report against ReportLinks.candidates only: the supply must be among them."""
    from extractor.report_linking import link_stored_report
    agreement = AgreementRef(1, (OFFICE, COMPANY))
    duty = CommitmentRef(2, 1, "PIHAK KEDUA melatih 30 pembudidaya tentang pakan", None, (COMPANY.name,))
    report = "Laporan Dinas Perikanan Kabupaten Telaga Biru, Juli 2026. Bibit ikan nila telah diterima."
    linking = link_stored_report(report, [], [agreement], [SUPPLY, duty])
    assert linking.one_party == {1: OFFICE.name}
    # the supply to the office is a candidate; the company's training (no supply) is not
    assert [c.id for c in linking.candidates([SUPPLY, duty])] == [1]
