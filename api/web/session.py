"""Signed session cookie and CSRF tokens for the web pages (stdlib only: HMAC-SHA256).

The cookie holds a small JSON payload — who signed in, with which role, the CSRF token and an
expiry — signed with the secret from `JANJI_SECRET_KEY`. When that is unset a random secret is
generated once and kept (mode 0600) under the data dir, so sessions survive restarts. The API key
itself is never stored in the cookie, only the key's id.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SESSION_COOKIE = "janji_session"
SESSION_MAX_AGE = 12 * 3600
SECRET_FILE_NAME = "secret_key"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"


def load_secret(secret: str | None, data_dir: Path) -> bytes:
    """The configured secret, or the one persisted under `data_dir` (created on first use)."""
    if secret:
        return secret.encode()
    path = Path(data_dir) / SECRET_FILE_NAME
    try:
        return path.read_bytes().strip()
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    value = secrets.token_urlsafe(48).encode()
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another worker process won the race: use its secret
        return path.read_bytes().strip()
    with os.fdopen(fd, "wb") as handle:
        handle.write(value)
        handle.flush()
        os.fsync(handle.fileno())
    return value


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class Signer:
    def __init__(self, secret: bytes, *, max_age: int = SESSION_MAX_AGE) -> None:
        self._key = hashlib.sha256(b"janji.web.session\x00" + secret).digest()
        self.max_age = max_age

    def _mac(self, body: str) -> str:
        return _b64(hmac.new(self._key, body.encode(), hashlib.sha256).digest())

    def sign(self, payload: dict[str, Any], *, now: float | None = None) -> str:
        data = dict(payload, exp=int((now or time.time()) + self.max_age))
        body = _b64(json.dumps(data, separators=(",", ":"), sort_keys=True).encode())
        return f"{body}.{self._mac(body)}"

    def unsign(self, token: str | None, *, now: float | None = None) -> dict[str, Any] | None:
        if not token or token.count(".") != 1 or len(token) > 4096:
            return None
        body, mac = token.split(".")
        if not hmac.compare_digest(mac, self._mac(body)):
            return None
        try:
            data = json.loads(_unb64(body))
        except (ValueError, UnicodeDecodeError):
            return None
        if not isinstance(data, dict) or int(data.get("exp", 0)) < (now or time.time()):
            return None
        return data


@dataclass
class WebSession:
    """What the cookie says. `principal` is None until someone signs in."""

    csrf: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    principal: dict[str, Any] | None = None
    dirty: bool = False
    flashes: list[tuple[str, str]] = field(default_factory=list)

    @classmethod
    def from_payload(cls, data: dict[str, Any] | None) -> WebSession:
        if not data or not isinstance(data.get("csrf"), str):
            return cls(dirty=True)
        principal = data.get("p") if isinstance(data.get("p"), dict) else None
        flashes = [tuple(f) for f in data.get("f", []) if isinstance(f, list) and len(f) == 2]
        return cls(csrf=data["csrf"], principal=principal, flashes=flashes)  # type: ignore[arg-type]

    def to_payload(self) -> dict[str, Any]:
        payload: dict[str, Any] = {"csrf": self.csrf, "p": self.principal}
        if self.flashes:
            payload["f"] = [list(f) for f in self.flashes[-5:]]
        return payload

    def sign_in(self, principal: dict[str, Any]) -> None:
        # a fresh CSRF token at every privilege change: a token seen before sign-in is useless after
        self.principal = principal
        self.csrf = secrets.token_urlsafe(32)
        self.dirty = True

    def sign_out(self) -> None:
        self.principal = None
        self.csrf = secrets.token_urlsafe(32)
        self.dirty = True

    def flash(self, level: str, message: str) -> None:
        self.flashes.append((level, message))
        self.dirty = True

    def pop_flashes(self) -> list[tuple[str, str]]:
        out, self.flashes = self.flashes, []
        if out:
            self.dirty = True
        return out

    def csrf_ok(self, token: str | None) -> bool:
        return bool(token) and hmac.compare_digest(str(token), self.csrf)
