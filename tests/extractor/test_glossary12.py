"""Glossary words of session 12 (everyday vocabulary of the fields public-sector agreements cover:
health, schools, farming, livestock, fisheries, works, ICT, social affairs, disasters, environment,
culture, finance, law, administration), on invented text."""
from extractor.matching_text import analyze


def shared(indonesian: str, english: str) -> set[str]:
    return set(analyze(indonesian)) & set(analyze(english))


def terms(*english_words: str) -> set[str]:
    return {t for w in english_words for t in analyze(w, "en")}


def test_hospital_words_cross_languages():
    common = shared("Tim dokter bedah mengoperasi katarak pasien lansia dan menambah tempat tidur di bangsal anak.",
                    "Surgeons operated on the cataracts of elderly patients and added beds to the children's ward.")
    assert terms("surgeons", "beds", "ward") <= common


def test_primary_care_words_cross_languages():
    common = shared("Bidan membagikan obat cacing, masker dan sabun, memeriksa tekanan darah ibu hamil, "
                    "dan mencatat kasus campak serta kusta.",
                    "Midwives handed out deworming tablets, masks and soap, checked the blood pressure of pregnant "
                    "women and recorded measles and leprosy cases.")
    assert terms("deworming", "masks", "soap", "pressure", "measles", "leprosy") <= common


def test_school_supplies_cross_languages():
    common = shared("Siswa SD menerima sepatu, alat tulis dan buku tulis; perpustakaan sekolah menambah meja dan rak.",
                    "Primary pupils received shoes, stationery and notebooks; the school library added desks and a shelf.")
    assert terms("shoes", "stationery", "notebooks", "desks", "shelf") <= common
    common = shared("Anak putus sekolah ikut kegiatan pramuka dan ekstrakurikuler.",
                    "Dropouts joined scout and extracurricular activities.")
    assert terms("dropouts", "scout", "extracurricular") <= common


def test_farming_and_livestock_words_cross_languages():
    common = shared("Poktan menerima benih kedelai, pestisida dan bibit cabai; gabah dikeringkan sebelum digiling.",
                    "The farmer group received soybean seed, pesticide and chili seedlings; the paddy was dried before milling.")
    assert terms("soybean", "pesticide", "chili", "paddy", "milling", "farmer", "group") <= common
    common = shared("Peternak kerbau, domba dan itik mendapat vaksin; mulut dan kuku sapi perah diperiksa.",
                    "Buffalo, sheep and duck keepers got vaccines; dairy cattle had mouth and hoof checks.")
    assert terms("buffalo", "sheep", "duck", "mouth", "hoof", "dairy") <= common


def test_fisheries_words_cross_languages():
    common = shared("Nelayan menerima jala, alat tangkap dan es; pembudidaya lele dan bandeng menggali kolam baru.",
                    "Fishers received nets, fishing gear and ice; catfish and milkfish farmers dug new ponds.")
    assert terms("nets", "gear", "ice", "catfish", "milkfish", "ponds") <= common


def test_works_and_ict_words_cross_languages():
    common = shared("Warga memasang keran dan hidran, memperbaiki selokan dan tanggul, lalu mengecat gerbang.",
                    "Residents installed taps and a hydrant, repaired the drain and the embankment, and painted the gate.")
    assert terms("taps", "hydrant", "drain", "embankment", "painted", "gate") <= common
    common = shared("Petugas mengunduh formulir dari laman dinas, mencetak tanda terima dan mengirim surel.",
                    "Staff downloaded the form from the office website, printed the receipt and sent an email.")
    assert terms("downloaded", "website", "printed", "receipt", "email") <= common


def test_social_and_disaster_words_cross_languages():
    common = shared("Dinas sosial menyalurkan bansos kepada pekerja migran, tunawisma dan korban kekerasan seksual.",
                    "The social affairs office delivered social assistance to migrant workers, homeless people and "
                    "victims of sexual violence.")
    assert terms("assistance", "migrant", "homeless", "violence") <= common
    common = shared("BPBD mengirim air bersih saat kekeringan dan memasang sirine setelah banjir bandang dan puting beliung.",
                    "The disaster agency sent water during the drought and installed sirens after the flash flood and the tornado.")
    assert terms("drought", "sirens", "flash", "tornado") <= common


def test_environment_and_culture_words_cross_languages():
    common = shared("Relawan membagikan sarung tangan, karung dan ember, lalu menanam pohon di ruang terbuka hijau dekat terumbu karang.",
                    "Volunteers handed out gloves, sacks and buckets and planted trees in a green space near the coral reef.")
    assert terms("gloves", "sacks", "buckets", "green", "coral") <= common
    common = shared("Sanggar tari menampilkan wayang dan tenun dalam upacara adat; pengunjung membeli suvenir.",
                    "The dance studio showed puppets and weaving at a customary ceremony; visitors bought souvenirs.")
    assert terms("studio", "puppets", "weaving", "ceremony", "souvenirs") <= common


def test_finance_law_and_administration_words_cross_languages():
    common = shared("Bendahara menyimpan kwitansi dan faktur sesuai kontrak; laporan keuangan mencatat laba koperasi.",
                    "The treasurer kept the receipts and invoices under the contract; the financial report recorded the profit.")
    assert terms("treasurer", "receipts", "invoices", "financial", "profit") <= common
    common = shared("Jaksa dan advokat bertemu di kantor notaris untuk membahas perda.",
                    "The prosecutor and the advocate met at the notary office to discuss the regulation.")
    assert terms("prosecutor", "advocate", "notary", "regulation") <= common
    common = shared("Warga mengurus KTP, paspor dan akta kelahiran di loket; antrean dicatat dalam arsip.",
                    "Residents applied for identity cards, passports and birth certificates at the counter; the queue "
                    "was kept in the archive.")
    assert terms("identity", "passports", "certificates", "counter", "queue", "archive") <= common


def test_words_with_another_sense_share_no_term():
    # 'bedah rumah' renovates a house, no surgery; 'mata pencaharian' is a livelihood, 'mata uang' a currency
    assert not terms("surgery") & set(analyze("program bedah rumah bagi warga miskin"))
    assert not terms("eye") & set(analyze("mata pencaharian nelayan dan nilai mata uang"))
    # 'karang taruna' is a youth organisation, no coral
    assert not terms("coral", "reef") & set(analyze("karang taruna desa membersihkan pantai"))
    # 'solar' is the diesel fishers buy, no solar panel; 'cat' is paint, no cat
    assert not shared("nelayan membeli solar untuk perahu", "solar panels were installed on the roof")
    assert not shared("pengecatan gedung sekolah", "cats and dogs were vaccinated")
    # words whose derivations Sastrawi stems onto a short root: 'senilai' (worth) onto 'nila' (tilapia),
    # 'perbankan' (banking) onto 'perban' (bandage), 'memadukan' (combine) onto 'madu' (honey): left out
    assert not terms("tilapia", "bandage", "honey") & set(analyze("bantuan senilai Rp5 juta dari perbankan untuk memadukan program"))
    # English words that stem onto a translation: 'Ref.' of a letter is no reef, 'chaired' no chair ('kursi' left
    # out), 'organised' no youth organisation, 'persons' no personal protective equipment
    assert not terms("ref", "chaired", "organised", "persons") & set(
        analyze("terumbu karang, kursi dan meja, karang taruna, apd untuk petugas"))
    # road paving ('perkerasan') is no violence ('kekerasan' alone, same stem, is left out)
    assert not terms("violence") & set(analyze("perkerasan jalan desa"))


def test_workshop_and_prize_words_cross_languages():
    common = shared("Bengkel desa mengganti ban dan oli, membagikan suku cadang dan terpal, lalu menyerahkan piala.",
                    "The village garage replaced the tyres and the oil, handed out spare parts and tarpaulins and gave a trophy.")
    assert terms("tyres", "oil", "spare", "parts", "tarpaulins", "trophy") <= common
