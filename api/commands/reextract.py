"""`janji reextract [--document ID | --all]`: run extraction again on stored originals (after a
rule or model change). Reviewer values are never overwritten; what re-extraction would have
changed in them is printed (and kept on the extraction run for review)."""
from __future__ import annotations

import json
import logging


def register(sub) -> None:
    p = sub.add_parser("reextract", help="re-run extraction on stored documents (reviewer values are kept)")
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--document", type=int, metavar="ID", help="one document")
    g.add_argument("--all", action="store_true", help="every stored document")
    p.add_argument("--json", action="store_true", help="one JSON object per document")
    p.set_defaults(func=run)


def run(args) -> int:
    from api.commands._common import load_settings, migrate
    from api.errors import cli_fail
    from api.services.reextract import reextract_document
    from api.worker import session_factory_for
    from models import repository
    from models.errors import NotFound

    settings = load_settings()
    if settings is None or migrate(settings) != 0:
        return 2
    logging.basicConfig(level=logging.WARNING)
    factory = session_factory_for(settings)
    if args.all:
        ids = []
        with factory() as session:
            while True:
                page = repository.list_documents(session, limit=100, offset=len(ids))
                ids += [d["id"] for d in page["items"]]
                if not page["items"] or len(ids) >= page["total"]:
                    break
        ids.sort()
    else:
        ids = [args.document]
    failed = 0
    for document_id in ids:
        try:
            result = reextract_document(factory, settings, document_id)
        except NotFound:
            failed += 1
            cli_fail(f"no document with id {document_id}")
            continue
        if args.json:
            print(json.dumps(result, ensure_ascii=False, default=str))
            continue
        print(f"document {document_id}: {result['status']}"
              + (f" ({result['error']['code']})" if result.get("error") else ""))
        for diff in result.get("kept_reviewer_values", []):
            print(f"  kept reviewer value {diff.get('entity', '')} {diff.get('id', '')} "
                  f"{diff.get('field', '')}: {json.dumps(diff.get('current'), ensure_ascii=False)} "
                  f"(extraction now says {json.dumps(diff.get('extracted'), ensure_ascii=False)})")
        if result["status"] in ("failed", "rejected"):
            failed += 1
    return 2 if failed else 0
