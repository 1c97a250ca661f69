"""Message catalogue of the web pages: Indonesian by default, English on request.

Every string a page shows lives here, keyed by a short dotted name. `translate(lang, key, **kw)`
formats with `str.format`; a missing key is a bug (tests/web check that every key the templates
use exists in both languages), so it falls back to the key itself rather than raising mid-page.
"""
from __future__ import annotations

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"
LANGUAGE_COOKIE = "janji_lang"

MESSAGES: dict[str, dict[str, str]] = {
    # layout
    "app.tagline": {"id": "Janji yang ditandatangani, dan apa yang sudah dikerjakan",
                    "en": "Promises signed, and what was done about them"},
    "nav.dashboard": {"id": "Dasbor", "en": "Dashboard"},
    "nav.documents": {"id": "Dokumen", "en": "Documents"},
    "nav.upload": {"id": "Unggah", "en": "Upload"},
    "nav.signout": {"id": "Keluar", "en": "Sign out"},
    "nav.skip": {"id": "Lompat ke isi", "en": "Skip to content"},
    "nav.language": {"id": "Bahasa", "en": "Language"},
    "nav.signed_in_as": {"id": "Masuk sebagai {name} ({role})", "en": "Signed in as {name} ({role})"},
    "role.ingest": {"id": "unggah", "en": "ingest"},
    "role.review": {"id": "peninjau", "en": "review"},
    "role.admin": {"id": "admin", "en": "admin"},
    # sign in
    "login.title": {"id": "Masuk", "en": "Sign in"},
    "login.intro": {"id": "Masuk dengan kunci API atau akun pengguna.",
                    "en": "Sign in with an API key or a user account."},
    "login.with_key": {"id": "Dengan kunci API", "en": "With an API key"},
    "login.with_user": {"id": "Dengan akun pengguna", "en": "With a user account"},
    "login.api_key": {"id": "Kunci API", "en": "API key"},
    "login.username": {"id": "Nama pengguna", "en": "Username"},
    "login.password": {"id": "Kata sandi", "en": "Password"},
    "login.submit": {"id": "Masuk", "en": "Sign in"},
    "login.failed": {"id": "Kunci atau akun tidak dikenal, atau kata sandi salah.",
                     "en": "Unknown key or account, or wrong password."},
    "login.users_unavailable": {"id": "Akun pengguna belum tersedia di server ini; gunakan kunci API.",
                                "en": "User accounts are not available on this server; use an API key."},
    "login.required": {"id": "Silakan masuk terlebih dahulu.", "en": "Please sign in first."},
    "login.signed_out": {"id": "Anda telah keluar.", "en": "You have signed out."},
    # errors
    "error.csrf": {"id": "Formulir kedaluwarsa atau tidak sah. Muat ulang halaman lalu coba lagi.",
                   "en": "The form expired or is not valid. Reload the page and try again."},
    "error.forbidden": {"id": "Peran Anda ({role}) tidak boleh melakukan ini.",
                        "en": "Your role ({role}) may not do this."},
    "error.not_found": {"id": "Tidak ditemukan.", "en": "Not found."},
    "error.title": {"id": "Terjadi masalah", "en": "Something went wrong"},
    "error.back": {"id": "Kembali ke dasbor", "en": "Back to the dashboard"},
    "error.unavailable": {"id": "Layanan ini belum tersedia di server: {what}.",
                          "en": "This service is not available on the server yet: {what}."},
    # upload
    "upload.title": {"id": "Unggah dokumen", "en": "Upload documents"},
    "upload.intro": {"id": "MoU yang ditandatangani (PDF, juga hasil pindaian), siaran pers, atau laporan kegiatan.",
                     "en": "Signed MoUs (PDF, scans too), news releases, or activity reports."},
    "upload.drop": {"id": "Tarik dan lepas berkas di sini, atau pilih berkas",
                    "en": "Drag and drop files here, or choose files"},
    "upload.files": {"id": "Berkas", "en": "Files"},
    "upload.kind": {"id": "Jenis dokumen", "en": "Document kind"},
    "upload.kind.auto": {"id": "Deteksi otomatis", "en": "Detect automatically"},
    "upload.kind.agreement": {"id": "Perjanjian / MoU", "en": "Agreement / MoU"},
    "upload.kind.report": {"id": "Laporan kegiatan", "en": "Activity report"},
    "upload.submit": {"id": "Unggah", "en": "Upload"},
    "upload.queue": {"id": "Antrean unggahan", "en": "Upload queue"},
    "upload.empty_queue": {"id": "Belum ada berkas.", "en": "No files yet."},
    "upload.sending": {"id": "Mengirim… {percent}%", "en": "Sending… {percent}%"},
    "upload.accepted": {"id": "Diterima, menunggu giliran", "en": "Accepted, waiting in the queue"},
    "upload.duplicate": {"id": "Sudah pernah diunggah — dokumen yang sama", "en": "Already uploaded — same document"},
    "upload.open": {"id": "Buka", "en": "Open"},
    "upload.network": {"id": "Koneksi terputus saat mengirim.", "en": "The connection failed while sending."},
    "upload.done_nojs": {"id": "Berkas diterima. Status pekerjaan: {status}.", "en": "File accepted. Job status: {status}."},
    "upload.no_file": {"id": "Pilih setidaknya satu berkas.", "en": "Choose at least one file."},
    "job.queued": {"id": "Dalam antrean", "en": "Queued"},
    "job.running": {"id": "Sedang dibaca…", "en": "Being read…"},
    "job.succeeded": {"id": "Selesai", "en": "Done"},
    "job.partial": {"id": "Sebagian berhasil — periksa peringatan", "en": "Partly done — check the warnings"},
    "job.failed": {"id": "Gagal", "en": "Failed"},
    "job.rejected": {"id": "Ditolak", "en": "Rejected"},
    # error codes of api/errors.py, rendered for people
    "code.empty_file": {"id": "Berkas kosong (0 bita).", "en": "The file is empty (0 bytes)."},
    "code.unsupported_type": {"id": "Jenis berkas tidak didukung. Gunakan PDF, gambar pindaian, DOCX, HTML, atau teks.",
                              "en": "Unsupported file type. Use PDF, a scanned image, DOCX, HTML or text."},
    "code.too_large": {"id": "Berkas terlalu besar (batas {limit}).", "en": "The file is too large (limit {limit})."},
    "code.encrypted_pdf": {"id": "PDF dilindungi kata sandi — unggah salinan tanpa kata sandi.",
                           "en": "Password-protected PDF — upload a decrypted copy."},
    "code.malformed_pdf": {"id": "PDF rusak atau bukan PDF.", "en": "The PDF is damaged or not a PDF."},
    "code.too_many_pages": {"id": "Terlalu banyak halaman.", "en": "Too many pages."},
    "code.timeout": {"id": "Pembacaan berkas melewati batas waktu.", "en": "Reading the file took too long."},
    "code.capacity": {"id": "Berkas memerlukan terlalu banyak memori untuk dibaca.",
                      "en": "The file needs too much memory to read."},
    "code.no_text": {"id": "Tidak ada teks yang dapat dibaca.", "en": "No readable text."},
    "code.empty_document": {"id": "Dokumen tidak memiliki halaman.", "en": "The document has no pages."},
    "code.worker_lost": {"id": "Pemroses berhenti di tengah pekerjaan; coba unggah lagi.",
                         "en": "The worker stopped mid-job; try uploading again."},
    "code.unknown": {"id": "Berkas ditolak ({code}).", "en": "The file was rejected ({code})."},
    "code.http": {"id": "Server menolak berkas (HTTP {status}).", "en": "The server refused the file (HTTP {status})."},
    # documents list
    "docs.title": {"id": "Dokumen", "en": "Documents"},
    "docs.search": {"id": "Cari", "en": "Search"},
    "docs.search_placeholder": {"id": "judul, nomor, pihak…", "en": "title, number, party…"},
    "docs.filters": {"id": "Saring", "en": "Filter"},
    "docs.kind": {"id": "Jenis", "en": "Kind"},
    "docs.party": {"id": "Pihak", "en": "Party"},
    "docs.year": {"id": "Tahun", "en": "Year"},
    "docs.status": {"id": "Status", "en": "Status"},
    "docs.any": {"id": "Semua", "en": "Any"},
    "docs.apply": {"id": "Terapkan", "en": "Apply"},
    "docs.reset": {"id": "Atur ulang", "en": "Reset"},
    "docs.none": {"id": "Tidak ada dokumen yang cocok.", "en": "No matching documents."},
    "docs.count": {"id": "{n} dokumen", "en": "{n} documents"},
    "docs.col.title": {"id": "Judul", "en": "Title"},
    "docs.col.number": {"id": "Nomor", "en": "Number"},
    "docs.col.kind": {"id": "Jenis", "en": "Kind"},
    "docs.col.parties": {"id": "Pihak", "en": "Parties"},
    "docs.col.date": {"id": "Tanggal", "en": "Date"},
    "docs.col.status": {"id": "Status", "en": "Status"},
    "docs.col.review": {"id": "Perlu ditinjau", "en": "Needs review"},
    "docs.untitled": {"id": "(tanpa judul)", "en": "(untitled)"},
    "docs.prev": {"id": "← Sebelumnya", "en": "← Previous"},
    "docs.next": {"id": "Berikutnya →", "en": "Next →"},
    "kind.agreement": {"id": "Perjanjian", "en": "Agreement"},
    "kind.news_release": {"id": "Siaran pers", "en": "News release"},
    "kind.activity_report": {"id": "Laporan kegiatan", "en": "Activity report"},
    "kind.other": {"id": "Lainnya", "en": "Other"},
    # review
    "review.title": {"id": "Tinjau", "en": "Review"},
    "review.page": {"id": "Halaman {n} dari {total}", "en": "Page {n} of {total}"},
    "review.prev_page": {"id": "Halaman sebelumnya", "en": "Previous page"},
    "review.next_page": {"id": "Halaman berikutnya", "en": "Next page"},
    "review.no_image": {"id": "Gambar halaman tidak tersedia.", "en": "Page image not available."},
    "review.download": {"id": "Unduh berkas asli", "en": "Download the original"},
    "review.agreement": {"id": "Lihat komitmen dan kegiatan", "en": "See commitments and activity"},
    "review.summary": {"id": "Ringkasan", "en": "Summary"},
    "review.parties": {"id": "Pihak", "en": "Parties"},
    "review.officials": {"id": "Pejabat", "en": "Officials"},
    "review.dates": {"id": "Tanggal", "en": "Dates"},
    "review.commitments": {"id": "Komitmen", "en": "Commitments"},
    "review.warnings": {"id": "Peringatan", "en": "Warnings"},
    "review.none": {"id": "Belum ada.", "en": "None yet."},
    "review.needs_review": {"id": "Perlu ditinjau", "en": "Needs review"},
    "review.low_confidence": {"id": "Keyakinan rendah ({pct}%)", "en": "Low confidence ({pct}%)"},
    "review.reviewed": {"id": "Dikoreksi peninjau", "en": "Corrected by a reviewer"},
    "review.show_evidence": {"id": "Tunjukkan bukti di halaman {page}", "en": "Show evidence on page {page}"},
    "review.evidence_chip": {"id": "hlm. {page}: “{text}”", "en": "p. {page}: “{text}”"},
    "review.activities": {"id": "Kegiatan yang dilaporkan", "en": "Reported activities"},
    "review.matched_to": {"id": "cocok dengan komitmen", "en": "matched to the commitment"},
    "review.unmatched": {"id": "Belum cocok dengan komitmen mana pun.", "en": "Not matched to any commitment yet."},
    "review.no_evidence": {"id": "Tanpa bukti", "en": "No evidence"},
    "review.edit": {"id": "Ubah", "en": "Edit"},
    "review.save": {"id": "Simpan", "en": "Save"},
    "review.cancel": {"id": "Batal", "en": "Cancel"},
    "review.remove": {"id": "Hapus", "en": "Remove"},
    "review.remove_confirm": {"id": "Hapus butir ini? Tindakan ini tercatat di riwayat.",
                              "en": "Remove this item? The removal is recorded in the history."},
    "review.add": {"id": "Tambah", "en": "Add"},
    "review.add_party": {"id": "Tambah pihak", "en": "Add a party"},
    "review.add_official": {"id": "Tambah pejabat", "en": "Add an official"},
    "review.add_commitment": {"id": "Tambah komitmen", "en": "Add a commitment"},
    "review.reason": {"id": "Alasan (opsional)", "en": "Reason (optional)"},
    "review.history": {"id": "Riwayat", "en": "History"},
    "review.history_empty": {"id": "Belum ada perubahan.", "en": "No changes yet."},
    "review.saved": {"id": "Perubahan disimpan.", "en": "Change saved."},
    "review.added": {"id": "Butir ditambahkan.", "en": "Item added."},
    "review.removed": {"id": "Butir dihapus.", "en": "Item removed."},
    "review.stale": {"id": "Orang lain sudah mengubah butir ini sejak Anda membukanya. Nilai terbaru ditampilkan; ulangi perubahan Anda bila masih perlu.",
                     "en": "Someone else changed this item after you opened it. The current value is shown; redo your change if it is still needed."},
    "review.invalid": {"id": "Nilai tidak sah: {detail}", "en": "Invalid value: {detail}"},
    "review.version": {"id": "versi {v}", "en": "version {v}"},
    "hist.when": {"id": "Kapan", "en": "When"},
    "hist.who": {"id": "Siapa", "en": "Who"},
    "hist.field": {"id": "Kolom", "en": "Field"},
    "hist.old": {"id": "Lama", "en": "Old"},
    "hist.new": {"id": "Baru", "en": "New"},
    "hist.reason": {"id": "Alasan", "en": "Reason"},
    "field.name": {"id": "Nama", "en": "Name"},
    "field.aliases": {"id": "Alias (pisahkan dengan ;)", "en": "Aliases (separate with ;)"},
    "field.role": {"id": "Peran", "en": "Role"},
    "field.position": {"id": "Jabatan", "en": "Position"},
    "field.organization": {"id": "Organisasi", "en": "Organisation"},
    "field.honorifics": {"id": "Gelar", "en": "Honorifics"},
    "field.date": {"id": "Tanggal", "en": "Date"},
    "field.text": {"id": "Teks", "en": "Text"},
    "field.action": {"id": "Tindakan", "en": "Action"},
    "field.parties": {"id": "Pihak (pisahkan dengan ;)", "en": "Parties (separate with ;)"},
    "field.due": {"id": "Tenggat", "en": "Due"},
    "field.title": {"id": "Judul", "en": "Title"},
    "field.number": {"id": "Nomor", "en": "Number"},
    "field.kind": {"id": "Jenis", "en": "Kind"},
    "field.language": {"id": "Bahasa", "en": "Language"},
    "field.location": {"id": "Tempat", "en": "Location"},
    "field.term": {"id": "Jangka waktu", "en": "Term"},
    "field.signed_on": {"id": "Tanggal tanda tangan", "en": "Signed on"},
    "review.edit_summary": {"id": "Ubah ringkasan", "en": "Edit the summary"},
    "field.pages": {"id": "Halaman", "en": "Pages"},
    "field.confidence": {"id": "Keyakinan", "en": "Confidence"},
    "orole.signatory": {"id": "penanda tangan", "en": "signatory"},
    "orole.attendee": {"id": "hadir", "en": "attendee"},
    "orole.speaker": {"id": "pembicara", "en": "speaker"},
    "orole.none": {"id": "—", "en": "—"},
    "drole.signing": {"id": "penandatanganan", "en": "signing"},
    "drole.effective": {"id": "mulai berlaku", "en": "effective"},
    "drole.expiry": {"id": "berakhir", "en": "expiry"},
    "drole.deadline": {"id": "tenggat", "en": "deadline"},
    "drole.mentioned": {"id": "disebut", "en": "mentioned"},
    "term.value": {"id": "{years} tahun {months} bulan {days} hari", "en": "{years} years {months} months {days} days"},
    # agreement / status
    "agr.title": {"id": "Komitmen dan kegiatan", "en": "Commitments and activity"},
    "agr.as_of": {"id": "Status per {date}", "en": "Status as of {date}"},
    "agr.document": {"id": "Tinjau dokumen", "en": "Review the document"},
    "agr.no_commitments": {"id": "Dokumen ini belum memiliki komitmen.", "en": "This document has no commitments yet."},
    "agr.matches": {"id": "Kegiatan yang cocok", "en": "Matched activities"},
    "agr.no_matches": {"id": "Belum ada kegiatan yang cocok.", "en": "No matched activity yet."},
    "agr.score": {"id": "skor {score}", "en": "score {score}"},
    "agr.report": {"id": "Laporan", "en": "Report"},
    "agr.confirm": {"id": "Benar, ini kegiatannya", "en": "Confirm match"},
    "agr.reject": {"id": "Bukan, tolak", "en": "Reject match"},
    "agr.confirmed": {"id": "Dikonfirmasi", "en": "Confirmed"},
    "agr.rejected": {"id": "Ditolak", "en": "Rejected"},
    "agr.proposed": {"id": "Usulan", "en": "Proposed"},
    "agr.match_confirmed": {"id": "Kecocokan dikonfirmasi.", "en": "Match confirmed."},
    "agr.match_rejected": {"id": "Kecocokan ditolak; tidak akan dihitung lagi.",
                           "en": "Match rejected; it will not count again."},
    "agr.why": {"id": "Mengapa cocok", "en": "Why it matched"},
    "status.has_activity": {"id": "Ada kegiatan", "en": "Has activity"},
    "status.no_activity": {"id": "Belum ada kegiatan", "en": "No activity"},
    "status.overdue": {"id": "Lewat tenggat", "en": "Overdue"},
    "status.unknown": {"id": "Belum dinilai", "en": "Not assessed"},
    # dashboard
    "dash.title": {"id": "Dasbor", "en": "Dashboard"},
    "dash.totals": {"id": "Semua komitmen", "en": "All commitments"},
    "dash.by_agreement": {"id": "Per perjanjian", "en": "Per agreement"},
    "dash.by_party": {"id": "Per pihak", "en": "Per party"},
    "dash.overdue": {"id": "Lewat tenggat", "en": "Overdue"},
    "dash.none_overdue": {"id": "Tidak ada komitmen yang lewat tenggat.", "en": "No overdue commitments."},
    "dash.chart": {"id": "Komitmen menurut status dari waktu ke waktu", "en": "Commitments by status over time"},
    "dash.chart_empty": {"id": "Belum cukup data untuk grafik.", "en": "Not enough data for a chart yet."},
    "dash.export": {"id": "Ekspor CSV", "en": "Export CSV"},
    "dash.agreement": {"id": "Perjanjian", "en": "Agreement"},
    "dash.party": {"id": "Pihak", "en": "Party"},
    "dash.total": {"id": "Jumlah", "en": "Total"},
    "dash.due": {"id": "Tenggat", "en": "Due"},
    "dash.commitment": {"id": "Komitmen", "en": "Commitment"},
    "dash.empty": {"id": "Belum ada komitmen. Mulailah dengan mengunggah MoU.",
                   "en": "No commitments yet. Start by uploading an MoU."},
    "dash.as_of_label": {"id": "Status per tanggal", "en": "Status as of"},
    "dash.month": {"id": "Bulan", "en": "Month"},
}

JS_KEYS = ("upload.sending", "upload.accepted", "upload.duplicate", "upload.open", "upload.network",
           "job.queued", "job.running", "job.succeeded", "job.partial", "job.failed", "job.rejected",
           "code.http", "review.remove_confirm")


# the upload script explains errors the server sends without a translation (e.g. 413 from the body guard)
JS_KEYS += tuple(key for key in MESSAGES if key.startswith("code."))


def normalise_language(value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip().lower()[:2]
    return value if value in LANGUAGES else None


def translate(lang: str, key: str, **params: object) -> str:
    entry = MESSAGES.get(key)
    if entry is None:
        return key
    text = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    if params:
        try:
            return text.format(**params)
        except (KeyError, IndexError, ValueError):
            return text
    return text


def error_message(lang: str, code: str | None, **params: object) -> str:
    """A person-readable sentence for an error code of api/errors.py (or of a job)."""
    if code and f"code.{code}" in MESSAGES:
        return translate(lang, f"code.{code}", **params)
    return translate(lang, "code.unknown", code=code or "?")


def js_messages(lang: str) -> dict[str, str]:
    return {key: translate(lang, key) for key in JS_KEYS}
