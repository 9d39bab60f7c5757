"""A table of activities (name, focus area, target group, partners) whose cell gaps were lost
(set I's strategic agreement as a web copy, session 14): one row's last partner and the next
row's name stand side by side ("... Nyborg Svømmeklub Lektiehjælp Kernen Uddannelse og ...").
The name starts after the partner's head noun (and a town after it), and the partner is an
organisation of its own, not "Nyborg Svømmeklub Lektiehjælp Kernen". Made-up agreements of
three municipalities, flattened and as written (tabs)."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract, name_key as _key  # noqa: E402

CASES = {
    "nyborg": ("Nyborg", [("Sommeraktiviteter", "Tryghed og trivsel", "børn og unge 6-17 år", "Nyborg Svømmeklub"),
                          ("Lektiehjælp Kernen", "Uddannelse og beskæftigelse", "skolebørn 1.-10. kl.", "Vibeskolen"),
                          ("Mødregruppe", "Forebyggelse og forældreansvar", "gravide og mødre", "Sundhedsplejen")]),
    "odense": ("Odense", [("Fritidsjob Nord", "Beskæftigelse", "unge 13-17 år", "Jobcenter Odense"),
                          ("Familiecaféen", "Forebyggelse og forældreansvar", "forældre til børn 0-6 år", "Sundhedsplejen"),
                          ("Lektiebanden", "Uddannelse og livschancer", "børn 6-12 år", "Rosengårdskolen")]),
    "vejle": ("Vejle", [("Natteravne Øst", "Tryghed og trivsel", "alle beboere", "Vejle Idrætsklub"),
                        ("Madskolen", "Sundhed", "familier med børn", "Sundhedshuset Vejle"),
                        ("Jobhjørnet", "Beskæftigelse", "ledige voksne", "Jobcenter Vejle")]),
}


def _lines(town, rows):
    head = "Aktivitet\tIndsatsområde\tMålgruppe\tSamarbejdspartnere"
    return [f"Strategisk samarbejdsaftale Områdets navn: Østparken, {town}",
            f"Aftalens parter: {town} Kommune og Boligselskabet Øst", "", "5. Aktiviteter", head,
            *("\t".join(r) for r in rows), "", "6. Mål", "Flere beboere i job.", ""]


@pytest.mark.parametrize("how", ["flattened", "as written"])
@pytest.mark.parametrize("case", list(CASES))
def test_a_row_name_after_the_last_rows_partner(tmp_path, make_docx, make_pdf, case, how):
    town, rows = CASES[case]
    r = _extract(tmp_path, _lines(town, rows), how, make_docx, make_pdf)
    got = {_key(a.name): a for a in r.activities}
    assert set(got) == {_key(name) for name, *_ in rows}
    for name, area, _, partner in rows:
        assert _key(got[_key(name)].focus_area) == _key(area)
        assert _key(partner) in {_key(p) for p in got[_key(name)].partners}, name
    names = {_key(o.name) for o in r.organisations}
    assert {_key(p) for *_, p in rows} <= names
    assert not [n for n in names if any(n.endswith(" " + _key(a)) for a, *_ in rows)]  # (no partner with a name)


def test_a_trimmed_run_keeps_an_organisations_own_ending():
    """An organisation whose name ends with an activity's one-word name that reads as an
    organisation ("Kulturhus"), or that would be left ending in "&", is not cut."""
    from samspil.loaders.extract.run_trims import trim_activity_names
    from samspil.loaders.model import Contact, Organisation

    orgs = [Organisation("Vollsmose Bibliotek & Kulturhus"), Organisation("Bydelens Frivilligcenter Madklubben"),
            Organisation("Sundhedsplejen")]
    contacts = [Contact("Nadia Holm", organisation="Bydelens Frivilligcenter Madklubben")]
    trim_activity_names(orgs, contacts, ["Kulturhus", "Madklubben", "Bibliotek & Kulturhus"])
    assert [o.name for o in orgs] == ["Vollsmose Bibliotek & Kulturhus", "Bydelens Frivilligcenter", "Sundhedsplejen"]
    assert contacts[0].organisation == "Bydelens Frivilligcenter"
