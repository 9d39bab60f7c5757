"""A Word draft saved as text with its tracked changes and comments shown inline ("Vis
markeringer"; set M, session 16): "[Slettet: 31. december 2029][Indsat: 30. juni 2030]",
"[Kommentar [AB1] Name: ...]", "[Formateret: Skrifttype: Calibri, 11 pkt]", and a whole
delaftale deleted. The agreement is read with its changes accepted: the new end date, the
inserted signatory and e-mail, no deleted focus area, activity or contact, no marker or font as
an organisation. Made-up drafts of three municipalities, as written, flattened and in Word."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import contact_facts, extract_rendered as _extract, name_key  # noqa: E402

CASES = {
    "struer": ("Struer", "Limfjordsbo", "Lene Falk", "lf@limfjordsbo.dk", "lf@lfbo.dk"),
    "odder": ("Odder", "Odderbo", "Kim Holt", "kh@odderbo.dk", "kh@obo.dk"),
    "morsoe": ("Morsø", "Morsø Boligforening", "Sara Lind", "sl@morsoebo.dk", "sl@mbo.dk"),
}


def _lines(town, housing, person, old_mail, new_mail):
    return [f"Strategisk samarbejdsaftale for {town} Syd", "", "Aftalens parter:", f"Boligforeningen {housing}",
            f"{town} Kommune", "",
            "Samarbejdsaftalen gælder fra – til: 1. juli 2026 – [Slettet: 31. december 2029][Indsat: 30. juni 2030]",
            "[Kommentar [MVS1] Merete Vig: LBF har bekræftet forlængelsen.]", "",
            "[Formateret: Skrifttype: (Standard) Calibri, 11 pkt]",
            "Parterne har valgt indsatsområderne Uddannelse og livschancer[Slettet: , Beskæftigelse] og "
            "[Indsat: Kriminalitetsforebyggelse].", "",
            f"Boligsocial leder: {person}, {housing}, [Slettet: {old_mail}][Indsat: {new_mail}], tlf. 2290 4417", "",
            "[Slettet: Delaftale for indsatsområdet Beskæftigelse]",
            f"[Slettet: Delaftalens parter: Jobcenter {town}, Kontaktperson: Teamleder Anja Thisted, at@x.dk, 9988 5530]",
            "[Slettet: Aktivitetsnavn: Jobcafé Syd]", "",
            "[Indsat: Delaftale for indsatsområdet Kriminalitetsforebyggelse]", "",
            "[Indsat: Aktivitetsnavn: Fritid Syd]", "[Indsat: Målgruppe(r): Unge 12-17 år]", ""]


@pytest.mark.parametrize("how", ["as written", "flattened", "docx"])
@pytest.mark.parametrize("case", list(CASES))
def test_a_draft_with_tracked_changes(tmp_path, make_docx, make_pdf, case, how):
    town, housing, person, old_mail, new_mail = CASES[case]
    r = _extract(tmp_path, _lines(town, housing, person, old_mail, new_mail), how, make_docx, make_pdf)
    assert (r.plan.period_start, r.plan.period_end) == ("2026-07-01", "2030-06-30")
    assert {name_key(fa.name) for fa in r.focus_areas} == {"uddannelse og livschancer", "kriminalitetsforebyggelse"}
    assert [a.name for a in r.activities] == ["Fritid Syd"]
    assert contact_facts(r).get(person, (None, None, None))[1] == new_mail
    assert "Anja Thisted" not in contact_facts(r)
    assert not any("[" in o.name or "]" in o.name or "Calibri" in o.name for o in r.organisations)
