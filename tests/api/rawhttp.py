"""Hand-made HTTP/1.1 requests for the cases a normal client cannot produce: headers without a
body, a body cut off mid-way, chunked bodies, and exact multipart bytes."""
from __future__ import annotations

import socket
import threading
import time
import uuid


def multipart(file_bytes: bytes, *, filename: bytes = b"doc.txt", content_type: bytes = b"text/plain",
              fields: dict[str, str] | None = None, boundary: str | None = None) -> tuple[bytes, str]:
    """(body, content-type header) with the filename bytes sent exactly as given."""
    boundary = boundary or uuid.uuid4().hex
    b = boundary.encode()
    parts = []
    for name, value in (fields or {}).items():
        parts.append(b"--" + b + b'\r\nContent-Disposition: form-data; name="' + name.encode() + b'"\r\n\r\n'
                     + value.encode() + b"\r\n")
    parts.append(b"--" + b + b'\r\nContent-Disposition: form-data; name="file"; filename="' + filename
                 + b'"\r\nContent-Type: ' + content_type + b"\r\n\r\n" + file_bytes + b"\r\n")
    parts.append(b"--" + b + b"--\r\n")
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def head(path: str, port: int, headers: dict[str, str]) -> bytes:
    lines = [f"POST {path} HTTP/1.1", f"Host: 127.0.0.1:{port}"] + [f"{k}: {v}" for k, v in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def read_response(sock: socket.socket, timeout: float) -> tuple[int, dict[str, str], bytes]:
    sock.settimeout(timeout)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    head_part, _, body = data.partition(b"\r\n\r\n")
    lines = head_part.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        k, _, v = line.partition(":")
        headers[k.strip().lower()] = v.strip()
    want = int(headers.get("content-length", "0"))
    try:
        while len(body) < want:
            chunk = sock.recv(65536)
            if not chunk:
                break
            body += chunk
    except OSError:
        pass
    return status, headers, body


def send_headers_only(port: int, path: str, headers: dict[str, str], timeout: float = 5.0
                      ) -> tuple[int, dict[str, str], bytes, float]:
    """Send the request head but no body; the server must answer anyway. Returns the seconds it took."""
    with socket.create_connection(("127.0.0.1", port)) as sock:
        started = time.monotonic()
        sock.sendall(head(path, port, headers))
        status, hdrs, body = read_response(sock, timeout)
        return status, hdrs, body, time.monotonic() - started


def send_chunked(port: int, path: str, headers: dict[str, str], chunks, timeout: float = 30.0
                 ) -> tuple[int, dict[str, str], bytes]:
    """Stream `chunks` with Transfer-Encoding: chunked while reading the answer concurrently
    (the server may answer, and stop reading, before the body ends)."""
    sock = socket.create_connection(("127.0.0.1", port))
    headers = {**headers, "Transfer-Encoding": "chunked"}
    sock.sendall(head(path, port, headers))

    def writer() -> None:
        try:
            for chunk in chunks:
                sock.sendall(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
            sock.sendall(b"0\r\n\r\n")
        except OSError:
            pass

    t = threading.Thread(target=writer, daemon=True)
    t.start()
    try:
        return read_response(sock, timeout)
    finally:
        sock.close()
        t.join(5)


def send_partial_and_close(port: int, path: str, headers: dict[str, str], body_prefix: bytes) -> None:
    """Announce a body, send only its beginning, then disconnect."""
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(head(path, port, headers) + body_prefix)
        time.sleep(0.5)
