"""`janji flags [--all] [--json] [--as-of YYYY-MM-DD] [--rematch]`: commitments with no activity (or all).

--json prints exactly the array of DESIGN.md: {"commitment_id", "text", "agreement", "parties",
"status", "due", "evidence": [{"report", "text", "score"}]}; without --all only flagged rows
(no_activity, overdue). Without --json a readable table.
"""
from __future__ import annotations

import datetime as dt
import json
import sys
import textwrap


def register(sub) -> None:
    p = sub.add_parser("flags", help="commitments with no activity (or all, with --all) and their evidence")
    p.add_argument("--all", action="store_true", help="every commitment, not only flagged ones")
    p.add_argument("--json", action="store_true", help="print the JSON array")
    p.add_argument("--as-of", metavar="YYYY-MM-DD", help="status as of this date (default: today)")
    p.add_argument("--rematch", action="store_true",
                   help="match the stored reports again first (after agreements were added or corrected)")
    p.set_defaults(func=run)


def run(args) -> int:
    from api.commands._common import load_settings, migrate
    from api.errors import cli_fail

    as_of = dt.date.today()
    if args.as_of:
        try:
            as_of = dt.date.fromisoformat(args.as_of)
        except ValueError:
            return cli_fail(f"--as-of: not a date (YYYY-MM-DD): {args.as_of[:40]!r}")
    settings = load_settings()
    if settings is None or migrate(settings) != 0:
        return 2
    from api.services import matching
    from api.worker import session_factory_for

    with session_factory_for(settings)() as session:
        if args.rematch:
            matching.rematch_reports(session, settings=settings)
        rows = matching.flags(session, as_of=as_of, only_flagged=not args.all)
    if args.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(render_table(rows, as_of))
    return 0


def render_table(rows: list[dict], as_of: dt.date) -> str:
    if not rows:
        return f"no commitments to show as of {as_of.isoformat()}\n"
    lines = [f"{'id':>5}  {'status':12}  {'due':10}  commitment / evidence"]
    for r in rows:
        text = textwrap.shorten(r["text"], 90, placeholder="…")
        lines.append(f"{r['commitment_id']:>5}  {r['status']:12}  {r.get('due') or '-':10}  {text}")
        lines.append(f"{'':33}agreement: {textwrap.shorten(str(r['agreement']), 80, placeholder='…')}")
        for e in r["evidence"]:
            ev = textwrap.shorten(e["text"], 70, placeholder="…")
            lines.append(f"{'':33}- {e['report']} ({e['score']:.2f}): {ev}")
    flagged = sum(r["status"] != "has_activity" for r in rows)
    lines.append(f"{len(rows)} commitments, {flagged} flagged (no activity or overdue) as of {as_of.isoformat()}")
    return "\n".join(lines) + "\n"
