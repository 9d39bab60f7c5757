"""A scanned, signed agreement read by OCR (set M and a new user's trial, session 16): "0" for a
word's first Ø or O ("Boligse1skabet 0resundshjem"), the template's å read as a ("Delaftale for
indsatsomradet X", "Omradets navn"), an area's name a letter or two off ("Beskaeftigelse",
"Krirninalitetsforebyggelse"), and the signatures' scribbles read as text ("}{ . E . /_.", "/ f/-~
~%"). The parties are named as written without the scan's marks, no scribble is an organisation,
and the focus areas are the known ones. Made-up scans of three municipalities, as written and in Word."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract, name_key  # noqa: E402

CASES = {
    "odder": ("Odder", "0dderbo", "Odderbo"),
    "struer": ("Struer", "0stergårdshjem", "Østergårdshjem"),
    "morsoe": ("Morsø", "0resundsbo", "Øresundsbo"),
}


def _lines(town, scanned, housing):
    return [f"{town.upper()} KOMMUNE                        ~  ,", "  Strategisk samarbejdsaftale om boligsocia1 indsats", "",
            f" Omradets navn: {town} Fællesskab", "", " Aftalens parter:", f" Boligse1skabet {scanned}",
            f" {town} Kornmune", "", " Parterne har valgt indsatsområderne Beskaeftigelse og Krirninalitetsforebyggelse.",
            "", " Underskrifter:", "", f" For Boligselskabet {housing}          For {town} Kommune",
            "   / f/-~ ~%,                                 }{ . E . /_.,und",
            " Kasper Vinther, direktør                 Henrik Lund, kommunaldirektør", "",
            " Delaftale for indsatsomradet Kriminalitetsforebyggelse", "",
            " Aktiviteterne ska1 understøtte he1hedsplanens mål om tryghed for a1le beboere.", ""]


@pytest.mark.parametrize("how", ["as written", "docx"])
@pytest.mark.parametrize("case", list(CASES))
def test_a_scanned_signed_agreement(tmp_path, make_docx, make_pdf, case, how):
    town, scanned, housing = CASES[case]
    r = _extract(tmp_path, _lines(town, scanned, housing), how, make_docx, make_pdf)
    orgs = {name_key(o.name) for o in r.organisations}
    assert {name_key(f"Boligselskabet {housing}"), name_key(f"{town} Kommune")} <= orgs
    assert not any(sum(c.isalnum() for c in o.name) * 2 < len(o.name.replace(" ", "")) or "~" in o.name
                   for o in r.organisations)
    assert {name_key(fa.name) for fa in r.focus_areas} == {"beskæftigelse", "kriminalitetsforebyggelse"}
