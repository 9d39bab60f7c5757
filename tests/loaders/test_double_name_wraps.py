"""A contact's double surname broken at its hyphen where the line wrapped ("Familiechef Vibeke
Holst-" / "Andersen, viho@lemvig.dk, 96 63 16 40"; set J's PDF delaftale and a new user's
trial, session 14): one person "Vibeke Holst-Andersen" with the e-mail and phone of the next
line, and no organisation named "Andersen" holding them (which forgetting the person would
leave behind). Made-up delaftaler of three municipalities, as written, Word and PDF."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import contact_facts, extract_rendered as _extract, name_key as _key  # noqa: E402

CASES = {
    "lemvig": ("Lemvig", "Vibeke Holst", "Andersen", "viho@lemvig.dk", "96631640"),
    "struer": ("Struer", "Karen Møller", "Kristensen", "kamk@struer.dk", "96848000"),
    "skive": ("Skive", "Anders Bech", "Sørensen", "anbs@skive.dk", "99155500"),
}


def _lines(town, first, second, mail, phone):
    return ["Delaftale for indsatsområdet Uddannelse og livschancer", "",
            f"Navn på den boligsociale indsats: Fjordbyen {town}", "",
            f"Delaftalens parter: {town} Kommune, Børn og Familie",
            f"Kontaktperson: Familiechef {first}-", f"{second}, {mail}, {phone[:2]} {phone[2:4]} {phone[4:6]} {phone[6:]}",
            "", "Boligselskabet Fjordvest", "Kontaktperson: Boligsocial leder Marianne Nees, mane@fjordvest.dk", ""]


@pytest.mark.parametrize("how", ["as written", "docx", "pdf"])
@pytest.mark.parametrize("case", list(CASES))
def test_a_double_surname_broken_at_its_hyphen(tmp_path, make_docx, make_pdf, case, how):
    town, first, second, mail, phone = CASES[case]
    r = _extract(tmp_path, _lines(*CASES[case]), how, make_docx, make_pdf)
    facts = contact_facts(r)
    name = f"{first}-{second}"
    assert name in facts, sorted(facts)
    assert facts[name][1:] == (mail, phone)
    assert _key(second) not in {_key(o.name) for o in r.organisations}


def test_a_compound_broken_at_its_hyphen_is_still_one_word(tmp_path, make_docx, make_pdf):
    """A lower-case continuation is no double name: "Socialforvalt-" / "ningen" stays a word
    broken at the wrap, and a hyphen before a lower-case word is not touched by this rule."""
    from samspil.loaders.line_joins import join_name_hyphens

    lines, _ = join_name_hyphens(["Børne-", "og Ungdomsforvaltningen", "Kontakt: Anne Holst-", "andersen"],
                                 [(1, 1), (2, 1), (3, 1), (4, 1)])
    assert lines == ["Børne-", "og Ungdomsforvaltningen", "Kontakt: Anne Holst-", "andersen"]
