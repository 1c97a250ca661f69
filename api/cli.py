"""`janji` command line. Each sub-command lives in its own module under api/commands/ and
exposes `register(subparsers)`; the parser sets `func(args) -> int` as the exit code."""
from __future__ import annotations

import argparse
import importlib
import sys

COMMAND_MODULES = ["extract", "ingest", "serve", "keys", "reextract", "migrate", "worker", "flags"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="janji", description="Promises made in MoUs, and whether anything was done.")
    sub = parser.add_subparsers(dest="command", required=True)
    for name in COMMAND_MODULES:
        importlib.import_module(f"api.commands.{name}").register(sub)
    return parser




def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse prints its own one-line usage error
        return 2 if exc.code else 0
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
