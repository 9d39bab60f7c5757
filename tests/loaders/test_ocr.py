"""A scanned agreement's OCR text layer: l read as 1 or I, o as 0, m as rn (loaders/ocr.py)."""
from __future__ import annotations

import pytest

from samspil.loaders.ocr import looks_ocred, repair_ocr
from samspil.loaders.pipeline import extract_file

SCAN = """BOLIGSOCIAL HELHEDSPLAN
Boligsocia1 he1hedsplan for Bakkebo 2012-2015

Helhedsplanen er et samarbejde meIlem Boligselskabet Vejen og Vejen Kornmune.

Aftalens parter: Boligselskabet Vejen og Vejen Kornmune

Kontaktperson: Grethe Mørk, sekretariatsleder, Boligselskabet Vejen, gm@bsvejen.dk

Indsatsområde 1 - Børn og fami1ier
Aktivitetsnavn: Lektiecafe Bakkebo
Målgruppe(r): Børn i a1deren 6-12 år og deres foræIdre
"""


@pytest.mark.parametrize("flat", [False, True])
def test_a_scans_confused_letters_are_read_back(flat, tmp_path):
    path = tmp_path / "vejen_scan.txt"
    path.write_text(" ".join(SCAN.split("\n")) if flat else SCAN, encoding="utf-8")
    r = extract_file(path)
    assert r.plan.municipality == "Vejen Kommune"
    assert {o.name for o in r.organisations} == {"Boligselskabet Vejen", "Vejen Kommune"}  # (no "Vejen Kornmune")
    assert "he1" not in (r.plan.name or "") and "Bakkebo" in (r.plan.name or "")
    assert [f.name for f in r.focus_areas] == ["Børn og familier"]
    assert [(a.name, a.focus_area) for a in r.activities] == [("Lektiecafe Bakkebo", "Børn og familier")]
    assert r.contacts[0].email == "gm@bsvejen.dk"


def test_clean_text_is_left_as_it_is():
    """Codes, classes, e-mail and web addresses with digits between letters are no OCR
    text layer; and in a repaired document, addresses keep their digits."""
    clean = ["Aktivitet A1: Legestuen i afd. 3B for 1a-3a", "Kontakt: hb1e@kk.dk, du0n@kk.dk, ab1c@kk.dk",
             "Se www.kk.dk/he1hedsplan og børnene i hjørnet"]
    assert not looks_ocred(clean)
    assert [repair_ocr(line) for line in clean[1:]] == clean[1:]
    assert looks_ocred(["he1hedsplan", "fami1ier", "s0cialt"]) and not looks_ocred(["meIlem", "he1hedsplan"])
