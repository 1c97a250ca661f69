"""`janji worker`: a Celery worker taking jobs from JANJI_BROKER_URL (Redis)."""
from __future__ import annotations

import logging
import os


def register(sub) -> None:
    p = sub.add_parser("worker", help="run a Celery worker for extraction jobs (needs JANJI_BROKER_URL)")
    p.add_argument("--concurrency", type=int, default=0, help="child processes (default: cores)")
    p.add_argument("--name", default=None, help="worker node name (default: janji-<pid>@<host>)")
    p.add_argument("--no-migrate", action="store_true", help="do not upgrade the database schema first")
    p.set_defaults(func=run)


def run(args) -> int:
    from api.commands._common import load_settings, migrate
    from api.errors import cli_fail

    settings = load_settings()
    if settings is None:
        return 2
    if not settings.broker_url:
        return cli_fail("JANJI_BROKER_URL is not set: `janji worker` needs a Redis broker (redis://host:6379/0)")
    logging.basicConfig(level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if not args.no_migrate and migrate(settings) != 0:
        return 2
    from api.celery_queue import run_worker

    run_worker(settings, concurrency=args.concurrency or os.cpu_count() or 1,
               name=args.name or f"janji-{os.getpid()}@%h", loglevel=settings.log_level.upper())
    return 0
