"""One organisation spelled several ways in one agreement is one organisation (issue 10,
class 8): a unit written after its parent and a dash ("BUF – Ungdommens Uddannelsesvejledning
København", where BUF is named elsewhere in the document), and a name with and without its
town ("Ungdommens Uddannelsesvejledning" / "Ungdommens Uddannelsesvejledning Vejle"). Made-up
agreements in three municipalities, as written, with their line breaks lost, in Word and PDF."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract, name_key as _key  # noqa: E402

CASES = {
    "vejle": (["Strategisk samarbejdsaftale for Løget By 2025-2028", "",
               "Aftalens parter: Vejle Kommune og Boligselskabet Sydbo", "",
               "Indsatsområde: Uddannelse og livschancer", "",
               "Aktivitetsnavn: Lektiecafé", "Samarbejdspartnere:",
               "Børne- og Ungdomsforvaltningen (BUF) og Ungdommens Uddannelsesvejledning", "",
               "Aktivitetsnavn: Fritidsjob", "Samarbejdspartnere:",
               "BUF – Ungdommens Uddannelsesvejledning Vejle", "",
               "Aktivitetsnavn: Skolestart", "Samarbejdspartnere:",
               "Ungdommens Uddannelsesvejledning Vejle"],
              "Ungdommens Uddannelsesvejledning", "Børne- og Ungdomsforvaltningen"),
    "herning": (["Delaftale for indsatsområdet Beskæftigelse, Gullestrup 2024-2027", "",
                 "Aftalens parter: Herning Kommune og Fællesbo", "",
                 "Aktivitetsnavn: Jobvejleder i boligområdet", "Samarbejdspartnere:",
                 "Beskæftigelses- og Integrationsforvaltningen (BIF)", "Jobcenter Herning", "",
                 "Aktivitetsnavn: Fritidsjob for unge", "Samarbejdspartnere:",
                 "BIF – Center for Arbejdsmarked Herning", "",
                 "Aktivitetsnavn: Virksomhedsbesøg", "Samarbejdspartnere:",
                 "Center for Arbejdsmarked"],
                "Center for Arbejdsmarked", "Beskæftigelses- og Integrationsforvaltningen"),
    "naestved": (["Boligsocial helhedsplan for Kalbyris 2026-2029", "",
                  "Aftalens parter: Næstved Kommune og Boligselskabet Fruegaarden", "",
                  "Indsatsområde: Kriminalitetsforebyggelse", "",
                  "Aktivitetsnavn: Natteravne", "Samarbejdspartnere:",
                  "Center for Børn og Unge (CBU)", "Røde Kors Næstved", "",
                  "Aktivitetsnavn: Gadeplansarbejde", "Samarbejdspartnere:",
                  "CBU – SSP-samarbejdet Næstved", "",
                  "Aktivitetsnavn: Mentorordning", "Samarbejdspartnere:",
                  "SSP-samarbejdet og Røde Kors"],
                 "SSP-samarbejdet", "Center for Børn og Unge"),
}


@pytest.mark.parametrize("how", ["as written", "flat", "docx", "pdf"])
@pytest.mark.parametrize("case", list(CASES))
def test_one_unit_spelled_three_ways_is_one_organisation(tmp_path, make_docx, make_pdf, case, how):
    lines, unit, parent = CASES[case]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    named = [o for o in r.organisations if _key(unit) in _key(o.name)
             or any(_key(unit) in _key(a) for a in o.aliases)]
    assert len(named) == 1, [(o.name, o.aliases) for o in named]
    spellings = {_key(n) for n in [named[0].name, *named[0].aliases]}
    assert _key(unit) in spellings  # the short form is one of its names: it meets other plans' spelling
    assert _key(named[0].parent) == _key(parent)
    # the two activities that name it (one by each spelling) have it as a partner by its one name
    naming = [a.name for a in r.activities if _key(named[0].name) in map(_key, a.partners)]
    assert len(naming) >= 2, [(a.name, a.partners) for a in r.activities]
    assert not [a.name for a in r.activities if len(set(map(_key, a.partners)) & spellings) > 1]

def test_a_dash_after_a_name_the_document_does_not_give_is_kept_whole(tmp_path, make_docx, make_pdf):
    """'KFF – Integration' where no 'KFF' stands elsewhere: no parent to take apart."""
    lines = ["Delaftale for indsatsområdet Sammenhængskraft, Skovparken 2025-2028", "",
             "Aftalens parter: Kolding Kommune og Lejerbo Kolding", "",
             "Aktivitetsnavn: Foreningsguider", "Samarbejdspartnere:", "KFU – Foreningsguiderne Kolding"]
    r = _extract(tmp_path, lines, "as written", make_docx, make_pdf)
    assert not any(o.parent == "KFU" for o in r.organisations)


def test_two_organisations_run_together_by_a_dash_are_no_parent_and_unit(tmp_path, make_docx, make_pdf):
    """'HAB - Helsingør Kommune' in a flat party list: a municipality is nobody's unit."""
    lines = ["Strategisk samarbejdsaftale for Nøjsomhed 2025-2028", "",
             "Aftalens parter: Helsingør Almennyttige Boligselskab (HAB)", "HAB - Helsingør Kommune", "",
             "Indsatsområde: Tryghed og trivsel", "Aktivitetsnavn: Gårdmænd"]
    r = _extract(tmp_path, lines, "as written", make_docx, make_pdf)
    assert not [o.name for o in r.organisations if _key(o.name) == "helsingør kommune" and o.parent]
