"""A party list written person first, the title before the name: "Direktør Hanne Holm,
Boligselskabet Skive", "Adm. direktør Torben Lund, Lejerbo Skive", "Rådmand Lars Bak, Skive
Kommune (Børn og Unge)": each line's organisation is a party and the person's. Made-up
agreements in other municipalities' names, as written, flat, Word and PDF."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import contact_facts, extract_rendered, name_key, wanted_contacts  # noqa: E402

TOWNS = ["Skive", "Lemvig", "Struer"]
ENTRIES = [
    [("Direktør", "Hanne Holm", "Boligselskabet {t}"), ("Direktør", "Torben Lund", "Lejerbo {t}"),
     ("Borgmester", "Lars Bak", "{t} Kommune")],
    [("Adm. direktør", "Hanne Holm", "Boligselskabet {t}"), ("Kst. direktør", "Torben Lund", "Lejerbo {t}"),
     ("Rådmand", "Lars Bak", "{t} Kommune (Børn og Unge)")],
    [("Forretningsfører", "Hanne Holm", "Boligselskabet {t}"), ("Adm. direktør", "Torben Lund", "Lejerbo {t}"),
     ("Kommunaldirektør", "Lars Bak", "{t} Kommune")],
]


def _lines(k: int) -> list[str]:
    t = TOWNS[k]
    return ["Strategisk samarbejdsaftale om boligsocial indsats", "", f"Områdets navn: Skovparken, {t}", "",
            "Aftalens parter:"] + [f"{title} {name}, {org.format(t=t)}" for title, name, org in ENTRIES[k]] + [
            "", "Samarbejdsaftalen gælder fra – til: 1. januar 2024 - 31. december 2027", ""]


@pytest.mark.parametrize("how", ["as written", "flat", "docx", "pdf"])
@pytest.mark.parametrize("k", range(len(ENTRIES)))
def test_party_lines_written_person_first(tmp_path, make_docx, make_pdf, k, how):
    t = TOWNS[k]
    report = extract_rendered(tmp_path, _lines(k), how, make_docx, make_pdf)
    orgs = [o.format(t=t).split(" (")[0] for _, _, o in ENTRIES[k]]
    assert contact_facts(report) == wanted_contacts({n: (o, None, None) for (_, n, _), o in zip(ENTRIES[k], orgs)})
    assert {name_key(o.name) for o in report.organisations if o.is_party} >= {name_key(o) for o in orgs}
    assert not any(is_title for o in report.organisations
                   for is_title in [name_key(o.name).startswith(("adm", "kst", "direktør"))])
