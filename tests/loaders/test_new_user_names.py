"""Names and blocks a new user's trial of set P got wrong, as made-up plans of three other
municipalities:

* a name opening with initials ("A.P. Møller Fonden"): not cut to "P. Møller Fonden";
* "Den boligsociale helhedsplan ledes af ..." (a sentence going on): no plan name;
* a signature block ends at the next chapter's heading in sentence case ("Den boligsociale
  indsats og områderne"), which is no party;
* a template label misspelt by one letter ("Kontakperson:", "Aktivitesnavn:", "Målgrupe:");
* signatures side by side in two space-aligned lines (names over organisations);
* the municipality named inside a unit's name ("Sundhedsplejen i X Kommune") stays an
  organisation of its own, and its spelling without æøå ("Morsoe Kommune") is the same one."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract, name_key  # noqa: E402

from samspil.loaders.bare_labels import template_label_lines

TOWNS = ["Thisted", "Hjørring", "Haderslev"]
ASCII = {"Thisted": "Thisted", "Hjørring": "Hjoerring", "Haderslev": "Haderslev"}


def _plan(town):
    return [f"Strategisk samarbejdsaftale for Fjordglimt, {town}", "",
            "Aftalens parter:", "",
            "Boligselskabet Nordvang", f"{town} Kommune", "",
            "Underskrifter:",
            "Boligselskabet Nordvang\tDato: [dato]\tNavn: [navn]",
            f"{town} Kommune\tDato: [dato]\tNavn: [navn]", "",
            "Den boligsociale indsats og dens rammer", "",
            "Den boligsociale helhedsplan ledes af en boligsocial leder, som refererer til styregruppen.",
            "Lektiecaféen er støttet af A.P. Møller Fonden og Novo Nordisk Fonden.", "",
            "Aktivitetsnavn: Lektiecafé Fjordglimt",
            "Målgrupe: børn 6-12 år",
            f"Samarbejdspartnere: {town} Bibliotek, A.P. Møller Fonden", "",
            "Aktivitesnavn: Familiekurser",
            "Målgruppe(r): småbørnsforældre",
            f"Samarbejdspartnere: Sundhedsplejen i {town} Kommune", "",
            f"Kontakperson: Rikke Lundgaard, boligsocial leder, rlu@nordvang.dk",
            f"Integrationskonsulent: Bo Westergaard, {ASCII[town]} Kommune, bow@kommune.dk"]


@pytest.mark.parametrize("town", TOWNS)
@pytest.mark.parametrize("how", ["as written", "flattened", "docx"])
def test_names_blocks_and_misspelt_labels(tmp_path, make_docx, make_pdf, town, how):
    r = _extract(tmp_path, _plan(town), how, make_docx, make_pdf)
    names = {name_key(o.name) for o in r.organisations}
    assert name_key("A.P. Møller Fonden") in names
    assert not any(n.startswith(("p møller", "den boligsociale")) for n in names), names
    assert not any("ledes af" in n for n in [r.plan.name, *r.plan.aliases])
    parties = {o.name for o in r.organisations if o.is_party}
    assert parties == {"Boligselskabet Nordvang", f"{town} Kommune"}
    # the municipality is one organisation (its ASCII spelling an alias), not an alias of its unit
    municipalities = [o for o in r.organisations if o.type == "municipality"]
    assert [o.name for o in municipalities] == [f"{town} Kommune"]
    unit = next(o for o in r.organisations if o.name.startswith("Sundhedsplejen"))
    assert name_key(f"{town} Kommune") not in {name_key(a) for a in unit.aliases}
    activities = {a.name: a for a in r.activities}
    assert set(activities) == {"Lektiecafé Fjordglimt", "Familiekurser"}
    assert "children" in activities["Lektiecafé Fjordglimt"].target_groups
    assert name_key("A.P. Møller Fonden") in {name_key(p) for p in activities["Lektiecafé Fjordglimt"].partners}
    contacts = {c.name: c for c in r.contacts}
    assert contacts["Rikke Lundgaard"].email == "rlu@nordvang.dk"


def test_a_misspelt_label_is_read_as_the_label():
    lines, _ = template_label_lines(["Kontakperson: Rikke Lundgaard", "Aktivitesnavn: Lektiecafé",
                                     "Målgrupe: børn", "Samarbejdspatnere: Bibliotek", "Kontoret: åbent",
                                     "Målgruppen: børn"])
    assert lines == ["Kontaktperson: Rikke Lundgaard", "Aktivitetsnavn: Lektiecafé", "Målgruppe: børn",
                     "Samarbejdspartnere: Bibliotek", "Kontoret: åbent", "Målgruppe: børn"]


def _signed(town):
    return [f"Helhedsplan for Skovbrynet, {town} 2009-2012", "",
            f"Udarbejdet af Boligselskabet Skovbo og Boligforeningen Lyngtoft i samarbejde med {town} Kommune.", "",
            "Aktivitetsnavn: Lektiehjælp", "Målgruppe(r): skolebørn", "",
            f"{town}, den 3. marts 2009", "",
            "Jens Kronborg                 Hanne Stisen                Karen Vestergaard",
            f"Boligselskabet Skovbo          Boligforeningen Lyngtoft    Borgmester, {town} Kommune", ""]


@pytest.mark.parametrize("town", TOWNS)
def test_signatures_side_by_side(tmp_path, make_docx, make_pdf, town):
    r = _extract(tmp_path, _signed(town), "as written", make_docx, make_pdf)
    names = {o.name for o in r.organisations}
    assert {"Boligselskabet Skovbo", "Boligforeningen Lyngtoft", f"{town} Kommune"} <= names
    assert not any("Skovbo Boligforeningen" in n or "Lyngtoft Borgmester" in n for n in names), names


def _table(town):
    """An activity table laid out with spaces whose area cell fills its column (one space before
    the activity: "Uddannelse og beskæf\u00ad Lektiecafé"), a remark after an activity's name, and
    a programme below whose wrapped text has a word at a column after one space."""
    return [f"Strategisk samarbejdsaftale for Kærhaven, {town} Kommune", "",
            "Nr.  Indsatsområde         Aktivitet                Målgruppe                  Samarbejdspartnere",
            f"1    Uddannelse og beskæf\u00ad Lektiecafé Kærhaven      skolebørn 6-16 år          {town} Bibliotek",
            "     tigelse",
            f"2    Uddannelse og beskæf\u00ad Jobtræning i driften     ledige unge 18-29 år       Jobcenter {town}",
            "     tigelse",
            f"3    Tryghed og trivsel    Beboerfesten (evt.,      alle beboere               SSP {town}",
            "                           afhængig af fondsmidler)", ""]


@pytest.mark.parametrize("town", TOWNS)
def test_a_cell_that_fills_its_column(tmp_path, make_docx, make_pdf, town):
    r = _extract(tmp_path, _table(town), "as written", make_docx, make_pdf)
    acts = {a.name: a for a in r.activities}
    assert set(acts) == {"Lektiecafé Kærhaven", "Jobtræning i driften", "Beboerfesten"}, set(acts)
    assert acts["Lektiecafé Kærhaven"].focus_area == "Uddannelse og beskæftigelse"
    assert {name_key(p) for p in acts["Jobtræning i driften"].partners} == {name_key(f"Jobcenter {town}")}


def _programme(town):
    return [f"Opstartsdag for helhedsplanen Kærhaven, {town}", "",
            "10.55  WORKSHOPRUNDE – vælg én",
            "  A  Lektiecafé Kærhaven  [Uddannelse og livschancer]",
            "     For elever i 1.-9. klasse. Med skoleleder Ib Dreyer, Kærhavnskolen",
            "  B  Gadeteam Kærhaven  [Kriminalitetsforebyggelse]",
            f"     For unge 13-22 år, der hænger ud om aftenen. Med SSP-konsulent Mikkel Thorsø Krogh, SSP {town},",
            "     og politiassistent Rikke Bang Sønderby, Midt- og Vestsjællands Politi", ""]


@pytest.mark.parametrize("town", TOWNS)
def test_wrapped_text_under_a_row_is_not_cut_at_a_column(tmp_path, town):
    from samspil.loaders.readers import read_document

    path = tmp_path / "program.txt"
    path.write_text("\n".join(_programme(town)) + "\n", encoding="utf-8")
    text = "\n".join(read_document(path).lines)
    assert "Mikkel Thorsø Krogh, SSP " + town + ", og politiassistent Rikke Bang Sønderby" in text


def _job_ad(town):
    """A job advertisement and a memo: the plan named at a sentence's end, in »quotes«, a memo's
    "NOTAT" over its lines, an organisation under an "Om ..." heading and signing "For ...:"."""
    return ["NOTAT", "Til: Bestyrelsen", "",
            f"Strandvejen – den boligsociale helhedsplan »Strandvejen Sammen« i {town}", "",
            f"Om Boligselskabet Fjordbo", f"Boligselskabet Fjordbo ejer 900 boliger i {town}.", "",
            f"Vi søger en medarbejder til den boligsociale helhedsplan Strandvejen Sammen i {town}.", "",
            "Underskrifter", f"For Boligselskabet Fjordbo: Hanne Sørensen, direktør",
            f"For {town} Kommune: Peter Holm, borgmester", ""]


@pytest.mark.parametrize("town", TOWNS)
def test_plan_names_and_prefixed_organisations(tmp_path, make_docx, make_pdf, town):
    r = _extract(tmp_path, _job_ad(town), "as written", make_docx, make_pdf)
    assert r.plan.name in ("Strandvejen Sammen", f"Strandvejen Sammen i {town}"), r.plan.name
    names = {o.name for o in r.organisations}
    assert "Boligselskabet Fjordbo" in names and not any(n.startswith(("For ", "Om ")) for n in names), names


def _leaflet(town):
    """A residents' leaflet by weekday: a time and the activity's name in capitals, its fields below."""
    return [f"DET SKER I ENGHAVEN, {town.upper()}", "Aktiviteter forår 2025", "",
            "MANDAG", "◆ 15.00-17.30  LEKTIECAFÉ ENGHAVEN", "   For: elever i 4.-10. klasse",
            "   Hvor: Beboerhuset", f"   Med: Enghaveskolen og frivillige fra Røde Kors {town}",
            "TIRSDAG", "▲ 17.00-19.30  FÆLLESSPISNING I ENGHAVEN", "   For: alle beboere",
            "   Med: afdelingsbestyrelsen", "", "ONSDAG", "● 16.00-18.00  FRITIDSJOBBUTIKKEN",
            "   For: unge 13-17 år", f"   Med: Jobcenter {town}", ""]


@pytest.mark.parametrize("town", TOWNS)
@pytest.mark.parametrize("how", ["as written", "docx"])
def test_a_leaflets_timed_activities(tmp_path, make_docx, make_pdf, town, how):
    r = _extract(tmp_path, _leaflet(town), how, make_docx, make_pdf)
    acts = {a.name: a for a in r.activities}
    assert set(acts) == {"Lektiecafé Enghaven", "Fællesspisning i Enghaven", "Fritidsjobbutikken"}, set(acts)
    assert "youth" in acts["Fritidsjobbutikken"].target_groups
    assert name_key(f"Jobcenter {town}") in {name_key(p) for p in acts["Fritidsjobbutikken"].partners}
