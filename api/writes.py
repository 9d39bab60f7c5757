"""Write endpoints: upload agreements to load, forget a document or a person.

They need the API key from settings (``SAMSPIL_API_KEY``) in the ``X-API-Key``
header and are off (403) when no key is configured.
"""
from __future__ import annotations

import re
import secrets
import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, HTTPException, Request, UploadFile
from fastapi.security import APIKeyHeader

from samspil.api.errors import ERROR_RESPONSES
from samspil.cli.common import to_jsonable
from samspil.loaders.errors import StoreUnavailable

__all__ = ["router", "require_key"]

api_key_header = APIKeyHeader(name="X-API-Key", auto_error=False,
                              description="The key in SAMSPIL_API_KEY; writes are off without one.")


def require_key(request: Request,
                key: Annotated[str | None, Depends(api_key_header)] = None) -> None:
    configured = request.app.state.settings.api_key
    if not configured:
        raise HTTPException(403, "write endpoints are off: set SAMSPIL_API_KEY on the server")
    if not key or not secrets.compare_digest(key.encode(), configured.encode()):
        raise HTTPException(401, "missing or wrong API key (send it in the X-API-Key header)",
                            headers={"WWW-Authenticate": "X-API-Key"})


router = APIRouter(prefix="/api", tags=["write"], dependencies=[Depends(require_key)],
                   responses={401: ERROR_RESPONSES[422] | {"description": "Missing or wrong API key"},
                              403: ERROR_RESPONSES[422] | {"description": "Writes are off"},
                              **ERROR_RESPONSES})


def _store(request: Request) -> Any:
    store = request.app.state.cache.store
    if store is None:
        raise StoreUnavailable("this server has no store to write to (started on a fixed graph)")
    return store


def _safe_name(name: str | None) -> str:
    """The file name to store an upload under, or 422: no folders, no '.'/'..', not empty."""
    base = re.sub(r"[^\w.æøåÆØÅ-]+", "_", Path((name or "").replace("\\", "/")).name)[:120]
    if not base.strip("._"):
        raise HTTPException(422, f"the file name {name!r} cannot be used: give each file a name "
                                 "such as aftale.txt")
    return base


def _names(files: list[UploadFile]) -> list[str]:
    names = [_safe_name(f.filename) for f in files]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise HTTPException(422, f"two files are named {twice[0]!r}: a document is known by its "
                                 "file name, so rename one (nothing was loaded)")
    return names


def _error(name: str, exc: Any) -> str:
    """An extraction error as the client sees it: its file name, never a server path."""
    where = f":{exc.line}" if getattr(exc, "line", None) else \
        f" (page {exc.page})" if getattr(exc, "page", None) else ""
    return f"{name}{where}: {getattr(exc, 'message', str(exc))}"


@router.post("/documents", status_code=201)
async def upload_documents(request: Request, files: list[UploadFile] = File(...)) -> dict[str, Any]:
    """Extract the uploaded agreements (.txt .md .docx .pdf) and load them into the store.
    A file that cannot be read, or breaks a limit (``SAMSPIL_MAX_*``), is reported in
    ``errors``; the others are still loaded. Names must be distinct. 503 with
    ``Retry-After`` when too many writes are waiting."""
    store = _store(request)
    limits = request.app.state.settings.limits
    most = int(limits.max_file_mb * 2**20)
    uploads = []
    for f, name in zip(files, _names(files)):
        data = await f.read(most + 1)
        if len(data) > most:
            raise HTTPException(413, f"{name}: larger than the limit max_file_mb = "
                                     f"{limits.max_file_mb:g} (MB); nothing was loaded")
        uploads.append((name, data))
    cache = request.app.state.cache
    return await request.app.state.writer.run(lambda: _load_uploads(store, cache, uploads, limits))


def _load_uploads(store: Any, cache: Any, uploads: list[tuple[str, bytes]],
                  limits: Any) -> dict[str, Any]:
    """In the write worker: extract, save, and serve the new graph before answering."""
    from samspil.loaders.pipeline import extract_paths   # the extractors: on first upload

    with tempfile.TemporaryDirectory(prefix="samspil-upload-") as tmp:
        paths = []
        for name, data in uploads:
            p = Path(tmp) / name
            p.write_bytes(data)
            paths.append(p)
        results = list(extract_paths(paths, limits))
    reports = [r.report for r in results if r.ok]
    for r in reports:
        r.source_path = None            # the upload's temporary path means nothing to anyone
    summary = store.save(reports) if reports else None
    cache.changed()
    cache.refresh()
    return {"ok": True, "loaded": [r.document for r in reports],
            "errors": [{"document": r.path.name, "error": _error(r.path.name, r.error)}
                       for r in results if not r.ok],
            "summary": to_jsonable(summary)}


def _written(cache: Any, result: Any) -> Any:
    cache.changed()
    cache.refresh()
    return result


@router.delete("/documents/{document_id:path}")
async def forget_document(request: Request, document_id: str) -> dict[str, Any]:
    """Forget everything one document contributed (id ``doc:...`` or its file name)."""
    store, cache = _store(request), request.app.state.cache
    result = await request.app.state.writer.run(
        lambda: _written(cache, store.forget(document_id)))
    return {"ok": True, "forgotten": document_id, "result": to_jsonable(result)}


@router.delete("/persons/{ref:path}")
async def forget_person(request: Request, ref: str) -> dict[str, Any]:
    """Forget a contact person everywhere (id, name or e-mail)."""
    store, cache = _store(request), request.app.state.cache
    result = await request.app.state.writer.run(
        lambda: _written(cache, store.forget_person(ref)))
    return {"ok": True, "forgotten": ref, "result": to_jsonable(result)}
