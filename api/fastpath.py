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
from urllib.parse import parse_qsl

from samspil.api.state import GraphCache

__all__ = ["CachedResponses", "cache_key", "search_now", "GZIP_MIN"]

GZIP_MIN = 4096
INLINE_CANDIDATES = 2000    # a search checking at most this many names runs on the loop
LABELS = {"Plan", "Document", "Organisation", "Person", "Activity", "Zone", "TargetGroup",
          "FocusArea"}


def _search_args(query: bytes) -> tuple[str, str | None, int, int] | None:
    """``(q, label, limit, offset)`` of a plain, valid search query string; ``None`` for
    anything else (FastAPI then validates it and answers, with its errors)."""
    try:
        pairs = parse_qsl(query.decode("ascii"), keep_blank_values=True, strict_parsing=False)
    except UnicodeDecodeError:
        return None
    args = dict(pairs)
    if len(args) != len(pairs) or not set(args) <= {"q", "label", "limit", "offset"}:
        return None
    q, label = args.get("q", ""), args.get("label")
    limit, offset = args.get("limit", "20"), args.get("offset", "0")
    if not (1 <= len(q) <= 200) or (label is not None and label not in LABELS) \
            or not (limit.isdigit() and offset.isdigit() and limit.isascii() and offset.isascii()):
        return None
    if limit != str(int(limit)) or offset != str(int(offset)):
        return None     # "020": left to FastAPI's own parsing
    if not (1 <= int(limit) <= 1000 and 0 <= int(offset) <= 10_000_000):
        return None
    return q, label, int(limit), int(offset)


def search_now(snap: Any, key: tuple) -> bytes | None:
    """The body of an uncached ``/api/search`` computed here, before routing, when its
    query string is plain and valid and the search index narrows it to a few names
    (searches vary, so they miss the cache; FastAPI's routing, validation and hand-over
    to a thread cost more than the search). Otherwise ``None``: the route answers."""
    from samspil.api.routes import search_body
    from samspil.graph.lookup import fold

    args = _search_args(key[2])
    index = snap.indexes.get("trigram-index")
    if args is None or index is None or "context-index" not in snap.indexes:
        return None
    want = fold(args[0])
    if len(want) < 3 or len(index.candidates(want)) > INLINE_CANDIDATES:
        return None
    body = search_body(snap, *args)
    snap.keep(key, body)
    return body


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
        if body is None and scope["path"] == "/api/search":
            body = search_now(snap, key)
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
