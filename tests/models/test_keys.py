"""API keys stored hashed; roles; revocation; web users."""
from __future__ import annotations

import pytest
from sqlalchemy import text

from models import repository as repo


def test_key_round_trip_and_only_the_hash_is_stored(session, engine):
    plaintext = repo.create_api_key(session, role="review", label="reviewer laptop")
    assert plaintext.startswith("jnj_")
    assert repo.verify_api_key(session, plaintext=plaintext) == "review"
    info = repo.authenticate_api_key(session, plaintext=plaintext)
    assert info["role"] == "review" and plaintext.split("_")[1] == info["prefix"]
    with engine.connect() as conn:
        stored = conn.execute(text("SELECT prefix, key_hash, label FROM api_keys")).all()
    assert all(plaintext not in " ".join(map(str, row)) for row in stored)


@pytest.mark.parametrize("bad", [None, "", "jnj_", "jnj_deadbeef_nope", "x" * 5000, "jnj_ab_cd_ef\x00"])
def test_wrong_keys_are_refused(session, bad):
    good = repo.create_api_key(session, role="admin")
    assert repo.verify_api_key(session, plaintext=bad) is None
    assert repo.verify_api_key(session, plaintext=good[:-1] + ("A" if good[-1] != "A" else "B")) is None


def test_revoked_key_no_longer_works(session):
    plaintext = repo.create_api_key(session, role="ingest")
    prefix = plaintext.split("_")[1]
    assert repo.revoke_api_key(session, prefix=prefix) == 1
    assert repo.verify_api_key(session, plaintext=plaintext) is None
    assert repo.list_api_keys(session)[0]["revoked"] is True


def test_unknown_role_is_refused(session):
    with pytest.raises(repo.InvalidValue):
        repo.create_api_key(session, role="root")


def test_users_sign_in_with_password(session):
    user_id = repo.create_user(session, username="reviewer1", password="correct horse", role="review")
    assert repo.verify_user(session, username="reviewer1", password="correct horse")["id"] == user_id
    assert repo.verify_user(session, username="reviewer1", password="wrong password") is None
    assert repo.verify_user(session, username="nobody", password="correct horse") is None
    with pytest.raises(repo.InvalidValue):
        repo.create_user(session, username="reviewer1", password="another one")
