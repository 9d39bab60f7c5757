"""The HTTP protocol ``samspil serve`` and ``explore`` run: uvicorn's httptools protocol that
also takes a request line with raw (unencoded) non-ASCII bytes.

``curl "http://127.0.0.1:8765/api/search?q=Skærbæk"`` sends the ``æ`` as two raw UTF-8
bytes; a browser, ``requests`` and ``curl -G --data-urlencode`` send ``%C3%A6``. httptools
(llhttp) refuses the raw bytes ("Invalid char in url query") before the app sees the
request, and uvicorn answers a bare "Invalid HTTP request received." that names neither
the cause nor the cure (session 21's trial). Here the request line's bytes of 128 and over
are percent-encoded before the parser reads them: UTF-8 as it is, a line that is no UTF-8
(a Latin-1 terminal) read as Latin-1 and encoded as UTF-8, so ``q`` reaches the app as
"Skærbæk" either way. Only the request line is touched (headers and bodies, an upload's
bytes among them, are passed on as they are), and a line that is ASCII costs one
``isascii`` test.
"""
from __future__ import annotations

from urllib.parse import quote

__all__ = ["http_protocol", "encode_request_line"]


def encode_request_line(line: bytes) -> bytes:
    """``line`` (a request line, or the start of one) with its bytes of 128 and over
    percent-encoded as UTF-8.

    >>> encode_request_line("GET /api/search?q=Skærbæk HTTP/1.1".encode())
    b'GET /api/search?q=Sk%C3%A6rb%C3%A6k HTTP/1.1'
    >>> encode_request_line("GET /api/search?q=Skærbæk HTTP/1.1".encode("latin-1"))
    b'GET /api/search?q=Sk%C3%A6rb%C3%A6k HTTP/1.1'
    """
    if line.isascii():
        return line
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        text = line.decode("latin-1")
    # every ASCII character kept as it is (the parser judges those), the others encoded
    return quote(text, safe="".join(chr(c) for c in range(128)), encoding="utf-8").encode("ascii")


def http_protocol():  # noqa: ANN201 (a class, or uvicorn's name for its default)
    """The protocol class for ``uvicorn.Config(http=...)``: httptools' with raw non-ASCII
    request lines encoded; "auto" (uvicorn's choice, unchanged) without httptools."""
    try:
        from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
    except ImportError:  # pragma: no cover - httptools is a dependency
        return "auto"

    class Utf8TargetProtocol(HttpToolsProtocol):
        # True when the next bytes received open a request line (a connection's first,
        # and after each complete request); True while a request line came in part only
        _line_next = True
        _line_open = False

        def data_received(self, data: bytes) -> None:
            if self._line_next or self._line_open:
                end = data.find(b"\n")
                head, rest = (data, b"") if end < 0 else (data[:end], data[end:])
                whole = self._line_next and end >= 0      # the whole line in this piece
                self._line_open = end < 0
                self._line_next = False
                if not head.isascii():
                    # a line in pieces (a letter's bytes may be split between them) is
                    # encoded byte by byte as UTF-8; a whole line may also be Latin-1
                    data = (encode_request_line(head) if whole else _encode_bytes(head)) + rest
            super().data_received(data)

        def on_message_begin(self) -> None:
            super().on_message_begin()
            self._line_next = False

        def on_message_complete(self) -> None:
            super().on_message_complete()
            self._line_next = True

    return Utf8TargetProtocol


def _encode_bytes(part: bytes) -> bytes:
    """Part of a request line: each byte of 128 and over as %XX (a UTF-8 letter split
    between two pieces stays the same bytes)."""
    return b"".join(b"%%%02X" % c if c >= 128 else bytes((c,)) for c in part)
