"""Validate an extraction report against the model before anything stores it.

A report JSON file is input like any other: ``{"organisations": [{"name": 123}]}``
must be refused with the field that is wrong, not saved and left to break every
later graph build. :func:`validate_report` checks a dict (a report file) and
:func:`check_report` a report object (a library caller may build one by hand)
with pydantic models that mirror :mod:`samspil.loaders.model` and add what the
graph build relies on: names are non-empty text, types and categories come from
the closed vocabularies of ``SCHEMA.md``, dates are ISO dates, lines and pages
are positive. Keys the schema does not know are allowed and ignored.

pydantic is imported only here, so ``samspil extract`` on documents never pays for it.
"""
from __future__ import annotations

import weakref
from functools import lru_cache
from pathlib import Path
from typing import Any

from samspil.loaders.errors import InputError
from samspil.loaders.model import (DOCUMENT_TYPES, ORGANISATION_TYPES, TARGET_GROUPS, ZONE_TYPES,
                                   AgreementReport)

__all__ = ["InvalidReport", "validate_report", "check_report", "checked_extraction", "read_report_file"]

MAX_TEXT = 100_000
# A number token of 19 digits or more (JSON's digits are ASCII): the text's UTF-8 bytes
# with every ASCII digit made "0" and every other byte " ", searched for 19 zeros. (Was
# ``re.search(r"\d{19}", text)``: sre tries the pattern at every position, ~270 us per
# 14 KB report file, 5% of a full load's instructions; this takes ~45 us.)
_DIGITS_ONLY = bytes(0x30 if 0x30 <= b <= 0x39 else 0x20 for b in range(256))
_LONG_RUN = b"0" * 19
_BOM = b"\xef\xbb\xbf"


def _long_digits(text: str) -> bool:
    """Whether ``text`` holds 19 ASCII digits in a row."""
    return _LONG_RUN in text.encode("utf-8", "surrogatepass").translate(_DIGITS_ONLY)

# Reports made by :func:`validate_report` from data that passed, so that the store's
# :func:`check_report` of the same object does not validate it a second time (10,000
# report files: ~1.8 s of a full load). Held weakly: a report that is let go is forgotten.
# (By identity: a report, a mutable dataclass, has no hash.)
_VALID: "weakref.WeakValueDictionary[int, AgreementReport]" = weakref.WeakValueDictionary()
# ... and the validated dict each was made from, forgotten with it
_DUMPED: dict[int, dict[str, Any]] = {}


class InvalidReport(InputError):
    """A report (JSON file or object) that does not match the report model."""

    def __init__(self, message: str, *, field: str | None = None, **kw) -> None:
        super().__init__(message, **kw)
        self.field = field


@lru_cache(maxsize=1)
def _adapter():
    from typing import Annotated, Literal, Optional

    from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, StrictStr, TypeAdapter

    Name = Annotated[StrictStr, Field(min_length=1, max_length=MAX_TEXT, pattern=r"\S")]
    Text = Annotated[StrictStr, Field(max_length=MAX_TEXT)]
    Date = Annotated[StrictStr, Field(pattern=r"^\d{4}-\d{2}-\d{2}$")]
    Positive = Annotated[StrictInt, Field(ge=1)]

    class Model(BaseModel):
        model_config = ConfigDict(extra="ignore")

    class Source(Model):
        document: Name
        line: Optional[Positive] = None
        page: Optional[Positive] = None
        excerpt: Text = ""

    Sources = list[Source]

    class Plan(Model):
        name: Optional[Name] = None
        aliases: list[Name] = []
        document_type: Optional[Literal[DOCUMENT_TYPES]] = None  # type: ignore[valid-type]
        period_start: Optional[Date] = None
        period_end: Optional[Date] = None
        municipality: Optional[Name] = None
        area: Optional[Name] = None
        sources: Sources = []

    class FocusArea(Model):
        name: Name
        sources: Sources = []

    class Organisation(Model):
        name: Name
        aliases: list[Name] = []
        type: Literal[ORGANISATION_TYPES] = "other"  # type: ignore[valid-type]
        is_party: StrictBool = False
        parent: Optional[Name] = None
        roles: list[Name] = []
        sources: Sources = []

    class Contact(Model):
        name: Name
        title: Optional[Text] = None
        organisation: Optional[Name] = None
        email: Optional[Name] = None
        phone: Optional[Name] = None
        focus_area: Optional[Name] = None
        sources: Sources = []

    class Zone(Model):
        name: Name
        type: Literal[ZONE_TYPES] = "zone"  # type: ignore[valid-type]
        housing_organisation: Optional[Name] = None
        units: Optional[Annotated[StrictInt, Field(ge=0)]] = None
        part_of: Optional[Name] = None
        aliases: list[Name] = []
        sources: Sources = []

    class Activity(Model):
        name: Name
        focus_area: Optional[Name] = None
        target_groups: list[Literal[TARGET_GROUPS]] = []  # type: ignore[valid-type]
        partners: list[Name] = []
        zones: list[Name] = []
        contacts: list[Name] = []
        sources: Sources = []

    class TargetGroup(Model):
        category: Literal[TARGET_GROUPS]  # type: ignore[valid-type]
        phrases: list[Text] = []
        contexts: list[Text] = []
        sources: Sources = []

    class Report(Model):
        document: Annotated[Name, Field(max_length=255)]
        plan: Plan = Plan()
        focus_areas: list[FocusArea] = []
        organisations: list[Organisation] = []
        contacts: list[Contact] = []
        zones: list[Zone] = []
        activities: list[Activity] = []
        target_groups: list[TargetGroup] = []
        checksum: Optional[Text] = None
        source_path: Optional[Text] = None
        warnings: list[Text] = []

    return TypeAdapter(Report)


def _describe(exc: Any) -> tuple[str, str]:
    """(field path, problem) of the first error of a pydantic ValidationError."""
    err = exc.errors()[0]
    path = ""
    for part in err.get("loc", ()):
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    value = repr(err.get("input"))
    value = value if len(value) <= 60 else value[:57] + "..."
    more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
    return path or "(the report)", f"{err.get('msg', 'invalid')}, got {value}{more}"


def validate_report(data: Any, *, document: str | None = None) -> AgreementReport:
    """The :class:`AgreementReport` of ``data`` (parsed JSON), or :class:`InvalidReport`
    naming the field that is wrong. ``document`` names the file in the message."""
    dumped = _validated(data, document).model_dump()
    report = AgreementReport.from_dict(dumped)
    _VALID[id(report)] = report
    _DUMPED[id(report)] = dumped        # (check_report's dict: equal to report.to_dict())
    weakref.finalize(report, _DUMPED.pop, id(report), None)
    return report


def _validated(data: Any, document: str | None) -> Any:
    """The pydantic model of ``data``, or :class:`InvalidReport`."""
    from pydantic import ValidationError

    if not isinstance(data, dict):
        raise InvalidReport(f"not a report: a JSON object was expected, not {type(data).__name__}; "
                            "write reports with `samspil extract --json`", document=document)
    try:
        return _adapter().validate_python(data)
    except ValidationError as exc:
        field, problem = _describe(exc)
        raise InvalidReport(f"not a valid report: {field}: {problem}; fix the field or extract "
                            "the document again with `samspil extract --json`",
                            field=field, document=document) from None


def check_report(report: AgreementReport, *, again: bool = False) -> dict[str, Any]:
    """Raise :class:`InvalidReport` when a report object does not match the model;
    else return the report's dict (equal to ``report.to_dict()``), which the caller may
    read but not change. A report that :func:`validate_report` (or
    :func:`read_report_file`) returned is not validated again, and its dict is the
    validated one it was made from (the models mirror the report's dataclasses field by
    field, so ``from_dict`` of it gives those values back to ``to_dict``; 10,000 report
    files: ~2 s): whoever changes such a report afterwards checks it with ``again=True``."""
    if not again and _VALID.get(id(report)) is report:
        dumped = _DUMPED.get(id(report))
        return dumped if dumped is not None else report.to_dict()
    data = report.to_dict()
    _validated(data, report.document if isinstance(report.document, str) else None)
    return data


def checked_extraction(report: AgreementReport, path: str) -> AgreementReport:
    """``report``, just extracted from ``path``, checked against the report model (and not
    checked again when it is saved), or an :class:`InputError` that names the file: a report
    the extractors made wrong is that file's failure, and the rest of a batch goes on."""
    try:
        check_report(report)
    except InvalidReport as exc:
        raise InputError(f"could not be extracted: the report made of it is not valid ({exc.field}); this is "
                         "a fault in samspil, please report it with the file", document=path) from None
    _VALID[id(report)] = report
    return report


def _parse(text: str) -> Any:
    """``json.loads(text)``: by orjson (a full load at 10,000 plans parses ~190 MB of
    report files; orjson's parser takes ~60% of the standard one's time), which gives
    equal values for the text it accepts but for integers beyond 64 bits (it makes them
    floats): a text with 19 digits in a row goes to ``json.loads``, and so does whatever
    orjson refuses (invalid JSON, NaN, lone surrogates, deep nesting), so the values
    and errors are the standard parser's."""
    import json

    import orjson
    if _long_digits(text):
        return json.loads(text)
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


def read_report_file(path: Path) -> AgreementReport:
    """A report JSON file (``samspil extract --json``), read and validated."""
    import json

    import orjson
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror or exc})", document=str(path)) from None
    # the file's bytes parsed as they are, when orjson takes them (valid UTF-8 and JSON,
    # no 19-digit numbers): the same values as the text's, without decoding ~190 MB of
    # report files to text and encoding it back to UTF-8 for orjson and the digit check
    # (10,000 plans); anything else is read as text below, for the same errors as before
    if raw[:3] == _BOM:
        raw = raw[3:]
    if _LONG_RUN not in raw.translate(_DIGITS_ONLY):
        try:
            data = orjson.loads(raw)
        except orjson.JSONDecodeError:
            pass
        else:
            return validate_report(data, document=str(path))
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidReport(f"not a report JSON file: not UTF-8 text (byte {exc.start})",
                            document=str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror or exc})", document=str(path)) from None
    try:
        data = _parse(text)
    except json.JSONDecodeError as exc:
        raise InvalidReport(f"not a report JSON file: {exc.msg} (column {exc.colno})",
                            document=str(path), line=exc.lineno) from None
    except RecursionError:
        raise InvalidReport("not a report JSON file: nested too deeply", document=str(path)) from None
    return validate_report(data, document=str(path))
