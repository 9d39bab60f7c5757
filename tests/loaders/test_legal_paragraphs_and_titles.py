"""Forms of session 17's blind set N, as made-up agreements of three other municipalities
(as written and Word):

* an agreement in numbered legal paragraphs: "§ 3. Indsatsområder" with "Stk. 1. Parterne
  forpligter sig til at arbejde inden for indsatsområderne" over "1) X og" / "2) Y.", and
  "Stk. 1. Under indsatsområdet X gennemføres aktiviteterne" over "1) »Name« – ...";
* the plan's name in a Word form's "Boligsocial indsats (navn):" field, or after the
  document type and a dash in a title in capitals."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract  # noqa: E402

TOWNS = ["Aabenraa", "Fredericia", "Holbæk"]


def _paragraphs(town):
    return ["STRATEGISK SAMARBEJDSAFTALE", f"om den boligsociale indsats i Nørrevang, {town}", "",
            "§ 1. Aftalens parter", f"Stk. 1. Aftalen er indgået mellem Boligselskabet {town}hjem og {town} Kommune.", "",
            "§ 3. Indsatsområder",
            "Stk. 1. Parterne forpligter sig til at arbejde inden for indsatsområderne",
            "1) Kriminalitetsforebyggelse og", "2) Uddannelse og livschancer.",
            "Stk. 2. For hvert indsatsområde indgås en delaftale.", "",
            "§ 4. Aktiviteter",
            "Stk. 1. Under indsatsområdet Kriminalitetsforebyggelse gennemføres aktiviteterne",
            f"1) »Nattevagten« – opsøgende aftenarbejde for unge 14-20 år i samarbejde med SSP {town}, og",
            "2) »Forældrepatruljen« – forældrevandringer for forældre til teenagere.",
            "Stk. 2. Under indsatsområdet Uddannelse og livschancer gennemføres aktiviteterne",
            f"1) »Lektieland« – lektiehjælp for børn i 1.-6. klasse i samarbejde med {town} Bibliotekerne, og",
            "2) »Sprog og Leg« – sprogstimulering for børn 2-5 år.",
            "Stk. 3. Ændringer i aktiviteterne kræver bestyrelsens godkendelse.", "",
            "§ 5. Økonomi", "Stk. 1. Landsbyggefonden bevilger 8,2 mio. kr.", ""]


@pytest.mark.parametrize("how", ["as written", "docx"])
@pytest.mark.parametrize("town", TOWNS)
def test_an_agreement_in_legal_paragraphs(tmp_path, make_docx, make_pdf, town, how):
    r = _extract(tmp_path, _paragraphs(town), how, make_docx, make_pdf)
    assert [fa.name for fa in r.focus_areas] == ["Kriminalitetsforebyggelse", "Uddannelse og livschancer"]
    assert [(a.name, a.focus_area) for a in r.activities] == [
        ("Nattevagten", "Kriminalitetsforebyggelse"), ("Forældrepatruljen", "Kriminalitetsforebyggelse"),
        ("Lektieland", "Uddannelse og livschancer"), ("Sprog og Leg", "Uddannelse og livschancer")]
    assert f"SSP {town}" in {a.name: a for a in r.activities}["Nattevagten"].partners


@pytest.mark.parametrize("how", ["as written", "docx"])
@pytest.mark.parametrize("town", TOWNS)
def test_the_plan_s_name_in_a_form_field_and_after_a_dash(tmp_path, make_docx, make_pdf, town, how):
    form = ["DELAFTALE", "om boligsocial indsats (udfyldes elektronisk)", "",
            f"Boligsocial indsats (navn):\tNørrevang Sammen", f"Delaftalens parter:\t{town} Kommune", "",
            "Delaftale for indsatsområdet Beskæftigelse", ""]
    assert _extract(tmp_path, form, how, make_docx, make_pdf).plan.name == "Nørrevang Sammen"
    titled = [f"STRATEGISK SAMARBEJDSAFTALE – FÆLLES OM {town.upper()} NORD 2023-2026", "",
              f"Parter: Boligforeningen {town}bo og {town} Kommune", "Periode: 1. januar 2023 – 31. december 2026", ""]
    name = _extract(tmp_path, titled, how, make_docx, make_pdf).plan.name
    assert name is not None and name.casefold() == f"fælles om {town} nord".casefold()


def _prose(town):
    return ["Strategisk samarbejdsaftale", f"Fælles i {town} Øst 2025-2028", "",
            "2. Indsatsområder. Parterne har aftalt at arbejde inden for indsatsområderne Uddannelse og "
            "livschancer, Beskæftigelse og Kriminalitetsforebyggelse.", "",
            "4. Aktiviteter. Under Uddannelse og livschancer gennemføres aktiviteten Lektiefabrikken, hvor "
            f"frivillige studerende og lærere fra {town}skolen tilbyder lektiehjælp, samt aktiviteten Familiestøtte "
            "i Østbyen med Sundhedsplejen.", "",
            f"Under Beskæftigelse gennemføres aktiviteten Flere i Job, hvor Jobcenter {town} tilbyder afklaring. "
            f"Desuden gennemføres Offensiv Ungevejledning i samarbejde med FGU {town}.", "",
            "Under Kriminalitetsforebyggelse gennemføres aktiviteten Fritid i Fokus, hvor fritidsklubben og "
            f"SSP {town} samarbejder om at fastholde unge 12-17 år i positive fællesskaber.", "",
            "5. Økonomi. Landsbyggefonden har bevilget 7,4 mio. kr.", ""]


@pytest.mark.parametrize("how", ["as written", "flattened", "docx"])
@pytest.mark.parametrize("town", TOWNS)
def test_activities_named_in_a_focus_area_s_sentences(tmp_path, make_docx, make_pdf, town, how):
    r = _extract(tmp_path, _prose(town), how, make_docx, make_pdf)
    assert [fa.name for fa in r.focus_areas] == ["Uddannelse og livschancer", "Beskæftigelse", "Kriminalitetsforebyggelse"]
    assert [(a.name, a.focus_area) for a in r.activities] == [
        ("Lektiefabrikken", "Uddannelse og livschancer"), ("Familiestøtte i Østbyen", "Uddannelse og livschancer"),
        ("Flere i Job", "Beskæftigelse"), ("Offensiv Ungevejledning", "Beskæftigelse"),
        ("Fritid i Fokus", "Kriminalitetsforebyggelse")]
    acts = {a.name: a for a in r.activities}
    assert f"Jobcenter {town}" in acts["Flere i Job"].partners and f"FGU {town}" not in acts["Flere i Job"].partners
