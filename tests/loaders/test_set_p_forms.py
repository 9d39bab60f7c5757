"""Forms of session 19's blind set P, as made-up council papers and agreements of three
other municipalities:

* a department table whose department cell opens with its number ("afd. 21 Nørreskovhuse"),
  under an area column ("Område": the district the department lies in);
* a sentence that counts the plan's areas ("Parterne har valgt to indsatsområder:") over the
  areas as headings of their own, each over its activities' bullets ('- "Læseløft" for børn
  ...'), the bullets' wrapped lines between them;
* a council paper's sections after the case ("Lovgrundlag", "Økonomiske konsekvenser") no
  activity of the last area."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract, name_key  # noqa: E402

TOWNS = ["Randers", "Svendborg", "Viborg"]


def _paper(town):
    return [f"{town} Kommune", "Byrådet – Referat", "",
            f"Punkt 4. Godkendelse af strategisk samarbejdsaftale – Trygt i {town} 2025-2028", "",
            "Sagsfremstilling",
            f"Boligselskabet Egehøj og {town} Kommune har udarbejdet en strategisk samarbejdsaftale.",
            "Helhedsplanen løber fra 1. januar 2025 til 31. december 2028 og omfatter 520 lejemål:", "",
            "Område\tBoligorganisation\tAfdeling\tLejemål",
            "Nordbyen\tBoligselskabet Egehøj\tafd. 11 Lærkehaven\t300",
            "Nordbyen\tBoligselskabet Egehøj\tafd. 14 Svalegården\t120",
            "Sydbyen\tBoligselskabet Egehøj\tafd. 2 Mågevej\t100",
            "I alt\t\t\t520", "",
            "Parterne har valgt to indsatsområder:", "",
            "Uddannelse og livschancer",
            f'- "Lektieløft" for børn i indskolingen, i samarbejde med {town} Bibliotek',
            '- "Familiestart" – kurser for småbørnsforældre med Sundhedsplejen og',
            f"  Familiehuset {town}", "",
            "Kriminalitetsforebyggelse og tryghed",
            f'- "Gadeteamet" – opsøgende arbejde om aftenen sammen med SSP {town}',
            '- "Trygge Gårde" – gårdvandringer med beboerne', "",
            "Beskæftigelse indgår ikke i helhedsplanen, da jobcentret har egne medarbejdere i området.", "",
            "Lovgrundlag", "Lov om almene boliger § 91 a.", "",
            "Økonomi", "Landsbyggefonden: 8,0 mio. kr."]


@pytest.mark.parametrize("how", ["as written", "docx"])
@pytest.mark.parametrize("town", TOWNS)
def test_a_council_paper_with_counted_areas_over_bullets(tmp_path, make_docx, make_pdf, town, how):
    r = _extract(tmp_path, _paper(town), how, make_docx, make_pdf)
    assert r.plan.name == f"Trygt i {town}"  # (the item's subject: "... samarbejdsaftale – Trygt i X 2025-2028")
    assert [fa.name for fa in r.focus_areas] == ["Uddannelse og livschancer", "Kriminalitetsforebyggelse og tryghed"]
    assert [(a.name, a.focus_area) for a in r.activities] == [
        ("Lektieløft", "Uddannelse og livschancer"), ("Familiestart", "Uddannelse og livschancer"),
        ("Gadeteamet", "Kriminalitetsforebyggelse og tryghed"), ("Trygge Gårde", "Kriminalitetsforebyggelse og tryghed")]
    partners = {a.name: {name_key(p) for p in a.partners} for a in r.activities}
    assert name_key(f"{town} Bibliotek") in partners["Lektieløft"]
    assert name_key(f"SSP {town}") in partners["Gadeteamet"]
    departments = {z.name: (z.units, z.part_of) for z in r.zones if z.type == "housing_department"}
    assert departments == {"Lærkehaven": (300, "Nordbyen"), "Svalegården": (120, "Nordbyen"), "Mågevej": (100, "Sydbyen")}


def test_headings_not_counted_by_the_sentence_are_no_areas(tmp_path, make_docx, make_pdf):
    lines = _paper("Randers")
    k = lines.index("Parterne har valgt to indsatsområder:")
    lines[k] = "Parterne har valgt tre indsatsområder:"  # (three counted, two headings: not this form)
    r = _extract(tmp_path, lines, "as written", make_docx, make_pdf)
    assert "Familiehuset Randers" not in {fa.name for fa in r.focus_areas}
    assert not any(a.name == "Lovgrundlag" for a in r.activities)


def _template(town):
    """A strategic agreement (the LBF template of 2019) whose parties are defined by capitals
    ("(herefter SK)") and sign by them, each signature with its date filled in, and whose
    departments are a table with "Afd. nr." and "Afdelingens navn" columns."""
    short = town[0] + "K"
    return ["Strategisk samarbejdsaftale", "", "Aftalens parter:", f"{town} Kommune (herefter {short})",
            "Boligforeningen Humlehuse (herefter BH)", "", "Underskrifter:",
            f"For {short}: Kommunaldirektør Henrik Vejby Nørgaard      Dato: 14.12.2020",
            "For BH: Direktør Lisbet Krogh Thybo            Dato: 10.12.2020", "",
            "Omfattede afdelinger", "Boligorg.   Afd. nr.   Afdelingens navn      Lejemål",
            "BH          4          Bjerghusene           212", "BH          11         Ølbyhaven              96",
            "I alt                                        308"]


@pytest.mark.parametrize("how", ["as written", "docx"])
@pytest.mark.parametrize("town", TOWNS)
def test_parties_sign_by_the_capitals_they_are_defined_by(tmp_path, make_docx, make_pdf, town, how):
    r = _extract(tmp_path, _template(town), how, make_docx, make_pdf)
    assert {o.name for o in r.organisations} == {f"{town} Kommune", "Boligforeningen Humlehuse"}
    signers = {c.name: (c.organisation, c.title) for c in r.contacts}
    assert signers == {"Henrik Vejby Nørgaard": (f"{town} Kommune", "Kommunaldirektør"),
                       "Lisbet Krogh Thybo": ("Boligforeningen Humlehuse", "Direktør")}
    assert {z.name: z.units for z in r.zones if z.type == "housing_department"} == {"Bjerghusene": 212, "Ølbyhaven": 96}


def _party_table(town):
    """The LBF template of 2023: the parties a table with their short forms, the area
    counting its departments over a table of them, contacts one cell each ("Name / title /
    mail / phone")."""
    return ["Strategisk samarbejdsaftale om boligsocial indsats", "",
            f"Områdets navn:\t{town} Midt – helhedsplanen \"{town} Rummer\"", "",
            "Aftalens parter:", "Part\tForkortelse\tRepræsenteret ved",
            f"{town} Kommune\tXK\tBørn og Skole samt Social og Sundhed",
            "Boligselskabet Kløverbo\tBSK\tDirektionen", "",
            "1. Kort om boligområdet", f"{town} Midt består af to afdelinger med i alt 324 lejemål:",
            "Org.\tAfd. nr.\tAfdeling\tLejemål", "BSK\t1\tKløverparken\t206", "BSK\t5\tKongevejens Huse\t118", "",
            "Samarbejdspartnere:", "Organisation\tNavn / titel / mail / tlf",
            f"{town} Bibliotek\tSanne Hjort Lund / bibliotekar / 7376 8402",
            f"XK, Sundhedsplejen\tLeila Frost / sundhedsplejerske / lf@{town.lower()}.dk / 2041 9377"]


@pytest.mark.parametrize("how", ["as written", "docx"])
@pytest.mark.parametrize("town", TOWNS)
def test_a_party_table_with_short_forms_and_an_area_counting_its_departments(tmp_path, make_docx, make_pdf, town,
                                                                            how):
    r = _extract(tmp_path, _party_table(town), how, make_docx, make_pdf)
    parties = {o.name: o.aliases for o in r.organisations if "party" in o.roles}
    assert parties == {f"{town} Kommune": ["XK"], "Boligselskabet Kløverbo": ["BSK"]}
    names = {o.name for o in r.organisations}
    assert not names & {"Forkortelse", "Repræsenteret ved", "Direktionen", "Børn og Skole samt Social og Sundhed"}
    zones = {z.name: (z.type, z.units, z.part_of) for z in r.zones}
    assert zones == {f"{town} Midt": ("zone", 324, None), "Kløverparken": ("housing_department", 206, f"{town} Midt"),
                     "Kongevejens Huse": ("housing_department", 118, f"{town} Midt")}
    sanne = next(c for c in r.contacts if c.name == "Sanne Hjort Lund")
    assert (sanne.title, sanne.phone, name_key(sanne.organisation)) == ("bibliotekar", "73768402",
                                                                        name_key(f"{town} Bibliotek"))


def _unit_rows(town):
    """A delaftale's party table whose rows leave the organisation's cell empty under the
    municipality (its units), a note's mark glued to a name ("Kommune[1]") and the note below."""
    return ["Delaftale for indsatsområdet Sammenhængskraft og medborgerskab", "",
            "Delaftalens parter:", "Organisation\tEnhed\tKontaktperson\tMail\tTelefon",
            f"{town} Kommune[1]\tKultur og Fritid\tMads Høyer Lind, fritidskonsulent\tmhl@{town.lower()}.dk\t5667 2214",
            f"\tBorgerservice, Frivillighed\tKamran Sadeghi Holt, frivillighedskoordinator\tksh@{town.lower()}.dk\t5667 3108",
            "Boligforeningen Bøgely\t\tConnie Breum Hald, driftschef\tcbh@boegely.dk\t4065 2231", "",
            "Aktivitetsnavn:\tBeboerrådgivning[2]", "Målgruppe(r):\tbeboere med gæld", "",
            f"[1] Den strategiske samarbejdsaftale er indgået mellem {town} Kommune og Boligforeningen Bøgely.",
            "[2] Aktiviteten hed »Åben Rådgivning« i den tidligere helhedsplan."]


@pytest.mark.parametrize("town", TOWNS)
def test_a_table_row_opening_with_an_empty_cell_and_note_marks(tmp_path, make_docx, make_pdf, town):
    r = _extract(tmp_path, _unit_rows(town), "as written", make_docx, make_pdf)
    kamran = next(c for c in r.contacts if c.name == "Kamran Sadeghi Holt")
    assert (kamran.title, kamran.email, kamran.phone) == ("frivillighedskoordinator", f"ksh@{town.lower()}.dk", "56673108")
    names = {o.name for o in r.organisations}
    assert f"{town} Kommune" in names and not any("[" in n or n == "Kamran Sadeghi Holt" for n in names), names
    assert [a.name for a in r.activities] == ["Beboerrådgivning"]


@pytest.mark.parametrize("sentence", [
    "Boligselskabet Egehøj og Boligforeningen Lunden har sammen med {town} Kommune udarbejdet en strategisk "
    "samarbejdsaftale for en ny boligsocial helhedsplan.",
    "Nordparken er en ny boligsocial helhedsplan, som Boligselskabet Egehøj, Boligforeningen\n"
    "Lunden og {town} Kommune har indgået en strategisk samarbejdsaftale om.",
    "Helhedsplanen Nordparken Sammen er udarbejdet af Boligselskabet Egehøj, Boligforeningen Lunden og {town} Kommune."])
@pytest.mark.parametrize("town", TOWNS)
def test_parties_stated_in_a_sentence(tmp_path, make_docx, make_pdf, town, sentence):
    lines = ["Nordparken Sammen – boligsocial helhedsplan 2025-2028", "", *sentence.format(town=town).split("\n"), "",
             "Helhedsplanen løber fra 1. januar 2025 til 31. december 2028."]
    r = _extract(tmp_path, lines, "as written", make_docx, make_pdf)
    parties = {o.name for o in r.organisations if "party" in o.roles}
    assert parties == {"Boligselskabet Egehøj", "Boligforeningen Lunden", f"{town} Kommune"}
