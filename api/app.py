"""The samspil web app: read API under ``/api/``, OpenAPI docs at ``/docs``, and the
explorer page at ``/`` (static HTML + JS built on the same API; no second server).

``create_app(store=None, settings=None)`` builds it; tests inject a store on a
temporary data dir, or a fixed ``graph``.
"""
from __future__ import annotations

from importlib.metadata import version
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import FileResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline

import samspil.viz

from samspil.api import analyses, routes, writes
from samspil.api.routes import cached_json, snap
from samspil.api.errors import install_error_handler
from samspil.api.fastpath import GZIP_MIN, CachedResponses
from samspil.api.security import SecurityHeaders, TrustedHosts, reject_unknown_query
from samspil.api.state import GraphCache
from samspil.api.worker import WriteWorker
from samspil.api.write_process import StoreWriter
from samspil.graph.model import PartnershipGraph
from samspil.graph.settings import Settings, get_settings

__all__ = ["create_app", "default_store"]

STATIC = Path(__file__).parent / "static"
VIZ_STATIC = Path(samspil.viz.__file__).parent / "static"


def default_store(settings: Settings) -> Any:
    """The configured store (embedded SQLite by default, or Neo4j)."""
    from samspil.graph.store import open_store

    return open_store(settings)


def create_app(store: Any = None, settings: Settings | None = None, *,
               graph: PartnershipGraph | None = None, open_default_store: bool = False) -> FastAPI:
    """The FastAPI app over ``store`` (or a fixed ``graph``)."""
    settings = settings or get_settings()
    if store is None and graph is None and open_default_store:
        store = default_store(settings)
    # FastAPIOffline: FastAPI whose /docs (Swagger UI) and /redoc load their files from
    # the fastapi-offline wheel, not a CDN, so they work offline and behind firewalls.
    app = FastAPIOffline(title="samspil", version=version("samspil"),
                         description="Danish social-housing partnership agreements as a graph: "
                                     "plans, organisations, contact persons, activities, zones, "
                                     "target groups and focus areas, with the evidence behind "
                                     "every fact.",
                         dependencies=[Depends(reject_unknown_query)])
    app.state.settings = settings
    app.state.cache = GraphCache(settings, store=store, graph=graph)
    app.state.writer = WriteWorker()
    app.state.store_writer = StoreWriter(store) if store is not None else None
    if app.state.store_writer is not None:
        app.router.on_shutdown.append(app.state.store_writer.close)
    install_error_handler(app)
    app.add_middleware(GZipMiddleware, minimum_size=GZIP_MIN)
    app.add_middleware(CachedResponses, cache=app.state.cache)
    app.add_middleware(SecurityHeaders, embed_origins=settings.embed_origins)
    app.add_middleware(TrustedHosts, allowed=settings.allowed_hosts)   # outermost: runs first
    app.include_router(routes.router)
    app.include_router(analyses.router)
    app.include_router(writes.router)

    @app.get("/api/health", tags=["meta"])
    def health(request: Request) -> Response:
        """Version, store kind, counts of nodes and relationships, and whether writes are on."""
        return cached_json(request, snap(request), lambda s: {
            "ok": True, "version": version("samspil"), "store": settings.store,
            "writes": bool(settings.api_key), "redacted": settings.api_redact,
            "counts": s.counts()})

    @app.get("/", include_in_schema=False)
    def explorer() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")


    app.mount("/static/vis", StaticFiles(directory=VIZ_STATIC), name="vis")
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app
