"""A party list and its signatures as a new user outside Copenhagen writes them (made-up
agreements in three municipalities; as written, with the line breaks lost, in Word and PDF):

* "Boligselskabet Sydbo, Vejle (afdeling 15 ...)": the town after the comma is where the
  organisation is, no organisation (a bare town was a party and, matched inside "Røde Kors
  Vejle", a partner of every activity);
* "Helhedsplanens periode: 1. januar 2024 - ..." after the list ends it (it was a party);
* "For Boligselskabet Sydbo: Direktør Peter Hjorth": the organisation, the title, the person
  (the organisation was "For Boligselskabet Sydbo" and the signatory had none);
* an activity in "Zone 1, 2 og 3" covers the three zones (only Zone 1 was found).
"""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract, name_key as _key  # noqa: E402

CASES = {
    "vejle": ("Vejle", "Boligselskabet Sydbo", "AAB Vejle", "Vejle Kommune", "Røde Kors Vejle",
              "Helhedsplanens periode", "Direktør", "Peter Hjorth"),
    "herning": ("Herning", "Fællesbo", "Herning Boligforening", "Herning Kommune", "Ungdomsskolen Herning",
                "Aftaleperiode", "Adm. direktør", "Lone Bøgh"),
    "sonderborg": ("Sønderborg", "Sønderborg Andelsboligforening", "B42", "Sønderborg Kommune",
                   "Sønderborg Bibliotek", "Periode", "Formand", "Kasper Lund"),
}


def _lines(town, lead, second, municipality, partner, period, title, signer):
    return [f"Strategisk samarbejdsaftale for den boligsociale helhedsplan Nordparken {town} 2024-2027", "",
            "1. Aftalens parter", "Aftalen er indgået mellem følgende parter:",
            f"{lead}, {town} (afdeling 15 Nordparken og afdeling 22 Sydparken)",
            f"{second} (afdeling 9 Østparken)", municipality, "",
            f"{period}: 1. januar 2024 - 31. december 2027", "",
            "2. Boligområderne", "Helhedsplanen dækker følgende zoner:",
            "Zone 1: Nordparken (afd. 15, 620 boliger)", "Zone 2: Sydparken (afd. 22, 410 boliger)",
            "Zone 3: Østparken (afd. 9, 280 boliger)", "",
            "Delaftale – Uddannelse og livschancer", "",
            "Aktivitetsnavn: Lektiecafé", "Målgruppe(r): Børn 6-12 år", "Zone: Zone 1, 2 og 3",
            f"Beskrivelse: Lektiecaféen holdes i beboerhuset i samarbejde med {partner}.", "",
            "Aktivitetsnavn: Fritidsjob", "Målgruppe(r): Unge 13-17 år", "Zone: Zone 2 og 3",
            "Beskrivelse: Unge formidles til fritidsjob i lokale virksomheder.", "",
            "Underskrifter", f"{town}, den 15. december 2023", f"For {lead}: {title} {signer}",
            f"For {municipality}: Borgmester Ida Skov"]


@pytest.mark.parametrize("how", ["as written", "flat", "docx", "pdf"])
@pytest.mark.parametrize("case", list(CASES))
def test_party_entries_towns_periods_and_signatures(tmp_path, make_docx, make_pdf, case, how):
    town, lead, second, municipality, partner, period, title, signer = CASES[case]
    r = _extract(tmp_path, _lines(*CASES[case]), how, make_docx, make_pdf)
    names = {_key(o.name) for o in r.organisations}
    assert _key(town) not in names and _key(period) not in names
    assert not [n for n in names if n.startswith("for ")]
    assert {_key(o.name) for o in r.organisations if o.is_party} == {_key(lead), _key(second), _key(municipality)}
    signed = {c.name: c for c in r.contacts}[signer]
    assert (_key(signed.organisation), signed.title) == (_key(lead), title)
    acts = {a.name: a for a in r.activities}
    assert all(_key(town) not in map(_key, a.partners) for a in acts.values())
    assert sorted(acts["Lektiecafé"].zones)[:3] == ["Zone 1", "Zone 2", "Zone 3"]
    assert {"Zone 2", "Zone 3"} <= set(acts["Fritidsjob"].zones) and "Zone 1" not in acts["Fritidsjob"].zones
