"""`janji migrate`: bring the database schema to the newest revision (deployments run it first)."""
from __future__ import annotations


def register(sub) -> None:
    p = sub.add_parser("migrate", help="upgrade the database schema to the newest revision")
    p.set_defaults(func=run)


def run(args) -> int:
    from api.commands._common import load_settings, migrate

    settings = load_settings()
    if settings is None:
        return 2
    if migrate(settings) != 0:
        return 2
    print("database schema is up to date")
    return 0
