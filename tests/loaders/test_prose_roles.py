"""Made-up agreements naming role holders and signatories in running text (SCHEMA:
contacts are contact persons, role holders or signatories): "direktør Anne Krog
(Lejerbo)" in a sentence, "borgmester Ole Sand på vegne af Faxe Kommune", "Ida Lund, der
ansættes i Boligselskabet Faxe (il@..., tlf. ...)"; each as written, with its line breaks
lost, and from Word and PDF; and brackets that name no person's organisation."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import contact_facts, wanted_contacts  # noqa: E402
from renderings import extract_rendered as _extract  # noqa: E402

HEAD = ["Strategisk samarbejdsaftale for Egevangen 2025-2028", ""]
TAIL = ["", "Indsatsområde: Uddannelse og livschancer", "Aktivitet: Lektiecafé i Egevangen",
        "Formål: At styrke børns skolegang."]

CASES = {  # lines -> {person: (organisation, e-mail, phone)}
    "board-sentence": (["Organisering", "Bestyrelsen består af direktør Anne Krog (Lejerbo), centerchef Ole Vind "
                        "(Center for Børn og Familie) og formand Sofie Dahl (Boligselskabet Faxe)."],
                       {"Anne Krog": ("Lejerbo", None, None), "Ole Vind": ("Center for Børn og Familie", None, None),
                        "Sofie Dahl": ("Boligselskabet Faxe", None, None)}),
    "steering-bullets": (["Styregruppen:", "• skolechef Henrik Bak (Stevns Kommune, Skole og Dagtilbud)",
                          "• politikommissær Tina Holt (Midt- og Vestsjællands Politi)",
                          "• driftschef Peter Lau (Boligselskabet Stevnshus)"],
                         {"Henrik Bak": ("Skole og Dagtilbud", None, None),
                          "Tina Holt": ("Midt- og Vestsjællands Politi", None, None),
                          "Peter Lau": ("Boligselskabet Stevnshus", None, None)}),
    "on-behalf": (["Aftalen er underskrevet af borgmester Ole Sand på vegne af Faxe Kommune og af formand "
                   "Jens Moos på vegne af Boligselskabet Faxe."],
                  {"Ole Sand": ("Faxe Kommune", None, None), "Jens Moos": ("Boligselskabet Faxe", None, None)}),
    "employed": (["Boligsocial leder bliver Ida Lund, der ansættes i Boligselskabet Faxe (il@bofaxe.dk, "
                  "tlf. 12 34 56 78).", "Koordinator er Bo Kragh, som er ansat hos Lejerbo, Mobil: 2345 6789."],
                 {"Ida Lund": ("Boligselskabet Faxe", "il@bofaxe.dk", "12345678"),
                  "Bo Kragh": ("Lejerbo", None, "23456789")}),
    "mixed-sentence": (["Den daglige ledelse varetages af Lise Hald (Boligselskabet Ringsted), mens SSP-koordinator "
                        "Jonas Bak (Ringsted Kommune, SSP) og skoleleder Eva Dahl (Egevangskolen) deltager i følgegruppen."],
                       {"Lise Hald": ("Boligselskabet Ringsted", None, None), "Jonas Bak": ("SSP", None, None),
                        "Eva Dahl": ("Egevangskolen", None, None)}),
}




@pytest.mark.parametrize("how", ["as written", "flat", "docx", "pdf"])
@pytest.mark.parametrize("case", list(CASES))
def test_role_holders_named_in_running_text(tmp_path, make_docx, make_pdf, case, how):
    lines, want = CASES[case]
    r = _extract(tmp_path, HEAD + lines + TAIL, how, make_docx, make_pdf)
    assert contact_facts(r) == wanted_contacts(want)


@pytest.mark.parametrize("how", ["as written", "flat"])
def test_brackets_that_name_no_persons_organisation(tmp_path, make_docx, make_pdf, how):
    """A citation, a plan's name or a year in brackets after a name makes no contact; nor
    does an unknown bracket after a name with no title."""
    lines = HEAD + ["Analysen bygger på Lars Holm Jensen (2019) og Kommunens Sundhedsprofil (Kommuneplan 2024).",
                    "Tidligere borgmester Karl Friis (SF) tog initiativ til indsatsen."] + TAIL
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    assert not r.contacts
