"""Glossary words of session 10 (fire brigades' equipment and patrols), on invented text."""
from extractor.matching_text import analyze


def test_fire_equipment_and_patrols_translate():
    terms = analyze("Yayasan menyerahkan tiga pompa pemadam, 30 gulung selang dan alat pelindung diri bagi regu desa.")
    assert {"pump", "fire", "hose", "protect", "team"} <= set(terms)
    assert "protect" in analyze("personal protective equipment for every village team")
    assert "patrol" in analyze("Anggota regu ikut patroli bersama polisi kehutanan.")
    # trap: "lengkap dengan baterai" (complete with batteries) is no equipment
    assert "equip" not in analyze("panel surya lengkap dengan baterai")
