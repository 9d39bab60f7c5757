"""Forms found in session 25 on the earlier blind sets and the new blind set V, as made-up
documents of three other municipalities:

* a party list giving each party's postal address after its name ("Vesthimmerlands Kommune,
  Vestre Boulevard 7, 9600 Aars"): the party is the name before the address;
* signatures side by side whose columns a PDF copy collapsed to a few spaces ("For X Kommune   For
  Boligselskabet Y" over "Anna Holm Berg   Ole Ravn" over "Borgmester   Direktør"): the columns
  read as columns though their cells no longer start at the same place;
* an approval letter's areas lettered and their activities coded by letter and number ("A.
  Beskæftigelse og uddannelse A1. Jobværkstedet – afklaring ...; samarbejde med X. A2. ..."), run
  onto one line: each area and item its own line again;
* a table drawn in boxes ("┌───┬───┐", "│ Aktivitet │ Målgruppe │", "├───┼───┤"), its cells wrapped
  over rows of their own and words broken with a hyphen ("Frivillig-" / "center"): read as the pipe
  table it is, not as an organisation diagram's tree;
* an older application's areas numbered I, II, III set in columns without stops ("I   Beskæftigelse og
  uddannelse"), under a lead-in with a note ("Helhedsplanens tre indsatsområder (jf. puljens
  kriterier):"), and its activity table's name column headed "Navn", its area column the numbers;
* a web page's areas as tracks ("SPOR 1  Sammenhængskraft og medborgerskab") and its activities as
  cards marked by a border down their left side ("┃ Havnecaféen  ·  Spor 1" over the card's text,
  "... Læs mere ›" at its end): each card an activity of its track's area;
* a sentence under staff cards naming their common employer ("Begge er ansat i X (XB)."): each
  card's person's organisation;
* a plan in preparation named by its working title ('arbejdstitel "Nordlys"'), its proposed areas
  under "Forslag til indsatsområder" after a lead-in ending in a colon, each with a note in brackets
  ("1) Uddannelse og livschancer (lektieklub, mødregruppe)");
* an annual account's statement whose expenses are the activities, numbered under each delaftale,
  their amounts and note numbers after them ("1.1 Jobhuset  520.000  534.120  2");
* a cooperation agreement between a plan and a voluntary association: the plan named without quotes
  ("mellem den boligsociale indsats Vestervang Sammen og Foreningen ..."), its activities counted items
  that open with their names in quotes ('a) "Læselyst" – oplæsning for børn ...');
* an older plan's areas listed after bare letters ("A  Tryghed og trivsel") and its activity table's
  area column those letters, both run onto one line when the breaks are lost ("3. Indsatsområder A
  Tryghed og trivsel B ... 4. Aktiviteter Aktivitet Område Målgruppe Partnere Tryghedsvandringer A
  alle beboere Nordsjællands Politi Gårdmændenes netværk A ...");
* a Word file's signature table under its activity table: "For X Kommune<TAB>For Y" over the place
  and date over "Name, borgmester<TAB>Name, direktør": the activity table ends at "Underskrifter",
  each signatory of the organisation signed for;
* delaftaler as annexes ("BILAG A - DELAFTALE: UDDANNELSE OG LIVSCHANCER") over template blocks, after
  the strategic part's own list of areas: each block of its annex's area; a signatory named Ingolf
  no organisation (the cue "ngo" only as a word);
* an area's heading whose label is misspelt before its number ("Indsatsomårde 2: Børn og familier");
* a committee item naming its plan in quotes after "den strategiske samarbejdsaftale", its delaftaler
  in a sentence and their projects in the next by their place ("Inden for den første delaftale
  etableres "X" ... Under den anden delaftale videreføres "Y" ...")."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract, name_key  # noqa: E402

TOWNS = [("Vesthimmerland", "Aars", "9600", "Himmerlandsbo"),
         ("Faxe", "Haslev", "4690", "Boligselskabet Faxehjem"),
         ("Billund", "Grindsted", "7200", "Grindsted Almene Boliger")]


def _addressed_parties(town, seat, post, housing):
    return [f"{town} Kommune · {housing}", "STRATEGISK SAMARBEJDSAFTALE", f"for den boligsociale indsats »Nordbyen {seat}«",
            "Periode: 1. januar 2026 – 31. december 2029", "1. Aftalens parter",
            f"{town} Kommune, Rådhuspladsen 2, {post} {seat}",
            f"{housing}, Søndergade 14, 1. sal, {post} {seat}",
            "Aftalen følger Landsbyggefondens skabelon for strategiske samarbejdsaftaler.", "",
            "2. Boligområdet", f"Nordbyen har 420 boliger i {housing}s afdelinger.", ""]


@pytest.mark.parametrize("town,seat,post,housing", TOWNS)
@pytest.mark.parametrize("how", ["as written", "docx", "pdf"])
def test_a_party_list_with_each_party_s_address(tmp_path, make_docx, make_pdf, town, seat, post, housing, how):
    r = _extract(tmp_path, _addressed_parties(town, seat, post, housing), how, make_docx, make_pdf)
    parties = {name_key(o.name) for o in r.organisations if o.is_party}
    assert parties == {name_key(f"{town} Kommune"), name_key(housing)}, parties
    assert not any(w in o.name for o in r.organisations for w in ("Rådhuspladsen", "Søndergade", post, "sal")), \
        [o.name for o in r.organisations]


def _collapsed_signatures(town, seat, post, housing):
    return [f"Strategisk samarbejdsaftale for Nordbyen, {seat}", "", f"Aftalens parter: {town} Kommune og {housing}", "",
            "Underskrifter", f"For {town} Kommune   For {housing}", "Mette Lykke Brandt   Kasper Holm Vinther",
            "Borgmester   Direktør", ""]


@pytest.mark.parametrize("town,seat,post,housing", TOWNS)
def test_signatures_side_by_side_with_collapsed_gaps(tmp_path, make_docx, make_pdf, town, seat, post, housing):
    r = _extract(tmp_path, _collapsed_signatures(town, seat, post, housing), "as written", make_docx, make_pdf)
    got = {c.name: (name_key(c.organisation), c.title) for c in r.contacts}
    assert got == {"Mette Lykke Brandt": (name_key(f"{town} Kommune"), "Borgmester"),
                   "Kasper Holm Vinther": (name_key(housing), "Direktør")}, got


LETTERED = [("Beskæftigelse og uddannelse", [("Jobhjørnet", "afklaring og praktik for ledige beboere", "Jobcenter {town}"),
                                             ("Ung i Gang", "mentorforløb for unge 15-24 år uden uddannelse", "{town} Ungdomsskole")]),
            ("Børn, unge og forældre", [("Lektieværkstedet", "lektiehjælp for skolebørn med frivillige", "{town} Bibliotek"),
                                        ("Forældrekurset", "kurser for forældre til skolebørn", "Sundhedsplejen i {town} Kommune")])]


def _lettered(town, seat, post, housing):
    lines = [f"LANDSBYGGEFONDEN · Tilsagn om støtte til boligsocial helhedsplan for Nordbyen, {seat}", "",
             f"{housing} har søgt om støtte til en helhedsplan for perioden 2012-2015.", "",
             "Godkendte indsatsområder og aktiviteter", "",
             "Fonden har godkendt følgende indsatsområder og aktiviteter (jf. ansøgningens afsnit 4):", ""]
    for k, (area, items) in enumerate(LETTERED):
        letter = "AB"[k]
        lines.append(f"{letter}. {area}")
        lines += [f"   {letter}{n}. {name} – {text}; samarbejde med {partner.format(town=town)}."
                  for n, (name, text, partner) in enumerate(items, 1)]
        lines.append("")
    return lines + ["Vilkår for tilsagnet", "1. Helhedsplanen skal ledes af en styregruppe.", ""]


@pytest.mark.parametrize("town,seat,post,housing", TOWNS)
@pytest.mark.parametrize("how", ["as written", "flattened", "flat"])
def test_lettered_areas_and_coded_activities_run_together(tmp_path, make_docx, make_pdf, town, seat, post, housing, how):
    r = _extract(tmp_path, _lettered(town, seat, post, housing), how, make_docx, make_pdf)
    got = {name_key(a.name): a.focus_area for a in r.activities}
    assert got == {name_key(name): area for area, items in LETTERED for name, _, _ in items}, got


BOXED = [("Naboköket", "Fællesspisning hver anden torsdag", "alle beboere", "{town} Frivilligcenter"),
         ("Velkomstholdet", "Frivillige besøger nye beboere", "nytilflyttede beboere", "Dansk Flygtningehjælp Frivillige {town}"),
         ("Klubbroen", "Brobygning til idræt og spejder", "børn og unge 8-16 år", "{town} Idrætsforening")]


def _wrapped(cell: str, width: int) -> list[str]:
    """A cell's text over rows of ``width`` characters, a long word broken with a hyphen."""
    rows, row = [], ""
    for word in cell.split():
        while len(word) > width:
            cut = width - len(row) - (1 if row else 0) - 1
            if cut < 4:
                rows.append(row)
                row, cut = "", width - 1
            rows.append(f"{row} {word[:cut]}-".strip())
            row, word = "", word[cut:]
        if len(row) + len(word) + (1 if row else 0) > width:
            rows.append(row)
            row = word
        else:
            row = f"{row} {word}".strip()
    return rows + [row]


def _boxed(town, seat, post, housing):
    widths = [16, 22, 18, 13]
    rule = lambda a, b, c: a + b.join("─" * (w + 2) for w in widths) + c  # noqa: E731
    lines = [f"{town} Kommune – Kultur og Fritid", f'Boligsocial indsats "Fodslag {seat}" · Delaftale 2/2', "",
             "DELAFTALE OM SAMMENHÆNGSKRAFT OG MEDBORGERSKAB", "",
             f"{town} Kommune og {housing} indgik i 2024 en strategisk aftale om en boligsocial indsats.", "",
             "Aktiviteter", rule("┌", "┬", "┐"),
             "│ " + " │ ".join(h.ljust(w) for h, w in zip(["Aktivitet", "Indhold", "Målgruppe", "Samarbejde med"], widths)) + " │",
             rule("├", "┼", "┤")]
    for k, (name, text, target, partner) in enumerate(BOXED):
        cells = [_wrapped(c, w) for c, w in zip([name, text, target, partner.format(town=town)], widths)]
        for j in range(max(map(len, cells))):
            lines.append("│ " + " │ ".join((c[j] if j < len(c) else "").ljust(w) for c, w in zip(cells, widths)) + " │")
        lines.append(rule("├", "┼", "┤") if k + 1 < len(BOXED) else rule("└", "┴", "┘"))
    return lines + ["", "Kontakt", f"Boligsocial leder Ida Bak Holm, {housing}, tlf. 28 13 94 70", ""]


@pytest.mark.parametrize("town,seat,post,housing", TOWNS)
def test_a_table_drawn_in_boxes_with_wrapped_cells(tmp_path, make_docx, make_pdf, town, seat, post, housing):
    lines = _boxed(town, seat, post, housing)
    assert any(line.endswith("-│") or "- │" in line for line in lines)  # (a word broken in a cell)
    r = _extract(tmp_path, lines, "as written", make_docx, make_pdf)
    assert {name_key(a.name) for a in r.activities} == {name_key(name) for name, *_ in BOXED}
    partners = {name_key(p) for a in r.activities for p in a.partners}
    assert {name_key(p.format(town=town)) for *_, p in BOXED} <= partners, partners


ROMAN_AREAS = ["Beskæftigelse og uddannelse", "Forebyggelse og forældreansvar", "Kapacitetsopbygning og netværk"]
ROMAN_ROWS = [("I.1", "Jobstien", "I", "ledige 25-60 år", "Jobcenter {town}"),
              ("II.1", "Familieskolen", "II", "forældre til børn i 0.-6. klasse", "Sundhedsplejen {town}"),
              ("III.1", "Bestyrelsesværkstedet", "III", "afdelingsbestyrelser", "LOF {town}")]


def _roman(town, seat, post, housing):
    lines = [f"{housing.upper()} · {seat}", "", f"Boligsocial helhedsplan for Vestervang, {seat}",
             "Ansøgning til Landsbyggefondens pulje 2011-2014 (opsummering + aktivitetsskemaer)", "",
             "Helhedsplanens tre indsatsområder (jf. puljens kriterier):"]
    lines += [f"   {'I' * (k + 1):<4}{area}" for k, area in enumerate(ROMAN_AREAS)] + ["", "AKTIVITETSSKEMAER", ""]
    lines += ["Akt. | Navn                  | Indsatsområde | Målgruppe                         | Partnere",
              "-----|-----------------------|---------------|-----------------------------------|------------------"]
    lines += [f"{code:<5}| {name:<22}| {area:<14}| {target:<34}| {partner.format(town=town)}"
              for code, name, area, target, partner in ROMAN_ROWS]
    return lines + ["", "ORGANISERING", f"Helhedsplanen forankres i en styregruppe med {housing} og {town} Kommune.", ""]


@pytest.mark.parametrize("town,seat,post,housing", TOWNS)
def test_roman_areas_without_stops_and_a_table_of_named_activities(tmp_path, make_docx, make_pdf, town, seat, post,
                                                                    housing):
    r = _extract(tmp_path, _roman(town, seat, post, housing), "as written", make_docx, make_pdf)
    assert [f.name for f in r.focus_areas] == ROMAN_AREAS
    got = {a.name: (a.focus_area, sorted(name_key(p) for p in a.partners)) for a in r.activities}
    assert got == {name: (ROMAN_AREAS[len(area) - 1], [name_key(partner.format(town=town))])
                   for _, name, area, _, partner in ROMAN_ROWS}, got


CARDS = [("Strandcaféen", 1, "Åben hver tirsdag i fælleslokalet. Kaffe og brætspil for alle beboere.",
          "I samarbejde med {seat} Borgerforening."),
         ("Værkstedet for mænd", 1, "Et værksted for mænd over 60, der vil reparere cykler sammen.",
          "Sker i samarbejde med {seat} Husflidsforening."),
         ("Jobspoiren", 2, "Personlig hjælp til ledige, der vil i job eller uddannelse.", "Jobcenter {town} er med."),
         ("Sommerjob i byen", 2, "Vi hjælper unge 15-17 år til et sommerjob hos byens erhvervsliv.",
          "Sammen med {town} Erhvervsforening.")]
TRACKS = ["Sammenhængskraft og medborgerskab", "Beskæftigelse"]


def _cards(town, seat, post, housing):
    lines = ["Vi bruger cookies for at forbedre din oplevelse.  [Accepter alle]", f"{seat} Sammen",
             "Forside   Aktiviteter   Om indsatsen   Kontakt", "", "Om indsatsen", "",
             f"{seat} Sammen er en boligsocial indsats i {housing}s afdelinger i {seat}, støttet af Landsbyggefonden "
             f"og {town} Kommune.", "", "Vi arbejder med to spor, der svarer til Landsbyggefondens indsatsområder:"]
    lines += [f"SPOR {k}  {track}" for k, track in enumerate(TRACKS, 1)] + ["", "Aktiviteter"]
    for name, track, text, partner in CARDS:
        lines += [f"┃ {name}  ·  Spor {track}", f"┃ {text}", f"┃ {partner.format(town=town, seat=seat)}   Læs mere ›"]
    return lines + ["", "Kontakt", f"{seat} Sammen · Fælleslokalet · {post} {seat}", ""]


@pytest.mark.parametrize("town,seat,post,housing", TOWNS)
def test_tracks_and_web_cards_bordered_on_the_left(tmp_path, make_docx, make_pdf, town, seat, post, housing):
    r = _extract(tmp_path, _cards(town, seat, post, housing), "as written", make_docx, make_pdf)
    assert [f.name for f in r.focus_areas] == TRACKS
    got = {a.name: a.focus_area for a in r.activities}
    assert got == {name: TRACKS[track - 1] for name, track, _, _ in CARDS}, got



def _staff(town, seat, post, housing):
    return [f"{seat} Sammen – boligsocial indsats", "", f"Indsatsen er støttet af Landsbyggefonden og {town} Kommune.", "",
            "Medarbejdere",
            "┌──────────────────────────────┐   ┌──────────────────────────────┐",
            "│ Nanna Friis Kolding          │   │ Jeppe Holm Ravnsborg         │",
            "│ Boligsocial medarbejder      │   │ Frivilligkoordinator         │",
            "│ nfk@sammen.dk                │   │ jhr@sammen.dk                │",
            "│ Tlf. 21 76 30 58             │   │ Tlf. 21 76 30 59             │",
            "└──────────────────────────────┘   └──────────────────────────────┘",
            f"Begge er ansat i {housing} (XB).", ""]


@pytest.mark.parametrize("town,seat,post,housing", TOWNS)
def test_staff_cards_under_their_common_employer(tmp_path, make_docx, make_pdf, town, seat, post, housing):
    r = _extract(tmp_path, _staff(town, seat, post, housing), "as written", make_docx, make_pdf)
    got = {c.name: (c.organisation, c.email) for c in r.contacts}
    assert got == {"Nanna Friis Kolding": (housing, "nfk@sammen.dk"), "Jeppe Holm Ravnsborg": (housing, "jhr@sammen.dk")}, got



def _proposal(town, seat, post, housing):
    return ["OPSAMLING FRA BEBOERMØDE", f'Ny boligsocial indsats i Vestervang – arbejdstitel "Vestervang Videre"', "",
            f"Arrangør: {housing} og {town} Kommune", "",
            f"{housing} og {town} Kommune vil søge Landsbyggefonden om en boligsocial indsats for perioden 2026-2029.", "",
            "Forslag til indsatsområder",
            "På baggrund af mødet foreslår arbejdsgruppen, at den strategiske aftale omfatter:",
            "  1) Uddannelse og livschancer (lektieklub, mødregruppe)",
            "  2) Sammenhængskraft og medborgerskab (opgangsvenner, aftenklub)",
            "Beskæftigelse tages med, hvis kommunen kan finansiere en jobkonsulent.", ""]


@pytest.mark.parametrize("town,seat,post,housing", TOWNS)
def test_a_working_title_and_proposed_areas_with_notes(tmp_path, make_docx, make_pdf, town, seat, post, housing):
    r = _extract(tmp_path, _proposal(town, seat, post, housing), "as written", make_docx, make_pdf)
    assert r.plan.name == "Vestervang Videre"
    assert [f.name for f in r.focus_areas] == ["Uddannelse og livschancer", "Sammenhængskraft og medborgerskab"]


ACCOUNT = [("Beskæftigelse", [("Jobhuset", "520.000", "534.120", "2"), ("Fritidsjobbanken", "160.000", "118.600", "")]),
           ("Uddannelse og livschancer", [("Lektiecaféen Kastanjen", "310.000", "322.480", "3"),
                                          ("Sommerskolen", "140.000", "139.950", ""), ("Familieguiderne", "480.000", "455.230", "")])]


def _account(town, seat, post, housing):
    lines = [housing, f'Boligsocial indsats "{seat} Bykerne" – strategisk aftale 1.1.2023-31.12.2026', "",
             "                        REGNSKAB FOR 2024", "",
             "RESULTATOPGØRELSE 2024 (kr.)                                   Budget       Regnskab     Note",
             "Indtægter", "  Tilskud fra LBF                                            1.540.000    1.498.300      1",
             "Udgifter"]
    for k, (area, rows) in enumerate(ACCOUNT, 1):
        lines.append(f"  Delaftale {k} – {area}")
        lines += [f"    {k}.{n} {name:<44}{budget:>11}  {spent:>11}      {note}".rstrip()
                  for n, (name, budget, spent, note) in enumerate(rows, 1)]
    return lines + ["Udgifter i alt                                               2.200.000    2.158.300", "",
                    "NOTER", f"Note 2  Heraf 180.000 kr. til Jobcenter {town}.", ""]


@pytest.mark.parametrize("town,seat,post,housing", TOWNS)
@pytest.mark.parametrize("how", ["as written", "flattened"])
def test_an_account_s_activities_by_their_budget_rows(tmp_path, make_docx, make_pdf, town, seat, post, housing, how):
    r = _extract(tmp_path, _account(town, seat, post, housing), how, make_docx, make_pdf)
    got = {a.name: a.focus_area for a in r.activities}
    assert got == {name: area for area, rows in ACCOUNT for name, *_ in rows}, got


COUNTED_QUOTED = [("Lektiehjælp i Vestervanghuset", "mandag og onsdag kl. 15-17 for skolebørn i 2.-6. klasse."),
                  ("Prøveklar", "intensive forløb før prøverne for unge i 8.-10. klasse, fire uger i"),
                  ("Læselyst", "oplæsning for børn 3-6 år og deres forældre en lørdag om måneden.")]


def _cooperation(town, seat, post, housing):
    lines = ["SAMARBEJDSAFTALE", f"mellem den boligsociale indsats Vestervang Sammen og Foreningen Lektiehjælp {seat}",
             "om lektiehjælp for børn og unge i Vestervang", "", "§ 1  Parter",
             f"Stk. 1. {housing}, Nordmarksvej 12, {post} {seat}, på vegne af indsatsen.", "",
             "§ 4  Aktiviteter omfattet af aftalen"]
    for k, (name, text) in enumerate(COUNTED_QUOTED):
        lines.append(f'{"abc"[k]}) "{name}" – {text}')
        if not text.endswith("."):
            lines.append("   april-maj, i samarbejde med skolen.")
    return lines + ["", "§ 9  Varighed og opsigelse", "Aftalen kan opsiges af begge parter med tre måneders varsel.", ""]


@pytest.mark.parametrize("town,seat,post,housing", TOWNS)
def test_a_cooperation_agreement_s_plan_and_quoted_counted_items(tmp_path, make_docx, make_pdf, town, seat, post, housing):
    r = _extract(tmp_path, _cooperation(town, seat, post, housing), "as written", make_docx, make_pdf)
    assert r.plan.name == "Vestervang Sammen"
    assert [a.name for a in r.activities] == [name for name, _ in COUNTED_QUOTED]


BARE_AREAS = ["Tryghed og trivsel", "Uddannelse og beskæftigelse", "Forebyggelse og forældreansvar"]
BARE_ROWS = [("Tryghedsvandringer", "A", "alle beboere", "Sydøstjyllands Politi"),
             ("Gårdværternes netværk", "A", "afd.bestyrelser", "{seat} Boligservice"),
             ("Jobhjørnet Vest", "B", "ledige voksne", "Jobcenter {town}"),
             ("Uddannelseslotsen", "B", "unge 16-25 år", "UU Vestjylland"),
             ("Familieklubben", "C", "børnefamilier", "Sundhedsplejen {town}"),
             ("Fritidspasset", "C", "børn 7-14 år", "{seat} Idrætsforening")]


def _bare_letters(town, seat, post, housing):
    lines = [f"{housing} · {town} Kommune", "Boligsocial helhedsplan 2016-2019 for Vestervang", "",
             "3. Indsatsområder"] + [f"{'ABC'[k]}  {area}" for k, area in enumerate(BARE_AREAS)]
    lines += ["", "4. Aktiviteter", "Aktivitet                 Område  Målgruppe          Partnere"]
    lines += [f"{name:<26}{code:<8}{target:<19}{partner.format(town=town, seat=seat)}" for name, code, target, partner in BARE_ROWS]
    return lines + ["", "5. Organisation", f"Styregruppe: {housing}s direktør (formand).", ""]


@pytest.mark.parametrize("town,seat,post,housing", TOWNS)
@pytest.mark.parametrize("how", ["as written", "flattened"])
def test_areas_after_bare_letters_and_their_codes_in_a_table(tmp_path, make_docx, make_pdf, town, seat, post, housing, how):
    r = _extract(tmp_path, _bare_letters(town, seat, post, housing), how, make_docx, make_pdf)
    assert [f.name for f in r.focus_areas] == BARE_AREAS
    got = {a.name: a.focus_area for a in r.activities}
    assert got == {name: BARE_AREAS["ABC".index(code)] for name, code, _, _ in BARE_ROWS}, got



def _signed_table(town, seat, post, housing):
    return ["Strategisk samarbejdsaftale for den boligsociale indsats", "Vestervang Kvarterliv", "",
            "Aktiviteter (bilag til delaftalerne)", "Aktivitet\tDelaftale\tMålgruppe\tSamarbejdspartnere",
            f"Lektiecaféen Vest\t1\tskolebørn 6-13 år\t{seat} Skole; {town} Bibliotek",
            f"Gadeplansteamet\t2\tunge 13-17 år\tSSP {town}", "", "Underskrifter",
            "Aftalen er underskrevet i to eksemplarer.", f"For {town} Kommune\tFor {housing}",
            f"{seat}, den 21. juni 2021\t{seat}, den 24. juni 2021",
            "Mette Lykke Brandt, borgmester\tKasper Holm Vinther, direktør", ""]


@pytest.mark.parametrize("town,seat,post,housing", TOWNS)
@pytest.mark.parametrize("how", ["as written", "docx"])
def test_a_signature_table_under_an_activity_table(tmp_path, make_docx, make_pdf, town, seat, post, housing, how):
    r = _extract(tmp_path, _signed_table(town, seat, post, housing), how, make_docx, make_pdf)
    assert [a.name for a in r.activities] == ["Lektiecaféen Vest", "Gadeplansteamet"]
    got = {c.name: (c.organisation, c.title) for c in r.contacts}
    assert got == {"Mette Lykke Brandt": (f"{town} Kommune", "borgmester"),
                   "Kasper Holm Vinther": (housing, "direktør")}, got



ANNEXED = [("UDDANNELSE OG LIVSCHANCER", "Uddannelse og livschancer", ["Lektiecafé Vest", "Familieværkstedet"]),
           ("BESKÆFTIGELSE", "Beskæftigelse", ["Jobcafé Vest", "Kvindenetværket"])]


def _annexes(town, seat, post, housing):
    lines = [f"Strategisk samarbejdsaftale – Vestervang, {seat}", "", "Indsatsområder",
             "Parterne er enige om, at indsatsen arbejder inden for to indsatsområder:",
             "  A. Uddannelse og livschancer", "  B. Beskæftigelse", "", "Underskrifter",
             f"For {town} Kommune".ljust(36) + f"For {housing}", "",
             f"{seat}, den 20.12.2024".ljust(36) + f"{seat}, den 23.12.2024",
             "Merete Juul Andkjær".ljust(36) + "Kaj Ingolf Rasmusen", "borgmester".ljust(36) + "formand", ""]
    for k, (head, _, names) in enumerate(ANNEXED):
        lines += [f"BILAG {'AB'[k]} - DELAFTALE: {head}", "Mål: flere beboere i job og uddannelse.", ""]
        for name in names:
            lines += [f"Aktivitetsnavn:     {name}", "Målgruppe:          beboere i Vestervang",
                      f"Samarbejdsparter:   Jobcenter {town}"]
        lines.append("")
    return lines


@pytest.mark.parametrize("town,seat,post,housing", TOWNS)
def test_delaftaler_as_annexes_and_a_signatory_named_ingolf(tmp_path, make_docx, make_pdf, town, seat, post, housing):
    r = _extract(tmp_path, _annexes(town, seat, post, housing), "as written", make_docx, make_pdf)
    assert {a.name: a.focus_area for a in r.activities} == {n: area for _, area, names in ANNEXED for n in names}
    assert {c.name: c.organisation for c in r.contacts} == {"Merete Juul Andkjær": f"{town} Kommune",
                                                             "Kaj Ingolf Rasmusen": housing}
    assert not any("Ingolf" in o.name for o in r.organisations)


MISSPELT = [("Indsatsområde 1", "Netværk og beboerliv", "Fælleshuset genåbner"),
            ("Indsatsomårde 2", "Børn og familier", "Lektiehjælp i fælleshuset"),
            ("Indsatsområde 3", "Integration og sprog", "Danskcafé for tilflyttere")]


def _misspelt(town, seat, post, housing):
    lines = [f"{housing}                    Helhedsplan 2007-2010", "", "BOLIGSOCIAL HELHEDSPLAN", '"Nabohjælp i Vest"', "",
             "4. Indsatsområder og aktiviteter"]
    for k, (label, area, activity) in enumerate(MISSPELT, 1):
        lines += [f"{label}: {area}", f"  {k}.1 {activity}", "      To gange om ugen, i samarbejde med frivillige."]
    return lines + ["", "5. Organisering og økonomi", f"Styregruppe: {housing} og {town} Kommune.", ""]


@pytest.mark.parametrize("town,seat,post,housing", TOWNS)
@pytest.mark.parametrize("how", ["as written", "flattened"])
def test_an_area_heading_with_its_label_misspelt(tmp_path, make_docx, make_pdf, town, seat, post, housing, how):
    r = _extract(tmp_path, _misspelt(town, seat, post, housing), how, make_docx, make_pdf)
    assert [f.name for f in r.focus_areas] == [area for _, area, _ in MISSPELT]
    assert {a.name: a.focus_area for a in r.activities} == {act: area for _, area, act in MISSPELT}



def _committee(town, seat, post, housing):
    return [f"{town} Kommune", "Social- og Sundhedsudvalget · Ordinært møde 12.05.2025", "",
            f"Punkt 6    Strategisk samarbejdsaftale for Vestervang, {seat}", "", "Indstilling",
            "Administrationen indstiller, at udvalget anbefaler,",
            '1. at den strategiske samarbejdsaftale "Vestervang i Fællesskab" for perioden 1. juli 2025 til',
            "   30. juni 2029 godkendes.", "", "Sagsfremstilling",
            "Aftalen følger Landsbyggefondens skabelon fra 2023 og indeholder to delaftaler:",
            "Kriminalitetsforebyggelse samt Uddannelse og livschancer. Inden for den første delaftale",
            f'etableres "Gadeholdet Vest", hvor to gadeplansmedarbejdere arbejder sammen med SSP {town}. Under den',
            f'anden delaftale videreføres "Sprogstart", som Sundhedsplejen står for, og der oprettes "Lektieværkstedet"',
            f"i samarbejde med {seat} Skole.", ""]


@pytest.mark.parametrize("town,seat,post,housing", TOWNS)
@pytest.mark.parametrize("how", ["as written", "flattened"])
def test_a_committee_item_s_plan_and_projects_by_their_delaftale_s_place(tmp_path, make_docx, make_pdf, town, seat, post,
                                                                         housing, how):
    r = _extract(tmp_path, _committee(town, seat, post, housing), how, make_docx, make_pdf)
    assert r.plan.name == "Vestervang i Fællesskab"
    assert {a.name: a.focus_area for a in r.activities} == {
        "Gadeholdet Vest": "Kriminalitetsforebyggelse", "Sprogstart": "Uddannelse og livschancer",
        "Lektieværkstedet": "Uddannelse og livschancer"}
