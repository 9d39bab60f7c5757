"""Browser-facing hardening of every response, trusted hosts and strict query parameters.

* :class:`SecurityHeaders` (ASGI middleware) adds ``X-Content-Type-Options: nosniff``,
  ``Referrer-Policy: no-referrer`` and a Content-Security-Policy to every response.
  HTML pages get ``script-src 'self'`` plus the SHA-256 hash of each of their own
  inline scripts (views carry vis-network and their data inline, /docs its start-up
  script), computed from the body as it is sent, so no script that an attacker
  slips into a page can run, and no page template needs to know about CSP. Styles
  may be inline (``style-src 'self' 'unsafe-inline'``): the templates set colours
  in ``style`` attributes, and CSS cannot run code.
* Framing: views (``/api/views/...``) are meant for iframes in reports; they may be
  framed by the explorer itself and by the origins in ``SAMSPIL_EMBED_ORIGINS``.
  Everything else: ``frame-ancestors 'none'`` and ``X-Frame-Options: DENY``.
* :class:`TrustedHosts`: the ``Host`` header must be one of ``SAMSPIL_ALLOWED_HOSTS``
  (default: the loopback names), which defeats DNS rebinding against a local server.
* :func:`reject_unknown_query`: an ``/api/`` request with a query parameter the
  endpoint does not declare is refused with 422 (and so never fills the response cache).
"""
from __future__ import annotations

import base64
import hashlib
import re
from typing import Any

from fastapi import HTTPException, Request

__all__ = ["SecurityHeaders", "TrustedHosts", "reject_unknown_query", "csp_for_html", "EMBEDDABLE"]

EMBEDDABLE = "/api/views/"
_INLINE_SCRIPT = re.compile(rb"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S | re.I)
_NON_HTML_CSP = "default-src 'none'; frame-ancestors 'none'"


def csp_for_html(body: bytes, frame_ancestors: str) -> str:
    """The policy for one HTML page: its own inline scripts by hash, files from this server."""
    hashes = sorted({"'sha256-" + base64.b64encode(hashlib.sha256(m.group(1)).digest()).decode() + "'"
                     for m in _INLINE_SCRIPT.finditer(body) if m.group(1).strip()})
    return ("default-src 'self'; script-src 'self' " + " ".join(hashes) + "; "
            "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
            "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; "
            f"form-action 'self'; frame-ancestors {frame_ancestors}")


class SecurityHeaders:
    """Adds the headers above; buffers only HTML bodies (to hash their inline scripts)."""

    def __init__(self, app: Any, embed_origins: list[str] | tuple[str, ...] = ()) -> None:
        self.app = app
        self.embed = " ".join(["'self'", *embed_origins])

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        embeddable = scope["path"].startswith(EMBEDDABLE)
        ancestors = self.embed if embeddable else "'none'"
        start: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def wrapped(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", [])
                           if k.lower() not in (b"content-security-policy", b"x-frame-options")]
                headers += [(b"x-content-type-options", b"nosniff"),
                            (b"referrer-policy", b"no-referrer")]
                if not embeddable:
                    headers.append((b"x-frame-options", b"DENY"))
                message = {**message, "headers": headers}
                if _is_html(headers):
                    start.update(message)        # sent with the body, once hashed
                    return
                message["headers"].append((b"content-security-policy", _NON_HTML_CSP.encode()))
                await send(message)
                return
            if message["type"] == "http.response.body" and start:
                chunks.append(message.get("body", b""))
                if message.get("more_body"):
                    return
                body = b"".join(chunks)
                policy = csp_for_html(_plain(body, start["headers"]), ancestors)
                start["headers"].append((b"content-security-policy", policy.encode()))
                await send(start)
                await send({"type": "http.response.body", "body": body})
                return
            await send(message)

        await self.app(scope, receive, wrapped)


class TrustedHosts:
    """400 in the API's error shape for a ``Host`` header not in ``allowed`` (port ignored)."""

    def __init__(self, app: Any, allowed: list[str] | tuple[str, ...]) -> None:
        self.app = app
        self.allowed = {h.lower().strip("[]") for h in allowed}

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] not in ("http", "websocket") or "*" in self.allowed:
            await self.app(scope, receive, send)
            return
        raw = next((v for k, v in scope["headers"] if k == b"host"), b"").decode("latin-1").lower()
        host = _hostname(raw)
        if host in self.allowed:
            await self.app(scope, receive, send)
            return
        import json
        body = json.dumps({"ok": False, "status": 400, "error": (
            f"this server does not answer to the host name {host[:100]!r}; its operator can "
            "add it to SAMSPIL_ALLOWED_HOSTS")}).encode()
        await send({"type": "http.response.start", "status": 400,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


def _hostname(raw: str) -> str:
    """'localhost:8765' -> 'localhost'; '[::1]:8765' -> '::1'."""
    if raw.startswith("["):
        return raw[1:raw.find("]")] if "]" in raw else raw
    return raw.rsplit(":", 1)[0] if raw.count(":") == 1 else raw


def _is_html(headers: list[tuple[bytes, bytes]]) -> bool:
    return any(k.lower() == b"content-type" and v.startswith(b"text/html") for k, v in headers)


def _plain(body: bytes, headers: list[tuple[bytes, bytes]]) -> bytes:
    if any(k.lower() == b"content-encoding" and v == b"gzip" for k, v in headers):
        import gzip
        return gzip.decompress(body)
    return body


_ALLOWED: dict[int, frozenset[str]] = {}   # by id(route): routes live as long as their app


def _declared(route: Any) -> frozenset[str]:
    names = _ALLOWED.get(id(route))
    if names is None:
        found: set[str] = set()
        stack = [route.dependant]
        while stack:                      # the endpoint's parameters and its dependencies'
            dep = stack.pop()
            found.update(p.alias for p in dep.query_params)
            stack.extend(dep.dependencies)
        names = _ALLOWED[id(route)] = frozenset(found)
    return names


async def reject_unknown_query(request: Request) -> None:
    """422 for a query parameter the ``/api/`` endpoint does not declare."""
    route = request.scope.get("route")
    if route is None or not request.url.path.startswith("/api/") or not hasattr(route, "dependant"):
        return
    unknown = sorted(set(request.query_params) - _declared(route))
    if unknown:
        takes = ", ".join(sorted(_declared(route))) or "none"
        raise HTTPException(422, f"unknown query parameter(s) {', '.join(map(repr, unknown))}; "
                                 f"this endpoint takes: {takes}")
