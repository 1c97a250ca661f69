"""`janji_officials`: people acting for the organisations, with name (degrees and honorifics kept
apart), position as written, organisation and role (signatory / attendee / speaker).

Forms recognised (all driven by `patterns/positions.jsonl`, `degrees.jsonl`,
`institution_words.jsonl` and the organisation analysis of the parties component), one module each:
- `position_first`: "Penjabat Bupati X Drs. Nama", "Kepala Dinas X, Nama", "Ketua Lembaga X Nama";
- `name_first`: party clauses "1. dr. Nama, Sp.JP, Direktur ...", "diwakili oleh Nama, M.M.,
  Direktur", "represented by Prof. Dr. Nama, Rector of Y", "Nama dalam jabatannya sebagai ...";
- `signature_blocks`: "(ttd.)" / "(signed)" followed by a name line and a position line, in one or
  several columns, with the organisation taken from the header above ("PIHAK PERTAMA, X",
  "FOR THE GOVERNMENT OF ..."); "Witnessed by:" blocks give attendees; "For and on behalf of";
- `plain_blocks`: unmarked blocks, a name line with its position line or NIP/rank line;
- `labelled`: "Nama : ... / Jabatan : ..." and "Name: / Title:" fields;
- `inline_signatures`: a signature block run onto one line ("PIHAK KEDUA, REKTOR X, ttd. NAMA || ...");
- `acknowledging`: signers under "Mengetahui," / "Menyetujui," are attendees, not signatories.
Shared parts: `context` (tokens and predicates), `names`, `positions`, `org_links`, `layout`,
`roles`; `component` merges the same person named twice and registers the spaCy factory.
"""
from extractor.nlp.officials.component import make_officials, officials_component

__all__ = ["make_officials", "officials_component"]
