"""Organisation names written as a list of affairs: "Dinas Pengendalian Penduduk, Keluarga Berencana,
Pemberdayaan Perempuan dan Perlindungan Anak (DP2KBP3A)", "Dinas Komunikasi, Informatika dan
Statistik Kabupaten X". Indonesian agencies that merge several affairs name them in one comma list
closed by "dan"/"serta"; a comma after an organisation otherwise ends its name."""
from __future__ import annotations

from extractor.nlp.lexicon import Tok, fold, joined, lexicon

LIST_AND = ("dan", "serta", "&")


def _list_word(tok: Tok) -> bool:
    lx = lexicon()
    low = fold(tok.text)
    return tok.is_word and tok.cap and low not in lx.degree_prefix and low not in lx.position_first \
        and low not in lx.head_first and low not in lx.title_stop


def _abstract(word: str) -> bool:
    lx = lexicon()
    low = fold(word)
    return low in lx.institution or low in lx.not_name or any(p.match(low) for p in lx.not_name_shapes)


def affairs_list_follows(text: str, toks: list[Tok], j: int, places: set[str]) -> bool:
    """Does the comma at token j go on with more affairs of the same name ("A, B dan C")? Every item is
    capitalised words on the same line (no honorific, position or organisation head: those start a
    person or another body), the last comes after "dan"/"serta", and the list is a name: an abstract
    noun ("Pemberdayaan", "Persandian") among its words, or a parenthesised short form after it."""
    n = len(toks)
    k = j
    words: list[str] = []
    closed = False
    while k < n and k - j < 24:
        sep = fold(toks[k].text)
        if sep not in (",",) + LIST_AND or k + 1 >= n or not joined(text, toks[k - 1].end, toks[k].start):
            break
        item = k + 1
        while item < n and _list_word(toks[item]) and joined(text, toks[item - 1].end, toks[item].start) \
                and item - k <= 4:
            words.append(toks[item].text)
            item += 1
        if item == k + 1:
            return False
        k = item
        if sep in LIST_AND:
            closed = True
            break
    if not closed:
        return False
    parens = k < n and toks[k].text == "(" and joined(text, toks[k - 1].end, toks[k].start)
    return parens or any(_abstract(w) for w in words)
