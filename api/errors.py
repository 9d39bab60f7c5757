"""One error shape for every API failure (datasette's ``error_body``)::

    {"ok": false, "error": "no organisation matches 'x'; ...", "status": 404}

One handler maps samspil's errors (which carry ``.status``), HTTP errors,
request validation errors and anything unexpected (500, no traceback leaked).
"""
from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from samspil.loaders.errors import Ambiguous, SamspilError

__all__ = ["error_body", "handle_error", "install_error_handler", "ERROR_RESPONSES"]

log = logging.getLogger(__name__)

# an ambiguous name's candidate: what to give instead (id) and where it belongs (context)
CANDIDATE = {"type": "object", "required": ["id", "label", "name", "context"],
             "properties": {"id": {"type": "string"}, "label": {"type": "string"},
                            "name": {"type": "string"},
                            "context": {"type": "string", "description":
                                        "where it belongs: municipality, plans, a person's role"}}}
ERROR_SCHEMA = {"type": "object", "required": ["ok", "error", "status"],
                "properties": {"ok": {"type": "boolean", "const": False},
                               "error": {"type": "string"}, "status": {"type": "integer"},
                               "candidates": {"type": "array", "items": CANDIDATE},
                               "details": {"type": "array"}}}
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    code: {"description": desc, "content": {"application/json": {"schema": ERROR_SCHEMA}}}
    for code, desc in ((404, "Not found"), (409, "Ambiguous reference"),
                       (422, "Invalid request"))}


def error_body(message: str, status: int, **extra: Any) -> dict[str, Any]:
    return {"ok": False, "error": message, "status": status, **extra}


def _describe_validation(exc: RequestValidationError) -> tuple[str, list[dict[str, Any]]]:
    details = []
    for e in exc.errors():
        where = ".".join(str(p) for p in e.get("loc", ()) if p != "body") or "request"
        details.append({"where": where, "problem": str(e.get("msg", "invalid"))})
    msg = "; ".join(f"{d['where']}: {d['problem']}" for d in details[:5]) or "invalid request"
    return msg, details


async def handle_error(request: Request, exc: Exception) -> JSONResponse:
    headers = None
    extra: dict[str, Any] = {}
    if isinstance(exc, SamspilError):
        status, message = exc.status, getattr(exc, "api_message", None) or str(exc)
        if getattr(exc, "retry_after", None):
            headers = {"Retry-After": str(exc.retry_after)}
        if isinstance(exc, Ambiguous) and exc.candidates:
            extra["candidates"] = exc.candidates
    elif isinstance(exc, StarletteHTTPException):
        status, message = exc.status_code, str(exc.detail)
        if status == 404 and message == "Not Found":       # no route: say where they are
            message = (f"no such route: {request.method} {request.url.path}; the API's routes "
                       "are listed at /docs (OpenAPI: /openapi.json), e.g. GET /api/plans "
                       "lists the plans")
        headers = getattr(exc, "headers", None)
    elif isinstance(exc, RequestValidationError):
        status = 422
        message, extra["details"] = _describe_validation(exc)
    else:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        status, message = 500, f"internal error ({type(exc).__name__}); see the server log"
    message = hide_paths(message, getattr(request.app.state, "settings", None))
    return JSONResponse(error_body(message, status, **extra), status_code=status, headers=headers)


def hide_paths(message: str, settings: Any) -> str:
    """Server folders (the data folder, the temporary folder, the home folder) never reach
    a client: they tell an attacker about the machine and mean nothing to a user."""
    import os
    import tempfile

    folders = [(str(getattr(settings, "data_dir", "") or ""), "<data folder>"),
               (tempfile.gettempdir(), "<temp>"), (os.path.expanduser("~"), "~")]
    for folder, shown in folders:
        if len(folder) > 1 and folder in message:
            message = message.replace(folder, shown)
    return message


def install_error_handler(app: FastAPI) -> None:
    for cls in (SamspilError, StarletteHTTPException, RequestValidationError, Exception):
        app.add_exception_handler(cls, handle_error)
