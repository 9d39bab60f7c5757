"""A plan's page on a municipality's web site, copied as text (session 19's set P, as
made-up pages of three other municipalities): the areas listed in a sentence with middle
dots ("A · B · C") and repeated as headings over their activities; each activity's fields
("Projektets navn:", "Målgruppe for aktiviteten:", "Samarbejdsparter:", "Projektansvarlig:")
blocks of the page that ran into each other without a break ("Lektiecafé
NordMålgruppe for aktiviteten: ..."); "Samarbejdsparter:" among an activity's fields its
partners, not the agreement's parties; the plan's organisation after the last activity."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract, name_key  # noqa: E402

TOWNS = ["Haderslev", "Ikast", "Skive"]


def _page(town):
    return [f"{town} Kommune", f"Forside › Bolig › Boligsociale helhedsplaner › Nordparken Sammen",
            f"Nordparken Sammen – boligsocial helhedsplan 2013-2016",
            f"Helhedsplanen er udarbejdet af Boligforeningen Lyngbo og {town} Kommune og løber fra 1. januar 2013 "
            "til 31. december 2016.",
            "Indsatsområder",
            "Helhedsplanen arbejder med tre indsatsområder: Børn, unge og familier · Uddannelse og beskæftigelse "
            "· Naboskab og sundhed",
            "Børn, unge og familier",
            "Projektets navn: Lektiecafé NordMålgruppe for aktiviteten: børn i 3.-9. klasseSamarbejdsparter: "
            f"Nordskolen og {town} BibliotekProjektansvarlig: Ida Krog, børnemedarbejder", "",
            "Projektets navn: Klub Nord",
            "Målgruppe for aktiviteten: unge 13-18 år",
            f"Samarbejdsparter: {town} Ungdomsskole, SSP {town}",
            "Uddannelse og beskæftigelse",
            "Projektets navn: Jobhjørnet",
            "Målgruppe for aktiviteten: ledige beboere over 25 år",
            f"Samarbejdsparter: Jobcenter {town}",
            "Naboskab og sundhed",
            "Projektets navn: Nabonetværket",
            "Målgruppe for aktiviteten: alle beboere",
            "Samarbejdsparter: afdelingsbestyrelserne, Boligforeningen Lyngbo",
            "Organisering",
            f"Styregruppen: Lars Holt, direktør, Boligforeningen Lyngbo (formand) · Eva Brink, chef for Børn og Familie, "
            f"{town} Kommune",
            f"Projektleder: Tina Mose, Boligforeningen Lyngbo, tm@lyngbo.dk, tlf. 64 41 28 60"]


@pytest.mark.parametrize("how", ["as written", "docx"])
@pytest.mark.parametrize("town", TOWNS)
def test_a_plans_web_page_with_fields_run_together(tmp_path, make_docx, make_pdf, town, how):
    r = _extract(tmp_path, _page(town), how, make_docx, make_pdf)
    areas = ["Børn, unge og familier", "Uddannelse og beskæftigelse", "Naboskab og sundhed"]
    assert [fa.name for fa in r.focus_areas] == areas
    assert [(a.name, a.focus_area) for a in r.activities] == [
        ("Lektiecafé Nord", areas[0]), ("Klub Nord", areas[0]), ("Jobhjørnet", areas[1]), ("Nabonetværket", areas[2])]
    acts = {a.name: a for a in r.activities}
    assert "children" in acts["Lektiecafé Nord"].target_groups
    partners = {n: {name_key(p) for p in a.partners} for n, a in acts.items()}
    assert {name_key("Nordskolen"), name_key(f"{town} Bibliotek")} <= partners["Lektiecafé Nord"]
    assert {name_key(f"{town} Ungdomsskole"), name_key(f"SSP {town}")} <= partners["Klub Nord"]
    assert partners["Nabonetværket"] == {name_key("Boligforeningen Lyngbo")}  # (not the organisation section's)
    assert acts["Nabonetværket"].contacts == []  # (the organisation section is no part of it)
    parties = {o.name for o in r.organisations if "party" in o.roles}
    assert parties == {"Boligforeningen Lyngbo", f"{town} Kommune"}
    assert not {o.name for o in r.organisations} & set(areas)
