"""Decode the bytes of a text agreement: UTF-8, UTF-16 or legacy Windows-1252.

The order, and why:

1. A byte-order mark decides: UTF-8 (``EF BB BF``) or UTF-16 (``FF FE`` /
   ``FE FF``). UTF-16 without a mark is recognised by its zero bytes (Danish
   text is mostly ASCII, so every other byte is zero).
2. Strict UTF-8. Almost every file today.
3. A file that is *mostly* valid UTF-8 (its valid multi-byte sequences - æ, ø,
   å, dashes, quotes - outnumber its bad bytes) is UTF-8 with a few damaged
   bytes: each bad byte becomes U+FFFD and a warning names its line. Decoding
   the whole file as Windows-1252 would instead garble every æøå ("SjÃ¦lÃ¸r").
4. Anything else is a legacy Windows-1252 (cp1252) file, read with a warning.

A file with zero bytes that is not UTF-16 is binary, not text; so is one whose decoded
text is mostly control characters, and a "UTF-16" file (by its mark or its zero bytes)
whose characters are mostly outside the Latin script (random bytes after ``FF FE``
decode to CJK-looking noise). Each is refused, naming the file: "not a text file: it
holds binary data".
"""
from __future__ import annotations

import codecs
import re

from samspil.loaders.errors import CorruptDocument

__all__ = ["decode_text"]

# one valid UTF-8 multi-byte sequence (RFC 3629): counted to tell UTF-8 from cp1252
_UTF8_MULTI = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}")
_MAX_LINES_NAMED = 5


BINARY = "not a text file: it holds binary data"


def decode_text(data: bytes, document: str) -> tuple[str, list[str]]:
    """The text of ``data`` and warnings about how it was decoded."""
    if data.startswith(codecs.BOM_UTF8):
        return _checked(*_utf8(data[3:], document), document=document)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _checked(_utf16(data, "utf-16", document), [], document=document, utf16=True)
    guess = _bomless_utf16(data)
    if guess:
        return _checked(_utf16(data, guess, document), [], document=document, utf16=True)
    if b"\x00" in data[:4096]:
        raise CorruptDocument(BINARY, document=document)
    return _checked(*_utf8(data, document), document=document)


def _checked(text: str, notes: list[str], *, document: str,
             utf16: bool = False) -> tuple[str, list[str]]:
    """``(text, notes)`` unless the text is binary data that decoded without an error."""
    sample = text[:8192]
    if not sample.strip():
        return text, notes
    control = sum(1 for c in sample if (c < " " and c not in "\t\n\r\f\v") or "\x7f" <= c <= "\x9f")
    latin = sum(1 for c in sample if c < "\u0250" or "\u1e00" <= c <= "\u20cf" or c in "\ufeff\ufffd")
    if "\x00" in sample or control > 0.1 * len(sample) or (utf16 and latin < 0.5 * len(sample)):
        raise CorruptDocument(BINARY, document=document)
    return text, notes


def _utf8(data: bytes, document: str) -> tuple[str, list[str]]:
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    # surrogateescape keeps each bad byte as one U+DC80-U+DCFF character: one linear
    # pass finds them all, with their lines
    text = data.decode("utf-8", errors="surrogateescape")
    bad = [m.start() for m in _ESCAPED.finditer(text)]
    good = len(_UTF8_MULTI.findall(data))
    if good > len(bad):
        lines = _lines_of(text, bad)
        named = ", ".join(str(ln) for ln in lines[:_MAX_LINES_NAMED])
        more = f" and {len(lines) - _MAX_LINES_NAMED} more" if len(lines) > _MAX_LINES_NAMED else ""
        return _ESCAPED.sub("\ufffd", text), [
            f"{len(bad)} byte(s) that are not valid UTF-8 replaced by '\ufffd' on line(s) "
            f"{named}{more}; check the text there"]
    first = text.count("\n", 0, bad[0]) + 1
    return data.decode("cp1252", errors="replace"), [
        f"not UTF-8 (first bad byte on line {first}); read as Windows-1252 (cp1252) - "
        "check letters like æ, ø, å"]


_ESCAPED = re.compile("[\udc80-\udcff]")


def _lines_of(text: str, positions: list[int]) -> list[int]:
    """The distinct 1-based lines of ``positions`` (sorted) in ``text``, in one pass."""
    lines: list[int] = []
    line, at = 1, 0
    for pos in positions:
        line += text.count("\n", at, pos)
        at = pos
        if not lines or lines[-1] != line:
            lines.append(line)
    return lines


def _bomless_utf16(data: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' when zero bytes fill the odd / even positions."""
    head = data[:4096]
    if len(head) < 4 or len(head) % 2:
        return None
    even, odd = head[0::2], head[1::2]
    half = len(head) // 2
    if odd.count(0) > 0.6 * half and even.count(0) < 0.1 * half:
        return "utf-16-le"
    if even.count(0) > 0.6 * half and odd.count(0) < 0.1 * half:
        return "utf-16-be"
    return None


def _utf16(data: bytes, codec: str, document: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise CorruptDocument(f"damaged UTF-16 text (bad bytes at offset {exc.start}); "
                              "save the file again as UTF-8", document=document) from exc
