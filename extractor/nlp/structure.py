"""Document structure for commitment finding: sections ("Pasal 3 RUANG LINGKUP", "ARTICLE II
SCOPE OF COOPERATION"), paragraphs and enumerated items with their nesting ("a." > "1)").

Works on born-digital text (indented, blank lines) as well as PDF/OCR text where indentation and
blank lines are lost and lines wrap: an item continues until the next enumerator, heading or
blank line, or until a line ending in "." / ";" is followed by a capitalised non-item line.
Nesting comes from the enumerator style: a new style opens a child list, a style already open
closes the lists below it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractor.nlp.segmenter import CHAT_HEADER, WORD_NUMBER

# (OCR reads the "1" of "Pasal 1" as a bar: "Pasal |")
HEADING = re.compile(
    # ("§ 4", "§4": the section sign numbers an article too)
    # ("Pasal 3A": an article inserted after Pasal 3)
    r"[ \t]*(?P<word>pasal|article|artikel|bab|bagian|butir|chapter|clause|klausul|section|§)(?:(?<=§)[ \t]*|\s+)(?P<num>(?:\d{1,3}(?-i:[A-Z])?|[IVXLC]{1,6}|"
    rf"{WORD_NUMBER})\b|"
    # "Bagian A. Tujuan", "BAGIAN C — KEWAJIBAN": parts lettered A, B, C
    r"(?:(?<=bagian\s)|(?<=section\s))(?-i:[A-H])(?=[ \t]*[.:–—-])|"
    r"\|(?=[ \t]*$))"
    r"[ \t]*(?:[-–—:.][ \t]*)?(?P<rest>[^\n]*)", re.IGNORECASE)
ENUM = re.compile(
    r"[ \t]*(?P<marker>\((?:\d{1,2}|[a-zA-Z]|[ivx]{1,4})\)|(?:\d{1,2}|[a-zA-Z]|(?:ii|iii|iv|vi|vii|viii|ix|xi|xii))\)|\d{1,2}\.\d{1,2}\.?(?!\d)|"
    r"\d{1,2}\.(?!\d)|[a-z]\.(?![a-zA-Z]\.)|(?:ii|iii|iv|vi|vii|viii|ix|xi|xii)\.(?![a-zA-Z]\.)|[•●▪·*\-–]|[.,](?=[ \t]+[A-Za-z])|"
    # coded items ("F-1", "C-12") and items numbered under a roman or lettered section ("III.2", "C.1")
    r"[A-Z]{1,2}-\d{1,2}|(?-i:[A-H])\d{1,2}(?=[ \t]+[A-Za-z])|(?:[IVX]{1,4}|[A-H])\.\d{1,2}\.?(?!\d)|"
    # items numbered under a lettered item: "a.1", "b.2" under "a. BALAI berkewajiban:"
    r"[a-h]\.\d{1,2}\.?(?!\d))[ \t]+(?=\S)")
SIGNATURE_CUT = re.compile(
    r"(?m)^[ \t]*(?:in\s+witness\s+whereof|demikian\b|pihak\s+pertama\s*,?\s{3,}pihak\s+kedua|for\s+and\s+on\s+behalf|"
    r"for\s+the\s+government|\(\s*(?:ttd|signed)\b|ditandatangani\s+di\b|witnessed\s+by)", re.IGNORECASE)


def enum_style(marker: str) -> str:
    m = marker.strip()
    if m in (".", ","):
        return "1."           # OCR often drops the number of "1." and keeps the dot
    if m in "•●▪·*-–":
        return "bullet"
    if re.fullmatch(r"\(\d+\)", m):
        return "(1)"
    if re.fullmatch(r"\d+\)", m):
        return "1)"
    if re.fullmatch(r"\d+\.\d+\.?", m):
        return "1.1"
    if re.fullmatch(r"[a-h]\.\d+\.?", m):
        return "a.1"
    if re.fullmatch(r"\d+\.", m):
        return "1."
    if re.fullmatch(r"\([a-zA-Z]+\)", m):
        return "(a)"
    if re.fullmatch(r"[a-zA-Z]\)|[ivx]{2,4}\)", m):
        return "a)"           # "ii)", "iv)": roman items one list level with "i)"
    return "a."            # "a." and lower-case roman "i.", "ii.", "iv.": one list level


@dataclass
class Block:
    start: int                 # first character of the block (marker included)
    end: int                   # end of its last line (exclusive), children excluded
    body_start: int            # first character after the marker
    marker: str | None = None
    style: str | None = None
    parent: int | None = None  # index of the parent block in Structure.blocks
    section: int | None = None
    children: list[int] = field(default_factory=list)


@dataclass
class Section:
    start: int
    end: int
    title: str                 # heading words after the number, e.g. "RUANG LINGKUP"
    body_start: int


@dataclass
class Structure:
    text: str
    sections: list[Section]
    blocks: list[Block]
    body_end: int              # where the signature block begins (or len(text))

    def body(self, b: Block) -> str:
        return self.text[b.body_start:b.end]


def _lines(text: str):
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


def _is_title_line(line: str) -> bool:
    s = line.strip()
    if not s or len(s) > 90 or ENUM.match(line) or HEADING.match(line):
        return False
    if s[-1] in ".;,":
        return False
    letters = [c for c in s if c.isalpha()]
    if not letters:
        return False
    caps = sum(c.isupper() for c in letters) / len(letters)
    words = s.split()
    return caps > 0.9 or (len(words) <= 8 and all(w[:1].isupper() or w.lower() in _SMALL for w in words))


_SMALL = {"of", "and", "the", "on", "in", "for", "dan", "atau", "serta", "to", "with", "into"}


def parse(text: str, *, caps_headings: bool = False) -> Structure:
    """`caps_headings`: also read "I. RUANG LINGKUP" lines as section headings (agreements that
    number their articles without the word Pasal/Article); off for releases, whose lists may be
    written in capitals."""
    sections: list[Section] = []
    blocks: list[Block] = []
    cut = SIGNATURE_CUT.search(text)
    # the signature block only counts after the last section heading begins
    heads = [m for m in re.finditer(r"(?m)^" + HEADING.pattern, text, re.IGNORECASE) if _heading_rest(m)]
    titled: set[int] = set()
    if caps_headings:
        ordinal = _ordinal_headings(text)
        heads += ordinal
        if not heads:
            titled = _numbered_title_headings(text) or _plain_caps_headings(text)
        heads += [m for m in re.finditer(r"(?m)^" + _CAPS_HEADING.pattern, text)
                  if _numbered_caps_heading(m.group(0)) or m.start() in titled]
        heads += [m for m in re.finditer(r"(?m)^" + _TITLE_HEADING.pattern, text) if m.start() in titled]
        heads += [m for m in re.finditer(r"(?m)^" + _PLAIN_CAPS.pattern, text) if m.start() in titled]
        heads.sort(key=lambda m: m.start())
    ordinal_starts = {m.start() for m in ordinal} if caps_headings else set()
    body_end = len(text)
    if heads:
        cut2 = SIGNATURE_CUT.search(text, heads[-1].end())
        body_end = cut2.start() if cut2 else len(text)
    elif cut and cut.start() > len(text) // 2:
        body_end = cut.start()

    stack: list[int] = []          # open list items, innermost last
    current: int | None = None     # block being extended by continuation lines
    held: int | None = None        # the block before the last blank line
    last_para: int | None = None   # last paragraph block: the intro of a list that follows it
    prev_line = ""
    prev_blank = True
    expect_title = False
    for pos, line in _lines(text):
        if pos >= body_end:
            break
        stripped = line.strip()
        if not stripped:
            prev_blank = True
            if current is not None:
                held = current         # a page break may cut a sentence: see below
            current = None
            continue
        first = pos + len(line) - len(line.lstrip())
        line_end = pos + len(line.rstrip())
        chat = CHAT_HEADER.match(line)
        if chat:   # a chat message: a paragraph of its own, after its "[date time] Sender:" header
            blocks.append(Block(first, line_end, pos + chat.end(), None, None, None,
                                len(sections) - 1 if sections else None))
            current = last_para = len(blocks) - 1
            stack = []
            prev_line, prev_blank = line, False
            continue
        h = HEADING.match(line) or (_numbered_caps_heading(line) if caps_headings else None) or (
            _ORDINAL_HEADING.match(line) if caps_headings and pos in ordinal_starts else None) or (
            (_TITLE_HEADING.match(line) or _PLAIN_CAPS.match(line)) if pos in titled else None)
        if h and not _heading_rest(h):
            h = None
        if h and (prev_blank or not prev_line or _ends_clause(prev_line) or _is_title_line(prev_line)):
            if sections:
                sections[-1].end = first
            rest = h["rest"].strip()
            sections.append(Section(first, body_end, rest, line_end))
            expect_title = not rest
            stack, current, last_para = [], None, None
            prev_line, prev_blank = line, False
            continue
        if expect_title and _is_title_line(line):
            sections[-1].title = stripped
            sections[-1].body_start = line_end
            expect_title = False
            prev_line, prev_blank = line, False
            continue
        expect_title = False
        sec = len(sections) - 1 if sections else None
        e = ENUM.match(line)
        ocr = None if e else _ocr_marker(line, [blocks[i] for i in stack])
        if e or ocr:
            style = enum_style(e["marker"]) if e else enum_style(ocr[0])
            open_styles = [blocks[i].style for i in stack]
            if e and style not in open_styles:     # "2)" where "(2)" is due: the same list, misread
                fit = _ocr_marker(line, [blocks[i] for i in stack])
                style = enum_style(fit[0]) if fit else style
            if style in open_styles:
                stack = stack[:open_styles.index(style)]
            if stack:
                parent: int | None = stack[-1]
            elif last_para is not None and _ends_intro(text[blocks[last_para].start:blocks[last_para].end]):
                parent = last_para
            else:
                parent = None
            marker, body = (e["marker"].strip(), pos + e.end()) if e else (ocr[0], pos + ocr[1])
            blocks.append(Block(first, line_end, body, marker, style, parent, sec))
            idx = len(blocks) - 1
            if parent is not None:
                blocks[parent].children.append(idx)
            stack.append(idx)
            current = idx
        elif stripped[:1].islower() and _ends_intro(prev_line) and (lost := _lost_first_marker(text, line_end)):
            # OCR dropped the first marker of a list ("a." of "intro:\n[a.] item\nb. item")
            parent = stack[-1] if stack else (
                last_para if last_para is not None and _ends_intro(text[blocks[last_para].start:blocks[last_para].end])
                else None)
            blocks.append(Block(first, line_end, first, lost, enum_style(lost), parent, sec))
            idx = len(blocks) - 1
            if parent is not None:
                blocks[parent].children.append(idx)
            stack.append(idx)
            current = idx
        elif (prev_blank and held is not None and stripped[:1].islower() and not _ends_clause(prev_line)
              and not _is_title_line(line)):
            blocks[held].end = line_end    # the sentence goes on after a blank line (page break)
            current = held
        elif (current is not None and not prev_blank
              # (a line opening with a bracketed tag, "[CARD X-1] ...", "[00:02:05] ...", after a finished clause
              # starts anew like a capital does)
              and not (_ends_clause(prev_line) and (stripped[:1].isupper() or stripped[:1] == "["))
              and not _is_title_line(line)):
            blocks[current].end = line_end
        else:
            blocks.append(Block(first, line_end, first, None, None, None, sec))
            current = last_para = len(blocks) - 1
            stack = []
        prev_line, prev_blank = line, False
    return Structure(text, sections, blocks, body_end)


def _heading_rest(h: re.Match) -> bool:
    """"Section 4 from a grant of ..." opening a wrapped line is a cross-reference, not a heading:
    after "Section N" a title (capitalised, no final stop) or nothing must follow."""
    if "word" not in h.groupdict() or h["word"].lower() != "section":
        return True
    rest = h["rest"].strip()
    return not rest or (rest[:1].isupper() and rest[-1:] not in ".;,")


# what OCR makes of a list marker: "Cc." / "c," for "c.", "(2" / "2)" for "(2)", "e." for "c."
_OCR_ENUM = re.compile(r"[ \t]*(?P<marker>\(?[A-Za-z]{1,2}[.,)]|\(\d{1,2}\)?|\d{1,2}[.,)])[ \t]+(?=\S)")
_OCR_LETTER = {"e": "c", "o": "c"}


def _successor(marker: str) -> str | None:
    m = re.fullmatch(r"(\(?)([a-z]|\d{1,2})([.)])", marker.strip())
    if not m:
        return None
    value = m.group(2)
    nxt = str(int(value) + 1) if value.isdigit() else (chr(ord(value) + 1) if value < "z" else None)
    return f"{m.group(1)}{nxt}{m.group(3)}" if nxt else None


def _ocr_marker(line: str, open_items: list[Block]) -> tuple[str, int] | None:
    """(the expected marker, end of the misread one) when the line opens with an OCR misreading
    of the next marker of an open list; else None."""
    m = _OCR_ENUM.match(line)
    if not m:
        return None
    raw = m["marker"]
    letters = {_OCR_LETTER.get(c, c) for c in raw.lower() if c.isalpha()}
    digits = "".join(c for c in raw if c.isdigit())
    for item in reversed(open_items):
        want = _successor(item.marker or "")
        if want is None:
            continue
        value = want.strip("().")
        if (value.isdigit() and digits == value and not letters) or (value.isalpha() and letters == {value}
                                                                      and not digits):
            return want, m.end()
    return None


def _lost_first_marker(text: str, pos: int) -> str | None:
    """The first marker of a list whose next line opens with its second ("b.", "2)", "(2)")."""
    nl = text.find("\n", pos)
    while nl != -1:
        end = text.find("\n", nl + 1)
        line = text[nl + 1:end if end != -1 else len(text)]
        if line.strip():
            m = ENUM.match(line)
            if not m:
                return None
            second = m["marker"].strip()
            first = re.fullmatch(r"(\(?)(b|2)([.)])", second)
            return f"{first.group(1)}{'a' if first.group(2) == 'b' else '1'}{first.group(3)}" if first else None
        nl = end
    return None


_CAPS_HEADING = re.compile(r"[ \t]*(?P<num>\d{1,2}|[IVX]{1,5})\.[ \t]+(?P<rest>[A-Z][A-Z ,/&-]{2,60})[ \t]*$")


def _numbered_caps_heading(line: str) -> re.Match | None:
    """"I. RUANG LINGKUP", "3. FINANCIAL ARRANGEMENTS": a numbered heading in capitals."""
    m = _CAPS_HEADING.match(line)
    return m if m and len(m["rest"].split()) <= 8 else None


_TITLE_HEADING = re.compile(r"[ \t]*(?P<num>\d{1,2})\.[ \t]+(?P<rest>[A-Z][^\n]*?)[ \t]*$")
_NUMBERED_LINE = re.compile(r"(?m)^[ \t]*(\d{1,2})\.[ \t]+(\S[^\n]*?)[ \t]*$")


def _numbered_title_headings(text: str) -> set[int]:
    """Line starts of "1. Purpose", "2. Fields of cooperation", ...: an agreement without Pasal/Article
    headings whose every "N." line is a short title (capitalised, no final stop), numbered 1, 2, 3, ...
    with at least one followed by a paragraph: its sections. A list of short items ("1. Pendidikan" under
    "meliputi:", or each item followed only by its sub-items) is not."""
    found = list(_NUMBERED_LINE.finditer(text))
    if len(found) < 3 or [int(m.group(1)) for m in found] != list(range(1, len(found) + 1)):
        return set()
    if any(len(m.group(2).split()) > 6 or not m.group(2)[:1].isupper() or m.group(2)[-1] in ".;:,"
           for m in found):
        return set()
    before = text[:found[0].start()].rstrip()
    if before.endswith(":"):
        return set()
    after = [next((ln for ln in text[m.end():].split("\n") if ln.strip()), "") for m in found]
    if any(nxt.lstrip()[:1].islower() for nxt in after):
        return set()   # "4. Pump stations\nthe City shall ...": the item's sentence goes on, no title
    paragraph = any(nxt and not ENUM.match(nxt) and not _NUMBERED_LINE.match(nxt) for nxt in after)
    return {m.start() for m in found} if paragraph else set()


# "BIDANG KERJA SAMA", "PEMKAB MENYANGGUPI": a short line in capitals, no number, no closing stop
_PLAIN_CAPS = re.compile(r"[ \t]*(?P<rest>[A-Z][A-Z ,/&-]{2,60}?)[ \t]*$")


_ORDINAL_LABEL = re.compile(r"(?:KE(?:SATU|DUA|TIGA|EMPAT|LIMA|ENAM|TUJUH|DELAPAN|SEMBILAN|SEPULUH|SEBELAS)|PERTAMA)"
                            r"(?: BELAS)?")


# "KESATU" alone on its line above the clause it numbers ("KESATU\nPT X mengoperasikan ...")
_ORDINAL_HEADING = re.compile(rf"[ \t]*(?P<num>{_ORDINAL_LABEL.pattern})(?P<rest>)[ \t]*$")


def _ordinal_headings(text: str) -> list[re.Match]:
    """An agreement whose articles are numbered by ordinal words on lines of their own ("KESATU", "KEDUA",
    ...), each followed by its sentence: those lines are its section headings (two at least)."""
    found = []
    for m in re.finditer(r"(?m)^" + _ORDINAL_HEADING.pattern, text):
        nxt = next((ln for ln in text[m.end():].split("\n") if ln.strip()), "").strip()
        if nxt[:1].isupper() and any(c.islower() for c in nxt):
            found.append(m)
    return found if len(found) >= 2 else []


def _plain_caps_headings(text: str) -> set[int]:
    """Line starts of the unnumbered headings in capitals of an agreement without Pasal/Article or numbered
    headings: a short capitals line after a blank line whose next line is a list item or a sentence (not
    another capitals line of the title block); two such headings at least."""
    lines = list(_lines(text))
    found: set[int] = set()
    for k, (pos, line) in enumerate(lines):
        m = _PLAIN_CAPS.match(line)
        if not m or len(m["rest"].split()) > 6 or _ORDINAL_LABEL.fullmatch(m["rest"]):
            continue      # ("KESATU", "KEDUA": a decree's ordinal labels, read with their clause)
        nxt = next((ln for _, ln in lines[k + 1:] if ln.strip()), "")
        above = lines[k - 1][1] if k else ""
        # (a PDF's text layer loses the blank line above: then the line above ends a clause, a list follows)
        if above.strip() and not (_ends_clause(above) and ENUM.match(nxt)):
            continue
        if ENUM.match(nxt) or (nxt.strip()[:1].isupper() and any(c.islower() for c in nxt)):
            if k + 1 < len(lines) and lines[k + 1][1].strip():   # the heading's content right under it
                found.add(pos)
    return found if len(found) >= 2 else set()


def _ends_clause(line: str) -> bool:
    return bool(re.search(r"[.;:!?\"”]\s*$", line))


def _ends_intro(block_text: str) -> bool:
    return block_text.rstrip().endswith(":")
