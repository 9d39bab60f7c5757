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

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool
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


def _names(files: list[str | None]) -> list[str]:
    names = [_safe_name(f) for f in files]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise HTTPException(422, f"two files are named {twice[0]!r}: a document is known by its "
                                 "file name, so rename one (nothing was loaded)")
    return names


_UPLOAD_BODY = {"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
    "type": "object", "required": ["files"],
    "properties": {"files": {"type": "array", "items": {"type": "string", "format": "binary"}}}}}}}}


@router.post("/documents", status_code=201, openapi_extra=_UPLOAD_BODY)
async def upload_documents(request: Request) -> Any:
    """Extract the uploaded agreements (.txt .md .docx .pdf, multipart form field
    ``files``, one or more) and load them into the store. A file that cannot be read, or
    breaks a limit (``SAMSPIL_MAX_*``), is reported in ``errors``; the others are still
    loaded (422 with ``ok: false`` when none is). What a loaded agreement always names and
    none of the rules found is in ``warnings``. Names must be distinct. 503 with ``Retry-After`` when too many writes are
    waiting. The body is spooled to disk as it arrives and parsed in a worker thread,
    so the server keeps answering while a large upload comes in."""
    _store(request)
    limits = request.app.state.settings.limits
    most = int(limits.max_file_mb * 2**20)
    body = await _spool(request, most)
    try:
        parts = await run_in_threadpool(_parse_files, request.headers, body, most)
    finally:
        body.close()
    names = _names([name for name, _ in parts])
    result = await _write(request, "upload", [(n, data) for n, (_, data) in zip(names, parts)], limits)
    if not result["loaded"]:  # every file refused: nothing was stored (201 would say something was)
        return JSONResponse(status_code=422, content={
            **result, "error": f"none of the {len(parts)} file(s) could be loaded (see errors); nothing was stored"})
    return result


async def _spool(request: Request, most: int) -> Any:
    """The request body in a temporary file (in memory up to 1 MiB); 413 when it is
    larger than ``MAX_FILES`` files of the size limit could be."""
    body = tempfile.SpooledTemporaryFile(max_size=2**20)
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_FILES * (most + 2**16):
            body.close()
            raise HTTPException(413, f"the upload is larger than {MAX_FILES} files of the limit max_file_mb; "
                                     "nothing was loaded")
        body.write(chunk)  # (buffered: a chunk of the socket's size is copied, not synced)
    body.seek(0)
    return body


MAX_FILES = 20  # files in one upload


def _parse_files(headers: Any, body: Any, most: int) -> list[tuple[str | None, bytes]]:
    """(file name, bytes) of each ``files`` part of a multipart body (python-multipart,
    the parser Starlette uses, run here off the event loop)."""
    from python_multipart import parse_form
    from python_multipart.exceptions import FormParserError

    if "multipart/form-data" not in headers.get("content-type", ""):
        raise HTTPException(422, "send the agreements as multipart/form-data, each in a field named 'files'")
    parts: list[tuple[str | None, bytes]] = []

    def on_file(f: Any) -> None:
        if (f.field_name or b"") != b"files":
            return
        f.file_object.seek(0)
        data = f.file_object.read(most + 1)
        name = f.file_name.decode("utf-8", "replace") if f.file_name else None
        if len(data) > most:
            raise HTTPException(413, f"{name}: larger than the limit max_file_mb = {most / 2**20:g} (MB); "
                                     "nothing was loaded")
        parts.append((name, data))

    try:
        parse_form({"Content-Type": headers["content-type"].encode()}, body, lambda field: None, on_file)
    except FormParserError as e:
        raise HTTPException(422, f"the upload is not a readable multipart form ({e}); nothing was loaded") from e
    if not parts:
        raise HTTPException(422, "no file in the upload: send each agreement in a form field named 'files'")
    return parts


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
