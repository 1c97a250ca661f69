"""Sign in (API key or user account) and sign out."""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from api.web.context import FormDep, WebDep, safe_next

router = APIRouter(include_in_schema=False)


@router.get("/")
def home(web: WebDep) -> Response:
    return web.redirect("/dashboard" if web.principal else "/login")


@router.get("/login")
def login_page(web: WebDep, request: Request) -> Response:
    web.session.dirty = True  # the CSRF token must reach the browser before the first POST
    return web.render("login.html", {"next": safe_next(request.query_params.get("next"))})


def _principal_for_key(web, key: str) -> dict | None:
    principal = web.runtime.verify_key(key)  # the API's own key check (hashed, constant time)
    if principal is None:
        return None
    return {"kind": "key", "id": principal.key_id, "name": principal.name or f"key {principal.key_id}",
            "role": principal.role}


def _principal_for_user(web, username: str, password: str) -> dict | None:
    from models import repository

    with web.runtime.session() as session:
        user = repository.verify_user(session, username=username, password=password)
    if user is None:
        return None
    return {"kind": "user", "id": user["id"], "name": user["username"], "role": user["role"]}


@router.post("/login")
def login(web: WebDep, form: FormDep) -> Response:
    web.check_csrf(form)
    method = form.get("method", "key")
    principal = None
    if method == "key" and form.get("api_key", "").strip():
        principal = _principal_for_key(web, form["api_key"].strip())
    elif method == "user" and form.get("username", "").strip() and form.get("password"):
        principal = _principal_for_user(web, form["username"], form["password"])
    if principal is None:
        return web.render("login.html", {"next": safe_next(form.get("next")), "error": web.t("login.failed")},
                          status=401)
    web.session.sign_in(principal)
    return web.redirect(safe_next(form.get("next")))


@router.post("/logout")
def logout(web: WebDep, form: FormDep) -> Response:
    web.check_csrf(form)
    web.session.sign_out()
    web.flash("ok", "login.signed_out")
    return web.redirect("/login")
