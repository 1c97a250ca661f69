"""Pure parts of the web layer: message catalogue, signed session, SVG chart, form parsing."""
from __future__ import annotations

import re
import stat
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from api.web import charts, i18n, views
from api.web.context import safe_next
from api.web.session import Signer, WebSession, load_secret

TEMPLATES = Path(__file__).resolve().parents[2] / "api" / "templates"
WEB = Path(__file__).resolve().parents[2] / "api" / "web"


def test_every_message_exists_in_both_languages() -> None:
    for key, entry in i18n.MESSAGES.items():
        assert set(entry) == {"id", "en"}, key
        assert entry["id"].strip() and entry["en"].strip(), key
        # the same placeholders in both languages, or formatting would silently drop a value
        assert set(re.findall(r"{(\w+)}", entry["id"])) == set(re.findall(r"{(\w+)}", entry["en"])), key


def test_every_key_used_by_templates_and_code_is_in_the_catalogue() -> None:
    used: set[str] = set()
    for path in list(TEMPLATES.glob("*.html")) + list(WEB.glob("*.py")):
        text = path.read_text()
        used |= set(re.findall(r"""\bt\(\s*['"]([a-z_]+\.[a-z_.]+)['"]""", text))
        used |= set(re.findall(r"""(?:flash|WebError)\([^)]*?['"]([a-z_]+\.[a-z_.]+)['"]""", text))
    assert used, "no message keys found: the scan is broken"
    missing = sorted(k for k in used if k not in i18n.MESSAGES)
    assert not missing, missing
    for key in i18n.JS_KEYS:
        assert key in i18n.MESSAGES, key


def test_error_codes_of_the_api_have_human_messages_in_both_languages() -> None:
    for code in ("empty_file", "unsupported_type", "too_large", "encrypted_pdf", "malformed_pdf", "timeout"):
        indonesian = i18n.error_message("id", code, limit="5 MB")
        english = i18n.error_message("en", code, limit="5 MB")
        assert indonesian != english and code not in indonesian
    assert "mystery" in i18n.error_message("en", "mystery")
    assert "5 MB" in i18n.error_message("id", "too_large", limit="5 MB")


def test_language_choice_defaults_to_indonesian() -> None:
    assert i18n.normalise_language("EN") == "en"
    assert i18n.normalise_language("fr") is None
    assert i18n.translate("id", "nav.documents") == "Dokumen"
    assert i18n.translate("en", "nav.documents") == "Documents"


def test_signed_session_round_trip_and_tampering() -> None:
    signer = Signer(b"secret-one")
    token = signer.sign({"csrf": "abc", "p": {"id": 1, "role": "review"}})
    assert signer.unsign(token)["p"]["role"] == "review"
    body, mac = token.split(".")
    forged_body = body[:-2] + ("AA" if body[-2:] != "AA" else "BB")
    assert signer.unsign(f"{forged_body}.{mac}") is None
    assert Signer(b"secret-two").unsign(token) is None
    assert signer.unsign(token, now=10**12) is None  # expired
    assert signer.unsign("garbage") is None and signer.unsign(None) is None


def test_sign_in_rotates_the_csrf_token() -> None:
    session = WebSession()
    before = session.csrf
    session.sign_in({"kind": "key", "id": 1, "name": "x", "role": "admin"})
    assert session.csrf != before and session.csrf_ok(session.csrf) and not session.csrf_ok(before)
    assert not session.csrf_ok(None) and not session.csrf_ok("")


def test_secret_is_generated_once_and_kept_private(tmp_path: Path) -> None:
    first = load_secret(None, tmp_path)
    assert load_secret(None, tmp_path) == first and len(first) >= 32
    mode = stat.S_IMODE((tmp_path / "secret_key").stat().st_mode)
    assert mode == 0o600
    assert load_secret("configured", tmp_path) == b"configured"


@pytest.mark.parametrize("url, expected", [
    ("/documents/3", "/documents/3"), ("https://evil.example/", "/dashboard"), ("//evil.example", "/dashboard"),
    ("/\\evil.example", "/dashboard"), ("", "/dashboard"), (None, "/dashboard"), ("javascript:alert(1)", "/dashboard"),
])
def test_next_url_never_leaves_the_site(url: str | None, expected: str) -> None:
    assert safe_next(url) == expected


def test_chart_is_valid_svg_with_one_bar_segment_per_nonzero_count() -> None:
    points = [("2025-01", {"no_activity": 3}), ("2025-02", {"no_activity": 2, "has_activity": 1}),
              ("2025-03", {"overdue": 1, "has_activity": 2})]
    svg = charts.status_chart_svg(points, {"has_activity": "Ada <kegiatan>", "no_activity": "Belum",
                                           "overdue": "Lewat"}, "Komitmen & status")
    root = ET.fromstring(svg)  # well-formed, labels escaped
    ns = "{http://www.w3.org/2000/svg}"
    segments = [r for r in root.iter(f"{ns}rect") if r.get("data-status")]
    assert len(segments) == 5
    heights = {(r.get("data-period"), r.get("data-status")): float(r.get("height")) for r in segments}
    # bar heights are proportional to the counts (same scale for every month)
    assert heights[("2025-01", "no_activity")] == pytest.approx(3 * heights[("2025-03", "overdue")], abs=0.3)
    assert root.find(f"{ns}title").text == "Komitmen & status"


def test_form_parsing_and_change_detection() -> None:
    current = {"name": "Hendra Wijaya", "position": "Bupati", "organization": None, "role": "signatory",
               "honorifics": ["S.H.", "M.H."]}
    form = {"name": "Hendra Wijaya", "position": "Bupati Tanjung Wangi", "organization": "",
            "role": "signatory", "honorifics": "S.H.; M.H.", "csrf_token": "x"}
    parsed = views.parse_form("officials", form)
    assert parsed["organization"] is None and parsed["honorifics"] == ["S.H.", "M.H."]
    assert views.changed_fields("officials", current, parsed) == {"position": "Bupati Tanjung Wangi"}


def test_items_needing_review_stand_out_until_a_reviewer_corrects_them() -> None:
    def t(key: str, **kw: object) -> str:
        return i18n.translate("en", key, **kw)

    low = {"id": 4, "version": 1, "name": "X", "confidence": 0.4, "origin": "extractor", "sources": {},
           "evidence": [{"page": 2, "bbox": [1, 2, 3, 4], "text": "X"}]}
    view = views.item_view("officials", low, doc_id=9, history=[], t=t)
    assert view["attention"] and any("Low confidence" in b["text"] for b in view["badges"])
    assert view["evidence"][0]["href"].startswith("/documents/9?page=2&ev=officials-4-0")
    corrected = {**low, "sources": {"position": "reviewer"}}
    assert not views.item_view("officials", corrected, doc_id=9, history=[], t=t)["attention"]
    flagged = {"id": 5, "version": 1, "text": "Y", "needs_review": True, "confidence": 0.9, "evidence": []}
    assert views.item_view("commitments", flagged, doc_id=9, history=[], t=t)["attention"]
