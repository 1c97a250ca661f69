"""`make run`: migrate, create a demo admin key, load sample_docs/, print a summary, serve.

Already-loaded samples are skipped (same bytes -> same document), so running it twice is cheap.
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_docs"
KEY_FILE = "demo-admin-key.txt"


def demo_key(settings, factory) -> str:
    """The demo admin key, kept in the data dir so that a second run prints the same one."""
    from models import repository

    path = settings.data_dir / KEY_FILE
    if path.is_file():
        key = path.read_text().strip()
        with factory() as session:
            if key and repository.verify_api_key(session, plaintext=key) is not None:
                return key
    with factory() as session:
        key = repository.create_api_key(session, role="admin", label="demo admin")
    path.write_text(key + "\n")
    path.chmod(0o600)
    return key


def load_samples(settings, factory) -> list[tuple[str, int | None, str, str]]:
    from api.errors import ApiError
    from api.services import ingest
    from api.worker import run_job
    from models import repository

    rows = []
    # The rendered documents only: sample_docs/src/ holds their marked-up sources, README.md the key.
    files = sorted(p for p in SAMPLES.glob("*") if p.is_file() and not p.name.startswith(".")
                   and p.name != "README.md") if SAMPLES.is_dir() else []
    for path in files:
        kind = "report" if any(w in path.name.lower() for w in ("laporan", "report")) else "auto"
        try:
            with factory() as session:
                accepted = ingest.accept_path(session, settings, path, kind=kind)
        except ApiError as exc:
            rows.append((path.name, None, "rejected", exc.code))
            continue
        status = accepted.status
        if accepted.job_id is not None and status in ("queued", "running"):
            status = run_job(accepted.job_id, settings, session_factory=factory)
        with factory() as session:
            d = repository.get_document_detail(session, document_id=accepted.id)
        summary = (f"{d.get('kind') or 'other'}: {len(d.get('parties', []))} parties, "
                   f"{len(d.get('officials', []))} officials, {len(d.get('commitments', []))} commitments"
                   + (" (already loaded)" if accepted.duplicate else ""))
        rows.append((path.name, accepted.id, status, summary))
    return rows


def main() -> int:
    import uvicorn

    from api.app import create_app
    from api.commands._common import load_settings, migrate
    from api.worker import session_factory_for

    settings = load_settings()
    if settings is None or migrate(settings) != 0:
        return 2
    logging.basicConfig(level=logging.WARNING)
    factory = session_factory_for(settings)
    key = demo_key(settings, factory)
    print(f"Database: {settings.resolved_database_url}")
    print(f"Loading {SAMPLES.relative_to(ROOT)}/ ...", flush=True)
    rows = load_samples(settings, factory)
    width = max((len(r[0]) for r in rows), default=10)
    for name, doc_id, status, summary in rows:
        print(f"  {name:<{width}}  #{doc_id if doc_id is not None else '-':<4} {status:<9} {summary}")
    if not rows:
        print("  (no sample documents found)")
    url = f"http://{settings.host}:{settings.port}"
    print()
    print(f"Demo admin API key: {key}")
    print(f"Web UI:  {url}/   (sign in with the key above)")
    print(f"API:     {url}/api/v1   docs: {url}/docs")
    print(f'Try:     curl -H "X-API-Key: {key}" {url}/api/v1/documents', flush=True)
    uvicorn.run(create_app(settings), host=settings.host, port=settings.port,
                log_level=settings.log_level.lower(), server_header=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
