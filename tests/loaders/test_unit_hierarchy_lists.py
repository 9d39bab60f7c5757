"""A delaftale's partner list written as a hierarchy (the municipality and its forvaltning on
one line, the unit indented under it, then its contact), as a new user outside Copenhagen
brings it (made-up delaftaler in three municipalities; as written, with the line breaks
lost, as a web copy, in Word and PDF):

* with the line breaks lost, "Herning Kommune, Socialforvaltningen Jobcenter Herning" is the
  unit under its forvaltning (the contact's organisation was the forvaltning and the unit
  run together), and the next entry's municipality and forvaltning run onto a contact line
  ("Kontaktperson: Kasper Holm, uu-vejleder Herning Kommune, Socialforvaltningen") belong
  to the next contact, not to this one (who had none);
* "Den boligsociale indsats, delaftalen hører under: X" names the plan also inside a line.
"""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract, name_key as _key  # noqa: E402

CASES = {  # town, housing organisation, area, then (forvaltning, unit) three times
    "herning": ("Herning", "Fællesbo", "Holtbjerg",
                [("Børn og Unge-forvaltningen", "Ungdommens Uddannelsesvejledning Herning"),
                 ("Socialforvaltningen", "Jobcenter Herning"),
                 ("Kultur- og Fritidsforvaltningen", "Herning Bibliotekerne")]),
    "vordingborg": ("Vordingborg", "Vordingborg Boligselskab", "Kulsbjerg",
                    [("Børne- og Ungeforvaltningen", "UU Sydsjælland"),
                     ("Beskæftigelsesforvaltningen (BF)", "Jobcenter Vordingborg"),
                     ("Kulturforvaltningen", "Vordingborg Bibliotek")]),
    "hjoerring": ("Hjørring", "Hjørring Almennyttige Boligselskab", "Nordby",
                  [("Skole- og Dagtilbudsforvaltningen", "UU Vendsyssel"),
                   ("Social- og Beskæftigelsesforvaltningen", "Jobcenter Hjørring"),
                   ("Kultur- og Fritidsforvaltningen", "Hjørring Bibliotekerne")]),
}
PEOPLE = [("Kasper Holm", "uu-vejleder", ""), ("Mona Friis", "afdelingsleder", ", mf@kommune.dk"),
          ("Ida Bak", "bibliotekar", ", ib@kommune.dk")]


def _lines(town, housing, area, units):
    lines = ["Delaftale om uddannelse og beskæftigelse", "",
             "Den boligsociale indsats, delaftalen hører under:", f"Boligsocial Helhedsplan {area} 2023-2026", "",
             "Indsatsområde: Uddannelse og beskæftigelse", "", "Delaftalens samarbejdspartnere:", "",
             housing, "Kontaktperson: Dorte Lind, boligsocial leder, dl@bolig.dk", ""]
    for (forvaltning, unit), (name, title, mail) in zip(units, PEOPLE):
        lines += [f"{town} Kommune, {forvaltning}", f"  {unit}", f"  Kontaktperson: {name}, {title}{mail}", ""]
    return lines + ["Problemkompleks", "",
                    f"Andelen af unge uden uddannelse er høj i {area}. Helhedsplanen vil styrke overgangen "
                    "til uddannelse og job.", ""]


@pytest.mark.parametrize("how", ["as written", "flat", "flattened", "docx", "pdf"])
@pytest.mark.parametrize("case", list(CASES))
def test_units_under_their_forvaltning_are_the_contacts_organisations(tmp_path, make_docx, make_pdf, case, how):
    town, housing, area, units = CASES[case]
    r = _extract(tmp_path, _lines(*CASES[case]), how, make_docx, make_pdf)
    assert r.plan.name == f"Boligsocial Helhedsplan {area}"
    got = {c.name: _key(c.organisation) for c in r.contacts}
    want = {"Dorte Lind": _key(housing), **{p[0]: _key(u) for (_f, u), p in zip(units, PEOPLE)}}
    assert got == want
