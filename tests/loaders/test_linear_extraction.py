"""Extraction costs work in proportion to the text, also on repetitive and adversarial
text (issue 14, finding 2). Work is counted (function calls under cProfile, which
includes C functions such as ``str.split``), never timed: a quadratic step shows as
hundreds of millions of calls at these sizes."""
from __future__ import annotations

import cProfile
import pstats

import pytest

from samspil.loaders.document import EXCERPT_CHARS, Document
from samspil.loaders.extract import extract

CONTACT = ("Kontaktperson: Afdelingsleder, Afdeling for unge, Charlotte Kølle Jørgensen: "
           "21438324 / fj2f@kk.dk")


def calls(text: str) -> int:
    doc = Document.from_text("gentaget.txt", text)
    profile = cProfile.Profile()
    profile.enable()
    report = extract(doc)
    profile.disable()
    assert report.document == "gentaget.txt"
    return pstats.Stats(profile).total_calls


@pytest.mark.parametrize("text, units, per_unit", [
    # was a list scan per contact source: ~2 x 10^8 comparisons at 20,000 lines
    ("\n".join([CONTACT] * 20_000), 20_000, 1_000),
    # every party label opened a block reaching to the end of the document: 380 s at 2,000
    ("\n".join(["Aftalens parter: Boligforeningen 3B, Københavns Kommune og KAB"] * 3_000), 3_000, 2_000),
], ids=["contact-lines", "party-labels"])
def test_work_grows_linearly(text: str, units: int, per_unit: int) -> None:
    n = calls(text)
    assert n < units * per_unit, f"{n:,} calls for {units:,} repeats"


class Probe(str):
    """A line that records how many characters each ``split`` on it reads."""

    reads: list[int] = []

    def split(self, *args, **kw):  # type: ignore[override]
        Probe.reads.append(len(self))
        return super().split(*args, **kw)


def test_an_excerpt_reads_only_what_it_shows() -> None:
    """One long line (text copied from a PDF arrives so) with a mention every few
    words: each excerpt used to collapse the white space of the whole line, a cost
    that calls do not count (it happens inside ``str.split``), so it is probed."""
    line = Probe("Boligforeningen 3B og KAB. " * 40_000)
    doc = Document("lang.txt", [line], [(1, None)])
    Probe.reads = []
    ref = doc.ref(0)
    assert ref.excerpt.startswith("Boligforeningen 3B og KAB.") and len(ref.excerpt) == EXCERPT_CHARS
    assert max(Probe.reads, default=0) <= 4 * EXCERPT_CHARS
