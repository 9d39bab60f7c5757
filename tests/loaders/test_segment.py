"""Segmentation (loaders/segment.py): labels wherever they occur, lines of a
template-shaped document left as they were, offsets that point into the line."""
import re

import pytest

from samspil.loaders import bundled_examples
from samspil.loaders import segment as seg
from samspil.loaders.readers import read_document

SEEDS = sorted(bundled_examples().glob("*.txt"))


_ANY_LABEL = re.compile(r"(?<=\s)(?:" + "|".join(seg.LABELS) + ")")  # without the first-letter look-ahead
# the cut before an abbreviation's label ("SOF: ..."), as a position (the module's pattern
# matches the white space before it, so the engine can skip to white space)
_NUMBERED_AT = re.compile(r"(?=\d)(?<=\s)(?<!§\s)(?:\d{1,2}\.){1,4}\d{0,2}\.?\s(?=[A-ZÆØÅ][\wæøå])")
_ABBR_AT = re.compile(r"(?<=\s)(?=[A-ZÆØÅ]{2,6}:\s+[A-ZÆØÅ])")


def _full_scan_cuts(line: str) -> list[int]:
    cuts = {m.start() for m in _ANY_LABEL.finditer(line)}
    cuts |= {m.end() for m in seg._PLACEHOLDERS.finditer(line)}
    cuts |= {m.end() for m in seg._LIST_LABEL.finditer(line)}
    if len(line) >= seg.LONG_LINE:
        cuts |= {m.start() for m in _NUMBERED_AT.finditer(line)}
        cuts |= {m.end() for m in seg._EMAIL_END.finditer(line)}
        cuts |= {m.end() for m in seg._PHONE_END.finditer(line)}
        cuts |= {m.end() for m in seg._DASH_ROW.finditer(line)}
        cuts |= {m.start() + len(m.group(0)) - len(m.group(0).lstrip()) for m in seg._BULLET.finditer(line)}
        cuts |= {m.start() for m in _ABBR_AT.finditer(line)}
        if "parter" in line.lower():
            cuts |= {m.end() for m in seg._AFTER_PAREN.finditer(line)}
    cuts.discard(0)
    cuts.discard(len(line))
    return sorted(cuts)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_the_label_word_prefilter_finds_what_a_full_scan_finds(seed):
    text = seed.read_text(encoding="utf-8")
    lines = text.split("\n") + [" ".join(text.split())[k:k + 3000] for k in range(0, 30000, 3000)]
    for line in lines:
        assert seg._cuts(line) == _full_scan_cuts(line), line[:80]


def test_labels_are_cut_wherever_they_occur_and_offsets_point_into_the_line():
    line = ("1 Delaftale for indsatsområdet Sundhed Navn på den boligsociale indsats, som delaftalen vedrører: "
            "Engparken Aftalens parter: Peter Lund, Planlægger, pl@randers.dk Anne Holm, Afdelingsleder, "
            "Sundhedshuset Kontaktperson: Anne Holm 1")
    pieces = seg.split_line(line)
    texts = [t for t, _ in pieces]
    assert texts[0] == "Delaftale for indsatsområdet Sundhed"  # page number gone
    assert texts[1].startswith("Navn på den boligsociale indsats") and texts[1].endswith("Engparken")
    assert texts[2] == "Aftalens parter: Peter Lund, Planlægger, pl@randers.dk"  # a record ends at its e-mail
    assert texts[3] == "Anne Holm, Afdelingsleder, Sundhedshuset"
    assert texts[4] == "Kontaktperson: Anne Holm"
    for text, offset in pieces:
        assert line[offset:offset + len(text)] == text


def test_lower_case_mentions_and_field_words_are_not_cut():
    for line in ("Det er aftalens parter, der beslutter.", "Kontaktperson: Anna Holm, ah@x.dk, Tlf. 12345678",
                 "Delaftale - Beskæftigelse 21"):
        assert [t for t, _ in seg.split_line(line)] == [line]


@pytest.mark.parametrize("seed", [SEEDS[0], SEEDS[2]], ids=lambda p: p.name[:3])
def test_a_template_shaped_document_keeps_its_label_lines(seed):
    doc = read_document(seed)
    starts = [ln for ln, off in zip(doc.lines, doc.offsets) if off == 0]
    labels = [ln for ln in doc.lines if re.match(r"(?:Kontaktperson|Aktivitetsnavn|Målgruppe)", ln)]
    assert labels and all(ln in starts for ln in labels)


@pytest.mark.parametrize("phone,unit", [("76 10 44 21", "Boligselskabet Ribelund"), ("97 51 22 33", "Skive Boligselskab"),
                                        ("+45 86 81 22 33", "Jobcenter Thisted")])
def test_a_phone_number_ending_a_sentence_is_no_numbered_heading(tmp_path, phone, unit):
    """'... tlf. 76 10 44 21. Boligsocial medarbejder X' on a line that lost its breaks: the
    phone's last pair and its full stop are no heading "21." (the contact lost the phone)."""
    from samspil.loaders import extract_file

    path = tmp_path / "kontakt.txt"
    path.write_text(f"1 Helhedsplan Nord 2015-2018 5. Kontaktoplysninger Projektleder Anja Lykke Mortensen, {unit}, "
                    f"alm@bolig.dk, tlf. {phone}. Boligsocial medarbejder Kasper Holt, {unit}, kaho@bolig.dk. "
                    "6. Økonomi Budgettet fremgår af bilag 1.\n", encoding="utf-8")
    contact = {c.name: c for c in extract_file(path).contacts}["Anja Lykke Mortensen"]
    assert contact.phone == phone.replace(" ", "")
