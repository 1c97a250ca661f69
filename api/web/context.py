"""Per-request plumbing of the web pages: language, signed session, CSRF, rendering, redirects.

`Web` (a dependency) bundles what a page handler needs. Pages never talk to the database
directly: they call the same repository functions and services as the API routes, through
`runtime.session()` of the app (api.deps.Runtime).
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape

from api.web import i18n
from api.web.session import (
    CSRF_FIELD,
    CSRF_HEADER,
    SESSION_COOKIE,
    SESSION_MAX_AGE,
    Signer,
    WebSession,
    load_secret,
)

PACKAGE_DIR = Path(__file__).resolve().parents[1]
TEMPLATE_DIR = PACKAGE_DIR / "templates"
STATIC_DIR = PACKAGE_DIR / "static"
# what the API's auth grants each role; the web pages use the same table
try:
    from api.auth import GRANTS
except ImportError:  # pragma: no cover - auth always ships with the app
    GRANTS = {}


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATE_DIR)), autoescape=select_autoescape(["html"]),
                      trim_blocks=True, lstrip_blocks=True)
    env.globals["static_url"] = static_url
    return env


@lru_cache(maxsize=64)
def _static_version(name: str) -> str:
    try:
        return hashlib.sha256((STATIC_DIR / name).read_bytes()).hexdigest()[:10]
    except OSError:
        return "0"


def static_url(name: str) -> str:
    return f"/static/{name}?v={_static_version(name)}"


# Only our own script and styles; inline style attributes (bar widths) are the one allowance.
CONTENT_SECURITY_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                           "img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; "
                           "object-src 'none'")


class WebError(Exception):
    """Rendered as an HTML error page (or JSON for script requests) in the chosen language."""

    def __init__(self, status: int, key: str, **params: Any) -> None:
        super().__init__(key)
        self.status = status
        self.key = key
        self.params = params


class SignInRequired(Exception):
    pass


def safe_next(url: str | None, default: str = "/dashboard") -> str:
    """Only same-site paths: never an open redirect."""
    if not url or not url.startswith("/") or url.startswith("//") or "\\" in url:
        return default
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return default
    return url


class Web:
    def __init__(self, request: Request) -> None:
        self.request = request
        app_state = request.app.state
        self.runtime = app_state.runtime
        self.settings = app_state.settings
        self.signer: Signer = _signer(app_state)
        self.session = WebSession.from_payload(self.signer.unsign(request.cookies.get(SESSION_COOKIE)))
        chosen = i18n.normalise_language(request.query_params.get("lang"))
        self.lang_changed = chosen is not None and chosen != request.cookies.get(i18n.LANGUAGE_COOKIE)
        self.lang = chosen or i18n.normalise_language(request.cookies.get(i18n.LANGUAGE_COOKIE)) \
            or i18n.DEFAULT_LANGUAGE

    # -- who ----------------------------------------------------------------------------------
    @property
    def principal(self) -> dict[str, Any] | None:
        return self.session.principal

    @property
    def actor(self) -> str:
        """What the audit trail records as `who` (same form as the API's ApiPrincipal.actor)."""
        p = self.principal or {}
        prefix = "key" if p.get("kind") == "key" else "user"
        return f"{prefix}:{p.get('id')}:{p.get('name')}" if p.get("name") else f"{prefix}:{p.get('id')}"

    def can(self, permission: str) -> bool:
        role = (self.principal or {}).get("role", "")
        return permission in GRANTS.get(role, frozenset())

    def require(self, permission: str = "read") -> None:
        if self.principal is None:
            raise SignInRequired()
        if not self._principal_still_valid():
            self.session.sign_out()
            raise SignInRequired()
        if not self.can(permission):
            raise WebError(403, "error.forbidden", role=self.principal.get("role"))

    def _principal_still_valid(self) -> bool:
        """A revoked key, a disabled user or a changed role ends the session at the next request."""
        from models import repository
        from models.errors import NotFound

        p = self.principal or {}
        with self.runtime.session() as session:
            if p.get("kind") == "user":
                try:
                    user = repository.get_user(session, user_id=int(p.get("id", 0)))
                except NotFound:
                    return False
                return not user.get("disabled") and user.get("role") == p.get("role")
            return any(k["id"] == p.get("id") and not k.get("revoked") and k["role"] == p.get("role")
                       for k in repository.list_api_keys(session))

    def check_csrf(self, form: dict[str, Any] | None = None) -> None:
        token = self.request.headers.get(CSRF_HEADER) or (form or {}).get(CSRF_FIELD)
        if not self.session.csrf_ok(token):
            raise WebError(403, "error.csrf")

    # -- words ----------------------------------------------------------------------------------
    def t(self, key: str, **params: Any) -> str:
        return i18n.translate(self.lang, key, **params)

    def flash(self, level: str, key: str, **params: Any) -> None:
        self.session.flash(level, self.t(key, **params))

    def lang_url(self, code: str) -> str:
        query = [(k, v) for k, v in self.request.query_params.multi_items() if k != "lang"]
        query.append(("lang", code))
        return f"{self.request.url.path}?{urlencode(query)}"

    # -- responses ------------------------------------------------------------------------------
    def render(self, template: str, context: dict[str, Any] | None = None, *, status: int = 200,
               flashes: bool = True) -> HTMLResponse:
        ctx = {"lang": self.lang, "t": self.t, "csrf": self.session.csrf, "principal": self.principal,
               "lang_url": self.lang_url, "section": "/" + self.request.url.path.strip("/").split("/")[0],
               "js_messages": i18n.js_messages(self.lang), "flashes": self.session.pop_flashes() if flashes else [],
               "can_review": self.can("review"), "can_ingest": self.can("ingest")}
        ctx.update(context or {})
        html = environment().get_template(template).render(ctx)
        return self.finish(HTMLResponse(html, status_code=status))

    def redirect(self, url: str, *, status: int = 303) -> RedirectResponse:
        return self.finish(RedirectResponse(url, status_code=status))  # type: ignore[return-value]

    def finish(self, response: Response) -> Response:
        secure = self.request.url.scheme == "https"
        if self.session.dirty:
            response.set_cookie(SESSION_COOKIE, self.signer.sign(self.session.to_payload()),
                                max_age=SESSION_MAX_AGE, httponly=True, samesite="lax", secure=secure, path="/")
        if self.lang_changed:
            response.set_cookie(i18n.LANGUAGE_COOKIE, self.lang, max_age=365 * 24 * 3600, samesite="lax",
                                secure=secure, path="/")
        response.headers.setdefault("Cache-Control", "no-store")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        if response.headers.get("content-type", "").startswith("text/html"):
            response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        return response

    def sign_in_redirect(self) -> RedirectResponse:
        path = self.request.url.path
        if self.request.url.query:
            path += "?" + self.request.url.query
        self.flash("info", "login.required")
        return self.redirect("/login?" + urlencode({"next": path}))


def _signer(app_state: Any) -> Signer:
    signer = getattr(app_state, "web_signer", None)
    if signer is None:
        settings = app_state.settings
        signer = Signer(load_secret(getattr(settings, "secret_key", None), Path(settings.data_dir)))
        app_state.web_signer = signer
    return signer


def get_web(request: Request) -> Web:
    return Web(request)


WebDep = Annotated[Web, Depends(get_web)]


async def form_data(request: Request) -> dict[str, Any]:
    """The urlencoded/multipart fields of a small form (uploads use api.upload instead)."""
    form = await request.form(max_files=0, max_fields=64)
    return {k: v for k, v in form.multi_items() if isinstance(v, str)}


FormDep = Annotated[dict[str, Any], Depends(form_data)]
