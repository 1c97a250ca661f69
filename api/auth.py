"""API keys and roles, checked by a pure-ASGI middleware before any request body is read.

FastAPI parses a request body before dependencies run, so an auth dependency alone would let an
anonymous client make the server spool a large upload. `GuardMiddleware` therefore
1. authenticates `X-API-Key` for every `/api/v1` route (401 + `WWW-Authenticate: ApiKey`),
2. refuses a declared `Content-Length` over the limit (413) before reading anything, and
3. counts the bytes of chunked bodies and answers 413 as soon as the limit is crossed.
Role checks (403) are route dependencies (`require`), which still run before the upload route
reads its body because that route streams the body itself.
"""
from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated

import anyio
from fastapi import Depends, Request, Security
from fastapi.security import APIKeyHeader
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.errors import ApiError, error_body

log = logging.getLogger("janji.auth")

ROLES = ("ingest", "review", "admin")
# What each role may do. admin can do everything.
GRANTS: dict[str, frozenset[str]] = {
    "ingest": frozenset({"read", "ingest"}),
    "review": frozenset({"read", "review"}),
    "admin": frozenset({"read", "ingest", "review", "admin"}),
}
API_PREFIX = "/api/v1"
PUBLIC_PATHS = frozenset({"/api/v1/healthz"})
API_KEY_HEADER = "X-API-Key"


@dataclass(frozen=True)
class ApiPrincipal:
    key_id: int
    name: str
    role: str

    def can(self, permission: str) -> bool:
        return permission in GRANTS.get(self.role, frozenset())

    @property
    def actor(self) -> str:
        """What the audit trail records as `who`."""
        return f"key:{self.key_id}:{self.name}" if self.name else f"key:{self.key_id}"


class BodyTooLarge(Exception):
    pass


# An error sent before the body is read: a small declared body is read and dropped first, so the
# client can read the answer (closing with unread data makes the kernel reset the connection).
# Bigger bodies are never read: the connection is closed instead.
DRAIN_LIMIT = 64 * 1024


Verifier = Callable[[str], "ApiPrincipal | None"]


class GuardMiddleware:
    def __init__(self, app: ASGIApp, *, max_body_bytes: int, verifier: Callable[[], Verifier]):
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.verifier = verifier  # resolved per request: the engine exists only after start-up

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")
        headers = {k.lower(): v for k, v in scope.get("headers", [])}
        if path.startswith(API_PREFIX) and path not in PUBLIC_PATHS and scope.get("method") != "OPTIONS":
            key = headers.get(b"x-api-key", b"").decode("latin-1").strip()
            if not key:
                await _drain_small_body(headers, receive)
                await _send_error(send, 401, "unauthorized", f"send an API key in the {API_KEY_HEADER} header",
                                  {"www-authenticate": "ApiKey"})
                return
            try:
                principal = await anyio.to_thread.run_sync(self.verifier(), key)
            except Exception as exc:  # noqa: BLE001 - any failure of the key store (database) is a 503
                log.error("verifying an API key failed: %s", str(exc).splitlines()[0][:200] if str(exc) else exc)
                await _drain_small_body(headers, receive)
                await _send_error(send, 503, "database_unavailable", "the database is not reachable; retry later")
                return
            if principal is None:
                await _drain_small_body(headers, receive)
                await _send_error(send, 401, "unauthorized", "the API key is not valid",
                                  {"www-authenticate": "ApiKey"})
                return
            scope.setdefault("state", {})["principal"] = principal

        declared = headers.get(b"content-length")
        if declared is not None:
            try:
                length = int(declared)
            except ValueError:
                await _send_error(send, 400, "bad_request", "Content-Length is not a number")
                return
            if length > self.max_body_bytes:
                await _send_error(send, 413, "too_large",
                                  f"the body is {length} bytes; the limit is {self.max_body_bytes}")
                return

        received = 0
        started = False

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body_bytes:
                    raise BodyTooLarge()
            return message

        async def tracked_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted_receive, tracked_send)
        except BodyTooLarge:
            if started:
                raise
            await _send_error(send, 413, "too_large", f"the body is larger than {self.max_body_bytes} bytes")


async def _drain_small_body(headers: dict[bytes, bytes], receive: Receive) -> None:
    try:
        declared = int(headers.get(b"content-length", b"0"))
    except ValueError:
        return
    if b"transfer-encoding" in headers or not 0 < declared <= DRAIN_LIMIT:
        return
    received = 0
    while received < declared:
        message = await receive()
        if message["type"] != "http.request":
            return
        received += len(message.get("body", b""))
        if not message.get("more_body", False):
            return


async def _send_error(send: Send, status: int, code: str, message: str,
                      extra_headers: dict[str, str] | None = None) -> None:
    body = json.dumps(error_body(code, message)).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
               (b"connection", b"close")]
    headers += [(k.encode(), v.encode()) for k, v in (extra_headers or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


api_key_scheme = APIKeyHeader(name=API_KEY_HEADER, auto_error=False, scheme_name="ApiKey",
                              description="an API key from `janji keys create --role ingest|review|admin`")


def current_principal(request: Request,
                      _documented: Annotated[str | None, Security(api_key_scheme)] = None) -> ApiPrincipal:
    """The key was verified by GuardMiddleware before the body was read; here we only pick it up
    (`_documented` puts the scheme into the OpenAPI schema)."""
    principal = getattr(request.state, "principal", None)
    if principal is None:  # only reachable if a route outside /api/v1 asks for it
        raise ApiError("unauthorized", f"send an API key in the {API_KEY_HEADER} header",
                       headers={"WWW-Authenticate": "ApiKey"})
    return principal


Principal = Annotated[ApiPrincipal, Depends(current_principal)]


def require(permission: str) -> Callable[[ApiPrincipal], Awaitable[ApiPrincipal]]:
    async def check(principal: Principal) -> ApiPrincipal:
        if not principal.can(permission):
            raise ApiError("forbidden", f"a {principal.role} key may not {permission}; "
                                        f"ask for a key with one of the roles "
                                        f"{', '.join(r for r in ROLES if permission in GRANTS[r])}")
        return principal
    return check


Reader = Annotated[ApiPrincipal, Depends(require("read"))]
Ingester = Annotated[ApiPrincipal, Depends(require("ingest"))]
Reviewer = Annotated[ApiPrincipal, Depends(require("review"))]
Admin = Annotated[ApiPrincipal, Depends(require("admin"))]
