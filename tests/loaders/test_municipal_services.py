"""A municipality's health visitors and dental service named by their common noun alone
("Sundhedsplejen", "Tandplejen"): in an agreement the municipality's one service of that
name, a partner of the activities that name it (no other organisation's name holds it).
Made-up agreements in other municipalities' names, as written, flat, Word and PDF."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered, name_key  # noqa: E402

SENTENCES = [
    "Forældrecaféen drives i samarbejde med Sundhedsplejen og Dagtilbud Øst.",
    "Sundhedsplejen og Tandplejen i {town} Kommune har faste træffetider i beboerhuset.",
    "Lektiecaféen og sprogleg for de mindste, sammen med Bakkeskolen, Tandplejen og Sundhedsplejen.",
]


def _lines(k: int) -> list[str]:
    town = ["Middelfart", "Assens", "Faaborg-Midtfyn"][k]
    return [f"Boligsocial helhedsplan for Østparken, {town} 2023-2026", "",
            f"Aftalen er indgået mellem {town} Kommune og Boligselskabet Østparken.", "",
            "Aktivitetsnavn: Familiecaféen", "Målgruppe: Småbørnsfamilier",
            "Beskrivelse: " + SENTENCES[k].format(town=town), ""]


@pytest.mark.parametrize("how", ["as written", "flat", "docx", "pdf"])
@pytest.mark.parametrize("k", range(len(SENTENCES)))
def test_the_health_visitors_named_alone_are_an_organisation(tmp_path, make_docx, make_pdf, k, how):
    report = extract_rendered(tmp_path, _lines(k), how, make_docx, make_pdf)
    orgs = {name_key(o.name): o for o in report.organisations}
    assert "sundhedsplejen" in orgs, sorted(orgs)
    assert orgs["sundhedsplejen"].type == "municipal_unit"
    if "Tandplejen" in SENTENCES[k]:  # ("Tandplejen i Assens Kommune": the service with its municipality)
        assert any(o.startswith("tandplejen") for o in orgs), sorted(orgs)
