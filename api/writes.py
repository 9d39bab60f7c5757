"""Write endpoints: upload agreements to load, forget a document or a person.

They need the API key from settings (``SAMSPIL_API_KEY``) in the ``X-API-Key``
header and are off (403) when no key is configured.
"""
from __future__ import annotations

import re
import secrets
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, HTTPException, Request, UploadFile
from fastapi.security import APIKeyHeader

from samspil.api.errors import ERROR_RESPONSES
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


@router.post("/documents", status_code=201)
async def upload_documents(request: Request, files: list[UploadFile] = File(...)) -> dict[str, Any]:
    """Extract the uploaded agreements (.txt .md .docx .pdf) and load them into the store.
    A file that cannot be read, or breaks a limit (``SAMSPIL_MAX_*``), is reported in
    ``errors``; the others are still loaded. Names must be distinct. 503 with
    ``Retry-After`` when too many writes are waiting."""
    _store(request)
    limits = request.app.state.settings.limits
    most = int(limits.max_file_mb * 2**20)
    uploads = []
    for f, name in zip(files, _names(files)):
        data = await f.read(most + 1)
        if len(data) > most:
            raise HTTPException(413, f"{name}: larger than the limit max_file_mb = "
                                     f"{limits.max_file_mb:g} (MB); nothing was loaded")
        uploads.append((name, data))
    return await _write(request, "upload", uploads, limits)


async def _write(request: Request, op: str, *args: Any) -> Any:
    """``op`` in the write worker (its CPU-bound part in the write process, see
    :mod:`samspil.api.write_process`), then the new graph loaded for readers before
    answering, so the writer reads its own write; readers meanwhile keep the last one."""
    state = request.app.state
    _store(request)
    cache, store_writer = state.cache, state.store_writer

    def job() -> Any:
        result = store_writer.call(op, *args)
        cache.changed()
        cache.refresh()
        return result
    return await state.writer.run(job)


@router.delete("/documents/{document_id:path}")
async def forget_document(request: Request, document_id: str) -> dict[str, Any]:
    """Forget everything one document contributed (id ``doc:...`` or its file name)."""
    result = await _write(request, "forget", document_id)
    return {"ok": True, "forgotten": document_id, "result": result}


@router.delete("/persons/{ref:path}")
async def forget_person(request: Request, ref: str) -> dict[str, Any]:
    """Forget a contact person everywhere (id, name or e-mail)."""
    result = await _write(request, "forget_person", ref)
    return {"ok": True, "forgotten": ref, "result": result}
