"""JSON text for the store's rows, made by one encoder built once.

``json.dumps(x, ensure_ascii=False)`` builds a new encoder (and its circular-reference
memo) on every call; a full load at 10,000 plans encodes several million rows, so the
store's writers use :func:`dumps` / :func:`dumps_sorted`, which give the same text
(checked in tests/graph/test_full_write.py) with the C encoder made once. The values
are the store's own (dicts, lists, strings, numbers, None: never cyclic), so the
circular-reference check is left out; anything else raises :class:`TypeError`, as
``json.dumps`` does.

:func:`loads` parses the store's own rows (fragments, stored reports) with orjson,
2.3x faster than ``json.loads`` on them (its C scanner, not the Python around it, is the
cost) and giving equal values; orjson's output is compact (no spaces), so it is not
used to write rows, whose text must not change. Input files are still parsed by
``json.loads``, whose errors name the line and column.
"""
from __future__ import annotations

import json
from json import encoder as _encoder
from typing import Any, Callable

from orjson import loads

__all__ = ["dumps", "dumps_sorted", "loads"]


def _make(sort_keys: bool) -> Callable[[Any], str]:
    plain = json.JSONEncoder(ensure_ascii=False, sort_keys=sort_keys)
    make = getattr(_encoder, "c_make_encoder", None)
    if make is None:                       # no C accelerator: the standard encoder
        return plain.encode
    encode = make(None, plain.default, _encoder.encode_basestring, None, ": ", ", ",
                  sort_keys, False, True)

    def dumps(obj: Any) -> str:
        if isinstance(obj, str):          # the C encoder's top level takes containers
            return plain.encode(obj)
        return "".join(encode(obj, 0))
    return dumps


dumps = _make(False)
dumps.__doc__ = "``json.dumps(obj, ensure_ascii=False)``, with one encoder made once."
dumps_sorted = _make(True)
dumps_sorted.__doc__ = "``json.dumps(obj, ensure_ascii=False, sort_keys=True)``, likewise."
