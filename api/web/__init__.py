"""Server-rendered pages for staff and reviewers, in the same app as the API.

`mount(app)` (called by `api.app.create_app`) adds the page routes, `/static`, and the handlers
that turn `WebError`/`SignInRequired` into pages in the reader's language.
"""
from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles


def mount(app: FastAPI) -> None:
    from api.web import auth_pages, document_pages, status_pages, upload_pages
    from api.web.context import STATIC_DIR, SignInRequired, Web, WebError

    for module in (auth_pages, upload_pages, document_pages, status_pages):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")

    def _wants_json(request: Request) -> bool:
        accept = request.headers.get("accept", "")
        return "application/json" in accept and "text/html" not in accept

    @app.exception_handler(WebError)
    async def web_error(request: Request, exc: WebError) -> Response:
        web = Web(request)
        message = web.t(exc.key, **exc.params)
        if _wants_json(request):
            return web.finish(JSONResponse({"error": {"code": exc.key, "message": message}, "display": message},
                                           status_code=exc.status))
        return web.render("error.html", {"message": message}, status=exc.status)

    @app.exception_handler(SignInRequired)
    async def sign_in(request: Request, exc: SignInRequired) -> Response:
        web = Web(request)
        if _wants_json(request):
            return web.finish(JSONResponse({"error": {"code": "unauthorized", "message": web.t("login.required")}},
                                           status_code=401))
        return web.sign_in_redirect()
