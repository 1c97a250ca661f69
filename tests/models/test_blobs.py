"""Content-addressed blob store: atomic writes, idempotent keys, a full disk is a clear error."""
from __future__ import annotations

import hashlib
import io
import os
import subprocess
from pathlib import Path

import pytest

from models.blobs import BlobNotFound, BlobStore, StorageFull


def test_put_and_read_back_by_sha256(tmp_path):
    store = BlobStore(tmp_path / "blobs")
    data = b"%PDF-1.7 not really" * 1000
    key = store.put_file(io.BytesIO(data))
    assert key == hashlib.sha256(data).hexdigest()
    assert store.read_bytes(key) == data and store.exists(key)
    assert store.path_for(key).relative_to(tmp_path / "blobs").parts[:2] == (key[:2], key[2:4])
    assert store.put_bytes(data) == key  # idempotent
    assert list((tmp_path / "blobs").glob(".tmp-*")) == []


def test_keys_are_never_paths(tmp_path):
    store = BlobStore(tmp_path)
    for bad in ("../../etc/passwd", "A" * 64, "", "ab"):
        with pytest.raises(ValueError):
            store.path_for(bad)
    with pytest.raises(BlobNotFound):
        store.open("0" * 64)


def test_failed_stream_leaves_no_temp_file_and_keeps_stored_originals(tmp_path):
    store = BlobStore(tmp_path)
    kept = store.put_bytes(b"original")

    def broken():
        yield b"partial bytes"
        raise ConnectionResetError("client went away")

    with pytest.raises(ConnectionResetError):
        store.put_chunks(broken())
    assert list(tmp_path.glob(".tmp-*")) == []
    assert store.read_bytes(kept) == b"original"
    with pytest.raises(ValueError):
        store.put_chunks([b"abc"], expected_sha256="0" * 64)
    assert list(tmp_path.glob(".tmp-*")) == []


def test_sweep_removes_temp_files_left_by_a_crash(tmp_path):
    store = BlobStore(tmp_path)
    (tmp_path / ".tmp-crashed").write_bytes(b"half")
    assert store.sweep_temp() == 1


@pytest.fixture
def tiny_fs(tmp_path: Path):
    mount = tmp_path / "tiny"
    mount.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    proc = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)], capture_output=True, check=False)
    if proc.returncode != 0:
        pytest.skip(f"cannot mount tmpfs here: {proc.stderr.decode().strip()}")
    yield mount
    subprocess.run(["umount", str(mount)], check=False)


def test_disk_full_raises_storage_full_and_cleans_up(tiny_fs):
    store = BlobStore(tiny_fs)
    small = store.put_bytes(b"fits")
    with pytest.raises(StorageFull):
        store.put_bytes(os.urandom(256 * 1024))
    assert list(tiny_fs.glob(".tmp-*")) == []
    assert store.read_bytes(small) == b"fits"
