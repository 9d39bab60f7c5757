"""The samspil error tree. Every error the user can cause is one of these.

::

    SamspilError                  base; carries a message that says what to do
    ├── InputError                a document cannot be read or understood
    │   ├── UnsupportedFormat     suffix with no reader
    │   ├── EmptyDocument         no text at all
    │   ├── NotAnAgreement        text, but nothing an agreement names (never stored as a plan)
    │   └── CorruptDocument       the file is damaged (bad PDF, bad .docx, binary data, ...)
    ├── VocabularyError           a vocabulary data file is malformed
    ├── StoreError                the graph store cannot be used (graph/)
    │   ├── StoreUnavailable      cannot reach / open the store
    │   ├── StoreBusy             another write holds the store: retry (503, Retry-After)
    │   └── StoreFormatError      unreadable or newer-format store file
    ├── NotFound / Ambiguous      a name on the command line / in the API
    └── InvalidQuery              a question that cannot be answered as asked

Errors carry context as keyword-only attributes (``document``, ``line``,
``page``). The CLI translates them in one decorator, the API in one handler;
``api_message`` is what the API says instead where the message tells a command-line
user what to do (a command to run), so an API user is told the route instead.
"""
from __future__ import annotations


def _restore(cls: type, args: tuple, state: dict) -> "SamspilError":
    """An error sent from a worker process (``samspil load --jobs``), as it was raised."""
    exc = cls.__new__(cls)
    exc.args = args
    exc.__dict__.update(state)
    return exc


class SamspilError(Exception):
    """Base of every error samspil raises on purpose."""

    status = 500

    def __init__(self, message: str, *, document: str | None = None,
                 line: int | None = None, page: int | None = None,
                 api_message: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.document = document
        self.line = line
        self.page = page
        self.api_message = api_message

    def __reduce__(self):  # subclasses take other keywords: restore without calling __init__
        return _restore, (type(self), self.args, dict(self.__dict__))

    def where(self) -> str:
        if not self.document:
            return ""
        loc = self.document
        if self.line is not None:
            loc += f":{self.line}"
        elif self.page is not None:
            loc += f" (page {self.page})"
        return loc

    def __str__(self) -> str:
        where = self.where()
        return f"{where}: {self.message}" if where else self.message


class InputError(SamspilError):
    status = 422


class UnsupportedFormat(InputError):
    pass


class EmptyDocument(InputError):
    pass


class CorruptDocument(InputError):
    pass


class NotAnAgreement(InputError):
    """Extraction found nothing at all: no plan name, party, focus area, activity,
    contact or zone. An error, not a warning: such a file is never stored as a plan."""


class VocabularyError(SamspilError):
    pass


class StoreError(SamspilError):
    status = 503


class StoreUnavailable(StoreError):
    pass


class StoreBusy(StoreError):
    """Another write (a load, upload or forget) holds the store longer than we may wait."""

    def __init__(self, message: str, *, retry_after: int = 5, **kw) -> None:
        super().__init__(message, **kw)
        self.retry_after = retry_after


class StoreFormatError(StoreError):
    status = 500


class NotFound(SamspilError):
    status = 404


class InvalidQuery(SamspilError):
    """A question that cannot be answered as asked (e.g. shared partners of one plan)."""

    status = 400


class Ambiguous(SamspilError):
    status = 409

    def __init__(self, message: str, *, candidates: list[str] | None = None, **kw) -> None:
        super().__init__(message, **kw)
        self.candidates = candidates or []
