"""Plan attributes and focus areas, read from the five real seed agreements."""
from __future__ import annotations

import doctest

import pytest

from samspil.loaders.document import Document
from samspil.loaders.extract import plan as plan_module
from samspil.loaders.extract.dates import parse_period
from samspil.loaders.extract.focus_areas import extract_focus_areas
from samspil.loaders.extract.plan import extract_plan
from samspil.loaders.pipeline import bundled_examples, extract_file
from samspil.loaders.readers import read_document

SEEDS = {
    "000": "000_30f294d84ea1894d.txt",
    "001": "001_e8c151fb7002ac80.txt",
    "002": "002_9a46c293956cd688.txt",
    "003": "003_1fe8f10e134b8e04.txt",
    "004": "004_42c3f15766fe7c7e.txt",
}


@pytest.fixture(scope="module")
def docs() -> dict[str, Document]:
    return {k: read_document(bundled_examples() / f) for k, f in SEEDS.items()}


# expected values read by hand from the documents (title, labels, period lines)
@pytest.mark.parametrize("seed,name,doc_type,start,end", [
    ("000", "Mit Kvarter", "strategic_agreement", "2025-01-01", "2028-12-31"),
    ("001", "Rum for Liv", "master_plan", "2013-01-01", "2016-12-31"),
    ("002", "Helhedsplanen for Sjælør og Kgs. Enghave", "sub_agreement", "2017-01-01", None),
    ("003", "SURF Valby", "strategic_agreement", "2017-01-01", "2020-12-31"),
    ("004", "Amagerplanen", "strategic_agreement", "2026-01-01", "2029-12-31"),
])
def test_plan_attributes(docs, seed, name, doc_type, start, end):
    plan = extract_plan(docs[seed])
    assert plan.name == name
    assert plan.document_type == doc_type
    assert (plan.period_start, plan.period_end) == (start, end)
    assert plan.municipality == "Københavns Kommune"


def test_plan_name_keeps_the_written_forms_as_aliases(docs):
    plan = extract_plan(docs["000"])
    assert "Mit Kvarter 2025-2028" in plan.aliases
    surf = extract_plan(docs["003"])
    assert surf.area == "Valby/Vigerslev"
    assert extract_plan(docs["002"]).area == "Sjælør og Kgs. Enghave"
    assert any("SURF Valby" in a and "Valby/Vigerslev" in a for a in surf.aliases)


def test_plan_sources_point_at_the_label_value(docs):
    doc = docs["000"]
    plan = extract_plan(doc)
    lines = {s.line for s in plan.sources}
    text = doc.path and open(doc.path, encoding="utf-8").read().split("\n")
    assert any("Mit Kvarter 2025-2028" in text[n - 1] for n in lines)
    assert any("31. december 2028" in text[n - 1] for n in lines)


@pytest.mark.parametrize("seed,expected", [
    ("000", ["Uddannelse og livschancer", "Beskæftigelse", "Kriminalitetsforebyggelse",
             "Sammenhængskraft og medborgerskab"]),
    ("001", ["Børn, unge og familier", "Uddannelse, beskæftigelse og erhverv",
             "Beboernetværk, inddragelse og demokrati", "Image og kommunikation"]),
    ("002", ["Tryghed og trivsel"]),
    ("003", ["Tryghed og trivsel", "Kriminalpræventiv indsats", "Uddannelse og beskæftigelse",
             "Forebyggelse og forældreansvar"]),
    ("004", ["Uddannelse og livschancer", "Beskæftigelse", "Kriminalitetsforebyggelse",
             "Sammenhængskraft og medborgerskab"]),
])
def test_focus_areas(docs, seed, expected):
    areas = extract_focus_areas(docs[seed])
    assert [a.name.lower() for a in areas] == [e.lower() for e in expected]
    assert all(a.sources and a.sources[0].line for a in areas)


def test_variant_heading_merges_into_the_documents_own_name(docs):
    # 000 heads one delaftale "Kriminalpræventive indsatser" (l. 1171) but commits to
    # Kriminalitetsforebyggelse; the variant must not become a fifth focus area
    areas = extract_focus_areas(docs["000"])
    crime = [a for a in areas if a.name == "Kriminalitetsforebyggelse"]
    assert len(areas) == 4 and len(crime[0].sources) >= 2


def test_variant_alone_is_kept_as_written():
    doc = Document.from_text("t.txt", "Delaftale for indsatsområdet *Kriminalpræventiv indsats*\n\nTekst.")
    assert [a.name for a in extract_focus_areas(doc)] == ["Kriminalpræventiv indsats"]


def test_letter_spaced_labels_are_read():
    text = "\n".join([
        " De la f ta le  for  i n d s a t s o m r å d e t  Beskæf t ige lse  ",
        "",
        "Navn  på den bo l igsoc ia le  indsats ,  som de la f ta len vedrører :  ",
        "",
        "Amagerplanen ",
        "",
        "Dela f ta len gælder  f ra  - t i l :  ",
        "",
        "1. januar 2026 – 31. december 2029 ",
    ])
    doc = Document.from_text("spaced.txt", text)
    plan = extract_plan(doc)
    assert (plan.name, plan.document_type) == ("Amagerplanen", "sub_agreement")
    assert (plan.period_start, plan.period_end) == ("2026-01-01", "2029-12-31")
    assert [a.name for a in extract_focus_areas(doc)] == ["Beskæftigelse"]
    assert extract_focus_areas(doc)[0].sources[0].line == 1


@pytest.mark.parametrize("text,expected", [
    ("1. januar 2025 til 31. december 2028", ("2025-01-01", "2028-12-31")),
    ("01-01-2025 til 31-12-2028", ("2025-01-01", "2028-12-31")),
    ("1.januar 2017 – 31. december 2020", ("2017-01-01", "2020-12-31")),
    ("Den 1/1 2017", ("2017-01-01", None)),
    ("februar 2024 - juni 2027", ("2024-02-01", "2027-06-30")),
    ("ingen dato", (None, None)),
])
def test_parse_period(text, expected):
    assert parse_period(text) == expected


def test_free_form_title_and_numbered_focus_area_lines():
    text = "\n".join([
        "Boligsocial helhedsplan for Skovparken 2014-2017", "",
        "Indsatsområde 1: Børn og unge", "Indsatsområde 2: Beskæftigelse", "",
        "Lokaludvalget arbejder inden for følgende indsatsområder:", "- Kultur og fritid", "",
        "Denne helhedsplan arbejder med to indsatsområder:", "- Børn og unge", "- Beskæftigelse",
    ])
    doc = Document.from_text("free.txt", text)
    plan = extract_plan(doc)
    assert plan.name == "Boligsocial helhedsplan for Skovparken"
    assert (plan.period_start, plan.period_end, plan.document_type) == \
        ("2014-01-01", "2017-12-31", "master_plan")
    areas = extract_focus_areas(doc)
    assert [a.name for a in areas] == ["Børn og unge", "Beskæftigelse"]   # not the lokaludvalg's
    assert [s.line for s in areas[0].sources] == [3, 10]


def test_a_document_without_labels_gives_an_empty_plan_not_an_error():
    doc = Document.from_text("x.txt", "Referat af møde i foreningen.\nIngen aftale her.")
    plan = extract_plan(doc)
    assert plan.name is None and plan.period_start is None
    assert plan.document_type == "master_plan"
    assert extract_focus_areas(doc) == []


def test_doctests():
    from samspil.loaders.extract import dates

    assert doctest.testmod(plan_module).failed == 0
    assert doctest.testmod(dates).failed == 0


from hypothesis import given, settings, strategies as st  # noqa: E402

from samspil.loaders.extract.targets import classify, extract_target_groups  # noqa: E402
from samspil.loaders.extract.zones import extract_zones  # noqa: E402

_DANISH_BITS = st.sampled_from([
    "Områdets navn:", "Zone 1)", "Delaftale for indsatsområdet", "Målgruppe(r):", "(12 lejemål)",
    "Afd. 12", "\t", "\n", " ", "/", "–", "-", ":", "(", ")", "1. januar 2025", "31-12-2028",
    "bydelen", "Valby/Vigerslev", "unge", "12-17 år", "ledige", "Afdelingerne i", "5. Indsatsområder",
    "5.1 Tryghed", "Problemkompleks for indsatsområdet", "æøå", "99 år", "2013– 2016",
])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(_DANISH_BITS, st.text(max_size=8)), max_size=40))
def test_extractors_never_crash_on_odd_text(parts):
    doc = Document.from_text("fuzz.txt", "".join(parts))
    plan = extract_plan(doc)
    assert plan.period_start is None or len(plan.period_start) == 10
    extract_focus_areas(doc)
    for zone in extract_zones(doc, []):
        assert zone.name and zone.sources
    for group in extract_target_groups(doc, []):
        assert group.contexts and set(group.contexts) <= {"activity", "problem"}
    classify("".join(parts))


def test_an_empty_label_does_not_take_the_next_label_as_its_value():
    text = ("Strategisk samarbejdsaftale om boligsocial indsats\n\nOmrådets navn:\n\nAftalens parter:\n\n"
            "FSB\n\nSamarbejdsaftalen gælder fra - til:\n\n1. januar 2021 til 31. december 2024\n")
    plan = extract_plan(Document.from_text("empty.txt", text))
    assert plan.name is None
    assert (plan.document_type, plan.period_start) == ("strategic_agreement", "2021-01-01")
    assert plan.sources[0].line == 11


@pytest.mark.parametrize(("title", "name"), [
    ("Strategisk samarbejdsaftale mellem Horsens Kommune og Boligselskabet Horsens om den boligsociale "
     "indsats i Skovparken", "Skovparken"),
    ("Den boligsociale helhedsplan »Sammen i Skovparken« 2019-2022", "Sammen i Skovparken"),
])
def test_plan_names_from_titles_that_name_the_parties_or_quote_the_name(tmp_path, title, name):
    path = tmp_path / "plan.txt"
    path.write_text(f"{title}\n\nAftalens parter: Boligselskabet Horsens og Horsens Kommune\n", encoding="utf-8")
    assert extract_file(path).plan.name == name


@pytest.mark.parametrize("listing", [
    "Helhedsplanen omfatter følgende indsatsområder: Uddannelse og livschancer, Beskæftigelse, "
    "Kriminalitetsforebyggelse og tryghed samt Sammenhængskraft og medborgerskab.",
    "Den boligsociale indsats arbejder inden for indsatsområderne:\n- Uddannelse og livschancer\n"
    "- Beskæftigelse\n- Kriminalitetsforebyggelse og tryghed\n- Sammenhængskraft og medborgerskab",
])
@pytest.mark.parametrize("one_line", [False, True])
def test_focus_areas_listed_in_a_sentence_or_as_bullets(tmp_path, listing, one_line):
    """The plan's indsatsområder in a sentence or a bullet list, also with the text on one
    line; an 'og' inside an area's name does not split it."""
    text = f"Strategisk samarbejdsaftale for Skovparken 2022-2025\n\n{listing}\n"
    path = tmp_path / "plan.txt"
    path.write_text(" ".join(text.split()) if one_line else text, encoding="utf-8")
    assert [f.name for f in extract_file(path).focus_areas] == [
        "Uddannelse og livschancer", "Beskæftigelse", "Kriminalitetsforebyggelse og tryghed",
        "Sammenhængskraft og medborgerskab"]


def test_a_chapter_numbered_without_a_dot_holds_the_focus_areas():
    """ "4 Indsatsområderne" with "4.1 ..." sections under it (older plans number
    chapters without a dot); a line that only starts with a number ("2 dage om ugen",
    a page number) is no chapter, nor a bare "N Title" with no sections under it."""
    text = "\n".join([
        "Helhedsplan for Tingvej og Sønderparken 2011-2014", "",
        "2 Baggrund", "", "Området har 900 boliger.", "",
        "4 Indsatsområderne", "", "4.1 Uddannelse og job", "", "Lektiehjælp",
        "2 dage om ugen i beboerhuset.", "", "4.2 Tryghed og naboskab", "", "Gårdmænd og natteravne.",
    ])
    doc = Document.from_text("fredericia.txt", text)
    assert [a.name for a in extract_focus_areas(doc)] == ["Uddannelse og job", "Tryghed og naboskab"]


def test_a_free_form_period_with_dates_on_either_side_of_a_dash():
    doc = Document.from_text("helsingor.txt", "LIV I SOLVÆNGET\nBoligsocial helhedsplan for Solvænget\n"
                             "Perioden 1. september 2013 – 31. august 2017\n\nForord\n")
    plan = extract_plan(doc)
    assert (plan.period_start, plan.period_end) == ("2013-09-01", "2017-08-31")


@pytest.mark.parametrize("lines,expected", [
    # other templates' label for the indsats' name, and a period row of a two-column table
    (["STRATEGISK SAMARBEJDSAFTALE", "Boligsocial indsats i Herning Kommune", "",
      "Indsatsens navn: Gullestrup Sammen 2024-2027", "", "Aftaleperiode\t1. april 2024 – 31. marts 2028"],
     ("Gullestrup Sammen", "strategic_agreement", "2024-04-01", "2028-03-31")),
    # a delaftale titled on two lines, its indsats in quotes after a label
    (["DELAFTALE", "for indsatsområdet Beskæftigelse", "",
      'Boligsocial indsats: "Nørrevang i Bevægelse" (2025-2028)', "Kommune: Slagelse"],
     ("Nørrevang i Bevægelse", "sub_agreement", "2025-01-01", "2028-12-31")),
    # a letterhead of the parties, the title letter-spaced, the plan's name in quotes under it
    (["Holstebro Boligforening          Holstebro Kommune", "                 Socialforvaltningen", "",
      "HELHEDSPLAN FOR TRÆHØJ", '"Træhøj i fællesskab"', "2009 - 2012"],
     ("Træhøj i fællesskab", "master_plan", "2009-01-01", "2012-12-31")),
    # the municipality's name above the document type, the name before "– boligsocial indsats i"
    (["Greve Kommune", "", "STRATEGISK SAMARBEJDSAFTALE",
      "Nye Veje – boligsocial indsats i Askerød og Hundige Strand",
      "", "Aftalen træder i kraft 1. juni 2021 og udløber 31. maj 2025."],
     ("Nye Veje", "strategic_agreement", "2021-06-01", "2025-05-31")),
    # a delaftale headed by its focus area, the plan named after "Helhedsplanen"
    (["Delaftale – Tryghed og trivsel", "Helhedsplanen Skovvejen Sammen 2022-2025 · Skive Kommune",
      "Bestyrelsen har ansvaret for delaftalen."],
     ("Skovvejen Sammen", "sub_agreement", "2022-01-01", "2025-12-31")),
    # a delaftale of its own file naming its plan after "Helhedsplan:", with the municipality after a comma
    (["Delaftale for indsatsområdet Beskæftigelse",
      "Helhedsplan: Sammen i Løget og Finlandsparken 2024-2027, Vejle Kommune",
      "Aftalens parter: Boligselskabet Sydbo, AAB Vejle og Jobcenter Vejle"],
     ("Sammen i Løget og Finlandsparken", "sub_agreement", "2024-01-01", "2027-12-31")),
    (["DELAFTALE – TRYGHED", "Helhedsplanen: Gellerup Sammen, Aarhus Kommune",
      "Delaftalen gælder fra 1. januar 2023 til 31. december 2026"],
     ("Gellerup Sammen", "sub_agreement", "2023-01-01", "2026-12-31")),
    (["Delaftale 3: Sundhed", "Boligsocial helhedsplan: Skovparken 2026-2029, Høje-Taastrup Kommune"],
     ("Skovparken", "sub_agreement", "2026-01-01", "2029-12-31")),
])
def test_plan_names_types_and_periods_in_other_templates(lines, expected):
    """Plan metadata as other templates and older covers write it: the name, the document
    type and the period."""
    plan = extract_plan(Document.from_text("plan.txt", "\n".join(lines) + "\n\nHelhedsplan og boligsocial indsats.\n"))
    assert (plan.name, plan.document_type, plan.period_start, plan.period_end) == expected
