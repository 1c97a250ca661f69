"""Content-addressed blob store: originals under `<root>/ab/cd/<sha256>`.

Writes go to a temp file in the same directory, are fsynced, then renamed (atomic on POSIX), so a
reader never sees half a file and a crash leaves at most a temp file that `sweep_temp` removes.
Nothing here ever deletes a stored original. A full disk raises `StorageFull` (the API maps it to
507) after removing the temp file.
"""
from __future__ import annotations

import errno
import hashlib
import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

_KEY = re.compile(r"^[0-9a-f]{64}$")
_CHUNK = 1 << 20


class StorageFull(OSError):
    """No space left (or quota exceeded) while storing a blob."""


class BlobNotFound(KeyError):
    pass


class BlobStore:
    def __init__(self, root: str | os.PathLike[str]):
        self.root = Path(root)

    def path_for(self, key: str) -> Path:
        if not _KEY.match(key):
            raise ValueError(f"not a sha256 blob key: {key!r}")
        return self.root / key[:2] / key[2:4] / key

    def exists(self, key: str) -> bool:
        return self.path_for(key).is_file()

    def put_bytes(self, data: bytes) -> str:
        return self.put_chunks([data])

    def put_file(self, stream: BinaryIO) -> str:
        return self.put_chunks(iter(lambda: stream.read(_CHUNK), b""))

    def put_chunks(self, chunks: Iterable[bytes], *, expected_sha256: str | None = None) -> str:
        """Store the bytes, return their sha256 key. Idempotent: the same bytes give the same key."""
        self.root.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        fd, tmp_name = tempfile.mkstemp(prefix=".tmp-", dir=self.root)
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as out:
                for chunk in chunks:
                    digest.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            key = digest.hexdigest()
            if expected_sha256 and expected_sha256 != key:
                raise ValueError("content does not match the expected sha256")
            final = self.path_for(key)
            if final.is_file():
                tmp.unlink()
                return key
            final.parent.mkdir(parents=True, exist_ok=True)
            os.replace(tmp, final)
            _fsync_dir(final.parent)
            return key
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            if exc.errno in (errno.ENOSPC, errno.EDQUOT):
                raise StorageFull(exc.errno, "no space left to store the upload") from exc
            raise
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise

    def open(self, key: str) -> BinaryIO:
        try:
            return self.path_for(key).open("rb")
        except FileNotFoundError as exc:
            raise BlobNotFound(key) from exc

    def read_bytes(self, key: str) -> bytes:
        with self.open(key) as fh:
            return fh.read()

    def sweep_temp(self) -> int:
        """Remove temp files left by a crash mid-write; returns how many were removed."""
        if not self.root.is_dir():
            return 0
        removed = 0
        for tmp in self.root.glob(".tmp-*"):
            tmp.unlink(missing_ok=True)
            removed += 1
        return removed


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
