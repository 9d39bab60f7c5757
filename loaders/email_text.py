"""An agreement that arrives inside an e-mail thread: saved from a mail client, or pasted.

Municipalities forward the final text by mail ("Hermed den endelige aftale ... Jeg har indsat
teksten herunder"), and what reaches samspil is the thread: header blocks ("Fra:", "Sendt:",
"Til:", "Cc:", "Emne:"; "From:", "Sent:", "To:", "Subject:"), quoted replies whose lines
open with "> ", separators ("----- Oprindelig meddelelse -----", "-----Original Message-----")
and signatures. Read as they are, the header keys become organisations ("Til", "Fra") and
units of the people after them, and every quoted line starts with a character no name or
label starts with.

A text with a mail header block (:func:`looks_like_email`: three header keys on consecutive
lines, twice, or once with quoted lines) is cleaned line by line (:func:`clean_email`),
keeping the number of lines so every fact still cites its line: the quote marks are taken
off, a sender's line keeps the sender ("Fra: Ida Holm <ih@x.dk>" -> "Ida Holm, ih@x.dk",
whose address is theirs), the other header lines, the separators and the greetings become
blank, and the closing words before a signature ("Venlig hilsen", "Mvh") are dropped.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["clean_email", "looks_like_email"]

_HEADER = re.compile(r"^\s*(?:>\s*)*(?P<key>Fra|From|Sendt|Sent|Dato|Date|Til|To|Cc|Bcc|Emne|Subject|Vedhæftede filer"
                     r"|Vedhæftet|Attachments?)\s*:", re.I)
_SENDER_KEYS = frozenset(("fra", "from"))
_ANGLED = re.compile(r"\s*<([^<>@\s]+@[^<>\s]+)>")  # "Ida Holm <ih@x.dk>": the sender's address
_QUOTE = re.compile(r"^(?:\s*>)+ ?")
_SEPARATOR = re.compile(r"^\s*(?:>\s*)*-{2,}\s*(?:[A-Za-zÆØÅæøå][\wæøå ]{3,40}?)\s*-{2,}\s*$")


def looks_like_email(lines: Sequence[str]) -> bool:
    """Does the text hold a mail's header block: three header keys on consecutive lines, twice
    or with quoted lines ("> ...")?

    >>> looks_like_email(["Fra: Ida Holm <ih@x.dk>", "Sendt: 3. juni 2019", "Til: Ole Berg", "Emne: Aftalen", ""] * 2)
    True
    >>> looks_like_email(["Til: Boligforeningen Vest", "Fra: 1. juli 2024", "Aftalens parter: X"])
    False
    """
    blocks = run = 0
    quoted = 0
    for line in lines:
        if ":" in line[1:24] and line[:1] != ":" and _HEADER.match(line):  # (a key's colon comes early, not first:
            # the pattern only there; a slice searched, not find's arguments parsed at each line)
            run += 1
            blocks += run == 3
            continue
        run = 0
        quoted += line[:1] == ">"
    return blocks >= 2 or blocks == 1 and quoted >= 3


def clean_email(line: str) -> str:
    """One line of a mail thread as the agreement's reader wants it (see the module docstring).

    >>> [clean_email(t) for t in ["> Hej Marianne", "Fra: Ahmad Nørgaard <an@lejre.dk>", "Til: Ida Holm",
    ...                           "----- Oprindelig meddelelse -----", "> > Mvh Ole Berg, leder", "Venlig hilsen"]]
    ['', 'Ahmad Nørgaard, an@lejre.dk', '', '', 'Ole Berg, leder', '']
    """
    if (header := _HEADER.match(line)) is not None:
        sender = header.group("key").casefold() in _SENDER_KEYS
        return _ANGLED.sub(r", \1", line[header.end():]).strip() if sender else ""
    if _SEPARATOR.match(line):
        return ""
    line = _QUOTE.sub("", line) if line.lstrip()[:1] == ">" else line
    if _GREETING.match(line):
        return ""
    return _CLOSING.sub("", line) if _CLOSING.match(line) else line


# a mail's greeting on a line of its own ("Hej Marianne", "Kære alle,"), and the closing words before
# a signature ("Venlig hilsen", "Mvh Ahmad Nørgaard, SSP-koordinator"): no names of organisations
_GREETING = re.compile(r"^\s*(?:Hej|Hejsa|Kære|Goddag|Hi|Hello|Dear)\s+[\wæøåÆØÅ]+(?:\s+og\s+[\wæøåÆØÅ]+)?\s*[,!.]?\s*$")
_CLOSING = re.compile(r"^\s*(?:(?:Med\s+)?(?:venlig|venlige)\s+hilsen|Venligst|Mvh\.?|Vh\.?|(?:Bedste|Mange)\s+hilsner"
                      r"|Hilsen|(?:Best|Kind)\s+regards|Regards)\b[,.]?\s*", re.I)
