"""`janji extract FILE...`: one JSON object per file on stdout (JSON Lines)."""
from __future__ import annotations

import hashlib
import json
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from api.errors import cli_fail
from extractor.errors import IngestError
from extractor.extract import extract
from extractor.limits import Limits
from extractor.reading import read_document


def register(sub) -> None:
    p = sub.add_parser("extract", help="extract parties, officials, dates and commitments as JSON Lines")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--text", action="store_true", help="add the whole document text as \"text\"")
    p.add_argument("--jobs", type=int, default=0, help="files processed at once (default: cores)")
    p.set_defaults(func=run)


def extract_file(path: str, with_text: bool = False) -> dict:
    """Read and extract one file; a bad file becomes {"source", "error"} instead of raising."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        return {"source": path, "error": {"code": "not_found", "message": str(exc.strerror or exc)}}
    try:
        doc = read_document(data, name=os.path.basename(path), limits=Limits())
        out = extract(doc, source=path, sha256=hashlib.sha256(data).hexdigest()).to_dict()
    except IngestError as exc:
        return {"source": path, "error": exc.to_dict()}
    if with_text:
        out["text"] = doc.text
    return out


def run(args) -> int:
    jobs = args.jobs or min(len(args.files), os.cpu_count() or 1)
    progress = sys.stderr.isatty()
    failed = 0
    if jobs > 1:
        pool = ProcessPoolExecutor(max_workers=jobs)
        results = pool.map(extract_file, args.files, [args.text] * len(args.files))
    else:
        pool = None
        results = (extract_file(f, args.text) for f in args.files)
    for i, out in enumerate(results, 1):
        print(json.dumps(out, ensure_ascii=False), flush=True)
        if "error" in out:
            failed += 1
            cli_fail(f"{out['source']}: {out['error']['code']}: {out['error']['message']}")
        if progress:
            print(f"\r[{i}/{len(args.files)}] {os.path.basename(out['source'])[:40]:40}", end="", file=sys.stderr)
    if progress:
        print(file=sys.stderr)
    if pool:
        pool.shutdown()
    return 2 if failed else 0
