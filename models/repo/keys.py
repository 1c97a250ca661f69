"""API keys (stored as sha256, compared in constant time) and web users (scrypt password hashes)."""
from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from models.db import write_transaction
from models.errors import InvalidValue, NotFound
from models.repo.fields import ts
from models.repo.sql import get_row
from models.repo.textsafe import is_unsafe, safe_text
from models.tables import ROLES, ApiKey, User, utcnow

KEY_PREFIX = "jnj"
_KEY_SHAPE = re.compile(r"jnj_[0-9a-f]{8}_[A-Za-z0-9_-]{20,100}")
_SCRYPT = {"n": 2 ** 14, "r": 8, "p": 1}


def _hash_key(plaintext: str) -> str:
    return hashlib.sha256(plaintext.encode("utf-8", "surrogatepass")).hexdigest()


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise InvalidValue(f"role must be one of {', '.join(ROLES)}", field="role")


def create_api_key(session: Session, *, role: str, label: str = "") -> str:
    """Create a key and return its plaintext (shown once; only its hash is stored):
    `jnj_<8-char prefix>_<secret>`."""
    _check_role(role)
    prefix = secrets.token_hex(4)
    plaintext = f"{KEY_PREFIX}_{prefix}_{secrets.token_urlsafe(32)}"
    with write_transaction(session):
        session.add(ApiKey(prefix=prefix, key_hash=_hash_key(plaintext), role=role, label=label[:200]))
    return plaintext


def authenticate_api_key(session: Session, *, plaintext: str | None) -> dict[str, Any] | None:
    """{"id", "prefix", "role", "label"} of a valid, unrevoked key, else None."""
    if not plaintext or len(plaintext) > 200:
        return None
    if not _KEY_SHAPE.fullmatch(plaintext):
        return None
    parts = plaintext.split("_", 2)
    wanted = _hash_key(plaintext)
    for key in session.scalars(select(ApiKey).where(ApiKey.prefix == parts[1], ApiKey.revoked_at.is_(None))):
        if secrets.compare_digest(key.key_hash, wanted):
            return {"id": key.id, "prefix": key.prefix, "role": key.role, "label": key.label}
    return None


def verify_api_key(session: Session, *, plaintext: str | None) -> str | None:
    """The role of a valid key, else None."""
    found = authenticate_api_key(session, plaintext=plaintext)
    return found["role"] if found else None


def list_api_keys(session: Session) -> list[dict[str, Any]]:
    return [{"id": k.id, "prefix": k.prefix, "role": k.role, "label": k.label,
             "created_at": ts(k.created_at),
             "revoked": k.revoked_at is not None}
            for k in session.scalars(select(ApiKey).order_by(ApiKey.id))]


def revoke_api_key(session: Session, *, prefix: str) -> int:
    """Revoke every key with this prefix (or id as text); returns how many were revoked."""
    with write_transaction(session):
        keys = list(session.scalars(select(ApiKey).where(ApiKey.prefix == prefix, ApiKey.revoked_at.is_(None))))
        if not keys and prefix.isdigit():
            key = get_row(session, ApiKey, int(prefix))
            keys = [key] if key and key.revoked_at is None else []
        for key in keys:
            key.revoked_at = utcnow()
    return len(keys)


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, **_SCRYPT)
    return f"scrypt${_SCRYPT['n']}${_SCRYPT['r']}${_SCRYPT['p']}${salt.hex()}${digest.hex()}"


def check_password(password: str, stored: str) -> bool:
    try:
        _, n, r, p, salt, digest = stored.split("$")
        got = hashlib.scrypt(password.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got.hex(), digest)


def create_user(session: Session, *, username: str, password: str, role: str = "review") -> int:
    _check_role(role)
    username = username.strip()
    if not username or len(password) < 8 or is_unsafe(username) or is_unsafe(password):
        raise InvalidValue("a username and a password of at least 8 characters are required")
    try:
        with write_transaction(session):
            user = User(username=username, password_hash=hash_password(password), role=role)
            session.add(user)
            session.flush()
            user_id = user.id
    except IntegrityError:
        raise InvalidValue(f"user {username!r} already exists", field="username") from None
    return user_id


def verify_user(session: Session, *, username: str, password: str) -> dict[str, Any] | None:
    """{"id", "username", "role"} when the password is right, else None (same work either way)."""
    username = safe_text(username).strip()[:120]
    user = session.scalar(select(User).where(User.username == username, User.disabled.is_(False)))
    stored = user.password_hash if user else hash_password("timing-equaliser")
    ok = check_password(password, stored)
    return {"id": user.id, "username": user.username, "role": user.role} if ok and user else None


def get_user(session: Session, *, user_id: int) -> dict[str, Any]:
    user = get_row(session, User, user_id)
    if user is None:
        raise NotFound(f"user {user_id} not found")
    return {"id": user.id, "username": user.username, "role": user.role, "disabled": user.disabled}
