"""A PDF's text whose running header is set in spaced capitals ("S T R A T E G I S K   S A M A R B
E J D S A F T A L E") on every page, one right under the signature block (set L, session 15): the
header reads as "STRATEGISK SAMARBEJDSAFTALE" and, like a document type under the signatures, names
no party. Made-up agreements of three municipalities."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract, name_key  # noqa: E402

CASES = {
    "gribskov": ("Gribskov", "Boligforeningen Søborghus", "Vibeke Munch"),
    "hoersholm": ("Hørsholm", "Boligselskabet Rungstedvej", "Karen Lund"),
    "dragoer": ("Dragør", "Boligforeningen Kysten", "Peter Holm"),
}
HEADER = "S T R A T E G I S K   S A M A R B E J D S A F T A L E"


def _lines(town, housing, signer):
    return [HEADER, "", f"Områdets navn: Helhedsplan Nord, {town}", "", f"Aftalens parter: {housing} og {town} Kommune",
            "", "Underskrifter:", f"For {housing}", "Ole Berg, direktør Dato: 02.12.2019", f"For {town} Kommune",
            f"{signer}, kommunaldirektør Dato: 09.12.2019", "", HEADER, "1. Kort om boligområdet", "",
            "Helhedsplanen omfatter tre afdelinger med i alt 564 lejemål.", "", HEADER, "2. Indsatsområder", "",
            "Parterne har valgt indsatsområderne Uddannelse og livschancer og Beskæftigelse.", ""]


@pytest.mark.parametrize("case", list(CASES))
def test_a_running_header_in_spaced_capitals_is_no_party(tmp_path, make_docx, make_pdf, case):
    town, housing, signer = CASES[case]
    r = _extract(tmp_path, _lines(town, housing, signer), "as written", make_docx, make_pdf)
    names = {name_key(o.name) for o in r.organisations}
    assert not {n for n in names if "samarbejdsaftale" in n or n.startswith("s t r")}
    assert {o.name for o in r.organisations if o.is_party} >= {housing, f"{town} Kommune"}
