"""Small text helpers of the extractors (loaders/extract/text.py)."""
from __future__ import annotations

from samspil.loaders.extract.text import clean, single_spaced


def test_single_spaced_is_the_split_and_join_it_stands_for():
    """Every white-space character (and two that are not), alone, doubled, at either end and
    between words: the text is returned as it is only when splitting would not change it."""
    chars = [chr(c) for c in range(0x110000) if chr(c).isspace()] + ["\u200b", "\u00ad"]
    for s in chars:
        for text in (f"a{s}b", f"{s}a b", f"a b{s}", f"a{s}{s}b", s, f"Anna{s} Holm, leder"):
            assert single_spaced(text) == " ".join(text.split()), repr(text)


def test_clean_collapses_white_space_and_trims_punctuation():
    assert clean("  **Anna\u00a0Holm**,\tteamleder ; ") == "Anna Holm, teamleder"


def test_folded_otherwise_is_unicodes_list():
    """The characters a lower-case text may hold that case-folding changes, as the running
    interpreter's Unicode tables say; and every character case-folds as its lower case does
    (``folded_text_holds`` reads the case-folded text from the lower case on both)."""
    from samspil.loaders.extract.text import FOLDED_OTHERWISE

    chars = [chr(c) for c in range(0x110000)]
    assert [c for c in chars if FOLDED_OTHERWISE.fullmatch(c)] == [c for c in chars if c.lower() == c and c.casefold() != c]
    assert not [c for c in chars if c.casefold() != c.lower().casefold()]


def test_folded_text_holds():
    from samspil.loaders.document import Document
    from samspil.loaders.extract.text import folded_text_holds

    for text in ("Landsbyggefonden LBF", "Große Straße", "ΣΟΦΊΑ Σ", "ﬁnans", "µ-midler", "İstanbul", "plain"):
        doc = Document.from_text("d", text)
        for words in ("landsbyggefonden", "strasse", "große", "σοφία σ", "σοφίας", "finans", "μ-midler", "i̇stanbul",
                      "plain", "nothing"):
            assert folded_text_holds(doc, words.casefold()) == (words.casefold() in text.casefold())


def test_may_fold_otherwise():
    from samspil.loaders.extract.text import FOLDED_OTHERWISE, _may_fold_otherwise

    for c in map(chr, range(0x110000)):
        if 0xD800 <= ord(c) < 0xE000:
            continue
        low = f"ab – {c} ø"
        assert _may_fold_otherwise(low) == (FOLDED_OTHERWISE.search(low) is not None), hex(ord(c))
    assert _may_fold_otherwise("x\ud800y") is False and _may_fold_otherwise("æøå – “x”") is False


def test_printable_white_space_is_the_space():
    """A printable text's only white space is the space: a pattern's \\s may be read as " " there
    (segment._cuts' label search)."""
    import re

    assert [c for c in map(chr, range(0x110000)) if c.isprintable() and re.match(r"\s", c)] == [" "]


def test_latin1_digits_are_ascii():
    """No character from U+0080 to U+00FF is a decimal digit: \\d is [0-9] in a Latin-1 text
    (loaders/digits.py)."""
    import re

    assert [c for c in map(chr, range(0x100)) if re.match(r"\d", c)] == list("0123456789")


def test_ascii_digit_patterns_match_alike():
    import random
    import re

    from samspil.loaders.digits import has_digit, latin1
    from samspil.loaders.extract.run_candidates import _ASCII_DIGIT_NAME, _DIGIT_NAME
    from samspil.loaders.normalise import _ASCII_NUMBER, _NUMBER
    from samspil.loaders.segment import _ASCII_EIGHT_DIGITS, _EIGHT_DIGITS

    rnd = random.Random(7)
    alphabet = "0123456789 ,.og samt ABØ\u00b2\u00bd\u0663–x"
    for _ in range(20000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 30)))
        assert has_digit(text) == (re.search(r"\d", text) is not None)
        if latin1(text):
            for a, b in ((_ASCII_DIGIT_NAME, _DIGIT_NAME), (_ASCII_NUMBER, _NUMBER), (_ASCII_EIGHT_DIGITS, _EIGHT_DIGITS)):
                assert a.findall(text) == b.findall(text)


def test_intro_matches_are_finditers():
    """zone_areas._intro_matches tries its patterns only at the words holding a department word:
    the same matches as finditer (random texts of the words that matter, case and letters the
    case-insensitive engine reads otherwise included)."""
    import random

    from samspil.loaders.extract.zone_areas import _LIST_INTRO, _LIST_INTRO_INLINE, _intro_matches

    rnd = random.Random(3)
    words = ["afdeling", "Afdelingerne", "AFDELING", "boligområde", "bebyggelse", "i", "I", "Vestby", "Ølby:", ":",
             ".", "alle", "_x", "9", "ı", "ſ", "İ", "afd.", "Bøgeparken,", "og", "  ", "\t", "K", "boligomrÅde"]
    hits = 0
    for _ in range(20000):
        text = " ".join(rnd.choice(words) for _ in range(rnd.randint(1, 14)))
        for pattern in (_LIST_INTRO, _LIST_INTRO_INLINE):
            want = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
            assert [(m.span(), m.groupdict()) for m in _intro_matches(pattern, text)] == want, text
            hits += len(want)
    assert hits > 100


def test_plural_literal_first_is_the_written_pattern():
    import random
    import re

    from samspil.loaders.extract.zone_prose import _PLURAL, _PLURAL_WRITTEN

    written = re.compile(_PLURAL_WRITTEN)
    rnd = random.Random(5)
    toks = ["omfatter", "dækker", "består af", "følgende", "indgår", "rummer", "udgøres af", "afdeling", "afdelinger",
            "afdelingerne", "Afdelingerne", "boligafdelinger", "Boligafdelinger", "BoligAfdelingerne", "bolig", "Bolig", ":",
            " ", ".", "x", "Vest", "5", "de", "følgendeafdelinger", "_", "Øst", "\n"]
    hits = 0
    for _ in range(30000):
        text = " ".join(rnd.choice(toks) for _ in range(rnd.randint(1, 10)))
        want = [(m.span(), m.group(0)) for m in written.finditer(text)]
        assert [(m.span(), m.group(0)) for m in _PLURAL.finditer(text)] == want, text
        hits += len(want)
    assert hits > 1000


def test_letter_first_patterns_are_the_written_ones():
    """zones._ZONE_MARK and zone_tables._HEAD_START, written with each word's letter first, match as
    the patterns they were written as before."""
    import random
    import re

    from samspil.loaders.extract.zone_tables import _HEAD_START
    from samspil.loaders.extract.zones import _ZONE_MARK

    written = [(_ZONE_MARK, re.compile(r"(?=[ZDO])(?<![\w-])(?P<word>Zone|Delområde|Område)\s+(\d{1,2})\s*(?:\)|:|[–-](?=\s))\s*")),
               (_HEAD_START, re.compile(r"(?=[ABa])(?<![\w-])(?:Bolig)?(?:[Aa]fdeling(?:er)?|Bebyggelse|Boligområde)(?![\w-])"))]
    rnd = random.Random(1)
    toks = ["Zone", "Delområde", "Område", "-", "x", "1", "12", ")", ":", "–", " ", "Bolig", "Afdeling", "afdelinger",
            "Bebyggelse", "Boligområde", "BoligBoligområde", "_", "\n", "områder", "ZoneZone"]
    hits = 0
    for _ in range(30000):
        text = "".join(rnd.choice(toks) + rnd.choice(["", " ", "  "]) for _ in range(rnd.randint(1, 8)))
        for new, old in written:
            want = [(m.span(), m.groups()) for m in old.finditer(text)]
            assert [(m.span(), m.groups()) for m in new.finditer(text)] == want, text
            hits += len(want)
    assert hits > 1000


def test_age_range_branches_are_the_pattern():
    """target_cues._has_age tells _AGE_RANGE's match by its two branches apart."""
    import random

    from samspil.loaders.extract.target_cues import _AGE_RANGE, _AGE_RANGE_DIGITS, _AGE_RANGE_MELLEM

    rnd = random.Random(2)
    pre = ["", "x", "5", "5.", "8,", "mellem ", "Mellem ", "MELLEM ", "i ", "ca. ", "1", " "]
    mid = ["-", "–", " - ", "til", " til ", " og ", "og", "", "x"]
    end = ["år", " år", "årige", " års", "ÅR", "år.", "åringer", " x", ""]
    hits = 0
    for _ in range(40000):
        text = (rnd.choice(pre) + rnd.choice(["1", "12", "123", ""]) + rnd.choice(mid) + rnd.choice(["3", "17", "250", ""])
                + rnd.choice(end)) * rnd.randint(1, 2)
        want = _AGE_RANGE.search(text) is not None
        got = _AGE_RANGE_DIGITS.search(text) is not None or "mellem" in text.lower() and _AGE_RANGE_MELLEM.search(text) is not None
        assert got == want, text
        hits += want
    assert hits > 3000


def test_name_dense_counts_as_the_split_did():
    """loose_contacts._name_dense counts a plain line's capitalised words without splitting it:
    the same answer as the split's count on random single-spaced texts of capitalised, lower-case
    and other words."""
    import random

    from samspil.loaders.extract.loose_contacts import _CAPITALS, _name_dense
    from samspil.loaders.extract.text import single_spaced

    def old(text: str) -> bool:
        words = text.split()
        return sum(w[0] in _CAPITALS for w in words) >= len(words) / 3

    rnd = random.Random(11)
    words = ["Anna", "Holm", "leder", "og", "Ærø", "Østby", "Åby", "æble", "ø", "É", "ß", "1", "-", "(Bo-Vest)", "”Ung”",
             "x\u200by", "a\u00a0B", "\tC", "  "]
    for _ in range(20000):
        text = single_spaced(" ".join(rnd.choice(words) for _ in range(rnd.randint(0, 12))))
        assert _name_dense(text) == old(text), repr(text)


def test_keeps_own_line_told_by_its_first_character():
    """line_joins._keeps_own_line skips the item pattern for a line without a colon opening with a
    capital no item opens with: the same answers as the patterns on random lines."""
    import random

    from samspil.loaders.line_joins import _ITEM_LINE, _KEEPS_OWN_LINE, _keeps_own_line

    rnd = random.Random(5)
    firsts = ["A", "B", "I", "İ", "ı", "i", "Z", "Æ", "Å", "•", "-", "–", "*", "▪", "1", "12", "3.2", "٣", "a", "ø", "(", " ", ""]
    rests = [" ", ". ", ") ", "ndsatsområde 2. ", "NDSATSOMRÅDE 1. ", "one 4", "one  7", ".1 Tekst", "ontakt: x", " punkt",
             "x:", "Mål", ""]
    for _ in range(20000):
        line = rnd.choice(firsts) + "".join(rnd.choice(rests) for _ in range(rnd.randint(0, 3)))
        assert _keeps_own_line(line) == ((_KEEPS_OWN_LINE if ":" in line else _ITEM_LINE).match(line) is not None), repr(line)


def test_cell_lines_tables_goes_from_short_line_to_short_line():
    """space_tables.cell_lines_tables visits only the lines a head run can open at: the same lines as
    the loop that tested every line, on random documents of column heads, cells and prose."""
    import random

    from samspil.loaders.space_tables import DROPPED, _TOTAL_CELL, _column_kind, cell_lines_tables

    def old(lines):
        out = list(lines)
        kind = _column_kind()
        i = 0
        while i < len(out) - 6:
            heads = 0
            while i + heads < len(out) and 0 < len(out[i + heads].strip()) <= 30 and "\t" not in out[i + heads] \
                    and kind(out[i + heads].strip().rstrip(":")) is not None:
                heads += 1
            if heads < 3:
                i += max(heads, 1)
                continue
            kinds = [kind(out[i + k].strip().rstrip(":")) for k in range(heads)]
            numeric = [k for k, c in enumerate(kinds) if c in ("units", "residents", "number", "money")]
            rows, j = [], i + heads
            while j + heads <= len(out):
                cells = [out[j + k].strip() for k in range(heads)]
                if not all(cells) or any(len(c) > 80 or "\t" in c for c in cells) or _TOTAL_CELL.match(cells[0]) \
                        or any(not any(ch.isdigit() for ch in cells[k]) for k in numeric):
                    break
                rows.append(j)
                j += heads
            if len(rows) < 2 or len(set(kinds)) < 2:
                i += heads
                continue
            for start in [i, *rows]:
                out[start:start + heads] = ["\t".join(c.strip() for c in out[start:start + heads])] + [DROPPED] * (heads - 1)
            i = j
        return out

    rnd = random.Random(13)
    pieces = ["Afdeling", "Boligorganisation", "Boliger", "Antal boliger:", "Beboere", "Engvej", "Vesterhavsbo", "164",
              "222", "I alt", "", "  ", "Tekst der er alt for lang til at være en kolonne i en tabel.", "a\tb", "Fjordbo"]
    tables = 0
    for _ in range(3000):
        lines = []
        for _ in range(rnd.randint(0, 8)):  # prose and cells, and tables: three heads over rows of three cells
            lines += [rnd.choice(pieces) for _ in range(rnd.randint(0, 5))] if rnd.random() < 0.5 else \
                ["Afdeling", "Boligorganisation", "Boliger"] + ["Engvej", "Vesterhavsbo", rnd.choice(["164", "x"])] \
                * rnd.randint(0, 4)
        made = cell_lines_tables(lines)
        assert made == old(lines), lines
        tables += made != lines
    assert tables > 500  # (tables were made: the rows' lines changed while the loop went on)


def test_holding_lines_as_every_line_tested():
    """``holding_lines`` with the words that hold another left out, and as written within the lines found
    in lower case (session 25): the lines that hold a word, as every line tested for every word finds them,
    on random documents of the dwelling words, their capitalised forms and the letters re.IGNORECASE reads
    as others."""
    import random

    from samspil.loaders.document import Document
    from samspil.loaders.extract.text import holding_lines, may_hold

    words = ("boligenheder", "lejeboliger", "lejligheder", "lejebolig", "lejemål", "boliger")
    pieces = [*words, "Lejeboliger", "BOLIGER", "Boligenheder", "lejebo", "bolig", "ſ", "ı", "İ", "og", "12", " ", "\t"]
    rnd = random.Random(25)
    for _ in range(400):
        lines = ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 6))) for _ in range(rnd.randint(1, 8))]
        doc = Document.from_text("d", "\n".join(lines))
        chosen = tuple(rnd.sample(words, rnd.randint(1, len(words))))
        lows = [line.lower() for line in lines]
        as_lower = {i for i, low in enumerate(lows) if may_hold(low, chosen)}
        as_written = {i for i, line in enumerate(lines) if any(w in line for w in chosen)}
        if rnd.random() < 0.5:  # (the lower-case lines first, or the lines as written alone)
            assert holding_lines(doc, chosen) == as_lower, lines
        assert holding_lines(doc, chosen, lower=False) == as_written, lines
        assert holding_lines(doc, chosen) == as_lower, lines


def test_cuts_shared_string_tests_are_the_written_ones():
    """segment._cuts looks for a string several of its tests need once, and for a string another holds
    first (session 25): each test so written gives the answer of the test as it was written before, on
    random lines of the strings that matter."""
    import random

    def old(line: str) -> tuple[bool, ...]:
        return (("Dato" in line or "Navn" in line or "Underskrift" in line or "Titel" in line),
                "Underskrifter" in line or "UNDERSKRIFT" in line or "Underskrevet" in line,
                " – " in line or " - " in line,
                "rojekt nr" in line or "rojektnr" in line or "rojekt nummer" in line,
                "..." in line or "…" in line,
                (" – " in line or " — " in line) and ("ktivitet " in line or "KTIVITET " in line or "rojekt " in line),
                " [+] " in line or " [-] " in line, " [+] " in line, "....." in line, " — " in line,
                " – " in line or " — " in line, " – " in line or " • " in line,
                "- " in line or "– " in line or "• " in line or "▪ " in line,
                ' - "' in line or " - »" in line or " - “" in line or "• " in line)

    def new(line: str) -> tuple[bool, ...]:
        signed = "Underskr" in line
        en_dash, em_dash, bullet = " – " in line, " — " in line, "• " in line
        project, dots, bracket = "rojekt" in line, "..." in line, " [" in line
        folded = bracket and " [+] " in line
        return (("Dato" in line or "Navn" in line or signed and "Underskrift" in line or "Titel" in line),
                signed and ("Underskrifter" in line or "Underskrevet" in line) or "UNDERSKRIFT" in line,
                en_dash or " - " in line,
                project and ("rojekt nr" in line or "rojektnr" in line or "rojekt nummer" in line),
                dots or "…" in line,
                (en_dash or em_dash) and ("ktivitet " in line or "KTIVITET " in line or project and "rojekt " in line),
                folded or bracket and " [-] " in line, folded, dots and "....." in line, em_dash,
                en_dash or em_dash, en_dash or bullet and " • " in line,
                "- " in line or en_dash or "– " in line or bullet or "▪ " in line,
                bullet or " - " in line and (' - "' in line or " - »" in line or " - “" in line))

    pieces = ["Dato", "Navn", "Underskrift", "Underskrifter", "Underskrevet", "UNDERSKRIFT", "Underskr", "Titel",
              " ", "-", "–", "—", "•", "▪", '"', "»", "“", "[", "+", "]", "ktivitet", "KTIVITET", "rojekt", "nr",
              "nummer", ".", "…", "Projekt", "x"]
    rnd = random.Random(17)
    for _ in range(30000):
        line = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 14)))
        assert new(line) == old(line), repr(line)
