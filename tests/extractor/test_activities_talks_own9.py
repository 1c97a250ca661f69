"""Talks that go on are not done, in wordings found while writing own scenario 9 (invented text):
'we remain in discussions with the city', 'no agreement has been reached yet', 'masih dalam
pembicaraan'. Done work that merely 'remains in service' or a target 'reached in August' stays done."""
from __future__ import annotations

from extractor.activities import extract_activities, is_not_done
from extractor.types import DocumentText, PageSpan


def doc(text: str) -> DocumentText:
    return DocumentText(text=text, pages=(PageSpan(1, 0, len(text)),))


def test_remaining_in_talks_is_not_done():
    assert is_not_done("Electric buses: we remain in discussions with the province on the depot site.")
    assert is_not_done("The wind pump pilot remains in talks with two villages.")
    assert is_not_done("No decision on the tariff has been reached yet.")
    assert is_not_done("Lokasi gudang pendingin masih dalam pembicaraan dengan pemerintah desa.")
    assert is_not_done("Skema bagi hasil masih dalam perundingan.")


def test_done_work_with_similar_words_stays_done():
    assert not is_not_done("The two patrol boats remain in service after the repair finished in May.")
    assert not is_not_done("The target of 500 connected households was reached in August 2031.")
    assert not is_not_done("Talks with the port authority ended in March and the first ferry sailed on 2 June.")


def test_an_update_keeps_its_done_items_and_drops_the_talks():
    report = ("Contoh Wind Ltd - Quarterly Update\n\n"
              "Street lighting: 80 solar lamps were installed on the harbour road in May 2031.\n\n"
              "Ferry: we remain in discussions with the city on a pilot electric ferry; no route has been agreed.\n")
    texts = [a.text for a in extract_activities(doc(report))]
    assert any("80 solar lamps" in t for t in texts)
    assert not any("ferry" in t.lower() for t in texts)


def test_what_done_work_spared_people_is_no_need_left():
    """own scenario 8's speech: 'warga tidak perlu lagi ...' (no longer need to) follows done work."""
    assert not is_not_done("Hakim bersidang di aula kantor camat, sehingga warga tidak perlu lagi menempuh "
                           "perjalanan jauh ke kota.")
    assert is_not_done("Warga tidak perlu datang ke kota karena hakim akan bersidang di kecamatan.")
    assert is_not_done("Masih perlu tambahan ruang sidang di kecamatan.")
    assert is_not_done("Sidang keliling perlu dijadwalkan ulang.")
