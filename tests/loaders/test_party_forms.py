"""Made-up agreements that name their signing parties in the forms real ones use, each in
several variants (label spelling, capitals, bullets, separators, prose wording) and each
as written, with its line breaks lost, and from Word and PDF (issue 10): a party list, a
signature block, a sentence, a delaftale naming the whole agreement's parties; with the
words that are no organisation around them (headings, addresses, a town's branch)."""
import re

import pytest

from samspil.loaders import extract_file

BODY = ["", "Indsatsområde: Uddannelse og livschancer", "Aktivitet: Lektiecafé i Kvarteret",
        "Formål: At styrke børns skolegang."]


def _doc(area: str, lines: list[str]) -> list[str]:
    return [f"Strategisk samarbejdsaftale for {area} 2024-2027", "", *lines, *BODY]


def _key(name: str) -> str:
    return " ".join(re.sub(r"\W+", " ", name).casefold().split())


def _extract(tmp_path, lines: list[str], how: str, make_docx=None, make_pdf=None):
    if how == "docx":
        return extract_file(make_docx(lines, tmp_path / "aftale.docx"))
    if how == "pdf":
        return extract_file(make_pdf(lines, tmp_path / "aftale.pdf"))
    path = tmp_path / "aftale.txt"
    text = "\n".join(lines) + "\n"
    path.write_text(" ".join(text.split()) + "\n" if how == "flat" else text, encoding="utf-8")
    return extract_file(path)


def _parties(report) -> set[str]:
    return {_key(o.name) for o in report.organisations if o.is_party}


HOW = ["as written", "flat"]

PARTY_LISTS = [  # (municipality's list, its parties)
    (["Aftalens parter", "Vejle Kommune", "Boligselskabet Sydbo", "Lejerbo (Lejerbo Vejle, afd. 3)",
      "Navn på helhedsplan: Nørremarken"], {"Vejle Kommune", "Boligselskabet Sydbo", "Lejerbo"}),
    (["AFTALENS PARTER", "- Vejle Kommune", "- Boligselskabet Sydbo", "- Lejerbo"],
     {"Vejle Kommune", "Boligselskabet Sydbo", "Lejerbo"}),
    (["Parterne i aftalen", "Silkeborg Kommune", "Silkeborg Boligselskab", "Boligselskabet Midtjylland", "",
      "Aftaleperiode: 2024-2027"], {"Silkeborg Kommune", "Silkeborg Boligselskab", "Boligselskabet Midtjylland"}),
    (["Parter:", "Hjørring Kommune", "Boligselskabet Nordjylland", "Lejerbo, Hjørring afdeling",
      "Boligområdets navn: Frydenlund"], {"Hjørring Kommune", "Boligselskabet Nordjylland", "Lejerbo"}),
    (["Aftalens parter:", "Greve Kommune", "Boligselskabet Fjordbo", "Greve Boligselskab", "",
      "Indledning", "Boligselskabet Fjordbo ejer de 244 lejemål i området."],
     {"Greve Kommune", "Boligselskabet Fjordbo", "Greve Boligselskab"}),
]


@pytest.mark.parametrize("how", HOW)
@pytest.mark.parametrize("lines,parties", PARTY_LISTS, ids=["vejle", "caps-bullets", "silkeborg", "hjoerring",
                                                            "greve-heading"])
def test_a_party_list_one_per_line_or_run_together(tmp_path, lines, parties, how):
    """One party a line; with the line breaks lost the entries split at a municipality, a
    known housing organisation, a head noun, a town and 'Boligselskab', and end at the next
    field's label, a section heading or running text. A department in brackets or after a
    comma ("afd. 3", "Hjørring afdeling") is no organisation of its own."""
    r = _extract(tmp_path, _doc("Nørremarken", lines), how)
    assert _parties(r) == {_key(p) for p in parties}
    assert not {"hjørring afdeling", "indledning", "boligområdets frydenlund"} & {_key(o.name) for o in r.organisations}


SIGNATURES = [
    ["Underskrifter", "", "For Holstebro Kommune:", "H.C. Østerby, borgmester", "",
     "For Boligselskabet Holstebro:", "Anne Marie Krogh, formand", "", "For Vestbo:", "Poul Skov, direktør"],
    ["Underskrevet af:", "Holstebro Kommune: H.C. Østerby, borgmester",
     "Boligselskabet Holstebro: Anne Marie Krogh, formand", "Vestbo: Poul Skov, direktør"],
    ["Underskrifter", "Dato/Sted: Holstebro, 1. marts 2024", "På vegne af Holstebro Kommune",
     "H.C. Østerby, borgmester", "Sted og dato:", "På vegne af Boligselskabet Holstebro",
     "Anne Marie Krogh, formand", "Dato:", "På vegne af Vestbo", "Poul Skov, direktør"],
    ["UNDERSKRIFT", "Holstebro, den 1. marts 2024", "_____________________", "H.C. Østerby",
     "Borgmester, Holstebro Kommune", "", "_____________________", "Anne Marie Krogh",
     "Formand, Boligselskabet Holstebro", "", "_____________________", "Poul Skov", "Direktør, Vestbo"],
]


@pytest.mark.parametrize("how", HOW)
@pytest.mark.parametrize("block", SIGNATURES, ids=["for-x", "x-colon-name", "paa-vegne-af", "name-over-title"])
def test_a_signature_block_names_the_parties_and_their_signatories(tmp_path, block, how):
    """Who signs a strategic agreement is its party, and each signatory a contact of the
    organisation they sign for: "For X:" over the name, "X: Name, title", "På vegne af X"
    with place and date lines, a name over "Title, Organisation" under a signature line."""
    r = _extract(tmp_path, _doc("Trekanten", block), how)
    assert _parties(r) == {"holstebro kommune", "boligselskabet holstebro", "vestbo"}
    contacts = {c.name: c.organisation for c in r.contacts}
    assert contacts == {"H.C. Østerby": "Holstebro Kommune", "Anne Marie Krogh": "Boligselskabet Holstebro",
                        "Poul Skov": "Vestbo"}


@pytest.mark.parametrize("how", ["docx", "pdf"])
def test_a_signature_block_from_word_and_pdf(tmp_path, make_docx, make_pdf, how):
    r = _extract(tmp_path, _doc("Trekanten", SIGNATURES[0]), how, make_docx, make_pdf)
    assert _parties(r) == {"holstebro kommune", "boligselskabet holstebro", "vestbo"}


SENTENCES = [
    "Helhedsplanen er et partnerskab mellem Næstved Kommune, Boligselskabet Fruehøjgaard og AKB Næstved.",
    "Denne aftale er udarbejdet i et samarbejde mellem Næstved Kommune, Boligselskabet Fruehøjgaard og AKB Næstved.",
    "Samarbejdsaftalen er indgået mellem Næstved Kommune og de to boligorganisationer Boligselskabet "
    "Fruehøjgaard og AKB Næstved.",
    "Boligområdet ejes af Boligselskabet Fruehøjgaard og AKB Næstved. Aftalen er indgået mellem Næstved "
    "Kommune og de to boligorganisationer.",
]


@pytest.mark.parametrize("how", HOW)
@pytest.mark.parametrize("sentence", SENTENCES, ids=["partnerskab", "udarbejdet", "de-to-named", "de-to-resolved"])
def test_parties_in_a_sentence_and_parties_named_by_their_kind(tmp_path, sentence, how):
    """'de to boligorganisationer' are the housing organisations the document names, never
    an organisation of its own; so are 'Kommunen' and 'Boligorganisationerne'."""
    r = _extract(tmp_path, _doc("Kalbyris", [sentence, "Kommunen og boligorganisationerne mødes i styregruppen."]),
                 how)
    assert _parties(r) == {"næstved kommune", "boligselskabet fruehøjgaard", "akb næstved"}
    assert not {"kommunen", "boligorganisationerne", "styregruppen"} & {_key(o.name) for o in r.organisations}


@pytest.mark.parametrize("how", HOW)
def test_a_delaftale_names_the_whole_agreements_parties(tmp_path, how):
    """A delaftale that is part of the strategic agreement 'indgået mellem A, B og C' names
    the agreement's parties; its own parties stay partners."""
    lines = ["Delaftale for indsatsområdet Tryghed og trivsel", "",
             "Denne delaftale er en del af den strategiske samarbejdsaftale for Skovparken, indgået mellem "
             "Fredericia Kommune, Boligforeningen Lillebælt og Fredericia Almennyttige Boligselskab.", "",
             "Delaftalens parter:", "Fredericia Kommune, Børn og Unge", "Boligforeningen Lillebælt", "SSP Fredericia",
             "", "Aktivitet: Natteravne", "Formål: Tryghed om aftenen."]
    r = _extract(tmp_path, lines, how)
    assert _parties(r) == {"fredericia kommune", "boligforeningen lillebælt", "fredericia almennyttige boligselskab"}
    assert "ssp fredericia" in {_key(o.name) for o in r.organisations if not o.is_party}


@pytest.mark.parametrize("how", HOW)
def test_contacts_take_their_organisation_not_an_address_or_a_heading(tmp_path, how):
    """A contact under an organisation's heading with its address between them; an entry
    that names its own organisation under a 'Kontakt' heading."""
    lines = ["Aftalens parter", "Thisted Kommune", "Boligselskabet Nordvest", "", "Kontaktpersoner", "",
             "Thisted Kommune", "Torvegade 12, 7700 Thisted", "Karen Dal, kontaktperson, kd@thisted.dk", "",
             "Boligselskabet Nordvest", "Mølleparken 4, 7700 Thisted", "Ole Vind, boligsocial leder, ov@bnv.dk", "",
             "Kontakt", "Thy Frivilligcenter, Bo Hansen, bo@thyfrivillig.dk"]
    r = _extract(tmp_path, _doc("Mølleparken", lines), how)
    names = {_key(o.name) for o in r.organisations}
    assert not {"torvegade 12", "7700 thisted", "mølleparken 4", "kontakt", "kontaktpersoner"} & names
    contacts = {c.name: c.organisation for c in r.contacts}
    if how == "as written":  # (flat: the unit before a name is read, the heading two entries up is not)
        assert contacts["Karen Dal"] == "Thisted Kommune" and contacts["Ole Vind"] == "Boligselskabet Nordvest"
    assert contacts["Bo Hansen"] == "Thy Frivilligcenter"


@pytest.mark.parametrize("how", HOW)
def test_units_named_in_a_steering_group_sentence_and_no_project_as_organisation(tmp_path, how):
    """Units in brackets joined by 'samt', an 'og' list after a label; activity names
    ("Sommerskolen", "Kor i Kvarteret") are no organisations; a party list run onto the
    sentence after it keeps its parties only."""
    lines = ["Aftalens parter", "Ringsted Kommune", "Ringsted Boligselskab", "",
             "Styregruppen: Ringsted Kommune (Center for Børn og Unge samt Center for Beskæftigelse), "
             "Ringsted Boligselskab og Ringsted Ungdomsskole.",
             "Aktiviteterne Sommerskolen og Kor i Kvarteret drives sammen med Ringsted Bibliotek."]
    r = _extract(tmp_path, _doc("Sct. Jørgens Park", lines), how)
    names = {_key(o.name) for o in r.organisations}
    assert _parties(r) == {"ringsted kommune", "ringsted boligselskab"}
    assert {"center for børn og unge", "center for beskæftigelse", "ringsted ungdomsskole", "ringsted bibliotek"} <= names
    assert not {"sommerskolen", "kor i kvarteret", "styregruppen"} & names


@pytest.mark.parametrize("how", HOW)
@pytest.mark.parametrize("heading", ["Indledning", "Baggrund", "Organisering"])
def test_words_that_are_no_organisation(tmp_path, heading, how):
    """A heading glued to the name that opens its section, a count, 'Alle tre
    boligorganisationer', a contacts heading: no organisations."""
    lines = ["Aftalens parter", "Guldborgsund Kommune", "Boligselskabet Guldborgsund", "", heading,
             "Boligselskabet Guldborgsund ejer de 244 lejemål i området.",
             "Alle tre boligorganisationer deltager i styregruppen.", "Kontaktoplysninger",
             "Boligselskabet Guldborgsund, Bo Hansen, bo@bsg.dk"]
    r = _extract(tmp_path, _doc("Sydbyen", lines), how)
    assert {_key(o.name) for o in r.organisations} == {"guldborgsund kommune", "boligselskabet guldborgsund"}
    assert _parties(r) == {"guldborgsund kommune", "boligselskabet guldborgsund"}
    assert {c.name: c.organisation for c in r.contacts} == {"Bo Hansen": "Boligselskabet Guldborgsund"}
