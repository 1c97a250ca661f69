"""`janji ingest [--kind auto|agreement|report] FILE...`: store files and extract them now.

Synchronous: each file is stored (blob + document + job, exactly as an upload) and its job is run
in this process before the next file. One line per file on stdout; a bad file gives one line on
stderr, the rest are still processed, and the command exits 2.
"""
from __future__ import annotations

import logging
import os
from pathlib import Path


def register(sub) -> None:
    p = sub.add_parser("ingest", help="store documents in the database and extract them")
    p.add_argument("--kind", choices=("auto", "agreement", "report"), default="auto",
                   help="what the files are (default: detect)")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(func=run)


def run(args) -> int:
    from api.commands._common import load_settings, migrate
    from api.errors import ApiError, cli_fail
    from api.services import ingest
    from api.worker import run_job, session_factory_for
    from models import repository

    settings = load_settings()
    if settings is None or migrate(settings) != 0:
        return 2
    logging.basicConfig(level=logging.WARNING)
    factory = session_factory_for(settings)
    failed = 0
    for name in args.files:
        path = Path(name)
        if not path.is_file():
            failed += 1
            cli_fail(f"{name}: not_found: no such file")
            continue
        try:
            with factory() as session:
                accepted = ingest.accept_path(session, settings, path, kind=args.kind)
        except ApiError as exc:
            failed += 1
            cli_fail(f"{name}: {exc.code}: {exc.message}")
            continue
        except OSError as exc:
            failed += 1
            cli_fail(f"{name}: not_found: {exc.strerror or exc}")
            continue
        status = accepted.status
        if accepted.job_id is not None and status in ("queued", "running"):
            status = run_job(accepted.job_id, settings, session_factory=factory)
        with factory() as session:
            detail = repository.get_document_detail(session, document_id=accepted.id)
            job = repository.get_job(session, job_id=accepted.job_id) if accepted.job_id else None
        counts = ", ".join(f"{len(detail.get(k, []))} {k}" for k in ("parties", "officials", "dates", "commitments"))
        note = " (already stored)" if accepted.duplicate else ""
        print(f"{name}: document {accepted.id} {detail.get('kind') or 'other'} {status}{note}: {counts}",
              flush=True)
        if status in ("failed", "rejected"):
            failed += 1
            code = (job or {}).get("error_code") or status
            cli_fail(f"{name}: {code}: {(job or {}).get('error_message') or 'extraction failed'}")
    return 2 if failed else 0


def _basename(name: str) -> str:
    return os.path.basename(name)
