"""Answer repeated GETs from the response cache before routing (ASGI middleware).

Every read endpoint serialises its JSON once per loaded graph and URL
(:func:`samspil.api.routes.cached_json`). This middleware serves those bytes
straight away when the same URL comes again, skipping routing, parameter
validation and dependency injection (about 1 ms per request in FastAPI, the
bulk of a cached request's cost), and gzips large bodies once. A changed store
gives a new snapshot, whose cache starts empty, so nothing stale is served.
"""
from __future__ import annotations

import gzip
from typing import Any

from samspil.api.state import GraphCache

__all__ = ["CachedResponses", "cache_key", "GZIP_MIN"]

GZIP_MIN = 4096


def cache_key(scope: dict[str, Any]) -> tuple[str, str, bytes]:
    return ("json", scope["path"], scope.get("query_string", b""))


class CachedResponses:
    def __init__(self, app: Any, cache: GraphCache) -> None:
        self.app = app
        self.cache = cache

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or not scope["path"].startswith("/api/"):
            await self.app(scope, receive, send)
            return
        try:
            snap = self.cache.snapshot()
        except Exception:  # let the app answer: its error handler gives the error shape
            await self.app(scope, receive, send)
            return
        key = cache_key(scope)
        body = snap.memo.get(key)
        if body is None:
            await self.app(scope, receive, send)
            return
        headers = [(b"content-type", b"application/json")]
        accepts = b"".join(v for k, v in scope["headers"] if k == b"accept-encoding")
        if len(body) >= GZIP_MIN:
            headers.append((b"vary", b"Accept-Encoding"))
            if b"gzip" in accepts:
                body = snap.cached(("gzip", *key[1:]), lambda: gzip.compress(body, 5))
                headers.append((b"content-encoding", b"gzip"))
        headers.append((b"content-length", str(len(body)).encode()))
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body})
