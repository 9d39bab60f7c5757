"""An agreement whose text was UTF-8 once read as Windows-1252 ("Boligselskabet SÃ¸vang Hjem",
"1. januar 2024 â€“ 31. december 2027"; set M, session 16), and one only partly so (a delaftale
pasted in clean below the damaged text). Each damaged line is repaired, so parties, contacts
and focus areas are spelt as Danish spells them, the clean lines are left as they are, and
the report warns which lines were repaired. Made-up agreements of three municipalities, as
written, flattened and in Word."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import contact_facts, extract_rendered as _extract, name_key, wanted_contacts  # noqa: E402

CASES = {
    "struer": ("Struer", "Boligselskabet Sønderlund", "Bjørn Ågård", "bja@soenderlund.dk", "97 85 12 34"),
    "morsoe": ("Morsø", "Ærtebjerg Boligforening", "Søs Æbelø", "sae@aertebjerg.dk", "97 72 40 11"),
    "odder": ("Odder", "Boligforeningen Fælleshjem", "Jørgen Kær", "jk@faelleshjem.dk", "87 80 33 10"),
}


def _damaged(text: str) -> str:
    return text.encode("utf-8").decode("cp1252")


def _lines(town, housing, person, mail, phone, whole):
    top = [f"Strategisk samarbejdsaftale om boligsocial indsats i {town}", "",
           f"Områdets navn: Fælles om {town} Øst", "",
           "Aftalens parter:", housing, f"{town} Kommune", "",
           "Samarbejdsaftalen gælder fra – til: 1. januar 2024 – 31. december 2027", "",
           f"Kontaktperson: {person}, boligsocial leder, {housing}, {mail}, tlf. {phone}", "",
           "Parterne har valgt indsatsområderne Uddannelse og livschancer samt Sammenhængskraft og medborgerskab.", ""]
    rest = ["Delaftale for indsatsområdet Sammenhængskraft og medborgerskab", "",
            "Aktivitetsnavn: Fællesspisning i Østhuset", "Målgruppe(r): Alle beboere, særligt ældre enlige", ""]
    return [_damaged(line) for line in top] + ([_damaged(line) for line in rest] if whole else rest)


@pytest.mark.parametrize("whole", [True, False], ids=["all damaged", "partly damaged"])
@pytest.mark.parametrize("how", ["as written", "flattened", "docx"])
@pytest.mark.parametrize("case", list(CASES))
def test_text_read_as_windows_1252_is_repaired(tmp_path, make_docx, make_pdf, case, how, whole):
    town, housing, person, mail, phone = CASES[case]
    r = _extract(tmp_path, _lines(town, housing, person, mail, phone, whole), how, make_docx, make_pdf)
    orgs = {name_key(o.name) for o in r.organisations}
    assert {name_key(housing), name_key(f"{town} Kommune")} <= orgs
    assert not any("Ã" in o.name or "â€" in o.name for o in r.organisations)
    assert contact_facts(r).get(person) == wanted_contacts({person: (housing, mail, phone.replace(" ", ""))})[person]
    assert {name_key(fa.name) for fa in r.focus_areas} == {"uddannelse og livschancer", "sammenhængskraft og medborgerskab"}
    assert [a.name for a in r.activities] == ["Fællesspisning i Østhuset"]
    assert (r.plan.period_start, r.plan.period_end) == ("2024-01-01", "2027-12-31")
    assert any("Windows-1252" in w and "repaired" in w for w in r.warnings)


def test_clean_text_is_left_alone():
    from samspil.loaders.mojibake import repair_mojibake

    lines = ["Ærø Kommune – Ø-huset", "Åse Møller, tlf. 62 52 10 00", "Café Château ved Brøndum Å", "»Nordlyset« 2024"]
    assert repair_mojibake(lines, [(k, None) for k in range(1, 5)]) == (lines, None)
