"""Tables in text taken from a PDF (set M, session 16): a department table laid out with spaces
whose numbers stand right-aligned or centred under their heads ("Afd.nr.   Lejemål   Beboere
1/1-2007" over "   2        236           582"), a contact table read column by column ("Navn",
the names, "Funktion", the titles, "E-mail", ..., "Telefon", ...), and a table of staff hours
by focus area whose extra row ("Ledelse og administration") is no focus area. Made-up plans of
three municipalities, as written and in Word (each line a paragraph)."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import contact_facts, extract_rendered as _extract, name_key  # noqa: E402

CASES = {
    "struer": ("Struer", "Limfjordsbo", [("Østparken", "2", 236, 582), ("Holstebrovej", "5", 112, 241)],
               [("Hanne Juul", "Projektleder", "hj@limfjordsbo.dk", "6262 1840"),
                ("Bilal Rask", "Beboerkonsulent", "br@limfjordsbo.dk", "6262 1844")]),
    "odder": ("Odder", "Odderbo", [("Rosenhøj", "12", 140, 355), ("Fælledgården", "14", 52, 118), ("Toftebo", "3", 88, 190)],
              [("Jytte Kold", "Integrationskonsulent", "jk@odder.dk", "8780 3310"),
               ("Ove Hald", "SSP-koordinator", "oh@odder.dk", "8780 3320")]),
    "hilleroed": ("Hillerød", "Skovbo", [("Ålholm", "7", 60, 141), ("Skovparken", "3", 84, 202)],
                  [("Lise Brink", "Boligsocial leder", "lb@skovbo.dk", "4821 1100"),
                   ("Kim Dahl", "Jobkonsulent", "kd@hillerod.dk", "7232 0000")]),
}


def _lines(town, housing, departments, people):
    lines = ["Boligsocial helhedsplan", f"{town} Midt 2008-2011", "",
             f"Udarbejdet af Boligforeningen {housing} i samarbejde med {town} Kommune", "", "2. Boligområdet", "",
             "Afdeling          Boligorganisation         Afd.nr.   Lejemål   Beboere 1/1-2007"]
    for name, nr, units, residents in departments:
        lines.append(f"{name:<18}{housing:<27}{nr:>3}{units:>9}{residents:>14}")
    lines += [f"{'I alt':<48}{sum(d[2] for d in departments):>12}{sum(d[3] for d in departments):>14}", "",
              "3. Indsatsområder", "Planen har to indsatsområder: Tryghed og trivsel samt Beskæftigelse.", "",
              "Medarbejderressourcer fordelt på indsatsområder (timer pr. uge):", "",
              "Indsatsområde                         Nord   Syd   I alt",
              "Tryghed og trivsel                     30     10     40",
              "Beskæftigelse                          20     12     32",
              "Ledelse og administration              18      6     24", "",
              "5. Kontaktpersoner", "", "Navn", *[p[0] for p in people], "Funktion", *[p[1] for p in people],
              "E-mail", *[p[2] for p in people], "Telefon", *[p[3] for p in people], "",
              "6. Underskrifter", ""]
    return lines


@pytest.mark.parametrize("how", ["as written", "docx"])
@pytest.mark.parametrize("case", list(CASES))
def test_tables_in_text_taken_from_a_pdf(tmp_path, make_docx, make_pdf, case, how):
    town, housing, departments, people = CASES[case]
    r = _extract(tmp_path, _lines(town, housing, departments, people), how, make_docx, make_pdf)
    units = {z.name: z.units for z in r.zones}
    assert {name: units.get(name) for name, *_ in departments} == {name: u for name, _, u, _ in departments}
    assert {name_key(fa.name) for fa in r.focus_areas} == {"tryghed og trivsel", "beskæftigelse"}
    facts = contact_facts(r)
    assert {p[0]: facts.get(p[0], (None, None, None))[1:] for p in people} == \
        {name: (mail, phone.replace(" ", "")) for name, _, mail, phone in people}
    titles = {c.name: c.title for c in r.contacts}
    assert {p[0]: titles.get(p[0]) for p in people} == {p[0]: p[1] for p in people}
