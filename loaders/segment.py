"""Layout-independent segmentation: normalised lines -> segments the extractors read.

Agreements reach us with the line breaks of their template (one label per
line), or without any: text copied from a PDF on the web arrives with a whole
page on one line ("1 Delaftale for indsatsområdet Sundhed Navn på den
boligsociale indsats, som delaftalen vedrører: Engparken Aftalens parter: ...").
The extractors anchor on the template's labels at the start of a line, so this
step cuts every line where a new unit of the template begins, wherever it is:

* a template label (``Aftalens parter:``, ``Kontaktperson:``, ``Zone 2)``,
  ``Delaftale for indsatsområdet``, ...; :data:`LABELS`);
* a numbered heading in a run-on page or table of contents (``1.5.2. Jobcafé``);
* a list item run onto the one before (``... (56 lejeboliger) - AKB: ...``);
* the end of a contact record in a run-on party list (an e-mail address or a
  phone number followed by the next entry's capitalised name);
* an unfilled signature field (``Bolig Korsør: Dato Navn Slagelse Kommune``);
* the page number a web copy puts in front of (and after) each page's text.

A segment keeps the origin ``(line, page)`` of the line it was cut from and
its character offset in that normalised line, so every fact still cites its
line or page. Lines of a document that already has the template's line breaks
come out unchanged: the cuts only fire inside a line, never at its start.
"""
from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Sequence

from samspil.loaders.dash_labels import dash_label_lines
from samspil.loaders.digits import has_digit, latin1
from samspil.loaders.extract.tables import head_kinds
from samspil.loaders.space_tables import leader_row
from samspil.loaders.labels import _LABEL, _LABEL_AT_START, _LABEL_SPACED, ACTIVITY_NAME, LABELS, STATUS_WORDS, starts_with_label

__all__ = ["segment", "split_line", "starts_with_label", "toc_title", "LABELS", "LONG_LINE", "NUMBERED_ONLY",
           "ACTIVITY_NAME"]

Origin = tuple[int | None, int | None]

# A line this long is a paragraph or a whole page run together: numbered
# headings, record ends and page numbers are only looked for inside such lines.
LONG_LINE = 160

# A label whose entries follow on lines of their own: the entries start a new segment.
_SIGN_HERE = re.compile(r"_{3,}\s*")
_SIGNED_FOR = re.compile(r"\s(?:For|På vegne af)\s+(?=[A-ZÆØÅ0-9])")
_SIGNED_AT = re.compile(r"\s(?=[A-ZÆØÅ][\wæøå]+,\s+den\s+\d)")  # "... Aarhus, den 1. marts 2023"
_LIST_LABEL = re.compile(r"(?=U)\b(?:Underskrifter|UNDERSKRIFT(?:ER)?|Underskrevet af)\s*:?\s+(?=\S)")
# "1.5.2. Jobcafé", "6.2 Indsatsområde 2", "5. Organisering" inside a long line;
# not "1.000 boliger", "kl. 10.30", "pr. 1. januar", "§ 4. Stk".
# (the white space before the number is matched, so the engine skips to white space: the cut is one further)
# (nor the counter of a label: "Projekt 3. X", "Aktivitet 2. X", told after the number is matched, and
# "AKTIVITET 1.1 X", "Projekt 2.3 X": the label's own cut keeps its counter)
# (nor a phone number's last pair before a full stop: "tlf. 76 10 44 21. Boligsocial medarbejder X")
_NUMBERED = re.compile(r"\s(?<!§\s)(?<!(?i:tet|ekt|tag)\s)(?<!\d\d \d\d \d\d\s)(?<!\d{4} \d\d\s)(?:\d{1,2}\.){1,4}\d{0,2}\.?(?<!ekt \d\.)(?<!tet \d\.)(?<!tag \d\.)(?<!ats \d\.)"
                       r"\s(?=[A-ZÆØÅ][\wæøå])")
# A record's counter in brackets run onto the record before: "... Kontakt: se boligsocial leder [1.2] Grønne
# Fællesskaber | Tryghed og trivsel" (two numbers at least: "[1]" is a note's reference)
_BRACKET_NUMBERED = re.compile(r"\[(?<=\s\[)\d{1,2}(?:\.\d{1,2}){1,3}\]\s+(?=[A-ZÆØÅ])")  # (the bracket first: the
# engine skips to each "[")
# An e-mail address or a (Danish) phone number that ends a contact record,
# followed by the next entry's capitalised first word (not a "Tlf."/"Mail" field).
_FIELD_WORD = r"(?!(?:lf|el|elefon|obil|ob|ail|-mail|irekte)\b|:?\s\d)"  # (nor "T 33 44 55 66", "M: 2345 6789")
_EMAIL_END = re.compile(r"(?<=@)[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}[.,;]?\s+(?=[A-ZÆØÅ]" + _FIELD_WORD + ")")
_PHONE_END = re.compile(r"(?=[\d+])(?<![\d-])(?:\+45 ?)?\d{2} ?\d{2} ?\d{2} ?\d{2}(?![\d-])[.,;]?\s+"
                        r"(?=(?:[-–•*#]+\s+)?[A-ZÆØÅ]" + _FIELD_WORD + r"|\d[A-ZÆØÅ])")  # (a bullet or heading mark
# before the next entry: "... 56 20 30 40 - Per Holm", "... 2233 4455 ### Lejerbo")
_PEOPLE_HEAD = re.compile(r"\bNavn\s+(?:[A-ZÆØÅ][\wæøå/-]*\s+){0,3}(?:E-?mail|Mail)\s+(?:Telefon|Tlf\.?|Mobil)\b")
# A table row run onto the previous one: "... 0 1 1 AAB – Sjælør Boulevard 0 4 3 0 1"
_DASH_ROW = re.compile(r"[\d-]\s+(?=[A-ZÆØÅ0-9][\wÆØÅæøå]{0,11}\s+[–-]\s+[A-ZÆØÅ])(?<!\d\d\s\d\d\s)(?<!\d{4}\s)")  # (not a
# phone's last group before the next entry: "tlf. 56 20 30 40 - Per Holm")
# An unfilled signature field: "Bolig Korsør: Dato Navn Slagelse Boligselskab: ..."
_PLACEHOLDERS = re.compile(r"(?=[DNUT])\b(?:Dato|Navn|Underskrift|Titel)(?:\s*:)?(?:\s+(?:Dato|Navn|Underskrift|Titel)"
                           r"(?:\s*:)?)+\s+(?=[A-ZÆØÅ0-9])")
# A list item run onto the previous one: "... (56 lejeboliger) - AKB, København: ..."
_DASH_DWELLINGS = re.compile(r"\s[–-]\s*\d[\d.]*\s*(?:boliger|lejemål|lejligheder)\b(?=\s+I alt\s+\d)")
_BULLET = re.compile(r"(?<=[).:;])\s+[-–•▪]\s+(?!\d[\d.]*\s*(?:boliger|lejemål|lejligheder)\b)(?=[A-ZÆØÅ0-9]|[\"“«»„][A-ZÆØÅ0-9]|(?<=[:;] [-–•▪] )(?![a-zæøå_]+:)[a-zæøå])")  # (a small
# letter after a colon or semicolon: a list of what "vi vil" do, "...: – starte X; – videreføre Y"; not an
# exported record's keys, "kontakter: - navn: X")
# A list item whose name is quoted, run onto the one before without punctuation between them:
# '... i samarbejde med Maribo Skole - "Forældre i Front" – forældrekurser ...' (a hyphen or bullet
# before a quote does not go on a sentence)
_QUOTED_ITEM = re.compile(r"(?<=[\wæøå)])\s+[-•▪]\s+(?=[\"«»“„][A-ZÆØÅ0-9])")
# A definition list's "Label — value" fields run together (loaders/dash_labels.py reads each such line once it
# starts a line): "... Albertslund Ungecenter Periode — 1. januar 2025 — 31. december 2028 Indsatsområde — X
# Aktivitetsnavn — Lektieværkstedet Målgruppe(r) — skolebørn 7-12 år Partnere — ..."; a template's field word,
# up to three small words after it ("Kontaktperson for delaftalen", "Beboere i alt"), then the em dash
_DASH_FIELD = re.compile(r"\s(?=[ABDEFGHIKMOPSTUØ])(?=(?:Aktivitet(?:snavn)?|Målgruppe(?:\(r\)|r)?|(?:Samarbejds)?partnere"
                         r"|Partnere|(?:Delaftalens|Aftalens) parter|Periode|Indsatsområde|Kontaktperson(?:er)?"
                         r"|Afdeling(?:er)?|Formål|Mål|Omfang|Finansiering|Økonomi|Budget|Underskrevet|Bemærkning(?:er)?"
                         r"|Godkendt|Opfølgning|Evaluering|Ansvarlig|Tidsplan|Succeskriterier|Beboere|Helhedsplan(?:ens navn)?|Dokument"
                         r"|Strategisk aftale|Ikke partnere)"
                         r"(?:,?\s+[a-zæøå][\wæøå-]*){0,3}\s+—\s)")
# The focus areas' heading over a counted list, run together: "INDSATSOMRÅDER (pulje 2011-2014) 1 Tryghed og
# trivsel 2 Uddannelse og beskæftigelse 3 Børn, unge og forældre AKTIVITET 1.1 ..." (bare counters: "2. X" is
# cut as a numbered heading); the counters must run 1, 2, 3 ... with a short item between each
_AREA_LIST_HEAD = re.compile(r"[IiFfTt](?:NDSATSOMRÅDER|OKUSOMRÅDER|EMAER|ndsatsområder(?:ne)?|okusområder(?:ne)?|emaer(?:ne)?)"
                             r"\b[^.:!?]{0,40}?:?(?<![Dd]elaftale)(?<!DELAFTALE)(?<!ndsatsområde)\s+(?=1\s+[A-ZÆØÅ])")  # (opens with
# its letters, "Delaftale 1 X" after it is no counted list's first item; a "Helhedsplanens" before
# it is the heading's too: _counted_areas)
_PLAN_BEFORE = re.compile(r"(?:[Hh]elhedsplanens|[Pp]lanens) $")
_AREA_CODED_ITEM = re.compile(r"\s[A-H]\.[1-9]\d?\.?\s+(?=[A-ZÆØÅ\"“»][a-zæøå])")  # "A.2 Ungeværestedet", "C.1 Tryghed"
_COUNTER_ITEM = re.compile(r"[A-ZÆØÅ][^.:;!?\d]{2,70}?\s+(?=(\d{1,2})\s+[A-ZÆØÅ])")
# A list of departments with dotted leaders to their dwellings, run together: "... Afdeling 4, Lendemarkeparken
# ... 196 boliger (opført 1972) Afdeling 7, Klintegården ....... 88 boliger" (two such rows at least)
_LEADER_DEPARTMENT = re.compile(r"\s(?=[Aa])((?:Afdeling|Afd\.|afd\.)\s*(?:nr\.\s*)?\d{1,3}[a-zA-Z]?,?\s+[A-ZÆØÅ][^.:;]{1,40}?"
                                r"\s*(?:\.{3,}|…+)\s*\d[\d.]*\s+(?:boliger|lejemål|lejligheder|bol\.)(?:\s*\([^()]{1,80}\))?)")
# (the row ends at its dwellings and their note: a cut there too)
# a fact box's dotted field inside a line that lost its breaks ("... Hjørring Kommune Indsatsområder ........ 1) A")
# (not a contents line's page, nor a department's dwellings: "Resumé..... 3", "Engen ....... 246 boliger")
_LEADER_KEY = re.compile(r"\s(?=(?:Parter|Indsatsområder?|Indsatsperiode|Aftaleperiode|Periode|Kommune|Boligområde"
                         r"|Indsatsens\s+navn|Boligorganisation(?:er)?|Boliger\s+i\s+alt"
                         r"|(?:Bolig)?[Aa]fdelinger|Målgrupper?|Budget|Bevilling|Sekretariat|Styregruppe)\s*\.{4,}\s+"
                         r"(?!\d[\d.]*\s+(?:boliger|lejemål|lejligheder|bol\.)|\d{1,3}(?:\s|$)))")
# A list counted in Roman numerals run together: "... beskrevet i et projektskema. I. Børn, unge og familier II.
# Beskæftigelse og uddannelse III. Beboerliv og naboskab Delprojekt nr.: I.1" (the counters run I, II, III ...)
_ROMAN_FIRST = re.compile(r"(?<=\s)I[.)]\s+(?=[A-ZÆØÅ])")
_ROMAN_NEXT = re.compile(r"[A-ZÆØÅ][^.:;!?\d]{2,70}?\s+([IVX]{1,4})[.)]\s+(?=[A-ZÆØÅ])")
# A chapter's heading counted in Roman numerals and written in capitals, run in between the text before it and the
# text under it ("... SSP-samarbejdet II. BESKÆFTIGELSE OG UDDANNELSE Projekt 3: Brobyggeren")
_ROMAN_CAPS_HEAD = re.compile(r"(?<=\s)[IVX]{1,4}\.\s+[A-ZÆØÅ]{3,}(?:\s+[A-ZÆØÅ&-]{2,}){1,6}(?=\s+[A-ZÆØÅ][a-zæøå]|\s*$)")
_ROMANS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
# The focus areas' numbered heading run into the sentence below it (see :func:`_split_headings`)
_AREAS_HEAD_RUN = re.compile(r"^((?:\d{1,2}(?:\.\d{1,2})*\.?\s+)(?:Helhedsplanens\s+|Planens\s+|De\s+)?(?:[Ii]ndsatsområder(?:ne)?"
                             r"|INDSATSOMRÅDER(?:NE)?)(?:\s+(?:og|OG)\s+(?:del)?(?:projekter|aktiviteter|PROJEKTER|AKTIVITETER))?)"
                             r"\s+(?=[A-ZÆØÅ][a-zæøå])")
# A rule between a page's parts, run onto the text around it: "... III. Beboerliv og naboskab -------------
# Delprojekt nr.: I.1" (a line of its own, as it was)
_RULE = re.compile(r"(?<!\S)(?<![-─━]\s)(?:-{8,}|─{8,}|━{8,})(?!\S)(?!\s+[-─━]{3})")  # (not a letterhead's "=====" frame:
# the frame's text is a running head, read where it stands; nor a table's column rules, "------ ------")
# A counted heading alone run onto the end of the text before its bullets: "... Årets aktiviteter Spor 1" over
# "• Fælleskøkkenet – ..." (:func:`_split_area_tails`)
_BARE_COUNTED_TAIL = re.compile(r"(?<=\S)\s+((?:Spor|Indsatsområde|Tema)\s+\d{1,2})$")
# A focus area's counted heading without its colon run into the text before it: "... 28. februar 2021.
# INDSATSOMRÅDE 1 Uddannelse og beskæftigelse Målgruppe: ..."
_FOLD_MARK = re.compile(r"\s\[[+-]\]\s")  # a folded section's head on a web page: "[+] Hvor foregår indsatsen?"
_FOLD_HEAD = re.compile(r"\[[+-]\]\s+[A-ZÆØÅ][^?!.:]{2,60}[?!:](?=\s)|\[[+-]\]\s+(?:Aktiviteter|Projekter|Indsatser)\s+"
                        r"(?:i|under|for)\s+(?:[Ss]por|[Ii]ndsatsområde|[Tt]ema)\s+\d{1,2}(?=\s)")
_TRACK_ITEM = re.compile(r"\s(?=Spor\s+\d{1,2}\s+[–—-]\s+[A-ZÆØÅ])")  # a list of tracks run together
_COUNTED_AREA_HEAD = re.compile(r"\s(?=(?:INDSATSOMRÅDE|Indsatsområde|FOKUSOMRÅDE|Fokusområde)\s+\d{1,2}(?:\s+[·|])?\s+[A-ZÆØÅ][a-zæøå])")
# a counted activity's heading run on: "... Dansk Røde Kors Lemvig Aktivitet 1.2 – Fritidsjob på Havnen"
_COUNTED_ACTIVITY = re.compile(r"\s(?=(?:Aktivitet|AKTIVITET|Delaktivitet|Delprojekt|Projekt)\s+\d{1,2}\.\d{1,2}\s+[–—-]\s+[A-ZÆØÅ\"«“])")
# A feed's posts run together: "... 👍 34 · 5 kommentarer 3. oktober 2025 · HAVNESUPPEN er tilbage! ..." (a post's
# date and the middle dot after it: the date a line of its own, as it was)
_PROJECT_ID = re.compile(r"\s(?=(?:Projekt|Delprojekt|Aktivitet)\s+\d{1,2}(?:\.\d{1,2}){0,2}(?:\.?[a-h])?\.?\s+[A-ZÆØÅ\"“«])")
_RECORD_FIELD = re.compile(r"\s(?=(?:Hvem|Hvad|Hvor|Hvornår|Sammen med|Målgruppe(?:r|\(r\))?|Partnere|Samarbejdspartnere"
                           r"|Formål|Ansvarlig|Indhold)\s*:\s)")
NUMBERED_CAPS_HEAD = r"\d{1,2}\.?\s+[A-ZÆØÅ]{4,}(?:\s+[A-ZÆØÅ]{2,})*(?:\s|$)"  # a chapter's heading in capitals: "5 ØKONOMI"
_NUMBERED_CAPS = re.compile(rf"\s(?={NUMBERED_CAPS_HEAD})")
_ABBR_ACTIVITY = re.compile(r"\s(?=Akt\.\s*\d{1,2}\s+[A-ZÆØÅ\"«“])")  # "Akt. 1 Vængernes Nabohjælp"
_ABBR_FIELD = re.compile(r"\s(?=(?:Målgr|Partn|Samarb|Ansv)\.\s*:)")  # "Målgr.: ...", "Partn.: ..."
_CAPS_HEAD_WORD = re.compile(r"\s(?=[A-ZÆØÅ]{6,}\s+[A-ZÆØÅ])")  # "AKTIVITETER Akt. 1", "ORGANISERING Styregruppe"
_PAREN_COUNTER = re.compile(r"(?<![,;])\s\(([a-h])\)\s+(?=[A-ZÆØÅ])")  # (not a list in a sentence: "..., (b) X")


def _paren_counted(line: str) -> list[int]:
    """Where the items of a list counted "(a)", "(b)" ... run onto one line start, when they count from (a)."""
    starts, want = [], "a"
    for m in _PAREN_COUNTER.finditer(line):
        if m.group(1) == want:
            starts.append(m.start() + 1)
            want = chr(ord(want) + 1)
        elif starts:
            break
    return starts


_REACTIONS = re.compile(r"\s(\d[\d,.]*K?\s+·\s+\d+\s+kommentar(?:er)?(?:\s+·\s+\d+\s+delinger)?)(?=\s|$)")
_POST_DATE = re.compile(r"\s(\d{1,2}\.\s+(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november"
                        r"|december)\s+\d{4}\s+·)\s")
# A numbered chapter's heading in capitals run into its text: "2. BAGGRUND Dragstrup-kvarteret består af ...",
# "1. PARTER Midt- og Vestjyllands Politi, ..." (the heading a line of its own, as it was)
_CAPS_CHAPTER = re.compile(r"\.(?<=[0-9]\.)\s+((?:[A-ZÆØÅ]{2,}[-/]?\s+){0,3}[A-ZÆØÅ]{3,})\s+(?=[A-ZÆØÅ][a-zæøå]|[0-9])")  # (opens
# with its stop: the engine skips to each "."; the counter before it told in _caps_chapters)
# The annexes' list after a paragraph: "... puljen til boligsociale indsatser. Bilag 1. Aftalen 2. Kort" (its
# heading starts a line: a list above it ends there)
_ANNEX_HEAD = re.compile(r"(?<=[\wæøå)][.!?])\s+(?=Bilag(?:soversigt|sliste)?:?\s+(?:\d{1,2}[.)]|[-•])\s)")
# A project form's number field and its title field run together: "Delprojekt nr.: I.1 Titel: Familiehuset ..."
_FORM_NUMBER = re.compile(r"(?<!\S)(?:Del)?[Pp]rojekt\s*(?:nr\.?|nummer)\s*:\s*[A-ZÆØÅ0-9][A-ZÆØÅ0-9.]{0,7}\s+"
                          r"(?=(?:Titel|Navn|Projektnavn)\s*:)")
# Contents entries: "Lektiecafé 17", "Vision..... 11", "Foreningsguider\t19".
_TOC_TAIL = re.compile(r"(?:\s*\.{2,}\s*|\s*…+\s*|\t+\s*|\s+)(\d{1,3})\s*$")
_LEADERS = re.compile(r"\.{3,}|…|\t")
NUMBERED_ONLY = re.compile(r"^(?:aktivitet|projekt|indsats|delaftale)\s*(?:nr\.?\s*)?\d{1,2}\s*:?$", re.I)
_NUM_HEAD = re.compile(r"^((?:\d{1,2}\.){1,5}\d{0,2})\s+(?=[A-ZÆØÅ])")
# Entries of a run-on party list: after "(efterfølgende omtalt som AKB)" and before
# a forvaltning's label "SOF:", a new entry starts.
_AFTER_PAREN = re.compile(r"\)(?<![\d\s]\))(?<!\([a-zæøå]\))(?<!\([a-zæøå]{2}\))(?<!\s[a-h]\))\s+(?=(?:[a-h]\)\s+)?[A-ZÆØÅ][\wæøå])")
# (the next entry's letter goes with it: "(i det følgende BSF) | b) Boligforeningen ..."; not "Zone 1)
# X": a numbered item; not a plural's ending, "Målgruppe(r) Partnere": a table's head row)
_FLAT_TABLE_HEAD = re.compile(r"\b(?:Aktivitet(?:snavn|er)?|Navn på aktivitet(?:en)?|Projekt(?:navn)?)\s+Målgruppe")
_ABBR_LABEL = re.compile(r"\s(?<!område\s)(?<!OMRÅDE\s)(?<!Tema\s)(?<!TEMA\s)(?=[A-ZÆØÅ]{2,6}:\s+[A-ZÆØÅ])")  # the cut is
# after the space (not in "Indsatsområde II: X", its number in Roman numerals)
# _NUMBERED and _ABBR_LABEL in a printable line, whose only white space is the space: the engine skips
# to each space, where it tried the white-space class at every character (labels.py's _LABEL_SPACED)
_NUMBERED_SPACED = re.compile(" " + _NUMBERED.pattern[len(r"\s"):])
_ABBR_LABEL_SPACED = re.compile(" " + _ABBR_LABEL.pattern[len(r"\s"):])
# A status report's activities run together: "... deltagere. Jobklubben ........ GRØN Ledige mødes ...":
# cut before the name (after the sentence before it) and after the status word
_STATUS_NAME = re.compile(r"(?<=[\wæøå)]{2}[.!?])\s+(?=[A-ZÆØÅ\"«“][^.:!?\t]{1,60}?\s*\.{4,}\s*" + STATUS_WORDS + r"\b)")
_STATUS_END = re.compile(r"\.{4,}\s*" + STATUS_WORDS + r"\s+(?=[A-ZÆØÅ0-9])")
# A lead-in over a focus area's activities and its "Name – for ..." items run together ("...
# Aktiviteter under Uddannelse: Klar til Skole – for børn 3-6 år, ... Unge på Vej – for unge ...")
_LEAD_IN = re.compile(r"\s(?=[AP])(?:Aktiviteter|Projekter)(?:ne)?\s+(?:under|inden for)\s+(?:indsatsområdet\s+)?"
                      r"[A-ZÆØÅ][^:.]{2,60}?:\s+")
# A lead-in naming a focus area over a list of what will be done, after the sentence before it:
# "... i beboerhuset. Under uddannelse og livschancer vil vi især: – starte ..." (the list's items cut at
# their dashes: _BULLET)
_UNDER_LEAD = re.compile(r"[.;!?](?<=[\wæøå)][.;!?])\s+(?=Under\s+[\wæøå ,&-]{4,60}?\s+(?:vil\s+vi|vil\s+parterne|skal\s+vi"
                         r"|arbejder\s+vi|sætter\s+vi)\b[^:.]{0,60}:\s)")
# Items "– Name: for ..., sammen med ..." run together (a web page's list under an area): cut before each
# dash whose name (capitalised, a few words) ends at a colon that a small letter follows; two or more in a line
_DASH_COLON_ITEM = re.compile(r"[–•](?<=\s[–•])(?<![\d)]\s[–•])(?=\s+[A-ZÆØÅ][a-zæøå][^–•:.!?]{0,50}:\s+[a-zæøå])")  # (not a
# numbered heading's dash: "Indsatsområde 1 – Børn, unge og forældre Mål: færre ..."; nor a heading in capitals
# before a label: "DELAFTALE A – TRYGHED OG TRIVSEL Formål: at ...")
_DASH_ITEM = re.compile(r"[A-ZÆØÅ\"«“][^.:!?–—]{1,50}?\s[–—-]\s(?=[a-zæøå])")
_ITEM_END = re.compile(r"(?<=[\wæøå)]{2}[.!?])\s+(?=[A-ZÆØÅ])")
# A slide deck's text run together: "... Dias 5 Uddannelse og livschancer – Læsevenner: ... – Brobyggerne:
# ... Noter: ...": cut before and after each slide's marker, before its speaker notes, and before each
# "– Name: ..." bullet of a slide
_SLIDE = re.compile(r"(?:^|\s)(?=[DS])(?:Dias|Slide)\s+\d{1,3}\s+(?=[A-ZÆØÅ0-9])")
_SLIDE_MARK = re.compile(r"(?:Dias|Slide)\s+\d{1,3}")
_SLIDE_NOTES = re.compile(r"\s(?=(?:Noter|Talenoter|Speaker notes)\s*:)")
_SLIDE_BULLET = re.compile(r"\s(?=[–•-]\s+[A-ZÆØÅ][^–•:.]{1,40}:\s)")
# A web copy's page frame: "3 <page text> 3" or "3 <page text>".
_PAGE_FRAME = re.compile(r"^(\d{1,3})\s+(?=[A-ZÆØÅ\d])(.*?)(?:(?<!Spor)(?<!Tema)(?<!Zone)(?<!afd\.)(?<!nr\.)(?<!Aktivitet)"
                         r"(?<!Indsatsområde)\s+\1)?$", re.S)  # (not a counter's number: "... Spor 1")


def _strip_page_number(line: str, page_start: bool = False) -> tuple[str, int]:
    """A long line's leading page number (and the same number at its end) removed;
    ``page_start``: the line opens a long source line that normalising cut (at HTML
    markup), so it is a page's start however short it is now.

    >>> _strip_page_number("3 KONFLIKTHÅNDTERING " + "x " * 100 + "3")[0][:20]
    'KONFLIKTHÅNDTERING x'
    >>> _strip_page_number("9 Involvering i naboklagesager.", page_start=True)
    ('Involvering i naboklagesager.', 2)
    """
    if len(line) < LONG_LINE and not page_start or not line[:1].isdigit():
        return line, 0
    m = _PAGE_FRAME.match(line)
    if not m or re.match(r"\d{1,3}\s+(?:\d|[A-ZÆØÅ][a-zæøå]*\s*:)", line) and not m.group(2):
        return line, 0
    return m.group(2), m.start(2)


# (Several patterns open with a look-ahead at their first character: the regular
# expression engine then skips to those characters instead of trying every position.)
# Words every label, placeholder and list label contains: a line with none of them
# (most lines) is not searched with the label patterns at all.
_LABEL_WORDS = ("navn", "parter", "beskrivelse", "gælder", "projekt", "kommune:", "boligorganisation", "tiltag", "underskrift", "underskrev", "problemkompleks", "delaftale",
                "aktivi", "målgruppe", "kontakt", "tovholder", "ansvarlig", "formål", "indhold og praksis",
                "ansvars-", "succeskriterier", "målinger", "sammenhæng med", "medarbejderressourcer", "data der",
                "aftaledokumenter", "bestyrelsen for", "zone", "område", "delmål", "udarbejdet", "dato", "titel",
                "samarbejds", "forankring", "evaluering", "tidsplan", "økonomi", "fokusområde",
                "tema", "hvem", "hvad", "hvordan", "hvorfor", "boligsocial", "indsats")



def _trie(words: Sequence[str]) -> str:
    """A pattern that finds any of ``words``, as a tree of their shared beginnings
    (the engine then tries a few branches per position, not one per word)."""
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        if "" in node:
            return ""  # a word ends here: a longer one holds it
        alts = [re.escape(ch) + emit(node[ch]) for ch in sorted(node)]
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return emit(tree)


_LABEL_WORD = re.compile(_trie(_LABEL_WORDS))
# "3.1 " / "3. " before a label (a heading's number; not a contents line's page number "..... 3 ")
_SECTION_NUMBER = re.compile(r"(?:^|(?<!…)(?<![.…][.…])\s)(?:\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}\.)\s+$")
_DIGIT_DOT = re.compile(r"\.(?<=\d\.)")  # (opens with the literal: the engine skips to each ".")
_EIGHT_DIGITS = re.compile(r"\d\d ?\d\d ?\d\d ?\d\d")
_ASCII_EIGHT_DIGITS = re.compile("[0-9][0-9] ?[0-9][0-9] ?[0-9][0-9] ?[0-9][0-9]")
_BULLET_MARK = re.compile(r"[).:;] [-–•▪] ")  # (its mark and space looked for as strings first)


def _cuts(line: str) -> list[int]:
    """Offsets at which ``line`` is cut into segments (sorted, none at 0)."""
    cuts: set[int] = set()
    # a label counts only in a line holding a label word; the words are looked for only
    # where a label was found (the label pattern skips to white space; the word list
    # tries every position). A placeholder or list label is itself a label word.
    printable = line.isprintable()  # (then its only white space is the space: the patterns opening with it)
    label = _LABEL_SPACED if printable else _LABEL
    if label.search(line) is not None and _LABEL_WORD.search(line.lower()) and not _table_head(line):
        # (searched once first: most lines hold no label, and finding none costs less that way)
        cuts.update(k for m in label.finditer(line) if not _head_cell_at(line, k := _heading_start(line, m.start() + 1)))
        # ("3.1 Indsatsområde 1 – X" keeps its number; not a head row's cell: "Aktivitetsnavn Målgruppe(r) Delaftalens
        # parter ...", a table's breaks lost)
    # (a string several tests look for, or one that others hold, is looked for once: a long line was searched
    # ~45 times, most of the time spent in _cuts; "Underskr" is in "Underskrift", "Underskrifter", "Underskrevet")
    signed = "Underskr" in line
    if ("Dato" in line or "Navn" in line or signed and "Underskrift" in line or "Titel" in line) \
            and not ("\t" in line and _table_head(line)):  # (the placeholders' words)
        cuts |= {m.end() for m in _PLACEHOLDERS.finditer(line)}  # (not a head row's "Navn<TAB>Titel")
    if signed and ("Underskrifter" in line or "Underskrevet" in line) or "UNDERSKRIFT" in line:
        cuts |= {m.end() for m in _LIST_LABEL.finditer(line)}
        if "___" in line:  # "For X ____ Titel Navn For Y ____ ...": a column of signatures run on
            cuts |= {k for m in _SIGN_HERE.finditer(line) for k in (m.start(), m.end())}
            cuts |= {m.start() + 1 for m in (*_SIGNED_FOR.finditer(line), *_SIGNED_AT.finditer(line))}
    if ("Dias " in line or "Slide " in line) and (slides := list(_SLIDE.finditer(line))):  # (any length)
        cuts |= {k for m in slides for k in (m.start() + (m.group(0)[:1].isspace()), m.end())}
        cuts |= {m.end() for m in _SLIDE_NOTES.finditer(line)}
        cuts |= {m.end() for m in _SLIDE_BULLET.finditer(line)}
    if "KAPITEL " in line:  # "... Vojens Fritidsklub KAPITEL 5 GODKENDELSE ...": a chapter's heading in capitals
        cuts |= {m.start() + 1 for m in _CAPS_KAPITEL.finditer(line)}
    if line[:1] == "•" and line[-1:].isalpha() and (area := _area_at_end().search(line)):  # "• Ung-til-Ung mentor –
        cuts.add(area.start(1))  # ... på Græsted Skole Sundhed og trivsel": the next area's heading run onto the last
        # item of the area before (a list whose breaks were lost)
    if len(line) >= LONG_LINE:  # each pattern only where its cheap precondition holds
        if _DIGIT_DOT.search(line):
            cuts |= {m.start() + 1 for m in (_NUMBERED_SPACED if printable else _NUMBERED).finditer(line)}
            cuts |= _caps_chapters(line)
            if " [" in line:
                cuts |= {m.start() for m in _BRACKET_NUMBERED.finditer(line)}
        people_table = "Navn " in line and _PEOPLE_HEAD.search(line) is not None  # (a table of people whose line breaks
        # were lost, its head row first: its rows are read together, flat_tables.py, not cut after each row's details)
        if "@" in line and not people_table:
            cuts |= {m.end() for m in _EMAIL_END.finditer(line)}
        if has_digit(line) and not people_table and (_ASCII_EIGHT_DIGITS if latin1(line) else _EIGHT_DIGITS).search(line):
            # (loaders/digits.py; a line without a digit not searched: the class is tested at every character)
            cuts |= {m.end() for m in _PHONE_END.finditer(line)}
        en_dash, em_dash, bullet = " – " in line, " — " in line, "• " in line  # (each tested below more than once)
        if en_dash or " - " in line:
            cuts |= {m.end() for m in _DASH_ROW.finditer(line)}
            if "I alt " in line:
                cuts |= {m.end() for m in _DASH_DWELLINGS.finditer(line)}  # "X (Fjordbo afd. 12) – 98 boliger Y (...)
                # – 64 boliger I alt 162 boliger i Snedsted Midt": a list's total row run on after its last department
        if ":" in line:
            cuts |= {m.end() for m in (_ABBR_LABEL_SPACED if printable else _ABBR_LABEL).finditer(line)}
        if ("arter" in line or "ARTER" in line) and "parter" in line.lower():  # (lowered only where it may hold)
            table = _FLAT_TABLE_HEAD.search(line) if "ålgruppe" in line else None  # (a table's rows run on after
            stop = table.start() if table else len(line)  # the parties: its cells' brackets end no entry)
            cuts |= {m.end() for m in _AFTER_PAREN.finditer(line, 0, stop)}
        project = "rojekt" in line  # (in "rojekt nr", "rojektnr", "rojekt nummer", "rojekt ")
        if project and ("rojekt nr" in line or "rojektnr" in line or "rojekt nummer" in line):
            cuts |= {k for m in _FORM_NUMBER.finditer(line) for k in (m.start(), m.end())}
        if "Bilag" in line:
            cuts |= {m.end() for m in _ANNEX_HEAD.finditer(line)}
        areas = "mråde" in line or "MRÅDE" in line  # (the area words' common part, looked for once)
        if areas and ("NDSATSOMRÅDER" in line or "ndsatsområder" in line or "OKUSOMRÅDER" in line or "okusområder" in line) \
                or "EMAER" in line or "emaer" in line:
            cuts |= _counted_areas(line)
        dots = "..." in line  # (in ".....")
        if (dots or "…" in line) and len(rows := list(_LEADER_DEPARTMENT.finditer(line))) >= 2:
            cuts.update(k for m in rows for k in (m.start() + 1, m.end()))
        if dots and len(keys := [m.start() + 1 for m in _LEADER_KEY.finditer(line)]) >= 2:
            cuts.update(keys)  # a fact box's dotted fields run together: "Parter ........ A, B Indsatsområder ...... 1) X"
        if " I. " in line or " I) " in line:
            cuts |= _roman_items(line)
        if "I. " in line or "V. " in line or "X. " in line:  # "... SSP-samarbejdet II. BESKÆFTIGELSE OG UDDANNELSE
            cuts |= {k for m in _ROMAN_CAPS_HEAD.finditer(line) for k in m.span()}  # Projekt 3: ...": a chapter's heading
        if "1. " in line or "1) " in line:
            cuts |= _lettered_items(line)
        if dots and ".1 " in line and len(codes := [m.start() + 1 for m in _AREA_CODED_ITEM.finditer(line)]) >= 2:
            cuts.update(codes)  # "... Samarbejde .... Sundhedsplejen A.2 Ungeværestedet ... B.1 Jobvejen": activities
            # coded by their area's letter, run on after their dotted fields
        if "--------" in line or "────────" in line or "━━━━━━━━" in line:
            cuts |= {k for m in _RULE.finditer(line) for k in (m.start(), m.end())}
        if areas and ("NDSATSOMRÅDE " in line or "ndsatsområde " in line or "OKUSOMRÅDE " in line or "okusområde " in line):
            cuts |= {m.start() + 1 for m in _COUNTED_AREA_HEAD.finditer(line)}
        if en_dash and " - " in line and len(marks := [m.start() + 1 for m in _HYPHEN_ITEM.finditer(line)]) >= 2:
            cuts.update(marks)  # "... - Lektiebussen – lektiehjælp ... - Sprogleg – leg og sprog ...": a list
            # marked by hyphens, each item "Name – what", its breaks lost
        if (en_dash or em_dash) and (heads := [m for m in _area_over_items().finditer(line)]):
            cuts.update(m.start(1) for m in heads if not _label_before(line, m.start(1)))
            # "... vi med Uddannelse og livschancer Lektier & Leg – lektiehjælp ...": a known area's heading over its
            # "Name – what" items, the breaks lost, a line with them (after a label, "Spor 1: X", the label's line)
        if (en_dash or em_dash) and ("ktivitet " in line or "KTIVITET " in line or project and "rojekt " in line):
            cuts |= {m.start() + 1 for m in _COUNTED_ACTIVITY.finditer(line)}
        if ("rojekt " in line or "ktivitet " in line) and len(records := [m.start() + 1 for m in _PROJECT_ID.finditer(line)]) >= 2 \
                and len(fields := [m.start() + 1 for m in _RECORD_FIELD.finditer(line)]) >= len(records):
            cuts.update(records + fields)  # "Projekt 4.1.a Lektieklub X Hvem: ... Sammen med: ... Projekt 4.1.b ...":
            cuts |= {m.start() + 1 for m in _NUMBERED_CAPS.finditer(line, records[0])}  # counted project records and
            # their fields, their breaks lost, and the chapter in capitals after them ("5 ØKONOMI")
        if "Akt." in line and len(records := [m.start() + 1 for m in _ABBR_ACTIVITY.finditer(line)]) >= 2:
            cuts.update(records)  # "... Akt. 1 X [område a] Målgr.: ... Partn.: ... Akt. 2 Y ...": abbreviated records,
            cuts |= {m.start() + 1 for m in _ABBR_FIELD.finditer(line)}  # their breaks lost: each record and field
            cuts |= {m.start() + 1 for m in _CAPS_HEAD_WORD.finditer(line)}  # (and the headings in capitals around them)
        if " (b) " in line and len(counted := _paren_counted(line)) >= 2:
            cuts.update(counted)  # "INDSATSOMRÅDER (a) Tryghed og trivsel (b) Børn, unge og forældre ...": a list
        bracket = " [" in line  # (in " [+] " and " [-] ")
        folded = bracket and " [+] " in line
        if folded or bracket and " [-] " in line:  # a web page's folded sections run together: each head a line
            cuts |= {m.start() + 1 for m in _FOLD_MARK.finditer(line)}
            cuts |= {m.end() for m in _FOLD_HEAD.finditer(line)}  # ("[+] Hvad arbejder vi med? Indsatsen har ...")
        if folded and len(items := [m.end() for m in _ITEM_END.finditer(line) if _DASH_ITEM.match(line, m.end())]) >= 2:
            cuts.update(items)  # a folded section's activities run together: "Name – text. More text. Name2 – text."
        if "Spor " in line and len(tracks := [m.start() + 1 for m in _TRACK_ITEM.finditer(line)]) >= 2:
            cuts.update(tracks)  # "... indsatsområder: Spor 1 – Kriminalitetsforebyggelse Spor 2 – Sammenhængskraft ..."
        if " · " in line and (dates := list(_POST_DATE.finditer(line))):
            cuts |= {k for m in dates for k in (m.start(1), m.end(1))}
            cuts |= {k for m in _REACTIONS.finditer(line) for k in (m.start(1), m.end(1))}  # (where a post ends)
        if "under " in line or "inden for " in line:
            cuts |= _lead_in_items(line)
        if dots and "....." in line:
            cuts |= {m.end() for m in (*_STATUS_NAME.finditer(line), *_STATUS_END.finditer(line))}
        if "Under " in line:
            cuts |= {m.end() for m in _UNDER_LEAD.finditer(line)}
        if " + " in line:
            cuts |= _folded_area_heads(line)
        if em_dash and (fields := [m.start() + 1 for m in _DASH_FIELD.finditer(line)]) \
                and len(fields) + (_DASH_FIELD.match(" " + line[:80]) is not None) >= 3:
            cuts.update(fields)  # (three or more, the line's first too: the fields of a definition list)
        if ("DELAFTALE" in line or "Delaftale" in line) and (area := _delaftale_area().search(line)):
            cuts.add(area.end(1))  # "DELAFTALE 3 AF 3 Sammenhængskraft og medborgerskab | til den strategiske ..."
        if (en_dash or em_dash) and len(heads := [m.start() for m in _area_dashes().finditer(line)]) >= 2:
            cuts.update(heads)  # (two or more: a list; one area's name before a dash may be a sentence's)
        if (en_dash or bullet and " • " in line) and len(items := [m.start() for m in _DASH_COLON_ITEM.finditer(line)]) >= 2:
            cuts.update(items)  # (the line searched once: the items' places are the cuts)
        if ("- " in line or en_dash or "– " in line or bullet or "▪ " in line) and _BULLET_MARK.search(line):
            cuts |= {m.start() + len(m.group(0)) - len(m.group(0).lstrip()) for m in _BULLET.finditer(line)}
        if (bullet or " - " in line and (' - "' in line or " - »" in line or " - “" in line)) \
                and (items := _QUOTED_ITEM.findall(line)) \
                and len(items) >= 2:
            for m in _QUOTED_ITEM.finditer(line):
                cuts.add(m.start() + len(m.group(0)) - len(m.group(0).lstrip()))
                if (head := _focus_heading_before(line, m.start())) is not None:
                    cuts.add(head)  # "... Maribo Skole Uddannelse og livschancer - "Læseløft" ...": the heading
    if not cuts:
        return []
    cuts.discard(0)
    cuts.discard(len(line))
    return sorted(cuts)


def _folded_area_heads(line: str) -> set[int]:
    """Cuts around each head of a web page's folded section that names a known focus area, run
    together with the text around it ("... Skanderborg + Sammenhængskraft og medborgerskab Vi vil
    ..."): before the name (its "+" left to the text before) and after it."""
    from samspil.loaders.extract.flat_activity_tables import _focus_at

    cuts = set()
    for m in _FOLDED_HEAD.finditer(line):
        words = line[m.end():m.end() + 80].split()
        if n := _focus_at(words, 0, ()):
            cuts |= {m.end(), m.end() + len(" ".join(words[:n]))}  # (the "+" left behind)
    return cuts


@lru_cache(maxsize=1)
def _area_dashes() -> re.Pattern[str]:
    """A known focus area's name before a dash, run on with the text around it ("Helhedsplanen arbejder med: Uddannelse og livschancer – fx ... Beskæftigelse –
    "Job-Café Vest" ..."): where each area's part of a list starts (made once from the vocabulary)."""
    from samspil.loaders.extract.flat_activity_tables import _known_focus

    names = [" ".join(words) for words in _known_focus()]  # (the longest first)
    return re.compile(r"(?<=\s)(?:" + "|".join(map(re.escape, names)) + r")(?=\s+[–—]\s)")  # (an en dash: a
    # hyphen after an area's name is the next item's bullet in a list of areas, "- A - B - C")


@lru_cache(maxsize=1)
def _delaftale_area() -> re.Pattern[str]:
    """A delaftale's counted heading with a known focus area's name after it, run on with the text
    after it ("DELAFTALE 3 AF 3 Sammenhængskraft og medborgerskab til den strategiske ..."): the
    heading ends after the area's name (group 1)."""
    from samspil.loaders.extract.flat_activity_tables import _known_focus

    names = [" ".join(words) for words in _known_focus()]
    return re.compile(r"(?:DELAFTALE|Delaftale)\s+(?:(?:nr|NR)\.\s*)?\d{1,2}(?:\s+(?:AF|af)\s+\d{1,2})?\s*[:.–-]?\s+"
                      r"((?i:" + "|".join(map(re.escape, names)) + r"))(?=\s+\S)")


_FOLDED_HEAD = re.compile(r"\+(?<=\s\+)\s+(?=[A-ZÆØÅ])")


def _focus_heading_before(line: str, end: int) -> int | None:
    """Where a focus area's heading starts that ends at ``end`` (before a list's first item):
    a name the focus areas' vocabulary knows, and at most three more words ("Kriminalitets-
    forebyggelse og tryghed")."""
    from samspil.loaders.extract.flat_activity_tables import _known_focus

    words = line[max(0, end - 120):end].split()
    for n in range(1, min(len(words), 8) + 1):
        tail = tuple(words[-n:])
        if any(tail[:len(f)] == f and n - len(f) <= 3 for f in _known_focus()):
            start = end - len(" ".join(tail))
            mark = _HEADING_MARK.search(line, max(0, start - 4), start)  # ("a) Uddannelse ...": with its letter)
            return mark.start() if mark else start
    return None


_HEADING_MARK = re.compile(r"(?<=\s)(?:[a-hA-H]|\d{1,2})[).]\s+$")


def _lead_in_items(line: str) -> set[int]:
    """Cuts before each "Aktiviteter under X:" lead-in in ``line``, before each of the
    "Name – for ..." items that follow it, one item per sentence, and after the last."""
    cuts: set[int] = set()
    for m in _LEAD_IN.finditer(line):
        cuts.add(m.start() + 1)
        k = m.end()
        while _DASH_ITEM.match(line, k):
            cuts.add(k)
            if (end := _ITEM_END.search(line, k)) is None:
                break
            k = end.end()
            cuts.add(k)
    return cuts


def _counted_areas(line: str) -> set[int]:
    """Cuts before each item of a counted list under the focus areas' heading (:data:`_AREA_LIST_HEAD`):
    two items at least, their counters running 1, 2, 3 ..."""
    cuts: set[int] = set()
    for m in _AREA_LIST_HEAD.finditer(line):
        if m.start() and line[m.start() - 1].isalnum():
            continue  # (inside a word)
        head = m.start() - (len(b.group(0)) if (b := _PLAN_BEFORE.search(line, max(0, m.start() - 16), m.start())) else 0)
        found, k, n = [head, m.end()], m.end() + 1, 1
        while (item := _COUNTER_ITEM.match(line, k + 1)) is not None and int(item.group(1)) == n + 1:
            n += 1
            found.append(item.end(1) - len(item.group(1)))
            k = item.end(1)
        if n >= 2:
            cuts.update(found)
    return cuts


def _caps_chapters(line: str) -> set[int]:
    """Cuts after each numbered chapter's heading in capitals run into its text (:data:`_CAPS_CHAPTER`): "2.
    BAGGRUND Kvarteret ..." (the counter of one or two digits at a line's or word's start)."""
    cuts: set[int] = set()
    for m in _CAPS_CHAPTER.finditer(line):
        k = m.start() - 1  # (the counter's last digit)
        first = k - 1 if k >= 1 and line[k - 1].isdigit() else k
        if first == 0 or line[first - 1].isspace():
            cuts.add(m.end(1))
    return cuts


# an item coded by its area's letter and its number ("A1. Jobværkstedet – ...", "B2) Forældreskolen"), and the
# area's own head ("A. Beskæftigelse og uddannelse") before its first item
_LETTERED_ITEM = re.compile(r"(?<=\s)([A-H])([1-9]\d?)[.)]?\s+(?=[A-ZÆØÅ\"«“])")
_LETTERED_AREA = re.compile(r"(?<=\s)([A-H])[.)]\s+(?=[A-ZÆØÅ][a-zæøå])")


def _lettered_items(line: str) -> set[int]:
    """Cuts before each item of a list coded by area letter and number, run onto one line: "A.
    Beskæftigelse A1. Jobværkstedet – ... A2. Ung til Uddannelse – ... B. Børn og unge B1. ...": three
    items at least, in order (A1, A2, B1, ...: the number one at each new letter), and before
    each letter's area head where one comes between its first item and the item before."""
    series: list[re.Match[str]] = []
    for m in _LETTERED_ITEM.finditer(line):
        letter, number = m.group(1), int(m.group(2))
        if series and (letter, number) in ((series[-1].group(1), int(series[-1].group(2)) + 1),
                                           (chr(ord(series[-1].group(1)) + 1), 1)):
            series.append(m)
        elif number == 1 and len(series) < 3:
            series = [m]
    if len(series) < 3:
        return set()
    cuts = {m.start() for m in series}
    before = 0
    for m in series:
        if m.group(2) == "1":
            heads = [h for h in _LETTERED_AREA.finditer(line, before, m.start()) if h.group(1) == m.group(1)]
            cuts.update(h.start() for h in heads[-1:])
            if heads and (label := _LIST_LABEL_AFTER.search(line, heads[-1].end(), m.start())):
                cuts.add(label.start())  # "A) Uddannelse og livschancer Aktiviteter: A1. ...": the list's label
        before = m.end()
    return cuts


_LIST_LABEL_AFTER = re.compile(r"(?<=\s)(?:Aktiviteter|Projekter|Indsatser|Tiltag)\s*:\s*$")


_CAPS_KAPITEL = re.compile(r"\sKAPITEL\s+\d{1,2}\.?\s+(?=[A-ZÆØÅ]{3,})")


@lru_cache(maxsize=1)
def _known_area_names() -> list[str]:
    """The vocabulary's focus areas (the regulativ's and older plans'), longest first."""
    from samspil.loaders.vocab import load_vocab

    vocab = load_vocab("focus_areas")
    return sorted({str(n) for key in ("regulativ_2019_2026", "older") for n in vocab.get(key, [])}, key=len, reverse=True)


@lru_cache(maxsize=1)
def _area_at_end() -> re.Pattern[str]:
    """A known focus area's name (the vocabulary's) ending a line, after a word that is no preposition."""
    names = _known_area_names()
    return re.compile("".join(rf"(?<! {w} )" for w in "og i af for om under med til på fra ved".split())
                      + r"(?<=[A-Za-zæøåÆØÅ.)] )((?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?(?:"
                      + "|".join(re.escape(n) for n in names) + r"))$")  # (its section's number with it: "3.2 X")


def _label_before(line: str, at: int) -> bool:
    """Does a label end just before ``at`` ("Spor 1: ", "Delaftale B – "), its value what follows?"""
    before = line[:at].rstrip()
    if _SECTION_MARK.search(before):
        return True  # the heading's own letter or number: "A. Uddannelse og livschancer", "2.2 Sundhed"
    if before[-1:] not in ":–—-":
        return False
    last = before[:-1].split()[-1:] or [""]  # the label's last word: a capital or a counter ("Indsatsområde:", "Spor 1:",
    return last[0][:1].isupper() or last[0][:1].isdigit()  # "Delaftale B –"), not a sentence's ("... to indsatsområder:")


_SECTION_MARK = re.compile(r"(?:^|\s)(?:[A-H][.)]|[IVX]{1,4}\.|\d{1,2}(?:\.\d{1,2})*[.)]?)$")
_HYPHEN_ITEM = re.compile(r" - (?=[A-ZÆØÅ\"«“][^.,–—:;-]{0,50}?\s–\s+(?![\w.+-]*@)[a-zæøå0-9])")  # (a hyphen, a name,
# an en dash and what it is: not a person's entry, "- Anne Krog, afdelingsleder – ak@faxe.dk")


@lru_cache(maxsize=1)
def _area_over_items() -> re.Pattern[str]:
    """A known focus area's name (capitalised) run in before an item "Name – what ..." (a name in capitals, a
    dash, then words in lower case)."""
    names = _known_area_names()
    return re.compile(r"(?<=\s)(" + "|".join(re.escape(n[:1].upper() + n[1:]) for n in names)
                      + r")\s+(?=(?:[-•▪]\s+)?[A-ZÆØÅ][^.–—:;]{0,50}?\s[–—]\s+[a-zæøå])")


def _roman_items(line: str) -> set[int]:
    """Cuts before each item of a list counted I, II, III ... (:data:`_ROMAN_FIRST`), two at least."""
    cuts: set[int] = set()
    for m in _ROMAN_FIRST.finditer(line):
        found, k, n = [m.start()], m.end(), 0
        while (item := _ROMAN_NEXT.match(line, k)) is not None and n + 1 < len(_ROMANS) \
                and item.group(1) == _ROMANS[n + 1]:
            n += 1
            found.append(item.start(1))
            k = item.end()
        if n >= 1:
            cuts.update(found)
    return cuts


def _head_cell_at(line: str, k: int) -> bool:
    """Is the label at ``k`` a column's head after two others' ("Aktivitetsnavn Målgruppe(r) Delaftalens parter
    Klar, ...")?"""
    before = line[max(0, k - 40):k].split()
    if not before or not before[-1][:1].isupper() or before[-1][-1:] == ":" or ":" in line[k:k + 25]:
        return False  # (a label with its colon is a field, whoever stands before it)
    from samspil.loaders.extract.tables import column_kind

    after = line[k:k + 60].split()
    return len(before) >= 2 and column_kind(before[-1]) is not None and column_kind(before[-2]) is not None \
        and (after[:2] == ["Delaftalens", "parter"] or any(column_kind(" ".join(after[:n])) for n in (1, 2, 3)))
    # (two heads before it: a head row's; a delaftale's summary heads its partners' column with the label)


def _table_head(line: str) -> bool:
    """A table's head row ("INDSATSOMRÅDE:<TAB>AKTIVITET:<TAB>MÅLGRUPPE:", or with pipes): its cells are
    the column heads, not labels to cut at."""
    if "\t" not in line:
        if line.count("|") < 2:
            return False
        line = line.strip().strip("|").replace("|", "\t")  # a pipe table's ("| AKTIVITET: | MÅLGRUPPE: |")
    if head_kinds(line) is not None:
        return True
    from samspil.loaders.extract.contact_tables import KIND  # (a table of people: "Navn<TAB>Titel<TAB>E-mail")

    cells = [c.strip(" :").casefold() for c in line.split("\t")]
    return len(cells) >= 2 and all(c in KIND for c in cells)


def _heading_start(line: str, k: int) -> int:
    """Where the unit of the label at ``k`` starts: at its number when it is the title of
    a numbered heading ("... 3.1 Indsatsområde 1 – X" is cut before "3.1")."""
    if line[k - 2:k - 1].isdigit() and (m := _SECTION_NUMBER.search(line[max(0, k - 12):k])) is not None:
        return max(0, k - 12) + m.start() + (m.group(0)[:1].isspace())
    return k


def split_line(line: str, page_start: bool = False) -> list[tuple[str, int]]:
    """``line`` cut into ``(segment, offset)`` pairs (``page_start``: see
    :func:`_strip_page_number`).

    >>> [s for s, _ in split_line("Områdets navn: Engparken Aftalens parter: Boligselskabet Fjord og Randers Kommune")]
    ['Områdets navn: Engparken', 'Aftalens parter: Boligselskabet Fjord og Randers Kommune']
    >>> [s for s, _ in split_line("Bolig Korsør: Dato Navn Slagelse Kommune Dato Navn")]
    ['Bolig Korsør: Dato Navn', 'Slagelse Kommune Dato Navn']
    >>> split_line("Kontaktperson: Anna Holm, ah@x.dk, Tlf. 12345678")
    [('Kontaktperson: Anna Holm, ah@x.dk, Tlf. 12345678', 0)]
    """
    text, shift = _strip_page_number(line, page_start)
    cuts = _cuts(text)
    if not cuts:
        return [(text, shift)] if text else [(line, 0)]
    out = []
    for start, end in zip([0, *cuts], [*cuts, len(text)]):
        piece = text[start:end].strip()
        if piece and not (piece[:1] in "DS" and _SLIDE_MARK.fullmatch(piece)):  # ("Dias 5": a slide's marker)
            out.append((piece, shift + start))
    return out or [(line, 0)]


def toc_title(text: str) -> str | None:
    """The title of a contents entry ('Lektiecafé 17', 'Vision..... 11'), else None.

    >>> toc_title("Forældre & Læring..... 13"), toc_title("Aktivitet 2"), toc_title("Sesam")
    ('Forældre & Læring', None, None)
    """
    if len(text) > 120 or not text.rstrip()[-1:].isdigit():
        return None  # (told before the pattern, which is tried at every space of a long text)
    m = _TOC_TAIL.search(text)
    if not m or int(m.group(1)) > 400:
        return None
    title = text[: m.start()].strip(" .…\t")
    if NUMBERED_ONLY.match(title + " " + m.group(1)) and not _LEADERS.search(text):
        return None  # "Aktivitet 2": a numbered label, not a page number
    return title or None


def _split_headings(lines: list[str], origins: list[Origin], offsets: list[int]) -> None:
    """A numbered heading that runs into its first sentence ("5.2.2 Lommepengeprojekt Et
    fritidsarbejde ...") is cut after its title, as the table of contents gives it; the focus
    areas' numbered heading without one ("3. Indsatsområder og delprojekter Helhedsplanen har tre
    indsatsområder. ...") after its title's words."""
    toc: dict[str, str] = {}
    for k, line in enumerate(lines):
        if (m := _NUM_HEAD.match(line)) and (title := toc_title(line[m.end():])):
            toc.setdefault(m.group(1).rstrip("."), title)
        elif m and ("ndsatsområder" in line[:60] or "NDSATSOMRÅDER" in line[:60]) and (head := _AREAS_HEAD_RUN.match(line)):
            tail = line[head.end():]
            lines[k: k + 1] = [head.group(1), tail]
            origins[k: k + 1] = [origins[k], origins[k]]
            offsets[k: k + 1] = [offsets[k], offsets[k] + head.end()]
    if not toc:
        return
    k = 0
    while k < len(lines):
        line = lines[k]
        m = _NUM_HEAD.match(line)
        title = toc.get(m.group(1).rstrip(".")) if m else None
        rest = line[m.end():] if m else ""
        if title and len(rest) > len(title) + 1 and rest.casefold().startswith(title.casefold()) \
                and rest[len(title)] == " " and toc_title(rest) is None:
            cut = m.end() + len(title)
            tail = line[cut:].lstrip()
            lines[k: k + 1] = [line[:cut], tail]
            origins[k: k + 1] = [origins[k], origins[k]]
            offsets[k: k + 1] = [offsets[k], offsets[k] + len(line) - len(tail)]
        k += 1


# A contact written as a form, one field a line ("Navn: Anna Holm", "Titel: Leder",
# "E-mail: ah@x.dk", "Tlf.: 12 34 56 78"): one record, read like a Kontaktperson line.
_FIELD = re.compile(r"^\W{0,3}(?:Navn|Titel|Stilling|Funktion|E-?mail|Mail|Telefon(?:nr\.?)?|Tlf\.?(?:\s*nr\.?)?"
                    r"|Mobil(?:nr\.?)?|Direkte(?: tlf\.?| nr\.?)?)\s*:\s*\S", re.I)
_NAME_FIELD = re.compile(r"^\W{0,3}Navn\s*:\s*\S", re.I)
_CONTACT_LABEL_ALONE = re.compile(r"^\W{0,3}(?:Konta(?:kt|k|tk)person(?:er|\(er\))?|Kontakt|Tovholdere?)\s*:?\s*$", re.I)


def join_field_records(lines: Sequence[str], origins: Sequence[Origin]) -> tuple[list[str], list[Origin]]:
    """Runs of two or more field lines with a 'Navn:' among them become one line (after
    a 'Kontaktperson:' label standing alone, that line), citing the first line.

    >>> join_field_records(["Kontaktperson:", "Navn: Anna Holm", "E-mail: ah@x.dk", "Formål:"],
    ...                    [(1, None), (2, None), (3, None), (4, None)])[0]
    ['Kontaktperson: Navn: Anna Holm, E-mail: ah@x.dk', 'Formål:']
    """
    out_lines: list[str] = []
    out_origins: list[Origin] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and ":" in lines[j] and _FIELD.match(lines[j]) and not (j > i and _NAME_FIELD.match(lines[j])):
            j += 1  # (a "Navn:" opens the next person's record: Word's forms, a table each, have no gap)
        if j - i >= 2 and any(_NAME_FIELD.match(line) for line in lines[i:j]):
            record = ", ".join(line.strip() for line in lines[i:j])
            if out_lines and _CONTACT_LABEL_ALONE.match(out_lines[-1]):
                out_lines[-1] = f"{out_lines[-1].rstrip()} {record}"
            else:
                out_lines.append(record)
                out_origins.append(origins[i])
            i = j
            continue
        out_lines.append(lines[i])
        out_origins.append(origins[i])
        i += 1
    return out_lines, out_origins


def _long_source_starts(lines: Sequence[str], origins: Sequence[Origin]) -> set[int]:
    """Indexes of lines that open a source line of at least :data:`LONG_LINE`
    characters which normalising cut into several (a web copy's page with HTML in it)."""
    total: dict[Origin, int] = {}
    first: dict[Origin, int] = {}
    for k, (line, origin) in enumerate(zip(lines, origins)):
        if origin[0] is not None and line:
            total[origin] = total.get(origin, 0) + len(line)
            first.setdefault(origin, k)
    return {k for origin, k in first.items() if total[origin] >= LONG_LINE > len(lines[k])}


def _label_cell(line: str) -> str:
    """A form's row of two cells whose first is a template label without its colon, as
    Word templates lay out their fields ("Navn på aktivitet<TAB>Lektiecafé"), written as
    the label line it stands for ("Navn på aktivitet: Lektiecafé").

    >>> _label_cell("Navn på aktivitet\\tLektiecafé"), _label_cell("Afdeling\\tBoliger")
    ('Navn på aktivitet: Lektiecafé', 'Afdeling\\tBoliger')
    """
    key, value = (c.strip() for c in line.split("\t"))
    if not value or not key or len(key) > 60 or _table_head(line):  # ("Indsatsområde<TAB>Aktivitetsnavn":
        return line  # a table's head row, its rows below)
    label = key if key.endswith((":", "?")) else key + ":"
    m = _LABEL_AT_START.match(label)
    return f"{label} {value}" if m is not None and m.end() >= len(label) - 1 else line


def segment(lines: Sequence[str], origins: Sequence[Origin]
            ) -> tuple[list[str], list[Origin], list[int]]:
    """Normalised lines -> segments, each with the origin of its line and its offset there.

    >>> segment(["Aftalens parter: A og B Underskrifter: A: Dato Navn B: Dato Navn"], [(1, None)])[0]
    ['Aftalens parter: A og B', 'Underskrifter:', 'A: Dato Navn', 'B: Dato Navn']
    """
    out_lines: list[str] = []
    out_origins: list[Origin] = []
    offsets: list[int] = []
    lines, origins = join_field_records(lines, origins)
    lines = [_label_cell(line) if line.count("\t") == 1 else line for line in lines]
    starts = _long_source_starts(lines, origins)
    done: dict[tuple[str, bool], list[tuple[str, int]]] = {}  # (a line that recurs is cut once: a page's
    # running head, a form's labels; a sixth of a dense PDF's lines)
    for k, (line, origin) in enumerate(zip(lines, origins)):
        if not line:
            out_lines.append(line)
            out_origins.append(origin)
            offsets.append(0)
            continue
        key = (line, k in starts)
        pieces = done.get(key)
        if pieces is None:
            pieces = done[key] = split_line(*key)
        for piece, offset in pieces:
            if offset and ("..." in piece or "…" in piece) and _LEADER_DEPARTMENT.match(" " + piece):
                piece = leader_row(piece)  # a department's row cut from a run-on list: its two cells, as a line's
            out_lines.append(piece)
            out_origins.append(origin)
            offsets.append(offset)
    _split_headings(out_lines, out_origins, offsets)
    _split_area_tails(out_lines, out_origins, offsets)
    if len(out_lines) > len(lines) and any(" — " in line for line in lines):  # the definition list's fields cut
        out_lines = dash_label_lines(out_lines)  # apart above, each read as "Label: value"
    return out_lines, out_origins, offsets


# a sentence's colon that opens a list of areas ("... har valgt to indsatsområder: X", "Temaerne er: X")
_LIST_INTRO = re.compile(r"(?i:indsatsområder(?:ne)?|fokusområder(?:ne)?|temaer(?:ne)?|spor(?:ene)?)(?:\s+(?:er|bliver))?\s*:\s*$")
# words after which a capitalised area's name belongs to the item's own text ("... med fokus på Beskæftigelse")
_HEAD_GLUE = frozenset("i og for på til med af om ved fra under inden indenfor samt eller mod omkring".split())


def _after_item_text(line: str, head: int) -> bool:
    """A bullet's item text ends in lower case right before the heading at ``head`` ("• Forældrenetværk
    (...) – forældre til børn i mellemtrinnet Uddannelse og livschancer" over the next area's bullets):
    the heading is the next area's, run on after the item's last word (not a preposition's object)."""
    if line[:1] not in "•▪":
        return False
    before = line[:head].split()
    return bool(before) and before[-1].isalpha() and before[-1].islower() and before[-1] not in _HEAD_GLUE


def _split_area_tails(lines: list[str], origins: list[Origin], offsets: list[int]) -> None:
    """A focus area's heading run onto the end of the paragraph before its bulleted list ("... i
    2025. Sammenhængskraft og medborgerskab" over "• Frivilligbørsen ..."): cut off onto a line of
    its own (a page whose line breaks were lost, its bullets already lines)."""
    k = 0
    while k + 1 < len(lines):
        line, below = lines[k], lines[k + 1]
        if below[:1] in "•▪" and line[-1:].isdigit() and (tail := _BARE_COUNTED_TAIL.search(line)):
            lines[k: k + 1] = [line[:tail.start()].rstrip(), tail.group(1)]  # "... Spor 1" over its bullets
            origins[k: k + 1] = [origins[k], origins[k]]
            offsets[k: k + 1] = [offsets[k], offsets[k] + tail.start(1)]
            k += 2
            continue
        if below[:1] in "•▪" and (len(line) >= LONG_LINE or line[:1] in "•▪") and line[-1:].isalpha() \
                and (head := _focus_heading_before(line, len(line))) is not None and head > 2 \
                and (line[head - 2] not in "–—-:" or _LIST_INTRO.search(line, 0, head)) \
                and not line[:head].rstrip().endswith((" og", " samt", ",")) \
                and (len(line) >= LONG_LINE or line[head - 2] in ".!?:" or _after_item_text(line, head)):
            # (an item's last sentence, then the heading; or the sentence that counts the areas:
            # "Parterne har valgt to indsatsområder: Kriminalitetsforebyggelse" over its first bullets)
            tail = line[head:]
            lines[k: k + 1] = [line[:head].rstrip(), tail]
            origins[k: k + 1] = [origins[k], origins[k]]
            offsets[k: k + 1] = [offsets[k], offsets[k] + head]
            k += 1
        k += 1
