"""`janji keys create --role ROLE [--label TEXT]` (the key is the last word on stdout),
`janji keys list`, `janji keys revoke ID`."""
from __future__ import annotations

from api.auth import ROLES
from api.errors import cli_fail


def register(sub) -> None:
    p = sub.add_parser("keys", help="create, list and revoke API keys")
    ks = p.add_subparsers(dest="keys_command", required=True)
    c = ks.add_parser("create", help="create a key and print it (shown only once)")
    c.add_argument("--role", required=True, choices=ROLES)
    c.add_argument("--label", default="", help="who the key is for (shown in the audit trail)")
    c.set_defaults(func=create)
    ls = ks.add_parser("list", help="list keys (never the secret)")
    ls.set_defaults(func=list_keys)
    r = ks.add_parser("revoke", help="revoke a key by its id or prefix (as shown by `janji keys list`)")
    r.add_argument("key_id", metavar="ID_OR_PREFIX")
    r.set_defaults(func=revoke)


def _session():
    from api.commands._common import load_settings, migrate
    from api.worker import session_factory_for

    settings = load_settings()
    if settings is None or migrate(settings) != 0:
        return None
    return session_factory_for(settings)()


def create(args) -> int:
    from models import repository

    session = _session()
    if session is None:
        return 2
    with session:
        key = repository.create_api_key(session, role=args.role, label=args.label)
    print(f"created {args.role} key: {key}")
    return 0


def list_keys(args) -> int:
    from models import repository

    session = _session()
    if session is None:
        return 2
    with session:
        for key in repository.list_api_keys(session):
            state = "revoked" if key.get("revoked") else "active"
            print(f"{key['id']}\t{key['role']}\t{state}\t{key.get('prefix', '')}…\t{key.get('label', '')}")
    return 0


def revoke(args) -> int:
    from models import repository

    session = _session()
    if session is None:
        return 2
    with session:
        count = repository.revoke_api_key(session, prefix=str(args.key_id))
    if not count:
        return cli_fail(f"no active API key with id or prefix {args.key_id}")
    print(f"revoked {count} key(s) {args.key_id}")
    return 0
