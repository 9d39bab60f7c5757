"""The label search's look-ahead at the labels' first two characters (labels._LABEL_OPENINGS)
is the one the labels give: a label added or changed needs it written out again."""
import re

from samspil.loaders.labels import LABELS, _LABEL, _LABEL_OPENINGS, _two_letter_filter, opening_class


def test_the_written_out_openings_are_the_labels_own():
    assert _two_letter_filter(LABELS) == _LABEL_OPENINGS, "write _two_letter_filter(LABELS) into _LABEL_OPENINGS"


def test_the_look_ahead_changes_no_match():
    plain = re.compile(r"\s(?=[ABDFHIKLMNOPSTUZØÆ]|må)(?:" + "|".join(LABELS) + ")")
    lines = ["Områdets navn: Engparken Aftalens parter: Boligselskabet Fjord og Randers Kommune",
             "Det er et krav. Kontaktperson: Anna Holm, ah@x.dk Målgruppe(r): unge 15-17 år",
             "Den boligsociale indsats, som delaftalen vedrører: Vollsmose DELAFTALE 2 - Tryghed",
             "tekst målgruppe: børn beskrivelse: x Zone 2) Gullandsgården Indsatsområde 3: Sundhed",
             "Hvem er målgruppen? Unge Økonomi: 2 mio. Øvrige parter: SSP Underskrifter Dato Navn"]
    for line in lines:
        assert [m.span() for m in _LABEL.finditer(line)] == [m.span() for m in plain.finditer(line)]


def test_an_opening_is_read_from_the_pattern():
    assert opening_class(r"\b(?:børn og unge)|\b(?:udsatte|[Ll]edige)") == "(?=[Lblu])"
    assert opening_class(r"\w+") == ""  # (a category: not read)
