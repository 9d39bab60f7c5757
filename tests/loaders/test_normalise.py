"""Normalisation: letter-spacing repair, markup, hard wraps, margins - on real seed text."""
from __future__ import annotations

import doctest
import random
import re

import pytest
import wordfreq

from samspil.loaders import letterspacing, line_joins, normalise
from samspil.loaders.letterspacing import is_letter_spaced, repair_letter_spacing, segment_fragments
from samspil.loaders.normalise import clean_markup, join_wrapped, looks_like_pdf_text
from samspil.loaders.pipeline import bundled_examples
from samspil.loaders.readers import read_document

SEED_004 = bundled_examples() / "004_42c3f15766fe7c7e.txt"
PROSE_SEEDS = sorted(bundled_examples().glob("00[0-3]_*.txt"))


@pytest.mark.parametrize("module", [normalise, line_joins, letterspacing], ids=lambda m: m.__name__)
def test_doctests(module) -> None:
    result = doctest.testmod(module)
    assert result.attempted > 5 and result.failed == 0


@pytest.mark.parametrize("spaced,repaired", [
    ("Ak t i v i te tsnavn :", "Aktivitetsnavn:"),
    ("De lmå l  og ind i ka to re r  for  i ndsa tsområde t", "Delmål og indikatorer for indsatsområdet"),
    (" A f ta ledokumente r  ", "Aftaledokumenter"),
    ("1. K o r t  om bo l i gområde t  ", "1. Kort om boligområdet"),
    ("Må lg ruppe ( r ) :  ", "Målgruppe(r):"),
    ("De la f ta lens  pa r te r :  ", "Delaftalens parter:"),
    ("Kon taktpe rson :  An na Hol m, ab12@kk.dk", "Kontaktperson: Anna Holm, ab12@kk.dk"),
    ("De la f ta le  for  i n d s a t s o m r å d e t  K r im ina l i t e t s fo rebygge l se",
     "Delaftale for indsatsområdet Kriminalitetsforebyggelse"),
    ("Det er et krav, at der udarbejdes en s t ra teg isk  samarbe jdsa f ta le  for at opnå",
     "Det er et krav, at der udarbejdes en strategisk samarbejdsaftale for at opnå"),
    ("Tryghed  og social  s a m m e n h æ n g s k r a f t  i de l oka le",
     "Tryghed og social sammenhængskraft i de lokale"),
    ("I n d h o l d  og praks is :", "Indhold og praksis:"),
    ("F r i t i ds job  for a l le", "Fritidsjob for alle"),
])
def test_letter_spacing_repair(spaced: str, repaired: str) -> None:
    assert " ".join(repair_letter_spacing(spaced).split()) == repaired


@pytest.mark.parametrize("seed", PROSE_SEEDS, ids=lambda p: p.name[:3])
def test_ordinary_text_is_never_resegmented(seed) -> None:
    """Seeds 000-003 are not PDF output: (almost) no line is flagged, none changed."""
    lines = seed.read_text(encoding="utf-8").split("\n")
    flagged = [ln for ln in lines if is_letter_spaced(ln)]
    assert len(flagged) <= 1  # 000 has one table header with "baselin e" in it
    for ln in lines:
        if ln.strip() and ln not in flagged:
            assert repair_letter_spacing(ln) == ln


def test_seed_004_label_lines_are_repaired_in_place() -> None:
    raw = SEED_004.read_text(encoding="utf-8").split("\n")
    doc = read_document(SEED_004)
    spaced = [i + 1 for i, ln in enumerate(raw) if ln.strip() == "Ak t i v i te tsnavn :"]
    assert len(spaced) == 12
    found = [line for text, (line, _) in zip(doc.lines, doc.origin) if text == "Aktivitetsnavn:"]
    assert found == spaced  # every label, each mapped to its raw line
    assert doc.lines.count("Målgruppe(r):") == 12
    assert doc.lines.count("Delaftalens parter:") == 4
    for heading in ("Aftaledokumenter", "1. Kort om boligområdet", "6. Indsatsområder",
                    "Delaftale for indsatsområdet Uddannelse og livschancer",
                    "Delaftale for indsatsområdet Beskæftigelse",
                    "Delmål og indikatorer for indsatsområdet",
                    "Navn på den boligsociale indsats, som delaftalen vedrører:"):
        assert heading in doc.lines, heading


def test_seed_004_hard_wraps_are_joined_and_keep_the_first_origin() -> None:
    raw = SEED_004.read_text(encoding="utf-8").split("\n")
    assert looks_like_pdf_text(raw)
    doc = read_document(SEED_004)
    i = next(k for k, ln in enumerate(doc.lines) if ln.startswith("Konkrete aftaler om specifikke"))
    assert doc.lines[i].endswith("hører under den strategiske samarbejdsaftale.")
    assert raw[doc.origin[i][0] - 1].startswith("Konkrete aftaler")
    # a contact wrapped before its e-mail is one line again; an e-mail hyphen is kept
    assert ("Københavns Kommunes Ungdomsskole (BUF) v. projektkoordinator Dennis Shik Christensen, "
            "y25u@kk.dk") in doc.lines
    assert any("palle.skov@aeldresagen-post.dk" in ln for ln in doc.lines)
    # list items and party lines are not glued together
    assert "Dyvekeskolen v. Skoleleder Marck Gylling Tønnesen, ce8u@kk.dk" in doc.lines
    assert not any(ln.startswith("Zone") and "Zone 2)" in ln[6:] for ln in doc.lines)


def test_wrap_joining_respects_labels_bullets_and_colons() -> None:
    lines = ["Formålet er at styrke familier", "og deres børn.", "Aktivitetsnavn:", "lektiecafé",
             "• flere i job", "• færre på", "overførselsindkomst", "Målgruppe(r): unge",
             "Kontaktperson: Anne Brønd, leder,", "asb@faellesbo.dk", "Børne-", "og Ungdomsforvaltningen",
             "børnefa-", "milier"]
    out, orig = join_wrapped(lines, [(i, None) for i in range(1, len(lines) + 1)])
    assert out == ["Formålet er at styrke familier og deres børn.", "Aktivitetsnavn:", "lektiecafé",
                   "• flere i job", "• færre på overførselsindkomst", "Målgruppe(r): unge",
                   "Kontaktperson: Anne Brønd, leder, asb@faellesbo.dk",
                   "Børne- og Ungdomsforvaltningen børnefamilier"]
    assert [ln for ln, _ in orig] == [1, 3, 4, 5, 6, 8, 9, 11]


def test_markup_cleaning_keeps_list_items_apart() -> None:
    line = ('<ol style="list-style-type: none">1. Opsøgende indsats i Kgs. Enghave2. Involvering i '
            'naboklagesager3. Naboskabsuddannelse</ol>')
    assert clean_markup(line) == ["1. Opsøgende indsats i Kgs. Enghave", "2. Involvering i naboklagesager",
                                  "3. Naboskabsuddannelse"]
    assert clean_markup("<i>Formål:</i>\t<u>At styrke</u> forældre<br>og børn") == [
        "Formål:\tAt styrke forældre", "og børn"]
    assert clean_markup("Se <http://driftsstoette.lbf.dk> &lt;5 år&gt;") == ["Se http://driftsstoette.lbf.dk <5 år>"]


def _fragment(word: str, rng: random.Random) -> list[str]:
    out, i = [], 0
    while i < len(word):
        k = rng.choice([1, 1, 2, 3, 4])
        out.append(word[i:i + k])
        i += k
    return out


def test_segmentation_accuracy_on_random_danish_words() -> None:
    """Break 400 common Danish words (5+ letters) into random 1-4 letter fragments;
    the dynamic programme must put at least 97% back together exactly."""
    words = [w for w in wordfreq.top_n_list("da", 20000) if w.isalpha() and len(w) >= 5][:8000]
    rng = random.Random(3)
    sample = rng.sample(words, 400)
    correct = sum(segment_fragments(_fragment(w, rng)) == [w] for w in sample)
    assert correct / len(sample) >= 0.97


def test_no_markup_survives_in_any_seed() -> None:
    for seed in sorted(bundled_examples().glob("*.txt")):
        text = read_document(seed).text
        assert not re.search(r"</?(p|ul|ol|li|i|u|br)\b", text), seed.name
        assert "**" not in text and "](#)" not in text, seed.name


def test_word_list_read_directly_equals_wordfreqs_own_reading() -> None:
    """The fast path reads wordfreq's data file itself; it must give exactly the
    figures of wordfreq's API (which is the fallback when the file changes)."""
    import math

    direct = letterspacing._read_wordlist()
    api = {w: math.log(f) for w, f in wordfreq.get_frequency_dict("da", wordlist="small").items() if f > 0}
    assert len(direct) > 10_000
    assert direct == api


def test_a_narrow_column_keeps_headings_names_and_lists_apart():
    """PDF lines of a narrow column (width 45): a numbered heading after an unfinished
    line is its own line; a name wrapped after 'og Valby' whose next word did not fit,
    a list continued after 'Agent 21,' and after 'Red Barnet' + '/København City' are
    joined; the short lines of a party list stay apart."""
    lines = ["Aktiviteten forankres i Klubberne i Valby", "5.1.3 Foreningsguider",
             "Samarbejdsrelationer: Agent 21,", "Miljøambassadører, afdelingsbestyrelser,",
             "drift, Områdefornyelsen Gl. Valby og Valby", "Lokaludvalg", "Samarbejdsrelationer: Red Barnet", "/København City, Frivillige",
             "Delaftalens parter:", "Boligselskabet AKB, København v/KAB", "Beboerdemokratiet i alle 22 afdelinger"]
    out, _ = join_wrapped(lines, [(i, None) for i in range(1, len(lines) + 1)], width=45)
    assert out[:4] == ["Aktiviteten forankres i Klubberne i Valby", "5.1.3 Foreningsguider",
                       "Samarbejdsrelationer: Agent 21, Miljøambassadører, afdelingsbestyrelser, drift, "
                       "Områdefornyelsen Gl. Valby og Valby Lokaludvalg", "Samarbejdsrelationer: Red Barnet /København City, Frivillige"]
    assert out[4:] == ["Delaftalens parter:", "Boligselskabet AKB, København v/KAB",
                        "Beboerdemokratiet i alle 22 afdelinger"]


def test_a_narrow_column_keeps_party_entries_and_contact_names_whole():
    """'(efterfølgende omtalt som AKB)' wrapped under its party continues it and ends the
    entry; a contact's surname wrapped under the first name continues the name."""
    lines = ["Boligselskabet AKB, København v/KAB", "(efterfølgende omtalt som AKB, København)",
             "Boligforeningen AAB (efterfølgende omtalt", "som AAB)",
             "Kontaktperson: Afdelingschef Jesper", "Lang-Jensen, Mobil: 2199 6280, E-mail: qn01@kk.dk"]
    out, _ = join_wrapped(lines, [(i, None) for i in range(1, len(lines) + 1)], width=45)
    assert out == ["Boligselskabet AKB, København v/KAB (efterfølgende omtalt som AKB, København)",
                   "Boligforeningen AAB (efterfølgende omtalt som AAB)",
                   "Kontaktperson: Afdelingschef Jesper Lang-Jensen, Mobil: 2199 6280, E-mail: qn01@kk.dk"]


def test_a_delaftale_heading_whose_focus_area_wrapped(tmp_path):
    from samspil.loaders import extract_file

    src = tmp_path / "viborg.txt"
    src.write_text("Delaftale for indsatsområdet\nKriminalitetsforebyggelse\n\n"
                   "Aktivitetsnavn: Gadeplan\nMålgruppe(r): Unge 13-17 år\n", encoding="utf-8")
    r = extract_file(src)
    assert [(a.name, a.focus_area) for a in r.activities] == [("Gadeplan", "Kriminalitetsforebyggelse")]


@pytest.mark.parametrize("text", [
    "Anna Holm, leder, Titel:", "Anna Holm, Tlf. :", "Anna Holm,E-mail:", ", Titel:", " , Titel:",
    "Anna Holm, Titel", "Anna Holm, Titel: leder", "Anna, Holm Titel:", "Anna Holm, mobil:\t",
    "Anna Holm, Stilling :", "Anna Holm; Titel:", "Anna, Holm, x Titel:"])
def test_a_form_key_at_a_text_end_is_told_from_the_end_alone(text):
    """The key that ends a contact's form line ("..., Titel:") is read from the text after
    its last comma: the same answer as the pattern that searches the whole text."""
    assert line_joins._ends_form_key(text) == bool(line_joins._FORM_KEY_END.search(text))


def test_a_two_page_pdfs_running_head_and_page_numbers_are_dropped():
    from samspil.loaders.normalise import strip_repeated_margins

    pages = [["Engbo - helhedsplan", "Aftalens parter:", "Bolig Vest", "Side 1"],
             ["Engbo - helhedsplan", "Kontaktpersoner", "Anne Holt, Bolig Vest", "Side 2"]]
    assert strip_repeated_margins(pages) == [["Aftalens parter:", "Bolig Vest"], ["Kontaktpersoner", "Anne Holt, Bolig Vest"]]
    # a first line that differs between the two pages is kept
    assert strip_repeated_margins([["Engbo", "a"], ["Toften", "b"]]) == [["Engbo", "a"], ["Toften", "b"]]


def test_columns_aligned_with_spaces_become_tab_separated_cells():
    from samspil.loaders.normalise import normalise

    raw = ["Afdeling          Ejer               Boliger", "Engbo afd. 3      Bolig Vest         212",
           "Toften            Fjordbo            96", "", "Teksten  har  to  mellemrum  her."]
    lines, _ = normalise(raw, [(k + 1, None) for k in range(len(raw))])
    assert lines[:3] == ["Afdeling\tEjer\tBoliger", "Engbo afd. 3\tBolig Vest\t212", "Toften\tFjordbo\t96"]
    assert lines[-1] == "Teksten har to mellemrum her."


@pytest.mark.parametrize("last,joined", [
    ("Henvendelser om lektiecaféen sendes til koordinator Mathilde G.", True),  # a middle initial
    ("Samarbejdet omfatter Områdefornyelsen og boligerne i Gl.", True),  # a place's abbreviation
    ("Aktiviteterne foregår hver uge i Tinggården og i Herfølge/Sdr.", True),  # ... after a slash
    ("Henvendelser om lektiecaféen sendes til koordinatoren hver dag.", False),  # a sentence's end
    ("Henvendelser om lektiecaféen sendes til koordinatoren hver G.", False),  # no name before it
])
def test_a_full_line_ending_in_an_abbreviation_ends_no_sentence(last, joined):
    """A full line (the column's width) whose full stop ends an initial or a place's
    abbreviation runs on into the next line; one whose full stop ends a sentence does not."""
    lines = [last, "Hansen og Højrup Forsamlingshus svarer hver uge."]
    out, _ = join_wrapped(lines, [(1, 1), (2, 1)], width=70)
    assert out == ([f"{lines[0]} {lines[1]}"] if joined else lines)


@pytest.mark.parametrize("town", ["Silkeborg", "Hjørring", "Guldborgsund"])
def test_an_email_wrapped_in_a_table_cell_is_joined_again(tmp_path, town):
    """A PDF's contact table wraps a long e-mail address inside its cell; its two lines come
    back joined with a space ("lars.andersen@silkeborg. dk", "sanne@silkeborg.d k"), and the
    address was lost (new-user trial, session 12). A sentence after an address stays apart."""
    low = town.lower().replace("ø", "oe")
    path = tmp_path / "kontakter.txt"
    path.write_text("Kontaktpersoner\nNavn\tTitel\tOrganisation\tE-mail\tTelefon\n"
                    f"Lars Bøgh Andersen\tAfdelingschef\tJobcenter {town}\tlars.andersen@{low}. dk\t89 70 12 34\n"
                    f"Sanne Kjær\tAfdelingsleder\tJobcenter {town}\tsanne.kjaer@{low}.d k\t23 45 67 89\n\n"
                    f"Spørgsmål kan sendes til Ida Holm, projektleder, ih@{low}.dk. og hun svarer hurtigt.\n",
                    encoding="utf-8")
    from samspil.loaders import extract_file
    mails = {c.name: c.email for c in extract_file(path).contacts}
    assert mails["Lars Bøgh Andersen"] == f"lars.andersen@{low}.dk"
    assert mails["Sanne Kjær"] == f"sanne.kjaer@{low}.dk"
    assert mails.get("Ida Holm") in (None, f"ih@{low}.dk")


# clean_page: a page's lines cleaned with the steps' preconditions told once for the page; the same
# parts as clean_line gives each line
_PAGE_LINES = [
    "Helhedsplanen bygger videre på de gode erfaringer fra den forrige plan",
    "Ak t i v i te tsnavn :", "De lmå l  og ind i ka to re r  for  i ndsa tsområde t",
    "S T R A T E G I S K   S A M A R B E J D S A F T A L E", "## Delaftale for *Beskæftigelse*",
    "<p>Det sker ved, at:</p> <ul>• Klæde forældre på• Styrke netværk", "| Lejerbo | Anna Holm |",
    "Kontaktperson: [Camilla Brix](#), teamleder &amp; leder", "  Formål : \t  At styrke   familier  ",
    "lars@silkeborg. dk\tsanne@silkeborg.d k", "Anna Holm / leder / Lejerbo / ah@x.dk / 12 34 56 78",
    "i sam- arbejde med Socialforvalt- ningen og Børne- og Ungdomsforvaltningen", "- udsatte familier",
    "Læs mereUng Kraft", "Læs mere om planen", "Se mereLektiecafé", "Read more", "", "   ", "\u3000",
    "Kon\u00adtakt\u00a0person \ufb01lm\uf0b7 nu", "styrke børnefa\ufffemilier, kultur\ufffeog fritidsliv",
    "Målgruppe ( r ) : bor i ét hen", "AAB og AKB i Syd", "B robygn ing er en del af planen",
    "Hou Strand afd. 3 og Per Bys", "1.5.3.3. Eat and learn 34", "#3 er ikke en overskrift",
    "Aktivitetsnavn: Lektiecafé", "Skriv til lars@silkeborg. dk om det", "Forside / Borger / Bolig",
    "Se <b>planen</b> nu", "en *vigtig* del", "Børn & Unge", "A | B", "en [side](#) om planen",
    "Børn &amp; Unge", "Mål• Delmål", "Anna Holm / leder / 12 34 56 78", "Formål:\t At styrke", "kultur\ufffeog fritid",
    "Helhedsplanen bygger videre på de gode erfaringer fra den forrige plan",
]


@pytest.mark.parametrize("page", [
    _PAGE_LINES,
    [line for line in _PAGE_LINES if "\ufffe" not in line and "\u00ad" not in line],  # (no character mapped)
    [line for line in _PAGE_LINES if line.isascii()],
    ["Gode rammer for bo\u0308rn og unge i omra\u030adet", "Ak t i v i te tsnavn :"],  # (decomposed: not NFC)
    ["", "Ingen af linjerne her har noget at rette", "og heller ikke denne"],
    ["u", "u og ét", "et u ét i", "øge u", "Per Bys bor i Syd"],  # (short tokens, found as tokens and inside words)
])
def test_clean_page_gives_each_line_what_clean_line_gives(page: list[str]) -> None:
    from samspil.loaders.normalise import clean_line, clean_page

    cleaned: dict[str, list[str]] = {}
    clean_page(page, cleaned)
    assert cleaned == {line: clean_line(line) for line in page}
    again = {page[0]: ["kept"]}  # a line cleaned already (another page's) is left as it is
    clean_page(page, again, "\n".join(page))
    assert again[page[0]] == ["kept"] and all(again[line] == clean_line(line) for line in page[1:] if line != page[0])


def test_clean_page_gives_the_seeds_lines_what_clean_line_gives() -> None:
    from samspil.loaders.normalise import clean_line, clean_page
    from samspil.loaders.pipeline import bundled_examples

    for seed in sorted(bundled_examples().glob("*.txt")):
        lines = seed.read_text(encoding="utf-8").split("\n")
        for k in range(0, len(lines), 45):
            cleaned: dict[str, list[str]] = {}
            clean_page(lines[k:k + 45], cleaned)
            assert cleaned == {line: clean_line(line) for line in lines[k:k + 45]}, seed.name
