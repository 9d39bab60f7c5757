"""Limits on what one document may cost to read, with their defaults.

A hostile or broken file must end in a clear error, not in gigabytes of memory
or minutes of CPU. Every limit is a setting (environment variable
``SAMSPIL_<NAME>``, the same names as the fields of
:class:`samspil.graph.settings.Settings`) and every refusal is a
:class:`LimitExceeded` that names the file, the limit, its value and the
variable that raises it. A batch goes on after a file hits a limit.

The loaders read the variables themselves (:func:`current_limits`): ``samspil
extract`` does not pay for the settings stack it otherwise never uses.
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass, fields

from samspil.loaders.errors import InputError

__all__ = ["Limits", "LimitExceeded", "current_limits", "Deadline", "DEFAULT_LIMITS"]

MiB = 2**20


class LimitExceeded(InputError):
    """A document is larger or slower than a configured limit allows."""

    status = 413

    def __init__(self, message: str, *, limit: str, **kw) -> None:
        super().__init__(message, **kw)
        self.limit = limit


@dataclass(frozen=True)
class Limits:
    """What one document may cost. Defaults are ~20-100x the largest real agreement
    seen (a 130-page strategic agreement with its delaftaler: 0.3 MB of text)."""

    max_file_mb: float = 100.0          # bytes on disk of one uploaded or loaded file
    max_docx_part_mb: float = 64.0      # decompressed size of one part of a .docx package
    max_docx_total_mb: float = 256.0    # decompressed size of the whole .docx package
    max_pdf_pages: int = 2000           # pages of one PDF
    max_chars: int = 20_000_000         # characters of text in one document
    max_seconds: float = 120.0          # reading + extracting one document

    def refuse(self, name: str, what: str, document: str, **where) -> LimitExceeded:
        """The error for document ``document`` breaking limit ``name`` (``what`` says how)."""
        value = getattr(self, name)
        shown = f"{value:,}" if isinstance(value, int) or float(value).is_integer() and value >= 1000 else f"{value:g}"
        env = "SAMSPIL_" + name.upper()
        return LimitExceeded(f"{what}, over the limit {name} = {shown}; "
                             f"split the document, or raise the limit with {env} if you trust it",
                             limit=name, document=document, **where)

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> "Limits":
        """The defaults, overridden by ``SAMSPIL_MAX_*`` variables (a bad value is an error)."""
        env = os.environ if environ is None else environ
        values = {}
        for f in fields(cls):
            raw = env.get("SAMSPIL_" + f.name.upper())
            if raw is None or raw == "":
                continue
            kind = int if f.type in (int, "int") else float
            try:
                values[f.name] = kind(raw)
            except ValueError:
                raise InputError(f"SAMSPIL_{f.name.upper()}={raw!r} is not a number; "
                                 f"unset it for the default {getattr(cls, f.name):,}") from None
            if values[f.name] <= 0:
                raise InputError(f"SAMSPIL_{f.name.upper()} must be positive, not {raw!r}")
        return cls(**values)


DEFAULT_LIMITS = Limits()


def current_limits() -> Limits:
    """The limits in force: defaults with ``SAMSPIL_MAX_*`` variables applied."""
    return Limits.from_env()


class Deadline:
    """The ``max_seconds`` budget of one document; readers and extractors call
    :meth:`check` between steps (a single step is never interrupted)."""

    def __init__(self, limits: Limits, document: str, clock=time.monotonic) -> None:
        self.limits, self.document, self.clock = limits, document, clock
        self.start = clock()

    def check(self, step: str, **where) -> None:
        spent = self.clock() - self.start
        if spent > self.limits.max_seconds:
            raise self.limits.refuse("max_seconds", f"{step} took {spent:.1f} s",
                                     self.document, **where)
