"""Alembic, configured in code so `upgrade(url)` works from any directory and from the wheel."""
from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def _url(bind: str | Engine) -> str:
    return bind if isinstance(bind, str) else bind.url.render_as_string(hide_password=False)


def upgrade(url: str | Engine, revision: str = "head") -> None:
    command.upgrade(alembic_config(_url(url)), revision)


def downgrade(url: str | Engine, revision: str) -> None:
    command.downgrade(alembic_config(_url(url)), revision)


def current_heads() -> tuple[str, ...]:
    from alembic.script import ScriptDirectory
    return tuple(ScriptDirectory.from_config(alembic_config("sqlite://")).get_heads())
