"""An agreement's duties set out as a table: a column of what is to be done and a column of who does it
("| No | Kegiatan | Pelaksana | Batas Waktu |", "| Activity | Responsible party | Deadline |"). Each row is
one commitment: its activity cell, obliged on the party named in the executor cell."""
from __future__ import annotations

import re

ROW = re.compile(r"^[ \t]*\|(?P<cells>[^\n]*\|[^\n]*?)\|?[ \t]*$", re.MULTILINE)
ACTIVITY_HEAD = re.compile(r"(?i)(?:rincian\s+|uraian\s+|jenis\s+)?(?:kegiatan|kewajiban|tugas|pekerjaan|"
                           r"activit(?:y|ies)|tasks?|obligations?|duties|undertakings?|actions?)")
EXECUTOR_HEAD = re.compile(r"(?i)(?:pihak\s+)?(?:pelaksana|penanggung\s*jawab|pj|oleh|dilaksanakan\s+oleh|"
                           r"(?:responsible|implementing|executing)(?:\s+party)?|by|done\s+by|lead|party)")
# "Kegiatan yang disepakati dirinci dalam tabel berikut", "as set out in the table below": a pointer to the
# table, no duty of its own
TABLE_POINTER = re.compile(r"\b(?:(?:dirinci|diuraikan|dicantumkan|tercantum|disajikan|dijabarkan)\s+(?:dalam|pada|di)\s+"
                           r"tabel\s+(?:berikut|di\s*bawah)|(?:set\s+out|listed|detailed|shown)\s+in\s+the\s+"
                           r"(?:following\s+)?table(?:\s+below)?)\b", re.IGNORECASE)


def _cells(row: re.Match) -> list[tuple[int, int]]:
    """[start, end) of every cell's text, stripped."""
    out = []
    at = row.start("cells")
    for cell in row.group("cells").split("|"):
        lead = len(cell) - len(cell.lstrip())
        out.append((at + lead, at + lead + len(cell.strip())))
        at += len(cell) + 1
    return out


def duty_rows(text: str) -> list[tuple[tuple[int, int], str]]:
    """((start, end) of the activity cell, executor cell text) of every row of every duty table."""
    out: list[tuple[tuple[int, int], str]] = []
    columns: tuple[int, int] | None = None
    prev_end = -2
    for row in ROW.finditer(text):
        if row.start() != prev_end + 1:
            columns = None                  # a new table
        prev_end = row.end()
        cells = _cells(row)
        names = [text[s:e] for s, e in cells]
        what = [i for i, c in enumerate(names) if ACTIVITY_HEAD.fullmatch(c)]
        who = [i for i, c in enumerate(names) if EXECUTOR_HEAD.fullmatch(c)]
        if what and who:
            columns = (what[0], who[0])
            continue
        if columns is None or max(columns) >= len(cells) or re.fullmatch(r"[\s:|-]*", row.group("cells")):
            continue
        s, e = cells[columns[0]]
        if len(text[s:e].split()) >= 3:
            out.append(((s, e), names[columns[1]]))
    return out
