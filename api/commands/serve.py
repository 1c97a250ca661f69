"""`janji serve [--host 127.0.0.1] [--port 8000]`: the API and web UI with the embedded worker."""
from __future__ import annotations

import logging


def register(sub) -> None:
    p = sub.add_parser("serve", help="serve the HTTP API and the web UI (runs migrations first)")
    p.add_argument("--host", default=None, help="bind address (default JANJI_HOST or 127.0.0.1)")
    p.add_argument("--port", type=int, default=None, help="port (default JANJI_PORT or 8000)")
    p.add_argument("--no-migrate", action="store_true", help="do not upgrade the database schema first")
    p.set_defaults(func=run)


def run(args) -> int:
    import uvicorn

    from api.app import create_app
    from api.commands._common import load_settings, migrate

    settings = load_settings()
    if settings is None:
        return 2
    logging.basicConfig(level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if not args.no_migrate and migrate(settings) != 0:
        return 2
    host = args.host or settings.host
    port = settings.port if args.port is None else args.port
    uvicorn.run(create_app(settings), host=host, port=port, log_level=settings.log_level.lower(),
                proxy_headers=False, server_header=False)
    return 0
