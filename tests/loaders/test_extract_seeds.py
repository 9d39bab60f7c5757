"""Extraction on the bundled real agreements: facts checked by reading them."""
from pathlib import Path

import pytest

from samspil.loaders import bundled_examples, extract_file

SEEDS = bundled_examples()


@pytest.fixture(scope="module")
def reports():
    return {p.name[:3]: extract_file(p) for p in sorted(SEEDS.glob("*.txt"))}


def contact(report, name):
    return next(c for c in report.contacts if c.name == name)


def org_names(report):
    return {o.name for o in report.organisations} | {a for o in report.organisations for a in o.aliases}


def test_strategic_agreement_parties_with_aliases(reports):
    r = reports["000"]
    parties = {o.name for o in r.organisations if o.is_party}
    assert {"Boligforeningen 3B", "Boligselskabet AKB, København", "Boligforeningen AAB", "Boligforeningen Vibo",
            "Samvirkende Boligselskaber SAB", "PAB", "Københavns Kommune"} <= parties
    kk = next(o for o in r.organisations if o.name == "Københavns Kommune")
    assert "KK" in kk.aliases and kk.type == "municipality"
    b3 = next(o for o in r.organisations if o.name == "Boligforeningen 3B")
    assert "3B" in b3.aliases and b3.type == "housing_organisation"
    # the administrator named with "v/KAB" is its own organisation, not a party
    kab = next(o for o in r.organisations if o.name == "KAB")
    assert not kab.is_party


def test_delaftale_parties_are_partners_not_parties(reports):
    r = reports["000"]
    school = next(o for o in r.organisations if o.name == "BUF Ellebjerg skole")
    assert not school.is_party and school.type == "school"
    assert all(not o.is_party for o in reports["002"].organisations)


def test_contact_variants_in_a_strategic_agreement(reports):
    r = reports["000"]
    c = contact(r, "Charlotte Kølle Jørgensen")
    assert (c.email, c.phone, c.organisation) == ("fj2f@kk.dk", "21438324", "BUF - UU København")
    # e-mail wrapped onto the next line
    assert contact(r, "Jesper Lang-Jensen").email == "qn01@kk.dk"
    assert contact(r, "Christina Grøntved").phone == "+4540788284"
    assert contact(r, "Lone Haahr Mogensen").email == "bz3x@kk.dk"
    officers = [c for c in r.contacts if c.organisation == "Din Betjent"]
    assert {c.name for c in officers} >= {"Frederikke Byder", "Sune Jensen", "Michael Hansen"}
    assert contact(r, "Sune Jensen").email is None
    # every contact has provenance pointing at a real line
    lines = (SEEDS / "000_30f294d84ea1894d.txt").read_text(encoding="utf-8").split("\n")
    for c in r.contacts:
        src = c.sources[0]
        assert src.document == "000_30f294d84ea1894d.txt"
        assert c.name.split()[-1] in lines[src.line - 1] or c.name.split()[0] in lines[src.line - 1]


def test_contacts_in_comma_separated_party_lines(reports):
    r = reports["002"]
    c = contact(r, "Jørgen Hansen")
    assert (c.email, c.phone) == ("amadeus@hjemlos.dk", "33316003")
    assert contact(r, "Anne Balle Fromholt Hansen").organisation == "Sikker By"
    assert contact(r, "Christina Holez Jas").organisation == "Opzoomerne"


def test_letter_spaced_pdf_text_contacts(reports):
    r = reports["004"]
    assert contact(r, "Camilla Sichlau").email == "tv36@kk.dk"
    assert contact(r, "Jesper Lang-Jensen").organisation == "UNG"
    assert contact(r, "Annika Palmelund").title.lower() == "skoleleder"


def test_template_activities_with_focus_areas(reports):
    acts = {a.name: a for a in reports["000"].activities}
    assert {"Helhedsorienteret familieindsats", "Styrket skole-hjem-samarbejde", "Social beskæftigelse",
            "Beboerrådgivning"} <= set(acts)
    assert acts["Social beskæftigelse"].focus_area == "Beskæftigelse"
    assert "parents_families" in acts["Helhedsorienteret familieindsats"].target_groups
    assert "Borgercenter Børn og Unge" in acts["Helhedsorienteret familieindsats"].partners  # "BBU" as the text defines it


def test_numbered_activities_of_an_older_master_plan(reports):
    acts = {a.name: a for a in reports["001"].activities}
    assert len(acts) == 18
    assert "Lektiecafé" in acts and "Sesam" in acts
    assert acts["Lektiecafé"].focus_area.startswith("Uddannelse")


def test_organisations_named_in_running_text(reports):
    names = org_names(reports["000"])
    for expected in ("Landsbyggefonden", "Tryg-fonden", "Nordea-fonden", "Arbejdsmarkedets Feriefond",
                     "Center for Boligsocial Udvikling", "Københavns Politi", "Bydelsmødrene"):
        assert expected in names, expected
    # reports, laws and internal bodies are not organisations
    assert not any("Barnets Lov" in n or n == "Helhedsplanen" for n in names)


def test_an_organisation_is_named_by_the_spelling_the_text_uses_most():
    from samspil.loaders.document import Document
    from samspil.loaders.extract import extract

    text = "\n".join([
        "Helhedsplanen har søgt Landsbyggerfonden om støtte.",  # a typo, seen first
        "Med en bevilling fra Landsbyggefonden fortsætter arbejdet.",
        "Indberetning sker til Landsbyggefonden hvert år.",
        "Landsbyggefondens regulativ gælder.",
    ])
    report = extract(Document.from_text("spelling.txt", text))
    lbf = next(o for o in report.organisations if "Landsbygg" in o.name)
    assert lbf.name == "Landsbyggefonden"
    assert "Landsbyggerfonden" in lbf.aliases
    assert lbf.type == "national_body"


def test_a_party_keeps_its_listed_name(reports):
    # parties are named as the party list writes them, however the text abbreviates them
    parties = {o.name for o in reports["000"].organisations if o.is_party}
    assert "Københavns Kommune" in parties


def test_a_parenthesised_name_is_an_alias_or_a_parent(reports):
    orgs = {o.name: o for o in reports["004"].organisations}
    # "Enheden for Kriminalpræventive Indsatser, EKI (Socialforvaltningen)": EKI is the
    # unit's abbreviation (its initials), the forvaltning its parent, not another name for it
    eki = orgs["Enheden for Kriminalpræventive Indsatser"]
    assert "EKI" not in orgs and "EKI" in eki.aliases
    assert eki.parent == "SOF" and "Socialforvaltningen" not in eki.aliases
    assert eki.type == "municipal_unit"
    # "Amager Partnerskab (Tryghedspartnerskabet)": the same partnership under its other name
    assert "Tryghedspartnerskabet" in orgs["Amager Partnerskab"].aliases


def test_handles_and_addresses_in_party_lines_are_not_organisations(reports):
    names = org_names(reports["000"])
    assert "fa09" not in names and not any("v. fa09" in n for n in names)  # "PAB v. fa09": initials
    assert "Otillavej" not in names  # "Otillavej, Socialpsykiatrien ...": an address
    assert "PAB" in names and "Socialpsykiatrien" in names
