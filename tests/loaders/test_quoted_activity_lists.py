"""A focus area's activities listed in quotes after its label (a council's decision, set H,
session 13): 'Beskæftigelse: "Jobhjørnet" og "Fritidsjob".' Each quoted name is an activity of
that focus area, also several areas on one line when the line breaks were lost; a quotation in
a sentence under a label is none. Made-up decisions of three municipalities, as written, flat,
Word and PDF."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import activity_areas, extract_rendered as _extract  # noqa: E402

CASES = {
    "rodovre": ("Rødovre", {"Uddannelse og livschancer": ["Tidlig sprog", "Lektiecafé Vest"],
                            "Beskæftigelse": ["Jobhjørnet", "Fritidsjob for unge", "Job i Sigte"]}),
    "halsnaes": ("Halsnæs", {"Kriminalitetsforebyggelse": ["Gadeplan Frederiksværk", "Forældrenetværket"],
                             "Sammenhængskraft og medborgerskab": ["Naboskab", "Fælles Fester"]}),
    "norddjurs": ("Norddjurs", {"Tryghed og trivsel": ["Natteravne Grenaa", "Tryg Sti"],
                                "Sundhed": ["Gå-holdet", "Madklubben Vest"]}),
}


def _q(names):
    return ", ".join(f'"{n}"' for n in names[:-1]) + f' og "{names[-1]}".'


def _lines(town, areas):
    return [f"{town} Kommune", "Byrådet", "Referat fra ordinært møde", "",
            "8. Godkendelse af strategisk samarbejdsaftale for den boligsociale helhedsplan", "",
            "Sagsfremstilling", "",
            f"Aftalens parter er Boligselskabet {town} og {town} Kommune.", "",
            "Indsatsområder og aktiviteter",
            "Parterne har valgt to indsatsområder. Under hvert indsatsområde er aftalt følgende aktiviteter:", "",
            *[f"{area}: {_q(names)}" for area, names in areas.items()], "",
            'Formand for afdelingsbestyrelsen: "Vi glæder os til at komme i gang".', ""]


@pytest.mark.parametrize("how", ["as written", "flat", "docx", "pdf"])
@pytest.mark.parametrize("case", list(CASES))
def test_quoted_activities_after_their_focus_areas_label(tmp_path, make_docx, make_pdf, case, how):
    town, areas = CASES[case]
    r = _extract(tmp_path, _lines(town, areas), how, make_docx, make_pdf)
    got, want = activity_areas(r, areas)
    assert got == want
    assert not [a.name for a in r.activities if "glæder" in a.name]


SENTENCES = {
    "solrod": ("Solrød", {"Beskæftigelse": ["Job på Tværs", "Fritidsjob Christians Have"],
                          "Sammenhængskraft og medborgerskab": ["Nabo til Nabo", "Sund i Kvarteret"]}),
    "lejre": ("Lejre", {"Uddannelse og livschancer": ["Læs med mig", "Lektier i Hvalsø"],
                        "Kriminalitetsforebyggelse": ["Gadeplan Lejre", "Fritidsguiden"]}),
    "odsherred": ("Odsherred", {"Beskæftigelse": ["Jobbroen", "Unge i Arbejde"],
                                "Uddannelse og livschancer": ["Sprogstart", "Klar til Skole"]}),
}


@pytest.mark.parametrize("how", ["as written", "flat", "docx", "pdf"])
@pytest.mark.parametrize("case", list(SENTENCES))
def test_quoted_activities_opening_the_sentences_after_a_focus_area(tmp_path, make_docx, make_pdf, case, how):
    """'Beskæftigelse: "Job på Tværs" er en fremskudt jobindsats ... "Fritidsjob X" hjælper unge
    ...': the quoted names that open a sentence after a known focus area's label (set I)."""
    town, areas = SENTENCES[case]
    lines = [f"{town} Kommune", "Økonomiudvalget", "Beslutningsprotokol", "",
             "5. Godkendelse af boligsocial helhedsplan", "", "Sagsfremstilling", "",
             f"Aftalens parter er Boligselskabet {town} og {town} Kommune.", ""]
    for area, (first, second) in areas.items():
        lines += [f'{area}: "{first}" er en fremskudt indsats i samarbejde med {town} Kommune, målrettet ledige '
                  f'over 25 år. "{second}" hjælper børn og unge videre.', ""]
    lines += ['Borgmesteren udtaler: "Det er en god dag for området".', ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    got, want = activity_areas(r, areas)
    assert got == want
    assert not [a.name for a in r.activities if "god dag" in a.name]
