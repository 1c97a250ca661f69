"""Shared by the sub-commands: settings with a one-line error, migrations, sessions."""
from __future__ import annotations

import os

from pydantic import ValidationError

from api.errors import cli_fail
from api.settings import Settings


def quiet_libraries() -> None:
    """Model loading prints progress bars on stderr; our CLI contract is one line per bad file."""
    for name, value in (("TQDM_DISABLE", "1"), ("HF_HUB_DISABLE_PROGRESS_BARS", "1"),
                        ("TRANSFORMERS_VERBOSITY", "error"), ("TOKENIZERS_PARALLELISM", "false")):
        os.environ.setdefault(name, value)


def load_settings() -> Settings | None:
    quiet_libraries()
    try:
        settings = Settings()
    except ValidationError as exc:
        first = exc.errors()[0]
        name = "JANJI_" + str(first.get("loc", ("?",))[0]).upper()
        cli_fail(f"{name}: {first.get('msg', 'invalid value')}")
        return None
    settings.ensure_dirs()
    return settings


def migrate(settings: Settings) -> int:
    """Bring the database schema to the newest revision (idempotent)."""
    from models import migrate as migrations

    try:
        migrations.upgrade(settings.resolved_database_url)
    except Exception as exc:  # noqa: BLE001 - one line for the operator, not a traceback
        return cli_fail(f"cannot prepare the database {_safe_url(settings)}: {type(exc).__name__}: {exc}"[:400])
    return 0


def _safe_url(settings: Settings) -> str:
    from sqlalchemy.engine import make_url

    return make_url(settings.resolved_database_url).render_as_string(hide_password=True)
