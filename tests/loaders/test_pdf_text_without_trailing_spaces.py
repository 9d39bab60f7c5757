"""A PDF's text saved as .txt without the trailing spaces that told it apart (set I, session 13):
its page footers ("Side 2 af 6") and words hyphenated across lines make it PDF text, so its
hard-wrapped lines are joined ("I Ikast ligger Stadion-" / "parken (Midtbo afd. 2, 344 lejemål)"
is the department Stadionparken with 344 dwellings). Made-up agreements of three municipalities."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract, name_key as _key  # noqa: E402

CASES = {
    "billund": ("Billund", "Grindsted", ("Stadion", "parken", 344), ("Grønne", "gården", 121)),
    "vejen": ("Vejen", "Brørup", ("Skov", "bakken", 212), ("Kirke", "vænget", 96)),
    "lemvig": ("Lemvig", "Harboøre", ("Fjord", "parken", 180), ("Havne", "bakken", 64)),
}


@pytest.mark.parametrize("case", list(CASES))
def test_hyphenated_names_of_a_pdfs_text(tmp_path, make_docx, make_pdf, case):
    town, other, (a1, a2, na), (b1, b2, nb) = CASES[case]
    footer = f"Strategisk samarbejdsaftale – Broen 2026-2029                    Side {{}} af 3"
    lines = ["Strategisk samarbejdsaftale om boligsocial indsats", f"Områdets navn: Broen, {town}", "",
             "Aftalens parter:", f"Boligselskabet {town}", f"{town} Kommune", "", footer.format(1), "",
             "1. Boligområdet", "",
             f"Broen omfatter to afdelinger fordelt på to byer. I {town} ligger {a1}-",
             f"{a2} (Boligselskabet {town} afd. 2, {na} lejemål), og i {other} ligger {b1}-",
             f"{b2} (Boligselskabet {town} afd. 6, {nb} lejemål). Afdelingerne har fælles sekre-",
             "tariat i beboerhuset.", "", footer.format(2), "",
             "2. Organisering", "", "Bestyrelsen mødes fire gange om året.", "", footer.format(3)]
    r = _extract(tmp_path, lines, "as written", make_docx, make_pdf)
    units = {_key(z.name): z.units for z in r.zones}
    assert (units.get(_key(a1 + a2)), units.get(_key(b1 + b2))) == (na, nb)
