"""Cross-language vocabulary of public-sector agreements (session 6, blind set 6 misses), on invented
text: Indonesian report rows about tourism, health, land and assets, public finance and waste meet
the English words agreements use; Sastrawi's "-lah" root slip; talks still going on are not done."""
from __future__ import annotations

from extractor.activities import extract_activities, is_not_done
from extractor.matching import match_report
from extractor.matching_scores import match_terms
from extractor.matching_text import match_key, stem_id
from extractor.matching_types import AgreementRef, CommitmentRef, MatchConfig, PartyRef, StatementRef
from extractor.types import DocumentText, PageSpan


def doc(text: str) -> DocumentText:
    return DocumentText(text=text, pages=(PageSpan(1, 0, len(text)),))


def shared(a: str, b: str) -> set[str]:
    return set(match_terms(a)) & set(match_terms(b))


def test_hospitality_training_words_meet_their_english_words():
    idn = "Kursus tata graha dan kebersihan dapur bagi 40 pemilik pondok wisata, 2 angkatan"
    en = "deliver a housekeeping and kitchen hygiene course for homestay owners in two cohorts"
    assert {"housekep", match_key("kitchen"), "higien", "owner", "homestai"} <= shared(idn, en)
    # a trap commitment of the same agreement shares none of them
    assert not shared(idn, "build a visitor information centre at the harbour") - {"kurs", "cours"}


def test_land_and_asset_words_meet_their_english_words():
    idn = "Sertipikat terbit untuk 120 bidang tanah aset daerah; patok batas dipasang dan tanah dipagar"
    en = "issue certificates for 120 land parcels of the regency and install boundary markers and fences"
    assert {"sertifik", "parsel", "land", "boundari", "marker", "fenk"} <= shared(idn, en)
    assert {"falu", "rent", "auktion"} <= shared("Penilaian objek sewa; lelang kendaraan",
                                                 "valuation of assets for rent and an auction of vehicles")


def test_finance_words_meet_their_english_words():
    idn = "Hasil sewa disetorkan ke rekening kas daerah dan tagihan dibayar tepat waktu"
    en = "deposit the rental proceeds into the regional treasury account and pay invoices on time"
    assert {"deposit", "treasuri", "akount", "pai", "rent"} <= shared(idn, en)


def test_health_and_waste_words_meet_their_english_words():
    assert {"blod", "bag"} <= shared("Kantong darah dikirim ke rumah sakit", "send blood bags to the hospital")
    assert "mobil" in shared("donor darah keliling di 12 desa", "mobile blood donation drives in 12 villages")
    assert {"sort", "piker"} <= shared("Pemulung dilatih memilah sampah plastik",
                                       "train waste pickers to sort plastic waste")
    assert "notifi" in shared("surat pemberitahuan dikirim ke mitra", "notify the partner in writing")
    assert {"selek", "standard", "kual"} <= shared("Desa dipilih; pedoman standar mutu disusun",
                                                    "select the villages and draft a quality standard")


def test_a_root_ending_in_lah_is_not_read_as_the_particle():
    assert stem_id("memilah") == "pilah" and stem_id("pemilah") == "pilah"
    # real words ending in "-lah" and short roots stay as they were
    assert stem_id("sekolah") == "sekolah" and stem_id("masalah") == "masalah" and stem_id("olah") == "olah"


def test_talks_still_going_on_are_not_done():
    assert is_not_done("We are still discussing with the regency how to enrol the fishers in insurance.")
    assert is_not_done("No enrolment has taken place yet.")
    assert is_not_done("Dinas masih membahas lokasi gudang bersama desa.")
    assert not is_not_done("The discussion with the regency on insurance enrolment was held on 3 May.")
    report = ("PT Contoh Daur Ulang\nAnnual update 2031\n\n"
              "We bought 40 tonnes of sorted bottles from the waste banks. "
              "Waste pickers: we are still negotiating with the city on the insurance scheme.\n")
    texts = [a.text for a in extract_activities(doc(report))]
    assert any("40 tonnes" in t for t in texts) and not any("insurance" in t for t in texts)


def test_an_indonesian_table_row_counts_for_the_english_commitment_it_carries_out():
    office = PartyRef("Tourism Office of Contoh Province", ("Dinas Pariwisata Provinsi Contoh",))
    school = PartyRef("Harbourline Hotel School")
    ag = AgreementRef(1, (office, school))
    commitments = [
        CommitmentRef(1, 1, "The School shall deliver a housekeeping and guest service course for homestay owners"),
        CommitmentRef(2, 1, "The School will award four scholarships in hotel management"),
        CommitmentRef(3, 1, "The Tourism Office shall promote the villages at national travel fairs"),
    ]
    row = "Pelatihan tata graha dan pelayanan tamu bagi pemilik pondok wisata — Selesai; 60 peserta"
    fair = "Dinas Pariwisata Provinsi Contoh membawa tiga desa wisata ke bursa pariwisata nasional di Jakarta."
    text = "DINAS PARIWISATA PROVINSI CONTOH\nLaporan kerja sama dengan Harbourline Hotel School\n" + row + "\n" + fair
    _, matches = match_report([StatementRef(1, row), StatementRef(2, fair)], text, [ag], commitments,
                              config=MatchConfig(method="bm25"))
    assert {(m.statement_id, m.commitment_id) for m in matches} == {(1, 1), (2, 3)}


def test_can_and_get_are_not_an_opinion():
    # "dapat" (can / get) shares its stem with "pendapat" (opinion): only the noun is the term
    assert "opinion" not in match_terms("Warga dapat melihat hasilnya dan mendapatkan salinan data")
    assert "opinion" in match_terms("Tim memberikan pendapat hukum kepada dinas")
    assert match_key("view") in shared("Peserta dapat melihat barang sebelum lelang", "provide a room for the viewing of goods")


def test_thanks_is_not_receiving():
    assert "receiv" not in match_terms("Terima kasih atas dukungan mitra")
    assert match_key("receiv") in shared("Bantuan alat diterima desa", "the village received equipment")


def test_school_levels_campaigns_and_landfills():
    assert {"primari", "skhol", "publik", "kampaign"} <= shared(
        "Gerakan sekolah bebas plastik berjalan di 30 SD negeri", "run a plastic-free schools campaign in public primary schools")
    assert "landfil" in shared("Pendataan pemulung di TPA Contoh", "register the waste pickers at the Contoh landfill")
    # a senior high school named in passing shares one word with a commitment about such schools, not three
    assert shared("Guru SMA mengikuti kursus daring", "select ten senior high schools for twinning") == {"skhol"}


def test_a_cohort_of_trainees_is_a_run_of_the_course():
    assert "kours" in shared("All three hosting cohorts of the programme have finished.", "deliver a hosting course for homestay owners")


def test_places_prepared_for_street_lights():
    got = shared("Izin dan titik pemasangan lampu telah disiapkan dinas sejak Mei.",
                 "The Regency shall issue the permits and provide the locations for the lamps")
    assert {"permit", match_key("loc"), match_key("lamp")} <= got
    assert match_key("prepar") in shared("Tim menyiapkan bahan ajar", "prepare the teaching materials")
    # "keterangan" (a remark) shares its stem with "penerangan": it is no light
    assert "light" not in match_terms("Keterangan: kegiatan selesai")


def test_common_words_translate_for_bm25_but_stay_in_the_embedding_input():
    from extractor.matching_text import analyze, gloss
    assert "support" in analyze("Dinas mendukung kegiatan pelatihan di desa")
    assert "mendukung" in gloss("Dinas mendukung kegiatan pelatihan di desa")
    assert "training" in gloss("Dinas mendukung kegiatan pelatihan di desa")   # a field word is swapped
    assert {"serfik", "open"} <= shared("Layanan pengaduan dibuka di kantor desa",
                                         "The City shall open a complaints service in every village")


def test_a_decree_named_after_with_is_no_other_body():
    from extractor.statement_scope import done_with_other
    ag = AgreementRef(1, (PartyRef("Dinas Pariwisata Kabupaten Contoh"), PartyRef("Harbourline Hotel School")))
    row = "Pedoman mutu homestay — Selesai; ditetapkan dengan Keputusan Kepala Dinas Nomor 12/2031"
    assert done_with_other(row, ag) is None
    # a body of another place still is one
    assert done_with_other("Pelatihan pemandu bersama Dinas Pariwisata Kabupaten Lain", ag)


def test_everyday_nouns_of_animal_health_stores_and_counts_meet_their_english_words():
    idn = "Dosis vaksin antirabies untuk anjing dan kucing disimpan di gudang; jadwal suntik lengkap"
    en = "the rabies vaccine doses for dogs and cats were kept in the warehouse; the injection schedule is complete"
    assert {"dos", "rabi", "dog", "kat", "warehous", match_key("schedul"), "komplet"} <= shared(idn, en)
    assert {"pump", "replak"} <= shared("Pompa air diganti", "replace the water pumps")


def test_transport_words_and_british_spellings_meet():
    idn = "Bus tiba di halte sebelum jam masuk; laporan jumlah penumpang dikirim"
    en = "the bus arrival at the stop; ridership reports were sent"
    assert {"bus", "arif", "ridership"} <= shared(idn, en)
    assert match_key("kilometr") == match_key("kilometer") and match_key("centr") == match_key("center")
