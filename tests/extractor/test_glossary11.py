"""Glossary words of session 11 (general coverage from general Indonesian text: health, disasters,
infrastructure, livestock, social affairs, media, transport, and loanwords the spelling rules miss),
on invented text."""
from extractor.matching_text import analyze


def shared(indonesian: str, english: str) -> set[str]:
    return set(analyze(indonesian)) & set(analyze(english))


def terms(*english_words: str) -> set[str]:
    return {t for w in english_words for t in analyze(w, "en")}


def test_health_and_disaster_words_cross_languages():
    common = shared("Petugas membasmi jentik nyamuk untuk mencegah demam berdarah di lokasi pengungsian korban gempa.",
                    "Staff destroyed mosquito larvae to prevent dengue in a refugee camp for victims of the earthquake.")
    assert terms("mosquito", "larvae", "dengue", "victims", "refugee", "earthquake") <= common


def test_works_and_materials_cross_languages():
    common = shared("Dinas membangun dermaga beton, memasang pipa dan kabel, serta memperbaiki trotoar dan gorong-gorong.",
                    "The office built a concrete pier, laid a water pipe and cables, and repaired the sidewalk and culverts.")
    assert terms("concrete", "pier", "pipe", "cables", "sidewalk", "culverts") <= common


def test_livestock_social_and_media_words_cross_languages():
    common = shared("Bantuan susu, telur dan daging sapi diserahkan ke panti asuhan; wartawan meliput acara itu.",
                    "Milk, eggs and beef cattle were handed to the orphanage; a journalist covered the event.")
    assert terms("milk", "eggs", "cattle", "orphanage", "journalist") <= common


def test_transport_and_loanword_spellings_cross_languages():
    common = shared("Dewan meninjau stasiun kereta api, bandar udara dan konstruksi drainase; transaksi tiket dicatat.",
                    "The council reviewed the railway station, the airport and the drainage construction; ticket transactions were logged.")
    assert terms("council", "railway", "station", "airport", "drainage", "construction", "transactions") <= common


def test_different_concepts_share_no_term():
    # an aircraft is no plan ("plane" would stem to "plan", the word of "rencana")
    assert not shared("Pesawat mendarat di bandara.", "the work plan of the office")
    # packaging ("pengemasan" stems to "emas", gold) is no gold
    assert not terms("gold") & set(analyze("pelatihan pengemasan produk UMKM"))
    # a news item is nothing new ("news" would stem to "new")
    assert not terms("new") & set(analyze("wartawan menulis berita tentang pasar"))
