"""A source the agreement cites in brackets ("(VIVE 2019: ...)", "(Socialstyrelsen,
Vidensnotat 2021)", "(tal fra UU 2016)") names the author of a report, not a partner
(SCHEMA: organisations are not the authors of cited reports); a bracket with a year that
names no source ("(fra 2024)") changes nothing. Made-up agreements in other
municipalities' names, as written, with their line breaks lost, from Word and PDF."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract  # noqa: E402
from renderings import name_key  # noqa: E402

CASES = {  # lines -> (organisations that must be there, organisations that must not)
    "activity-text": ([
        "Delaftale for indsatsområdet Uddannelse og livschancer",
        "Navn på den boligsociale indsats, som delaftalen vedrører: Helhedsplan for Nørremarken",
        "Delaftalens parter: Vejle Kommune, Boligselskabet Vejle",
        "Aktivitetsnavn: Lektiecafé i Nørremarken",
        "Målgruppe(r): Børn i 3.-6. klasse",
        "Indhold og praksis: Lektiecaféen drives i samarbejde med Vejle Bibliotekerne (fra 2024). Lektiehjælp "
        "løfter børnenes faglige niveau (VIVE 2019: \"Lektiehjælp virker\") og trivsel (Socialstyrelsen, "
        "Vidensnotat 2021)."],
        {"Vejle Bibliotekerne"}, {"Socialstyrelsen", "VIVE"}),
    "problem-text": ([
        "Strategisk samarbejdsaftale for Skovparken 2024-2027",
        "Aftalens parter: Herning Kommune og Boligselskabet Herning",
        "Indsatsområde: Beskæftigelse",
        "Boligområdet har mange unge uden uddannelse (tal fra Danmarks Statistik 2022) og mange ledige "
        "(Beskæftigelsesministeriet, Jobindsats 2023). Indsatsen samarbejder med Jobcenter Herning.",
        "Aktivitet: Jobcafé", "Formål: At flere kommer i job."],
        {"Jobcenter Herning", "Herning Kommune", "Boligselskabet Herning"},
        {"Danmarks Statistik", "Beskæftigelsesministeriet"}),
}


@pytest.mark.parametrize("how", ["as written", "flat", "docx", "pdf"])
@pytest.mark.parametrize("case", list(CASES))
def test_a_cited_source_is_no_partner(tmp_path, make_docx, make_pdf, case, how):
    lines, there, absent = CASES[case]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    orgs = {name_key(o.name) for o in r.organisations}
    partners = {name_key(p) for a in r.activities for p in a.partners}
    assert {name_key(n) for n in there} <= orgs
    assert not {name_key(n) for n in absent} & (orgs | partners)
    if case == "activity-text":
        assert {name_key(p) for p in r.activities[0].partners} == {name_key("Vejle Bibliotekerne")}
