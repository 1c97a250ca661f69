"""The party block of an agreement's title ("BETWEEN\nA\nrepresented by its X Office (Dinas X)\nAND\nB"): where
a connector may not separate two parties."""
from __future__ import annotations

import re

# a line saying who acts for the party named above it: "represented by the X Office (Dinas X)",
# "diwakili oleh Dinas X", "acting through its ...", "c.q. Dinas X"
REPRESENTED_LINE = re.compile(r"^[ \t]*(?:(?:in\s+this\s+matter\s+|dalam\s+hal\s+ini\s+)?(?:represented\s+by|diwakili\s+oleh)"
                              r"|acting\s+(?:through|by)|c\.?\s?q\.?(?=\s))[^\n]*", re.IGNORECASE | re.MULTILINE)
BRACKETED = re.compile(r"\([^()\n]*\)")


CONNECTOR = re.compile(r"\b(?:dan|dengan|and)\b", re.IGNORECASE)


def separators_masked(head: str) -> str:
    """`head` with the same length, in which the connectors of a line naming who represents the party
    above and those inside brackets (the other language's name or a short form: "(Dinas Pertanian dan
    Perkebunan)") are blanked: their "dan" / "and" never separates the title's parties, so the office
    that represents a party is no party of its own either."""
    def blank(m: re.Match) -> str:
        return CONNECTOR.sub(lambda c: "_" * len(c.group()), m.group())
    return BRACKETED.sub(blank, REPRESENTED_LINE.sub(blank, head))
