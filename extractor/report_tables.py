"""Pipe tables of activity reports -> rows that report something done.

Progress reports put their activities in a table ("No | Kegiatan | Target | Realisasi | Keterangan",
"Output | Target | Achieved to date | Status"). The header names each column's role; a row is an
activity statement when its status / realisation says the thing was done or is under way
("Selesai", "Terlaksana", "Berjalan", "Completed", "On track", "62 unit") and not when it says it
was not ("Belum terlaksana", "Ditunda", "Not started", "Postponed to …", "0 unit"). A follow-up table
(a person in charge and a deadline, no status) lists plans, never activity.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = re.compile(r"[^\W_]+", re.UNICODE)

# column roles, matched on the lower-cased header cell
_ROLE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("index", re.compile(r"^(?:no|nomor|nr|#|num)\.?$")),
    ("plan", re.compile(r"\b(?:pic|pj|penanggung\s*jawab|person\s+in\s+charge|responsib\w*|batas\s+waktu|tenggat|"
                        r"deadline|due(?:\s+date)?|tindak\s+lanjut|follow[- ]?up|action\s+points?|next\s+steps?|"
                        r"rencana\s+tindak)\b")),
    ("realised", re.compile(r"\b(?:realisasi|capaian|pencapaian|achiev\w*|actual|progres|progress|kemajuan|hasil|"
                            r"results?|output\s+achieved|accomplish\w*)\b")),
    ("status", re.compile(r"\b(?:status|keterangan|ket|remarks?|notes?|catatan|comments?|penjelasan|"
                          r"explanation)\b")),
    ("target", re.compile(r"\b(?:target|sasaran|volume|baseline|pagu|anggaran|budget|indikator\s+target)\b")),
    ("basis", re.compile(r"\b(?:dasar|pasal|article|reference|ref|rujukan|acuan|kode|code)\b")),
    # what was planned ("Rencana Aksi", "Planned activity"): the activity column of a realisation
    # report ("Rencana Aksi | Pagu | Realisasi"), the plan itself in a table with nothing realised
    ("planned", re.compile(r"\b(?:rencana\s+(?:aksi|kegiatan|kerja)|planned\s+(?:actions?|activit\w*|outputs?))\b")),
    # when it happened: a dated log ("Month | Air date | Topic | Guest") lists things that took place
    ("time", re.compile(r"^(?:[a-z]+\s+)?(?:date|dates)$|^(?:month|time|day|week|quarter)$|"
                        r"^(?:tanggal|tgl\.?|waktu|bulan|minggu(?:\s+ke)?|pekan(?:\s+ke)?|triwulan|"
                        r"hari(?:\s*/\s*tanggal)?|jadwal\s+tayang)"
                        r"(?:\s+(?:kegiatan|pelaksanaan|tayang|siaran))?$")),
    ("activity", re.compile(r"\b(?:kegiatan|program|programme|output|keluaran|activit\w*|uraian|item|komitmen|"
                            r"commitments?|deliverables?|indikator|indicators?|rincian|jenis|aksi|actions?|tasks?|"
                            r"tugas|pekerjaan|works?|components?|komponen|layanan|services?|description|deskripsi|"
                            r"bidang|lingkup|scope)\b")),
)

# status words opening a status / realisation cell
_NOT_DONE = re.compile(
    r"^\W*(?:(?:masih|still)\s+(?=menunggu|awaiting|waiting|pending|direncanakan|dijadwalkan|planned|scheduled))?"
    r"(?:belum(?!\s+(?:selesai|tuntas|rampung|seluruhnya|semua))|not\s+(?:yet\s+)?(?:started|begun|done|"
    r"implemented|carried\s+out|held|achieved|issued|installed|delivered|available|aired|broadcast|"
    r"conducted|organi[sz]ed|paid|received|sent|submitted|signed|built|run|provided)|not\s+yet(?!\s+complete)|"
    r"tidak\s+(?:tayang|disiarkan|diadakan|dilaksanakan)|"
    r"yet\s+to|postponed|deferred|ditunda|tertunda|diundur|batal|dibatalkan|cancell?ed|dropped|tidak\s+"
    r"(?:terlaksana|dilaksanakan|jadi|tercapai)|on\s+hold|pending|direncanakan|dijadwalkan|rencana|planned|"
    r"scheduled|menunggu|awaiting|waiting)\b", re.IGNORECASE)
_DONE = re.compile(
    r"^\W*(?:(?:sudah|telah)\s+)?(?:selesai|terlaksana|dilaksanakan|tercapai|terpenuhi|tuntas|rampung|sudah|telah|"
    r"completed?|done|achieved|implemented|delivered|held|issued|terbit|diterbitkan|fulfilled|finished|100\s*%)\b",
    re.IGNORECASE)
_UNDER_WAY = re.compile(
    r"^\W*(?:(?:sedang\s+)?berjalan|on\s+(?:track|schedule|going)|ongoing|in\s+progress|under\s+way|underway|"
    r"sedang\s+(?:dilaksanakan|dikerjakan|berlangsung)|dalam\s+pelaksanaan|berlangsung|sebagian|partial\w*|"
    r"delayed|behind\s+schedule|terlambat|belum\s+(?:selesai|tuntas|rampung|seluruhnya|semua)|"
    r"not\s+yet\s+complete\w*|not\s+complete\w*)\b", re.IGNORECASE)
# "2 desa belum, tiang belum tiba", "4 schools not yet": units still left undone, named in the status -
# only part of the thing was done, which is no evidence that it was carried out
_UNITS_NOT_DONE = re.compile(r"^\W*\d+\s+(?:[^\W\d]+\s+){1,2}(?:belum|not\s+yet|still\s+not|tidak)\b", re.IGNORECASE)
# drafting / processing without a realised quantity: the thing itself is not there yet
_IN_PROCESS = re.compile(r"^\W*(?:(?:masih\s+)?(?:dalam\s+)?(?:proses|diproses|pembahasan|penyusunan)|"
                         r"in\s+process|being\s+processed|under\s+(?:review|discussion|preparation)|draft\w*)\b",
                         re.IGNORECASE)
# a realisation of nothing: "0", "0,0", "0 unit", "0 %", "0 dari 9 pasar", "-", "nihil", "none", also
# as an amount of money ("Rp 0", "Rp0,-", "IDR 0", "USD 0.00")
_ZERO = re.compile(r"^\W*(?:(?:rp\.?|idr|usd|us\$|eur)\s*)?(?:0+(?:[.,]0+)?(?![.,]?\d)\b|nihil\b|none\b|nil\b|"
                   r"tidak\s+ada\b|[-–—]+\s*$)", re.IGNORECASE)

# a text still being drafted or discussed ("masih dalam pembahasan", "tahap harmonisasi", "under review");
# "dalam proses pengerjaan" (works in progress) is under way, not a draft
_DRAFTING = re.compile(r"^\W*(?:masih\s+)?(?:dalam\s+)?(?:tahap\s+)?(?:pembahasan|penyusunan|perumusan|harmonisasi|"
                       r"finalisasi|draft\w*|under\s+(?:review|discussion)|being\s+(?:drafted|discussed|reviewed))\b",
                       re.IGNORECASE)
# a realisation that is a draft ("Draf", "Draft v2", "Rancangan", "Konsep"): the thing itself is not
# there yet, unless the cell says the draft was adopted
_DRAFT_REALISED = re.compile(r"^\W*(?:draf\w*|draft\w*|rancangan|konsep)\b", re.IGNORECASE)
_ADOPTED = re.compile(r"\b(?:telah|sudah|disahkan|ditetapkan|ditandatangani|approved|adopted|signed)\b",
                      re.IGNORECASE)
# a status placing the row outside the agreement reported on ("Di luar PKS", "Bukan bagian MoU", "Outside
# the MoU", "Not part of the agreement")
_OUTSIDE_AGREEMENT = re.compile(r"^\W*(?:di\s+luar|bukan\s+(?:bagian\s+(?:dari\s+)?)?|outside(?:\s+of)?|not\s+(?:a\s+)?part\s+of|"
                                r"not\s+covered\s+by)\s+(?:the\s+|this\s+|our\s+)?(?:pks|mou|perjanjian|kesepakatan|"
                                r"kerja\s*sama|agreement|memorandum|partnership)\b", re.IGNORECASE)
# a target or realisation cell led by its figure ("600", "min. 30%", "82 ha", "1.250 orang"); a ceiling
# ("maks. 10 hari", "at most 14 days") is met by less, so it gives no target to fall short of
_LEADING_FIGURE = re.compile(r"^\W*(?:(?:min(?:imal|imum)?|at\s+least|sedikitnya|paling\s+sedikit)\.?\s*)?"
                            r"(\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d+)?)\s*(%?)", re.IGNORECASE)
# the rest said not done anywhere in the row's status ("Lamoro only; the second intake not built", "sisa 3
# desa belum", "tidak dijadwalkan")
_REST_NOT_DONE = re.compile(r"\b(?:belum|tidak|not|never|only|hanya|sisanya|remaining|the\s+rest)\b", re.IGNORECASE)
# a realisation given only as a share ("40%", "40 %", "± 60%"), no quantity of things done
_PERCENT_ONLY = re.compile(r"^\W*\d{1,2}(?:[.,]\d+)?\s*%\W*$")


@dataclass(frozen=True)
class Cell:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class PipeTable:
    start: int
    end: int
    roles: tuple[str, ...]            # one per column; "" when the header names no role
    rows: tuple[tuple[Cell, ...], ...]  # data rows (header and separator rows left out)
    headers: tuple[str, ...] = ()     # the header cells' text, one per column


@dataclass(frozen=True)
class RowActivity:
    start: int
    end: int
    text: str
    cells: tuple[tuple[int, int], ...]  # spans of the cells the text was made of


def _cells(text: str, start: int, end: int) -> list[Cell]:
    line = text[start:end]
    body_start = len(line) - len(line.lstrip())
    body_end = len(line.rstrip())
    if line[body_start:body_start + 1] == "|":
        body_start += 1
    if body_end > body_start and line[body_end - 1] == "|":
        body_end -= 1
    out, cursor = [], body_start
    for part in line[body_start:body_end].split("|"):
        lead = len(part) - len(part.lstrip())
        s = start + cursor + lead
        e = s + len(part.strip())
        out.append(Cell(s, e, text[s:e]))
        cursor += len(part) + 1
    return out


def _is_row(cells: list[Cell]) -> bool:
    return sum(1 for c in cells if c.text) >= 2


def _is_separator(cells: list[Cell]) -> bool:
    return all(re.fullmatch(r":?-{2,}:?|", c.text) for c in cells)


def _role(header: str) -> str:
    low = " ".join(header.lower().split())
    for role, pattern in _ROLE_PATTERNS:
        if pattern.search(low):
            return role
    return ""


def _is_number(cell: str) -> bool:
    """A figure ("64", "2.784.000", "40 %"); a bare "%" or "#" heads a column, it is no figure."""
    return bool(re.fullmatch(r"[\d.,%\s]+", cell)) and any(ch.isdigit() for ch in cell)


def _is_header(cells: list[Cell]) -> bool:
    texts = [c.text for c in cells if c.text]
    return (all(not _is_number(t) and len(_WORD.findall(t)) <= 8 for t in texts)
            and any(_role(t) not in ("", "index") for t in texts))


def _wraps_on(text: str, prev_end: int, start: int, end: int) -> bool:
    """A line that closes a row the line above left open: the row above ends in no "|", this line
    starts with none and ends with one ("| 4 | Hand-over of pumps | 15 May | received by the\nvillage |")."""
    above = text[text.rfind("\n", 0, prev_end) + 1:prev_end].strip()
    line = text[start:end].strip()
    return (above.startswith("|") and not above.endswith("|") and line.endswith("|")
            and not line.startswith("|"))


def _wrapped_count(text: str, prev_end: int, start: int, end: int, row: list[Cell], rest: list[Cell]) -> int:
    """How many cells a row the line above left short and this line give together: the two lines' cells,
    less one when the break falls inside a cell (no "|" on either side of it)."""
    above = text[text.rfind("\n", 0, prev_end) + 1:prev_end].rstrip()
    line = text[start:end].lstrip()
    return len(row) + len(rest) - (0 if above.endswith("|") or line.startswith("|") else 1)


def _completes_row(text: str, run: list[list[Cell]], prev_end: int, start: int, end: int, cells: list[Cell]) -> bool:
    """A table written without outer bars ("1 | a | b") whose row wrapped: the row above has fewer cells
    than the header, and with this line it has as many (a line opening with the next row's number is a
    new row)."""
    if len(run) < 2 or not _is_header(run[0]):
        return False
    width, row = len(run[0]), run[-1]
    if len(row) >= width or _is_separator(row):
        return False
    if re.fullmatch(r"\d{1,3}\.?", cells[0].text) and re.fullmatch(r"\d{1,3}\.?", row[0].text):
        return False
    return _wrapped_count(text, prev_end, start, end, row, cells) == width


def _rest_of_row(text: str, prev_end: int, start: int, end: int, row: list[Cell], rest: list[Cell]) -> list[Cell]:
    above = text[text.rfind("\n", 0, prev_end) + 1:prev_end].rstrip()
    if above.endswith("|") or text[start:end].lstrip().startswith("|"):
        return [*row, *rest]
    return _joined(text, row, rest)


def _joined(text: str, row: list[Cell], rest: list[Cell]) -> list[Cell]:
    """The wrapped row's cells: the open last cell runs on into the first cell of the next line."""
    last = row[-1]
    head = Cell(last.start, rest[0].end, " ".join(text[last.start:rest[0].end].split()))
    return [*row[:-1], head, *rest[1:]]


def find_pipe_tables(text: str) -> list[PipeTable]:
    """Every run of two or more consecutive lines split by "|" into at least two filled cells whose
    first line is a header naming column roles ("Kegiatan", "Realisasi", "Status", …)."""
    tables: list[PipeTable] = []
    run: list[list[Cell]] = []
    run_span: list[int] = []
    offset = 0
    for line in text.splitlines(keepends=True) + [""]:
        start, offset = offset, offset + len(line)
        end = start + len(line.rstrip("\r\n"))
        cells = _cells(text, start, end) if "|" in line else []
        if cells and run and _wraps_on(text, run_span[1], start, end):
            run[-1] = _joined(text, run[-1], cells)      # the rest of a row the PDF text layer wrapped
            run_span[1] = end
            continue
        if cells and run and _completes_row(text, run, run_span[1], start, end, cells):
            run[-1] = _rest_of_row(text, run_span[1], start, end, run[-1], cells)
            run_span[1] = end
            continue
        if cells and (_is_row(cells) or _is_separator(cells)):
            if not run:
                run_span = [start, end]
            run.append(cells)
            run_span[1] = end
            continue
        if len(run) >= 2 and _is_header(run[0]):
            header = run[0]
            rows = tuple(tuple(r) for r in run[1:] if not _is_separator(r) and _is_row(r))
            if rows:
                tables.append(PipeTable(run_span[0], run_span[1], tuple(_role(c.text) for c in header), rows,
                                        tuple(c.text for c in header)))
        run = []
    return tables


def delimited_as_pipes(text: str) -> str:
    """`text` with the ";" or tab separators of a spreadsheet exported as text turned to "|" (same
    length, so offsets stay valid): the rows under a header line naming column roles
    ("No;Kegiatan;Target;Realisasi;Status") that hold as many separators as the header. A row a PDF
    text layer wrapped over lines is joined into one line (its line breaks become spaces): lines whose
    separators add up to the header's, and lines with none that go on the last cell (opening in lower
    case, or followed by another row). In a row short of separators, a colon between two words
    ("keliling:PT X", "8:Laporan") is one OCR misread."""
    chars = list(text)
    lines: list[tuple[int, int]] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        lines.append((offset, offset + len(line.rstrip("\r\n"))))
        offset += len(line)
    k = 0
    while k < len(lines):
        start, end = lines[k]
        sep = next((c for c in ";\t" if text.count(c, start, end) >= 2), None)
        header = [Cell(0, 0, part.strip()) for part in text[start:end].split(sep)] if sep else []
        if sep is None or "|" in text[start:end] or not _is_header(header):
            k += 1
            continue
        width = text.count(sep, start, end)
        rows = _delimited_rows(text, lines, k + 1, sep, width)
        if rows:
            for first, last, colons in [(k, k, False)] + rows:
                for a, b in lines[first:last + 1]:
                    for i in range(a, b):
                        if chars[i] == sep:
                            chars[i] = "|"
                    for m in _LOOSE_COLON.finditer(text, a, b) if colons else ():
                        chars[m.start()] = "|"
                for (_, b), (a, _) in zip(lines[first:last], lines[first + 1:last + 1]):
                    for i in range(b, a):
                        chars[i] = " "   # the wrapped row's line break
            k = rows[-1][1]
        k += 1
    return "".join(chars)


# a colon with a word right after it and no space on either side: OCR's reading of ";" in a row
_LOOSE_COLON = re.compile(r"(?<=\S):(?=[^\W\d_])")


def _delimited_rows(text: str, lines: list[tuple[int, int]], k: int, sep: str,
                    width: int) -> list[tuple[int, int, bool]]:
    """(first, last, colons read as separators) line index of every row from line `k` on, each giving
    `width` separators."""
    def count(j: int, colons: bool) -> int:
        if j >= len(lines):
            return -1
        a, b = lines[j]
        return text.count(sep, a, b) + (len(_LOOSE_COLON.findall(text, a, b)) if colons else 0)

    def filled(j: int) -> bool:
        return j < len(lines) and bool(text[slice(*lines[j])].strip())

    def row_end(k: int, colons: bool) -> int | None:
        total, j = count(k, colons), k
        while total < width and filled(j + 1) and 0 <= count(j + 1, colons) <= width - total:
            j += 1
            total += count(j, colons)
        return j if total == width else None

    rows: list[tuple[int, int, bool]] = []
    while filled(k) and count(k, False) > 0:
        j, colons = row_end(k, False), False
        if j is None:
            j, colons = row_end(k, True), True
        if j is None:
            break
        while filled(j + 1) and count(j + 1, False) == 0:
            following = text[slice(*lines[j + 1])].lstrip()
            if not (following[:1].islower() or (filled(j + 2) and count(j + 2, False) > 0)):
                break
            j += 1
        rows.append((k, j, colons))
        k = j + 1
    return rows


def _cell(row: tuple[Cell, ...], i: int) -> Cell | None:
    return row[i] if i < len(row) and row[i].text else None


def _strip_status(cell: str) -> str:
    """The cell's content after a leading status word ("Completed", "Terbit 28 Juli 2025" is kept)."""
    if re.match(r"^\W*(?:terbit|diterbitkan|issued|delivered|held)\b", cell, re.IGNORECASE):
        return cell.strip()
    while m := (_UNDER_WAY.match(cell) or _DONE.match(cell) or _IN_PROCESS.match(cell)):
        cell = cell[m.end():].strip(" ,.;:-–—()")
    return cell.strip()


def row_is_done(table: PipeTable, row: tuple[Cell, ...], not_done_text) -> bool:
    """Done or under way by its status / realisation cells; with neither column, by its own words
    (`not_done_text`: the sentence-level plan test)."""
    statuses = [c.text for i, role in enumerate(table.roles) if role == "status" and (c := _cell(row, i))]
    realised = [c.text for i, role in enumerate(table.roles) if role == "realised" and (c := _cell(row, i))]
    if not statuses and not realised:
        if "time" in table.roles and not any(
                c.text.strip(" -–—") for i, role in enumerate(table.roles) if role == "time" and (c := _cell(row, i))):
            return False   # a dated log's row with no date ("July | — | not aired | —"): nothing took place
        return not (not_done_text(" ".join(c.text for c in row)) or any(_NOT_DONE.match(c.text) for c in row))
    if any(_NOT_DONE.match(s) and not _UNDER_WAY.match(s) or _UNITS_NOT_DONE.match(s) for s in statuses + realised):
        return False
    if any(_OUTSIDE_AGREEMENT.match(s) for s in statuses):
        return False   # "Di luar PKS", "Outside the MoU": listed for information, not work under the agreement
    if any(_ZERO.match(r) for r in realised):
        return False
    if _short_of_target(table, row) and any(_REST_NOT_DONE.search(s) for s in statuses + realised):
        return False   # "600 | 310 | the second village not connected": part done, the rest said not done
    if any(_DRAFT_REALISED.match(r) and not _ADOPTED.search(r) for r in realised):
        return False
    if any(_IN_PROCESS.match(s) for s in statuses) and not realised:
        return False
    if any(_DRAFTING.match(s) for s in statuses) and all(_PERCENT_ONLY.match(r) for r in realised):
        return False   # "40% | masih dalam pembahasan": a draft part-way, the thing itself is not there yet
    if not realised and not any(_DONE.match(s) or _UNDER_WAY.match(s) for s in statuses):
        # a remarks column alone says nothing unless its words do
        return not not_done_text(" ".join(c.text for c in row))
    return True


def _figure(cell: str) -> tuple[float, bool] | None:
    """(the figure a cell opens with, whether it is a percentage)."""
    m = _LEADING_FIGURE.match(cell)
    if not m:
        return None
    digits = m.group(1)
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", digits):
        return float(re.sub(r"[.,]", "", digits)), bool(m.group(2))
    return float(digits.replace(",", ".")), bool(m.group(2))


def _short_of_target(table: PipeTable, row: tuple[Cell, ...]) -> bool:
    """The row's realised figure is below its target figure (both counts, or both percentages)."""
    cells = {role: c.text for i, role in enumerate(table.roles) if role in ("target", "realised")
             and (c := _cell(row, i))}
    target, realised = (_figure(cells.get(k, "")) for k in ("target", "realised"))
    return bool(target and realised and target[1] == realised[1] and realised[0] < 0.9 * target[0])


def _status_says_done(table: PipeTable, row: tuple[Cell, ...]) -> bool:
    return any((_DONE.match(c.text) or _UNDER_WAY.match(c.text)) and not _NOT_DONE.match(c.text)
               for i, role in enumerate(table.roles) if role == "status" and (c := _cell(row, i)))


def is_plan_table(table: PipeTable) -> bool:
    """A list of follow-ups or planned actions: a person in charge / deadline / follow-up / "Rencana
    Aksi" column and no status or realisation column."""
    return bool({"plan", "planned"} & set(table.roles)) and not ({"status", "realised"} & set(table.roles))


def table_activities(text: str, table: PipeTable, not_done_text) -> list[RowActivity]:
    """One statement per done row: the activity, then what was realised, then remarks and the other
    columns (time, place, participants); the row number, targets and legal basis are left out."""
    if is_plan_table(table):
        return []
    roles = table.roles
    activity_col = next((i for i, r in enumerate(roles) if r == "activity"), None)
    if activity_col is None:
        activity_col = next((i for i, r in enumerate(roles) if r == ""), None)
    # "Rencana Aksi | Pagu | Realisasi | Keterangan": what was planned, and beside it what was
    # realised; with only a remarks column, a row counts only when its status says done / under way
    planned_only = False
    if activity_col is None and "planned" in roles:
        activity_col = roles.index("planned")
        planned_only = "realised" not in roles
    if activity_col is None:
        return []
    # a log with no activity column ("Month | Air date | Topic | Guest") under a caption line
    # ('1. "Weekly Dialogue" talk show'): each row is an instance of what the caption names
    caption = table_caption(text, table.start) if not {"activity", "planned"} & set(roles) else None
    out: list[RowActivity] = []
    for row in table.rows:
        act = _cell(row, activity_col)
        if act is None or not row_is_done(table, row, not_done_text):
            continue
        if planned_only and not _status_says_done(table, row):
            continue
        # a log of measures ("Bulan | Jam listrik menyala per hari | Catatan"): the column taken for
        # the activity holds a figure, which says nothing without its header, so each cell is read
        # with its header ("Jam listrik menyala per hari: 24")
        measures = _is_number(act.text) or _is_clock_time(act.text)
        parts: list[str] = [_with_header(table, activity_col, act.text.rstrip(" .;"), measures)]
        spans: list[tuple[int, int]] = [(act.start, act.end)]
        for i, role in enumerate(roles):
            cell = _cell(row, i)
            if i == activity_col or cell is None or role in ("index", "target", "basis", "plan"):
                continue
            content = _strip_status(cell.text) if role == "status" else cell.text.strip()
            if not any(ch.isalnum() for ch in content) or content.lower() == act.text.lower():
                continue
            parts.append(_with_header(table, i, content.rstrip(" .;"), measures))
            spans.append((cell.start, cell.end))
        body = parts[0] + (" — " + "; ".join(parts[1:]) if len(parts) > 1 else "")
        body = f"{caption}: {body}" if caption else body
        out.append(RowActivity(min(s for s, _ in spans), max(e for _, e in spans), body, tuple(spans)))
    return out


def _is_clock_time(cell: str) -> bool:
    return bool(re.fullmatch(r"\s*\d{1,2}[.:]\d{2}\s*", cell))


def _with_header(table: PipeTable, i: int, content: str, measures: bool) -> str:
    header = table.headers[i].strip(" :") if measures and i < len(table.headers) else ""
    return f"{header}: {content}" if header and not content.lower().startswith(header.lower()) else content


_CAPTION_NUMBER = re.compile(r"^\s*(?:\d{1,2}[.)]|[A-Za-z][.)]|[IVX]{1,4}[.)])?\s*")


def table_caption(text: str, table_start: int) -> str | None:
    """The short line right above a table (its numbered heading), without the number."""
    before = text[:table_start].rstrip("\r\n ")
    line = before[before.rfind("\n") + 1:].strip()
    if not line or "|" in line or line[-1:] in ".!?;" or len(_WORD.findall(line)) > 10:
        return None
    return _CAPTION_NUMBER.sub("", line, count=1).rstrip(" :") or None


# a note under a table saying a limit or target was not met ("Keterangan: batas 10 hari kerja tidak
# terpenuhi pada kedua tahap", "Note: the 30-day limit was missed"): the rows giving that measure
# report the work done late or short, no evidence of what was promised
_NOTE_LINE = re.compile(r"^[ \t]*(?:keterangan|ket\.|catatan|note|notes|remarks?)[ \t]*:[ \t]*(.+)$",
                        re.IGNORECASE | re.MULTILINE)
_NOT_MET = re.compile(r"\b(?:(?:tidak|belum)\s+(?:terpenuhi|dipenuhi|tercapai|memenuhi)|not\s+(?:been\s+)?"
                      r"(?:met|achieved|reached|kept)|missed|exceeded|terlampaui|dilampaui)\b", re.IGNORECASE)
_MEASURE = re.compile(r"\b\d+(?:[.,]\d+)?(?:\s*-\s*|\s+)((?:[^\W\d_]+)(?:\s+[^\W\d_]+)?)", re.UNICODE)
_MEASURE_STOP = frozenset(["tidak", "belum", "not", "pada", "was", "were", "has", "is", "di", "in", "on"])


def missed_measure(text: str, table_end: int) -> str | None:
    """The measure of a missed limit in the note right under a table ("hari kerja" of "batas 10 hari
    kerja tidak terpenuhi"), lower-cased; None when there is no such note."""
    after = text[table_end:table_end + 600]
    lines = [ln for ln in after.splitlines() if ln.strip()][:2]
    for line in lines:
        m = _NOTE_LINE.match(line)
        if not m or not _NOT_MET.search(m.group(1)):
            continue
        unit = _MEASURE.search(m.group(1))
        if unit:
            words = [w for w in unit.group(1).lower().split() if w not in _MEASURE_STOP]
            return " ".join(words[:2]) or None
    return None


def blank_tables(text: str, tables: list[PipeTable]) -> str:
    """`text` with the tables' lines turned to spaces (newlines kept), so offsets stay valid and
    the sentence reader does not read table rows again."""
    chars = list(text)
    for t in tables:
        for k in range(t.start, t.end):
            if chars[k] not in "\r\n":
                chars[k] = " "
    return "".join(chars)
