"""Streams a multipart upload to a temp file while hashing it; nothing is held in memory.

The body-size limit is enforced by `api.auth.GuardMiddleware` (it wraps `receive`); here we only
parse. On any failure (malformed multipart, client disconnect, disk full, too large) the temp
file is removed before the exception leaves `spool_upload`.
"""
from __future__ import annotations

import codecs
import errno
import hashlib
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from python_multipart.exceptions import FormParserError
from python_multipart.multipart import MultipartParser, parse_options_header
from starlette.requests import Request

from api.errors import ApiError

MAX_FIELD_BYTES = 4096
MAX_PARTS = 16
MAX_PART_HEADER_BYTES = 32 * 1024  # room for absurd (5,000-character) filenames, which we then cut


@dataclass
class SpooledUpload:
    path: Path | None = None       # temp file holding the uploaded bytes
    sha256: str = ""
    size: int = 0
    filename: str = ""             # as sent by the client: display only, never a path
    content_type: str = ""
    fields: dict[str, str] = field(default_factory=dict)

    def head(self, n: int = 8192) -> bytes:
        if self.path is None:
            return b""
        with open(self.path, "rb") as fh:
            return fh.read(n)

    def discard(self) -> None:
        if self.path is not None:
            try:
                os.unlink(self.path)
            except FileNotFoundError:
                pass
            self.path = None


class _Collector:
    """python-multipart callbacks: the part named `file` goes to disk, other parts are small fields."""

    def __init__(self, tmp_dir: Path, charset: str):
        self.tmp_dir = tmp_dir
        self.charset = charset
        self.upload = SpooledUpload()
        self._fh = None
        self._hash = hashlib.sha256()
        self._header_name = b""
        self._header_value = b""
        self._disposition = b""
        self._part_type = b""
        self._name: str | None = None
        self._is_file = False
        self._value = bytearray()
        self._parts = 0
        self.ended = False

    def on_part_begin(self) -> None:
        self._parts += 1
        if self._parts > MAX_PARTS:
            raise ApiError("malformed_multipart", f"more than {MAX_PARTS} parts")
        self._disposition = b""
        self._part_type = b""
        self._name = None
        self._is_file = False
        self._value = bytearray()

    def on_header_field(self, data: bytes, start: int, end: int) -> None:
        self._header_name += data[start:end]

    def on_header_value(self, data: bytes, start: int, end: int) -> None:
        self._header_value += data[start:end]

    def on_header_end(self) -> None:
        name = self._header_name.lower()
        if name == b"content-disposition":
            self._disposition = self._header_value
        elif name == b"content-type":
            self._part_type = self._header_value
        self._header_name = b""
        self._header_value = b""

    def on_headers_finished(self) -> None:
        _, options = parse_options_header(self._disposition)
        if b"name" not in options:
            raise ApiError("malformed_multipart", "a part has no Content-Disposition name")
        self._name = options[b"name"].decode(self.charset, errors="replace")
        if self._name == "file":
            if self._fh is not None:
                raise ApiError("malformed_multipart", "send exactly one part named 'file'")
            self._is_file = True
            self.upload.filename = options.get(b"filename", b"").decode(self.charset, errors="replace")
            self.upload.content_type = self._part_type.decode("latin-1", errors="replace")
            fd, path = tempfile.mkstemp(prefix="upload-", suffix=".part", dir=self.tmp_dir)
            self.upload.path = Path(path)
            self._fh = os.fdopen(fd, "wb")

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        chunk = data[start:end]
        if self._is_file:
            assert self._fh is not None
            self._fh.write(chunk)
            self._hash.update(chunk)
            self.upload.size += len(chunk)
        else:
            self._value.extend(chunk)
            if len(self._value) > MAX_FIELD_BYTES:
                raise ApiError("malformed_multipart", f"field {self._name!r} is longer than {MAX_FIELD_BYTES} bytes")

    def on_part_end(self) -> None:
        if not self._is_file and self._name is not None:
            self.upload.fields[self._name] = self._value.decode(self.charset, errors="replace")

    def on_end(self) -> None:
        self.ended = True

    def finish(self) -> SpooledUpload:
        if not self.ended:
            raise ApiError("malformed_multipart", "the multipart body ended before its closing boundary")
        if self._fh is not None:
            self._fh.flush()
            os.fsync(self._fh.fileno())
            self._fh.close()
            self._fh = None
        self.upload.sha256 = self._hash.hexdigest()
        return self.upload

    def abort(self) -> None:
        if self._fh is not None:
            try:
                self._fh.close()
            except OSError:
                pass
            self._fh = None
        self.upload.discard()


def _boundary(content_type: str) -> tuple[bytes, str]:
    kind, params = parse_options_header(content_type)
    if kind != b"multipart/form-data":
        raise ApiError("malformed_multipart", "send the document as multipart/form-data with a part named 'file'")
    boundary = params.get(b"boundary")
    if not boundary:
        raise ApiError("malformed_multipart", "multipart body without a boundary")
    charset = params.get(b"charset", b"utf-8").decode("latin-1")
    try:
        charset = codecs.lookup(charset).name
    except LookupError:
        charset = "latin-1"
    return boundary, charset


async def spool_upload(request: Request, tmp_dir: Path) -> SpooledUpload:
    """Parse the multipart body of `request` into a temp file under `tmp_dir`."""
    boundary, charset = _boundary(request.headers.get("content-type", ""))
    tmp_dir.mkdir(parents=True, exist_ok=True)
    collector = _Collector(tmp_dir, charset)
    callbacks = {name: getattr(collector, name) for name in (
        "on_part_begin", "on_part_data", "on_part_end", "on_header_field", "on_header_value",
        "on_header_end", "on_headers_finished", "on_end")}
    try:
        parser = MultipartParser(boundary, callbacks, max_header_size=MAX_PART_HEADER_BYTES)  # type: ignore[arg-type]
        async for chunk in request.stream():
            if chunk:
                parser.write(chunk)
        parser.finalize()
        upload = collector.finish()
    except ApiError:
        collector.abort()
        raise
    except FormParserError as exc:
        collector.abort()
        raise ApiError("malformed_multipart", f"the multipart body could not be parsed: {exc}") from None
    except OSError as exc:
        collector.abort()
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise ApiError("insufficient_storage", "the server has no space left to store the upload") from None
        raise
    except BaseException:
        collector.abort()
        raise
    if upload.path is None:
        upload.discard()
        raise ApiError("validation_error", "the multipart body has no part named 'file'")
    return upload
