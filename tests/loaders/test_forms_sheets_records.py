"""Layouts of session 17's blind set N, as made-up agreements of three other municipalities
each (as written, flattened and Word where the form survives them):

* a Word form's check boxes (☒ ticked, ☐ not: what is not ticked is no fact) and its unfilled
  content controls ("Klik eller tryk her for at skrive tekst.");
* a press fact sheet with pictographs as bullets and headings ("🎯 INDSATSOMRÅDERNE",
  "1️⃣ Beskæftigelse", "🧩 AKTIVITETERNE", "📚 Lektie-Lounge – for ..."): no heading of the sheet
  is a focus area, its activities list is read;
* focus areas counted under a heading of their own ("Indsatsområder" + "1. Tryghed og trivsel");
* activities written as records: "[2.1] Gadeteam | Kriminalpræventiv indsats" over "Målgruppe:",
  "Parter:", "Kontakt:";
* a status report's bullets ("●", "◐", "○") with the activity's fields under each, in
  "3.1 X" sections of "3. Status pr. indsatsområde og aktivitet";
* a two-column page copied with its layout (pdftotext -layout): read column by column."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import extract_rendered as _extract, name_key  # noqa: E402

TOWNS = ["Hillerød", "Struer", "Odder"]


def _mail(town):
    return town.lower().replace("ø", "oe")


def _form(town):
    return ["DELAFTALE", "om boligsocial indsats (udfyldes elektronisk)", "",
            f"Boligsocial indsats (navn):\tSammen i {town} Øst",
            f"Strategisk samarbejdsaftale indgået mellem:\tBoligselskabet {town}bo og {town} Kommune",
            "Aftalens periode:\tFra 01-01-2025\tTil 31-12-2028",
            "Godkendt den:\tKlik eller tryk for at angive en dato.", "",
            "1. INDSATSOMRÅDE (sæt ét kryds)", "☐ Kriminalitetsforebyggelse", "☒ Beskæftigelse",
            "☐ Uddannelse og livschancer", "",
            "4. BOLIGOMRÅDET", "Delaftalen dækker følgende afdelinger (sæt kryds):",
            f"☒ {town}bo afd. 3 Kildeparken (212 lejemål)", f"☐ {town}bo afd. 9 Engvangen (indgår ikke)", "",
            "5. AKTIVITETER", "Aktivitet 1", "Aktivitetsnavn:\tJobcafé Øst",
            "Målgruppe(r):\t☐ Børn 0-12 år  ☐ Unge 13-17 år  ☒ Voksne ledige  ☒ Kvinder  ☐ Seniorer",
            "Beskrivelse:\tUgentlig jobcafé i beboerhuset.", "",
            "Aktivitet 2", "Aktivitetsnavn:\tKlik eller tryk her for at skrive tekst.",
            "Målgruppe(r):\t☐ Børn 0-12 år  ☐ Unge 13-17 år  ☐ Voksne ledige",
            "Beskrivelse:\tKlik eller tryk her for at skrive tekst.", ""]


@pytest.mark.parametrize("how", ["as written", "docx"])
@pytest.mark.parametrize("town", TOWNS)
def test_a_word_form_s_check_boxes_and_unfilled_fields(tmp_path, make_docx, make_pdf, town, how):
    r = _extract(tmp_path, _form(town), how, make_docx, make_pdf)
    assert [fa.name for fa in r.focus_areas] == ["Beskæftigelse"]
    assert [a.name for a in r.activities] == ["Jobcafé Øst"]
    assert "unemployed" in r.activities[0].target_groups
    assert not {"children", "seniors", "youth"} & set(r.activities[0].target_groups)
    names = {name_key(z.name) for z in r.zones}
    assert "kildeparken" in names and "engvangen" not in names
    assert not any("klik eller tryk" in name_key(x) for x in [a.name for a in r.activities] + [o.name for o in r.organisations])


def _sheet(town):
    return ["PRESSEMATERIALE · FAKTAARK", "", f"🏘️ FÆLLES OM {town.upper()} NORD",
            f"Ny boligsocial indsats i {town} Nord 2025-2028", "",
            f"✔ Strategisk samarbejdsaftale underskrevet af Boligforeningen {town}hus og {town} Kommune",
            "✔ 3 indsatsområder · 3 aktiviteter", "",
            "🎯 INDSATSOMRÅDERNE", "1️⃣ Uddannelse og livschancer", "2️⃣ Beskæftigelse", "", "🧩 AKTIVITETERNE",
            f"📚 Lektiehjørnet – for skolebørn 1.-9. klasse · med {town} Bibliotek",
            f"💼 Jobstedet – for ledige voksne · med Jobcenter {town}",
            "🤝 Naboklubben – for alle beboere · med Frivilligcenteret", "",
            "📅 TIDSLINJE", "➤ 1. januar 2025: indsatsen starter", "➤ Efterår 2025: de første aktiviteter", "",
            "👥 DE ANSVARLIGE", "Boligsocial leder", "Ditte Hvass", f"Boligforeningen {town}hus",
            f"✉ dh@{_mail(town)}hus.dk · ☎ 7342 1580", ""]


@pytest.mark.parametrize("how", ["as written", "flattened", "docx"])
@pytest.mark.parametrize("town", TOWNS)
def test_a_fact_sheet_with_pictographs(tmp_path, make_docx, make_pdf, town, how):
    r = _extract(tmp_path, _sheet(town), how, make_docx, make_pdf)
    assert [fa.name for fa in r.focus_areas] == ["Uddannelse og livschancer", "Beskæftigelse"]
    assert [a.name for a in r.activities] == ["Lektiehjørnet", "Jobstedet", "Naboklubben"]


def _records(town):
    return ["Strategisk samarbejdsaftale", f"Parter: Boligselskabet {town}gården og {town} Kommune", "",
            "Indsatsområder", "1. Tryghed og trivsel", "2. Kriminalpræventiv indsats", "3. Sundhed", "",
            "––––– DELAFTALER –––––", "",
            "[1.1] Nabohjælp Vest | Tryghed og trivsel", "Målgruppe: alle beboere, især nye tilflyttere",
            f"Parter: Frivilligcenter {town}", "Kontakt: se boligsocial leder", "",
            "[2.1] Gadeteam Vest | Kriminalpræventiv indsats", "Målgruppe: unge 12-17 år",
            f"Parter: SSP {town}", f"Kontakt: Susanne Hald, SSP-konsulent, suha@{_mail(town)}.dk", "",
            "[3.1] Sund i Vest | Sundhed", "Målgruppe: voksne med livsstilssygdomme",
            f"Parter: Sundhedscenter {town}", "Kontakt: se boligsocial leder", ""]


@pytest.mark.parametrize("how", ["as written", "docx"])
@pytest.mark.parametrize("town", TOWNS)
def test_activities_as_records_under_counted_focus_areas(tmp_path, make_docx, make_pdf, town, how):
    r = _extract(tmp_path, _records(town), how, make_docx, make_pdf)
    assert [fa.name for fa in r.focus_areas] == ["Tryghed og trivsel", "Kriminalpræventiv indsats", "Sundhed"]
    assert {a.name: a.focus_area for a in r.activities} == {
        "Nabohjælp Vest": "Tryghed og trivsel", "Gadeteam Vest": "Kriminalpræventiv indsats", "Sund i Vest": "Sundhed"}
    assert f"SSP {town}" in {a.name: a for a in r.activities}["Gadeteam Vest"].partners


def _status(town):
    return [f"Midtvejsevaluering – Fælles {town} 2023-2026", "",
            f"Evalueringen gør status på samarbejdsaftalen mellem Boligselskabet {town}bo og {town} Kommune.", "",
            "3. Status pr. indsatsområde og aktivitet", "Statusmarkering: ● i gang  ◐ justeret  ○ ophørt", "",
            "3.1 Uddannelse og livschancer", "● Læringsværkstedet", f"   Partnere: {town}skolen, {town} Bibliotek",
            "   Rækkevidde: 64 børn pr. år (mål: 60)", "◐ Brobygning til ungdomsuddannelse",
            f"   Partnere: UU {town}", "   Vurdering: Justeret i 2024.", "",
            "3.2 Beskæftigelse", "● Job i Haven", f"   Partnere: Jobcenter {town}",
            "   Rækkevidde: 87 ledige voksne", "", "4. Anbefalinger", "a) Brobygningen styrkes.", ""]


@pytest.mark.parametrize("how", ["as written", "docx"])
@pytest.mark.parametrize("town", TOWNS)
def test_a_status_report_s_bullets_with_their_fields(tmp_path, make_docx, make_pdf, town, how):
    r = _extract(tmp_path, _status(town), how, make_docx, make_pdf)
    assert [fa.name for fa in r.focus_areas] == ["Uddannelse og livschancer", "Beskæftigelse"]
    acts = {a.name: a for a in r.activities}
    assert {n: a.focus_area for n, a in acts.items()} == {
        "Læringsværkstedet": "Uddannelse og livschancer", "Brobygning til ungdomsuddannelse": "Uddannelse og livschancer",
        "Job i Haven": "Beskæftigelse"}
    assert f"UU {town}" in acts["Brobygning til ungdomsuddannelse"].partners
    assert f"UU {town}" not in acts["Læringsværkstedet"].partners


@pytest.mark.parametrize("town", TOWNS)
def test_a_two_column_page_copied_with_its_layout(tmp_path, town):
    left = ["1. Aftalens parter", f"Boligforeningen {town}bo (herefter {town}bo),", f"og {town} Kommune indgår hermed",
            "strategisk samarbejdsaftale om den boligsociale", f"indsats Fælles {town} for perioden 2025-2028.", "",
            "2. Indsatsområder", "Parterne har valgt to af Landsbyggefondens", "indsatsområder:",
            "• Uddannelse og livschancer", "• Beskæftigelse"]
    right = ["3. Organisering", "Indsatsens bestyrelse består af direktøren", f"for {town}bo og chefen for Børn og Unge",
             f"i {town} Kommune. Bestyrelsen mødes fire", "gange om året. Sekretariatet ledes af",
             "boligsocial leder Rikke Dahlgaard Noes,", f"{town}bo, rdn@{_mail(town)}bo.dk, tlf. 87 41 22 60.", "",
             "4. Økonomi", "Den samlede ramme er 9,6 mio. kr. for", "perioden, hvoraf Landsbyggefonden betaler 6,2."]
    lines = [f"{a:<50}{b}".rstrip() for a, b in zip(left, right)]
    path = tmp_path / "aftale.txt"
    path.write_text(f"{'STRATEGISK SAMARBEJDSAFTALE':^90}\n\n" + "\n".join(lines) + "\n", encoding="utf-8")
    from samspil.loaders.pipeline import extract_file

    r = extract_file(path)
    assert [fa.name for fa in r.focus_areas] == ["Uddannelse og livschancer", "Beskæftigelse"]
    contact = {c.name: c for c in r.contacts}.get("Rikke Dahlgaard Noes")
    assert contact is not None and contact.email == f"rdn@{_mail(town)}bo.dk" and contact.phone == "87412260"
    parties = {name_key(o.name) for o in r.organisations if o.is_party}
    assert {name_key(f"Boligforeningen {town}bo"), name_key(f"{town} Kommune")} <= parties


@pytest.mark.parametrize("town", TOWNS)
def test_contact_forms_a_word_table_each_keep_their_own_details(tmp_path, town):
    """Word forms give each contact a table of its own, one field a row, with no gap between
    the tables: a person's e-mail and phone must not go to the next person (set N's Word
    form gave one person's details to another, and resolution then merged them by e-mail)."""
    import docx

    from samspil.loaders.pipeline import extract_file

    people = [("Helle Søgaard Brink", "Boligsocial leder", f"Boligforeningen {town}bo", "hsb@x.dk", "63 11 48 20"),
              ("Yusuf Karaman Lund", "Teamleder", f"Jobcenter {town} – Ungeenheden", "yklu@y.dk", "65 51 70 33"),
              ("Pernille Østergaard Vium", "Virksomhedskonsulent", f"Jobcenter {town}", "pevi@y.dk", None)]
    document = docx.Document()
    document.add_paragraph("DELAFTALE")
    document.add_paragraph(f"Delaftale for indsatsområdet Beskæftigelse, {town}")
    document.add_paragraph("3. KONTAKTPERSONER")
    for name, title, unit, mail, phone in people:
        table = document.add_table(rows=0, cols=2)
        for key, value in (("Navn:", name), ("Stilling:", title), ("Organisation:", unit), ("Mail:", mail),
                           ("Telefon:", phone or "")):
            row = table.add_row().cells
            row[0].text, row[1].text = key, value
    path = tmp_path / "delaftale.docx"
    document.save(str(path))
    got = {c.name: (c.email, c.phone) for c in extract_file(path).contacts}
    assert got == {name: (mail, phone.replace(" ", "") if phone else None) for name, _, _, mail, phone in people}


def _caps(town):
    return [f"HELHEDSPLAN FOR {town.upper()} NORD 2007-2010", "", "INDSATSOMRÅDER", "",
            "1. BESKÆFTIGELSE OG UDDANNELSE", "2. BØRN, UNGE OG FAMILIER", "", "PROJEKTER", "",
            f"1.1 JOBBUTIKKEN {town.upper()}", "MÅLGRUPPE: Ledige beboere, især kvinder.",
            "INDHOLD: Åben rådgivning tre dage om ugen.", f"SAMARBEJDSPARTNERE: Jobcenter {town}⁴ og Sprogcenter {town}.",
            "", "2.1 LEKTIECAFÉ OG KLUBLIV", "MÅLGRUPPE: Børn og unge 7-17 år.",
            "INDHOLD: Lektiehjælp to gange om ugen.", f"SAMARBEJDSPARTNERE: {town}skolen.", "",
            "⁴ Jobcentret har fremskudt medarbejder i beboerhuset.", ""]


@pytest.mark.parametrize("how", ["as written", "docx"])
@pytest.mark.parametrize("town", TOWNS)
def test_records_in_capitals_numbered_by_their_focus_area(tmp_path, make_docx, make_pdf, town, how):
    r = _extract(tmp_path, _caps(town), how, make_docx, make_pdf)
    assert [fa.name for fa in r.focus_areas] == ["Beskæftigelse og uddannelse", "Børn, unge og familier"]
    acts = {a.name.casefold(): a for a in r.activities}
    assert {n: a.focus_area for n, a in acts.items()} == {
        f"jobbutikken {town.casefold()}": "Beskæftigelse og uddannelse", "lektiecafé og klubliv": "Børn, unge og familier"}
    assert f"Jobcenter {town}" in acts[f"jobbutikken {town.casefold()}"].partners  # (the footnote's mark dropped)
