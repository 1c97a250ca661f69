"""Officials, signing date and commitments: failure classes met on the ninth blind set
(tests/holdout_blind9), each fixed by a general rule. Every text here is invented for the test; each
test has a trap where the rule must not fire."""
from __future__ import annotations

import pytest

from extractor.nlp.pipeline import get_pipeline


@pytest.fixture(scope="module")
def nlp_id():
    return get_pipeline("id")


@pytest.fixture(scope="module")
def nlp_en():
    return get_pipeline("en")


def officials(nlp, text: str) -> dict:
    return {o.name: o for o in nlp(text)._.janji_officials}


# -- officials: name forms -------------------------------------------------------------------------

def test_german_compound_degrees_and_philippine_titles_are_no_part_of_the_name(nlp_en):
    text = ("For the City of Eastbrook | For Nordlicht Stiftung für Bildung\n\n(signed) | (signed)\n\n"
            "Drs. PETER HALIM, M.Si. | Dipl.-Ing. ANNELIESE BRÄUNIG\n"
            "Head of the Education Office | Managing Director\n\n"
            "The annex was signed by Dr. rer. pol. Jonas Kühlmann, Director of the Nordlicht Academy, in Bremen. "
            "Provincial Administrator Atty. Ramon T. Bautista and Engr. Paolo de la Cruz, Head of the Port "
            "Office, attended. Governor Ma. Luisa delos Reyes-Tan signed for her province.\n")
    got = officials(nlp_en, text)
    assert got["Anneliese Bräunig"].honorifics == ("Dipl.-Ing.",)
    assert got["Anneliese Bräunig"].position == "Managing Director"
    assert got["Jonas Kühlmann"].honorifics == ("Dr. rer. pol.",)
    assert got["Ramon T. Bautista"].honorifics == ("Atty.",)
    assert got["Ramon T. Bautista"].position == "Provincial Administrator"
    assert got["Paolo de la Cruz"].position == "Head of the Port Office"
    assert got["Ma. Luisa delos Reyes-Tan"].position == "Governor"
    # trap: a name ending in a particle keeps no dangling particle, a degree after a name stays a degree
    trap = officials(nlp_en, "The report was presented by Dr. Sinta Wulandari, MA. Director of the Lake Institute, "
                             "on Monday.\n")
    assert all("MA" not in name.split() for name in trap)
