"""An annual or status report of a running plan (set J, session 14): its cover names the plan
in quotes after "Boligsocial helhedsplan", its activities are "Aktivitet: X" entries over
"Status: ..." (no template field under them), a name may carry a status note ("(NY i 2022)",
"(fortsat)"), the last activity of a numbered chapter ends where the next chapter begins, and
the prose that names the parties ends where "og" joins on what is no party ("... og Y og de tre
delaftaler for ..."). Made-up reports of three municipalities, as written, flattened, Word and PDF."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract, name_key as _key  # noqa: E402

CASES = {
    "aabenraa": ("Aabenraa", "Sammen i Kolstrup", "Boligselskabet Sønderjylland", "AAB Aabenraa",
                 {"Uddannelse og livschancer": ["Lektiehjælp Kolstrup", "Legestuen"],
                  "Beskæftigelse": ["Jobcafé Aabenraa"]},
                 "Jobcafé Aabenraa", "(NY i 2022)", "Aabenraa Erhvervsråd"),
    "ballerup": ("Ballerup", "Fælles om Hedegården", "Lejerbo Ballerup", "KAB",
                 {"Sammenhængskraft og medborgerskab": ["Beboerhuset", "Fællesspisning"],
                  "Forebyggelse og forældreansvar": ["Forældrecafé Hedegården"]},
                 "Beboerhuset", "(fortsat fra 2021)", "Ballerup Erhvervsforum"),
    "herning": ("Herning", "Gullestrup i Bevægelse", "Boligforeningen Fruehøjgaard", "Lejerbo Herning",
                {"Beskæftigelse": ["Job i Gullestrup"],
                 "Kriminalitetsforebyggelse": ["Tryg i Gullestrup", "Gadeteam Syd"]},
                "Tryg i Gullestrup", "(udvidet 2023)", "Herning Erhvervsråd"),
}


def _lines(town, plan, org_a, org_b, areas, noted, note, council):
    lines = ["ÅRSRAPPORT 2022", "", f'Boligsocial helhedsplan "{plan}"', "Helhedsplanperiode: 2020-2023", "",
             "1. Sammenfatning", "",
             f"Helhedsplanen bygger på den strategiske samarbejdsaftale mellem {town} Kommune, {org_a} og "
             f"{org_b} og de tre delaftaler for de indsatsområder, der er aftalt.", "",
             "2. Status på indsatsområderne", ""]
    for k, (area, names) in enumerate(areas.items(), 1):
        lines += [f"2.{k} {area}", ""]
        for name in names:
            shown = f"{name} {note}" if name == noted else name
            lines += [f"Aktivitet: {shown}", f"Status: Gennemført som planlagt i samarbejde med {council}."
                      if name == noted else "Status: Gennemført som planlagt.", "Mål for 2022 nået: Ja", ""]
    return lines + ["3. Personale og organisation", "",
                    f"Sekretariatet samarbejder med {town} Bibliotekerne og {town} Ungdomsskole om sommerferien.", ""]


@pytest.mark.parametrize("how", ["as written", "flattened", "docx", "pdf"])
@pytest.mark.parametrize("case", list(CASES))
def test_an_annual_reports_activities_parties_and_plan(tmp_path, make_docx, make_pdf, case, how):
    town, plan, org_a, org_b, areas, noted, note, council = CASES[case]
    r = _extract(tmp_path, _lines(*CASES[case]), how, make_docx, make_pdf)
    assert _key(r.plan.name) == _key(plan)
    assert {_key(a.name): _key(a.focus_area) for a in r.activities} == \
        {_key(n): _key(area) for area, names in areas.items() for n in names}
    assert {_key(o.name) for o in r.organisations if o.is_party} == \
        {_key(f"{town} Kommune"), _key(org_a), _key(org_b)}
    last = next(a for a in r.activities if _key(a.name) == _key(list(areas.values())[-1][-1]))
    assert not any("bibliotek" in _key(p) or "ungdomsskole" in _key(p) for p in last.partners)  # (chapter 3's)
    noted_activity = next(a for a in r.activities if _key(a.name) == _key(noted))
    assert _key(council) in {_key(p) for p in noted_activity.partners}
    assert next(o.type for o in r.organisations if _key(o.name) == _key(council)) == "other"


def test_a_single_activity_label_is_no_series(tmp_path, make_docx, make_pdf):
    """One "Aktivitet: X" line in running text, with no activity's field under it, is no
    activity heading: the series rule needs two."""
    lines = ["Boligsocial helhedsplan for Hedegården, Ballerup 2020-2023", "", "1. Indledning", "",
             "Aktivitet: Beboerne har efterspurgt flere aktiviteter for børn.", "",
             "2. Økonomi", "", "Budgettet er overholdt.", ""]
    r = _extract(tmp_path, lines, "as written", make_docx, make_pdf)
    assert not [a for a in r.activities if "efterspurgt" in a.name]
