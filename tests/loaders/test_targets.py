"""Target-group classification of Danish Målgruppe texts and whole agreements."""
from __future__ import annotations

import doctest

import pytest

from samspil.loaders.document import Document
from samspil.loaders.errors import VocabularyError
from samspil.loaders.extract import targets as targets_module
from samspil.loaders.extract.targets import age_categories, classify, extract_target_groups
from samspil.loaders.model import Activity
from samspil.loaders.pipeline import bundled_examples
from samspil.loaders.readers import read_document
from samspil.loaders.vocab import load_vocab


# Målgruppe(r) texts as written in the seeds, with the categories a reader gives them
@pytest.mark.parametrize("text,expected", [
    ("Unge i alderen 12-17 år", {"youth"}),
    ("Børn i skolealderen (0.-9. klasse)", {"children"}),
    ("børn og unge i alderen 7-17 år", {"children", "youth"}),
    ("Unge i alderen 15-29 år, som hverken er i job eller uddannelse", {"youth", "young_adults"}),
    ("områdets NEET-unge", {"youth", "young_adults"}),
    ("udsatte børnefamilier - særligt familier med børn i førskolealderen",
     {"parents_families", "children"}),
    ("Ledige voksne i alderen 18 – 64 år, som er på offentlige ydelser",
     {"adults", "unemployed"}),
    ("Alle beboere i helhedsplanens områder", {"residents_all"}),
    ("Primært 13-17 årige (sårbare, risiko for kriminalitet)", {"youth"}),
    ("psykisk syge, alkoholikere, beboere med PTSD, hjemløse", {"vulnerable_adults"}),
    ("medlemmer af afdelingsbestyrelsen og frivillige", {"tenant_democracy", "volunteers"}),
    ("familier med anden etnisk baggrund end dansk", {"parents_families", "ethnic_minorities"}),
    ("mentorforløb for kvinder", {"women"}),
    ("forløb for unge drenge", {"youth", "men"}),
    ("ensomme ældre beboere og pensionister", {"seniors", "vulnerable_adults"}),
    ("øge kompetencerne hos de primære frontmedarbejdere", {"professionals"}),
    # an age next to the noun decides over the noun
    ("unge over 18 år uden ungdomsuddannelse", {"young_adults"}),
    ("Særligt udsatte unge i alderen 17- 25 år", {"young_adults"}),
    ("børn og unge under 18", {"children", "youth"}),
    ("borgere over 65 år", {"seniors"}),
    ("Unge mellem 18 og 25 år", {"young_adults"}),
])
def test_classify_short_texts(text, expected):
    assert set(classify(text)) == expected


@pytest.mark.parametrize("text", [
    "ledige boliger og ledige lejemål udlejes straks",
    "Borgercenter Børn og Unge, Børnefamilieenheden",   # a unit's name, not a group
    "Dansk Flygtningehjælp og Red Barnet",
    "For de ældre klasser er der lektiecafé",
    "Helhedsplanen kan lave professionelle evalueringer",
    "Andelen af 0-17-årige er 23 %",                     # statistics, not a target
])
def test_classify_leaves_names_and_non_groups_alone(text):
    assert classify(text) == {}


def test_traits_of_a_group_do_not_add_groups():
    text = ("Unge i alderen 12-17 år, som er ramt af flere risikofaktorer såsom "
            "konflikt eller udsathed i familien")
    assert set(classify(text)) == {"youth"}


def test_traits_carry_over_to_the_next_sentences_of_a_text():
    text = ("Målgruppen er udsatte børnefamilier. Familierne er kendetegnet ved forældre med "
            "udfordringer. Det kan fx være manglende beskæftigelse og sprogbarrierer.")
    assert set(classify(text)) == {"parents_families"}


def test_phrases_are_taken_from_the_text():
    phrases = classify("Målgruppen er udsatte børnefamilier.")["parents_families"]
    assert phrases and all(p in "Målgruppen er udsatte børnefamilier." for p in phrases)


@pytest.mark.parametrize("lo,hi,expected", [
    (0, 5, ["children"]), (12, 17, ["youth"]), (17, 29, ["young_adults"]),
    (30, 64, ["adults"]), (18, 64, ["adults"]), (67, 90, ["seniors"]),
])
def test_age_bands(lo, hi, expected):
    assert age_categories(lo, hi) == expected


def test_document_level_categories_of_a_sub_agreement():
    doc = read_document(bundled_examples() / "002_9a46c293956cd688.txt")
    found = {g.category for g in extract_target_groups(doc, [])}
    # what the delaftale addresses, read by hand (its Målgruppe fields, problem text, activities)
    assert {"residents_all", "vulnerable_adults", "adults", "parents_families", "children",
            "youth", "volunteers", "tenant_democracy", "ethnic_minorities"} <= found
    # and what it does not: no young adults, women, men, seniors or professionals
    assert not found & {"young_adults", "women", "men", "seniors", "professionals"}


def test_contexts_separate_activity_fields_from_problem_text():
    text = "\n".join([
        "Problemkompleks for indsatsområdet:",
        "Mange hjemløse opholder sig i området.",
        "",
        "Aktivitetsnavn:",
        "Lommepengejob",
        "Målgruppe(r):",
        "Unge i alderen 12-17 år",
        "Formål:",
        "At skabe job.",
    ])
    groups = {g.category: g for g in extract_target_groups(Document.from_text("c.txt", text), [])}
    assert groups["vulnerable_adults"].contexts == ["problem"]
    assert groups["youth"].contexts == ["activity"]
    assert groups["youth"].sources[0].line == 7


def test_activity_categories_count_as_activity_context():
    act = Activity(name="Seniorklub", target_groups=["seniors"])
    groups = extract_target_groups(Document.from_text("a.txt", "Ingen målgrupper nævnt."), [act])
    assert [(g.category, g.contexts) for g in groups] == [("seniors", ["activity"])]


def test_big_agreement_has_provenance_and_bounded_phrases():
    doc = read_document(bundled_examples() / "000_30f294d84ea1894d.txt")
    groups = extract_target_groups(doc, [])
    assert len(groups) >= 12
    for g in groups:
        assert 1 <= len(g.phrases) <= 15 and g.sources and g.sources[0].line


def test_user_vocabulary_extends_and_bad_vocabulary_fails_loudly(tmp_path, monkeypatch):
    def reload() -> None:
        load_vocab.cache_clear()
        targets_module._cues.cache_clear()
        targets_module._traits.cache_clear()

    extra = tmp_path / "target_groups.yaml"
    extra.write_text("categories:\n  seniors:\n    patterns: ['plejehjemsbeboere\\b']\n",
                     encoding="utf-8")
    monkeypatch.setenv("SAMSPIL_VOCAB_DIR", str(tmp_path))
    reload()
    try:
        assert "seniors" in classify("besøg hos plejehjemsbeboere")
        extra.write_text("categories:\n  pets:\n    patterns: ['hunde']\n", encoding="utf-8")
        reload()
        with pytest.raises(VocabularyError):
            classify("hunde")
    finally:
        monkeypatch.delenv("SAMSPIL_VOCAB_DIR")
        reload()
    assert "seniors" not in classify("besøg hos plejehjemsbeboere")


def test_doctests():
    assert doctest.testmod(targets_module).failed == 0


def test_dominant_groups_of_a_free_form_activity_section():
    doc = read_document(bundled_examples() / "001_e8c151fb7002ac80.txt")
    lines = doc.lines
    # the body section (the table of contents names it first)
    start = [i for i, l in enumerate(lines) if l.strip().startswith("5.1.2 Aktiviteter")][-1]
    end = next(i for i, l in enumerate(lines) if i > start and l.strip().startswith("5.1.3 "))
    found = targets_module.dominant_groups("\n".join(lines[start + 1:end]))
    # the section is about children and young people (Street-fodbold, klubber, lektiehjælp)
    assert found[:2] == ["youth", "children"] and "volunteers" not in found
    assert targets_module.dominant_groups("Ingen personer nævnt her.") == []


def test_same_plan_zones_and_groups_from_txt_docx_and_pdf(tmp_path, fixture_text, make_docx, make_pdf):
    from samspil.loaders.extract.focus_areas import extract_focus_areas
    from samspil.loaders.extract.plan import extract_plan

    paragraphs = fixture_text.split("\n")
    txt = tmp_path / "d.txt"
    txt.write_text(fixture_text, encoding="utf-8")
    paths = {"txt": txt, "docx": make_docx(paragraphs, tmp_path / "d.docx"),
             "pdf": make_pdf(paragraphs, tmp_path / "d.pdf")}
    facts = {}
    for fmt, path in paths.items():
        doc = read_document(path)
        plan = extract_plan(doc)
        facts[fmt] = (plan.name, plan.document_type, plan.period_start, plan.period_end,
                      tuple(a.name for a in extract_focus_areas(doc)),
                      tuple(sorted(g.category for g in extract_target_groups(doc, []))))
    assert facts["txt"][:5] == ("Nørrebro Øst", "sub_agreement", "2026-01-01",
                                "2029-12-31", ("Beskæftigelse",))
    assert {"youth", "unemployed", "women", "ethnic_minorities", "parents_families"} <= set(facts["txt"][5])
    assert facts["docx"] == facts["txt"] and facts["pdf"] == facts["txt"]
    pdf_plan = extract_plan(read_document(paths["pdf"]))
    assert pdf_plan.sources[0].page == 1 and pdf_plan.sources[0].line is None


def test_cue_word_test_finds_exactly_what_a_full_scan_finds(monkeypatch):
    """Cues are tried only at words that can start one (prefixes read from the
    patterns). Every seed line and block must classify exactly as with a full
    regular-expression scan of every position."""
    assert targets_module._word_test() is not None  # the bundled vocabulary is analysable
    texts = []
    for seed in sorted(bundled_examples().glob("*.txt")):
        lines = read_document(seed).lines
        texts += lines + ["\n".join(lines[i:i + 12]) for i in range(0, len(lines), 12)]
    fast = [(classify(t), targets_module.dominant_groups(t)) for t in texts]
    monkeypatch.setattr(targets_module, "_word_test", lambda: None)
    full = [(classify(t), targets_module.dominant_groups(t)) for t in texts]
    assert sum(bool(f[0]) for f in full) > 500  # the comparison covers many hits
    assert fast == full


@pytest.mark.parametrize("pattern,text,category", [
    (r"[a-z]+plejehjem\w*", "besøg på bostedsplejehjemmet", "seniors"),  # no literal start: scanned
    (r"\w*plejehjem\w*", "besøg på bostedsplejehjemmet", "seniors"),  # a literal inside the word
    (r"(?:meget )?gamle beboere", "meget gamle beboere", "seniors"),  # an optional start
])
def test_user_cues_of_any_shape_are_found(tmp_path, monkeypatch, pattern, text, category):
    def reload() -> None:
        load_vocab.cache_clear()
        targets_module._cues.cache_clear()
        targets_module._traits.cache_clear()

    (tmp_path / "target_groups.yaml").write_text(
        f"categories:\n  {category}:\n    patterns: ['{pattern}']\n", encoding="utf-8")
    monkeypatch.setenv("SAMSPIL_VOCAB_DIR", str(tmp_path))
    reload()
    try:
        assert category in classify(text)
        assert category not in classify("ledige boliger i afdelingen")
    finally:
        monkeypatch.delenv("SAMSPIL_VOCAB_DIR")
        reload()


@pytest.mark.parametrize(("text", "category"), [("småbørnsforældre", "parents_families"),
                                                ("skoleelever i 0.-6. klasse", "children"),
                                                ("Målgruppe: 6.-9. klasse", "youth"),
                                                ("elever i udskolingen", "youth")])
def test_more_ways_to_name_a_group(text, category):
    assert category in classify(text)


def test_an_activity_whose_text_names_no_group_gets_the_groups_of_its_kind(tmp_path):
    """A contents entry or a one-line project list says no Målgruppe: a Lektiecafé is
    for children and youth, a Jobklub for the unemployed; a name that tells nothing
    gives nothing."""
    from samspil.loaders.pipeline import extract_file

    path = tmp_path / "plan.txt"
    path.write_text("Helhedsplan for Skovparken 2012-2016\n\n1. Indsatsområder\n1.1 Uddannelse\n"
                    "1.1.1 Lektiecafé\n1.1.2 Kvarternetværk\n1.2 Beskæftigelse\n1.2.1 Jobklub\n", encoding="utf-8")
    groups = {a.name: a.target_groups for a in extract_file(path).activities}
    assert groups == {"Lektiecafé": ["children", "youth"], "Kvarternetværk": [], "Jobklub": ["unemployed"]}


def test_sentence_breaks_are_those_of_the_sentence_pattern():
    """Sentences are cut by a pattern the engine can skip through quickly; the pieces
    must be exactly those the plain sentence pattern gives, on every seed line and block."""
    texts = ["a. • B", "x.\n• y", "Hej.  \n B", "a •• b", "a.•B", "a . B", "•", " • ", "A! ? B", "ab.  - c"]
    for seed in sorted(bundled_examples().glob("*.txt")):
        lines = read_document(seed).lines
        texts += lines + ["\n".join(lines[i:i + 12]) for i in range(0, len(lines), 12)]
    for text in texts:
        pieces = [text[a:b] for a, b in targets_module._sentence_spans(text)]
        assert pieces == targets_module._SENTENCE.split(text), text[:80]


def test_clause_stops_are_those_of_the_clause_pattern():
    """A text without a dash has its clause stops found from its punctuation alone (the
    engine then skips past the spaces); they must be exactly the full pattern's, on every
    seed line and on texts with and without dashes."""
    texts = ["a, b; c: (d) [e] • f", "Unge - ikke børn, men unge – og voksne", "a -b", "x,y", "", "•"]
    for seed in sorted(bundled_examples().glob("*.txt")):
        texts += read_document(seed).lines
    for text in texts:
        spans = [m.span() for m in targets_module._CLAUSE_STOP.finditer(text)]
        assert targets_module._clause_stops(text) == ([a for a, _ in spans], [b for _, b in spans]), text[:80]
