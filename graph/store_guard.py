"""Damaged or foreign store files end in a message, never a traceback.

:func:`guarded` wraps the public methods of the embedded store class. What a
damaged file raises (``sqlite3.DatabaseError``: "database disk image is
malformed", "file is not a database", "Could not decode to UTF-8"; a property or
report that is not JSON; a stored report that no longer matches the model) becomes
a :class:`~samspil.loaders.errors.StoreFormatError` naming the file, what is wrong
and what to do: ``samspil doctor`` checks the file, ``samspil doctor --repair``
rebuilds it from the stored reports (the old file is kept beside it), or restore a
backup. A busy or locked file is :class:`~samspil.loaders.errors.StoreUnavailable`.

Errors from the graph build are not all damage: when one happens, the stored
reports are checked against the model; an invalid one (written before samspil
validated reports) is named, otherwise the error is a bug and is raised as is.
"""
from __future__ import annotations

import functools
import json
import sqlite3
from collections.abc import Callable, Iterator
from typing import Any

from samspil.loaders.errors import SamspilError, StoreFormatError, StoreUnavailable

__all__ = ["guarded", "damaged", "invalid_reports", "WHAT_TO_DO"]

WHAT_TO_DO = ("run `samspil doctor` to check it and `samspil doctor --repair` to rebuild it from "
              "its stored reports (the damaged file is kept beside it), or restore it from a backup")
_BUILD_ERRORS = (TypeError, AttributeError, KeyError, ValueError, IndexError)


def damaged(path: Any, what: str) -> StoreFormatError:
    return StoreFormatError(f"the store {path} is damaged ({what}); {WHAT_TO_DO}")


def invalid_reports(db: sqlite3.Connection) -> Iterator[tuple[str, str]]:
    """(document, problem) of every stored report that is not JSON or not a valid report."""
    from samspil.loaders.validate import InvalidReport, validate_report

    for doc, text in db.execute("SELECT id, report FROM documents ORDER BY id"):
        try:
            validate_report(json.loads(text), document=doc)
        except json.JSONDecodeError as exc:
            yield doc, f"its stored report is not JSON ({exc})"
        except InvalidReport as exc:
            yield doc, exc.message


def _translate(store: Any, exc: BaseException) -> SamspilError | None:
    path = getattr(store, "path", "(the store)")
    if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
        return StoreUnavailable(f"the store {path} is busy ({exc}); another samspil is "
                                "writing to it - try again when it is done")
    if isinstance(exc, sqlite3.OperationalError) and "readonly" in str(exc).replace("-", ""):
        return StoreUnavailable(f"cannot write to the store {path} ({exc}); check the file's "
                                "permissions or choose another folder with --data-dir")
    if isinstance(exc, sqlite3.OperationalError) and "full" in str(exc):  # "database or disk is full"
        return StoreUnavailable(f"cannot write to the store {path}: the disk is full ({exc}); the write "
                                "was rolled back and the store is as it was: free some space and try again")
    if isinstance(exc, sqlite3.DatabaseError):
        return damaged(path, str(exc))
    if isinstance(exc, (json.JSONDecodeError, UnicodeDecodeError)):
        return damaged(path, f"a stored value is not readable JSON: {exc}")
    if isinstance(exc, _BUILD_ERRORS):
        db = store.__dict__.get("db") if hasattr(store, "__dict__") else None
        db = db if isinstance(db, sqlite3.Connection) else getattr(store, "db", None)
        try:
            bad = next(invalid_reports(db), None) if isinstance(db, sqlite3.Connection) else None
        except sqlite3.Error:
            bad = None
        if bad:
            doc, problem = bad
            return StoreFormatError(
                f"the store {path} holds a report that is not valid: {doc}: {problem}; "
                f"`samspil forget {doc}` removes it, or {WHAT_TO_DO}", document=None)
    return None


def _wrap(method: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(method)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except SamspilError:
            raise
        except Exception as exc:
            mapped = _translate(self, exc)
            if mapped is None:
                raise
            raise mapped from exc

    return wrapper


def guarded(cls: type) -> type:
    """Class decorator: every public method (and ``__init__``) maps store damage to
    samspil errors; the methods themselves stay unaware of it."""
    for name, value in list(vars(cls).items()):
        if callable(value) and (name == "__init__" or not name.startswith("_")):
            setattr(cls, name, _wrap(value))
    return cls
