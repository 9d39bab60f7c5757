"""A person named in running text with their employer and, in the next sentence, how to reach
them (set J's 2006 plan and a new user's trial, session 14): "Projektleder Bente Munch er ansat af
Østersøbo og har kontor i Skovløkken. Hun kan træffes på tlf. 56 95 40 21 eller på mail ...": the
employer is the organisation the document names in full ("Boligselskabet Østersøbo"), and the
phone and e-mail are hers (the sentence does not end at "tlf."). Made-up plans of three
municipalities, as written, flattened and Word."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import contact_facts, extract_rendered as _extract, wanted_contacts  # noqa: E402

CASES = {
    "bornholm": ("Rønne", "Boligselskabet Østersøbo", "Østersøbo", "Bente Kofoed Munch", "Hun kan træffes",
                 "bkm@oestersoebo.dk", "56954021"),
    "faaborg": ("Faaborg", "Boligforeningen Vestbo", "Vestbo", "Jens Holm Kristensen", "Han kan kontaktes",
                "jhk@vestbo.dk", "62611010"),
    "odder": ("Odder", "Boligselskabet Fjordly", "Fjordly", "Marie Juhl", "Hun kan fanges",
              "mj@fjordly.dk", "86541212"),
}


def _lines(town, org, short, name, reach, mail, phone):
    return [f"Helhedsplan for Syd, {town} 2006-2009", "", f"Helhedsplanen er udarbejdet af {org} og {town} Kommune.", "",
            "Kap. 5  Organisation og ansvar", "",
            f"Projektleder {name} er ansat af {short} og har kontor i beboerhuset. {reach} på tlf. "
            f"{phone[:2]} {phone[2:4]} {phone[4:6]} {phone[6:]} eller på mail {mail}", ""]


@pytest.mark.parametrize("how", ["as written", "flattened", "docx"])
@pytest.mark.parametrize("case", list(CASES))
def test_a_prose_contact_with_its_employer_and_details(tmp_path, make_docx, make_pdf, case, how):
    town, org, short, name, reach, mail, phone = CASES[case]
    r = _extract(tmp_path, _lines(*CASES[case]), how, make_docx, make_pdf)
    assert contact_facts(r).get(name) == wanted_contacts({name: (org, mail, phone)})[name]
