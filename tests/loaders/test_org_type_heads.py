"""Organisation types from the head of the name, not a topic after it, and local branches of
known organisations (set I, session 13): "Center for Dagtilbud og Skole" is a municipal unit (a
center for the topics it names), "X Handelsskole" an education (not a school), "X Musikskole"
culture and leisure, "Ældre Sagen Tårnby" an NGO like Ældre Sagen; FOF/AOF adult education and
a Familiehus/Familieafdeling a municipal unit when a list names them. Made-up partner lists of
three municipalities."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract, name_key as _key  # noqa: E402

CASES = {
    "fredensborg": "Fredensborg", "samsoe": "Samsø", "bornholm": "Rønne",
}


@pytest.mark.parametrize("how", ["as written", "docx"])
@pytest.mark.parametrize("case", list(CASES))
def test_types_by_the_names_head(tmp_path, make_docx, make_pdf, case, how):
    town = CASES[case]
    want = {f"Center for Dagtilbud og Skole": "municipal_unit", f"{town} Handelsskole": "education",
            f"{town} Musikskole": "culture_leisure", f"Ældre Sagen {town}": "ngo", f"FOF {town}": "education",
            f"Familiehuset {town}": "municipal_unit"}
    lines = ["Delaftale for indsatsområdet Uddannelse og livschancer", "", "Delaftalens parter:",
             *want, "", "Aktivitetsnavn: Lektiecafé", "Målgruppe(r): Børn 6-12 år", ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    got = {_key(o.name): o.type for o in r.organisations}
    assert {_key(n): got.get(_key(n)) for n in want} == {_key(n): t for n, t in want.items()}
