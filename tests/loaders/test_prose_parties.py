"""Made-up strategic agreements that name their signing parties in one sentence rather
than in a list (issue: is_party on the blind sets), each form in several wordings, as
written, with its line breaks lost, and from Word and PDF: "Denne aftale indgås mellem",
"Aftalen er indgået af", "Parterne bag (den strategiske samarbejds)aftalen er", "..., der
alle tre er parter i aftalen", "Samarbejdsaftalen indgås af ... for perioden ...".
The names are invented (Faxe, Ringsted, Odsherred style)."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract, name_key as _key  # noqa: E402

PARTIES = {"faxe kommune", "boligselskabet faxe", "lejerbo"}

SENTENCES = [
    "Denne aftale indgås mellem Faxe Kommune, Boligselskabet Faxe og Lejerbo.",
    "Aftalen indgåes mellem Faxe Kommune, Boligselskabet Faxe samt Lejerbo om en boligsocial indsats.",
    "Aftalen er indgået af Faxe Kommune, Boligselskabet Faxe og Lejerbo.",
    "Samarbejdsaftalen indgås af Faxe Kommune og Boligselskabet Faxe samt Lejerbo for perioden 2025-2028.",
    "Parterne bag aftalen er Faxe Kommune, Boligselskabet Faxe og Lejerbo.",
    "Parterne bag den strategiske samarbejdsaftale er: Faxe Kommune, Boligselskabet Faxe og Lejerbo.",
    "Parter i aftalen er Faxe Kommune, Boligselskabet Faxe og Lejerbo; de mødes hvert kvartal.",
    "Indsatsen drives af Faxe Kommune, Boligselskabet Faxe og Lejerbo, der alle tre er parter i aftalen.",
    "Faxe Kommune, Boligselskabet Faxe og Lejerbo, som alle er parter i samarbejdsaftalen, har nedsat en "
    "styregruppe.",
]


def _lines(sentence: str) -> list[str]:
    return ["Strategisk samarbejdsaftale for Hyldebakken 2025-2028", "", "Indledning", sentence,
            "Boligområdet ligger i den nordlige del af byen.", "", "Indsatsområde: Uddannelse og livschancer",
            "Aktivitet: Lektiecafé i Hyldebakken", "Formål: At styrke børns skolegang."]




CASES = [pytest.param(s, how, id=f"{i}-{how}", marks=[pytest.mark.xfail(strict=True, reason=(
    "a list that opens a paragraph runs into the heading before it when the line breaks are lost"))]
                      if (i, how) == (len(SENTENCES) - 1, "flat") else [])
         for i, s in enumerate(SENTENCES) for how in ["as written", "flat"]]


@pytest.mark.parametrize("sentence,how", CASES)
def test_parties_named_in_a_sentence(tmp_path, make_docx, make_pdf, sentence, how):
    r = _extract(tmp_path, _lines(sentence), how, make_docx, make_pdf)
    assert {_key(o.name) for o in r.organisations if o.is_party} == PARTIES


@pytest.mark.parametrize("how", ["docx", "pdf"])
@pytest.mark.parametrize("sentence", [SENTENCES[0], SENTENCES[3], SENTENCES[7]], ids=["indgaas", "for-perioden",
                                                                                       "alle-tre"])
def test_parties_named_in_a_sentence_from_word_and_pdf(tmp_path, make_docx, make_pdf, sentence, how):
    r = _extract(tmp_path, _lines(sentence), how, make_docx, make_pdf)
    assert {_key(o.name) for o in r.organisations if o.is_party} == PARTIES


def test_a_delaftale_partner_sentence_names_no_parties(tmp_path, make_docx, make_pdf):
    """A delaftale's own partners stay partners: 'Delaftalen indgås mellem ...' of a
    delaftale alone is no statement about the whole agreement's parties."""
    lines = ["Delaftale for indsatsområdet Beskæftigelse", "Hyldebakken 2025-2028", "",
             "Delaftalen indgås mellem Jobcenter Faxe og Boligselskabet Faxe.", "",
             "Aktivitet: Jobcafé", "Formål: Flere i job."]
    r = _extract(tmp_path, lines, "as written", make_docx, make_pdf)
    assert {_key(o.name) for o in r.organisations} >= {"jobcenter faxe", "boligselskabet faxe"}
    assert not any(o.is_party for o in r.organisations)


SAMARBEJDSPARTER = [
    ["Samarbejdsparter: Faxe Kommune, Boligselskabet Faxe og Lejerbo", ""],
    ["SAMARBEJDSPARTER:", "- Faxe Kommune", "- Boligselskabet Faxe", "- Lejerbo", ""],
    ["Samarbejdsparterne:", "• Faxe Kommune", "• Boligselskabet Faxe", "• Lejerbo", ""],
    ["Parterne er Faxe Kommune, Boligselskabet Faxe og Lejerbo."],
]


@pytest.mark.parametrize("how", ["as written", "flat", "docx", "pdf"])
@pytest.mark.parametrize("lines", SAMARBEJDSPARTER, ids=["inline", "caps-list", "bullets", "parterne-er"])
def test_a_strategic_agreements_samarbejdsparter_are_its_parties(tmp_path, make_docx, make_pdf, lines, how):
    doc = ["Strategisk samarbejdsaftale for Hyldebakken 2025-2028", "", *lines, "Indsatsområde: Uddannelse og livschancer",
           "Aktivitet: Lektiecafé i Hyldebakken", "Formål: At styrke børns skolegang."]
    r = _extract(tmp_path, doc, how, make_docx, make_pdf)
    assert {_key(o.name) for o in r.organisations if o.is_party} == PARTIES


def test_a_delaftales_samarbejdsparter_are_partners(tmp_path, make_docx, make_pdf):
    lines = ["Delaftale for indsatsområdet Beskæftigelse", "Hyldebakken 2025-2028", "",
             "Samarbejdsparter: Jobcenter Faxe og Boligselskabet Faxe", "", "Aktivitet: Jobcafé", "Formål: Flere i job."]
    r = _extract(tmp_path, lines, "as written", make_docx, make_pdf)
    assert {_key(o.name) for o in r.organisations} >= {"jobcenter faxe", "boligselskabet faxe"}
    assert not any(o.is_party for o in r.organisations)
