"""An agreement forwarded in an e-mail thread (set L, session 15): header blocks ("Fra:", "Sendt:",
"Til:", "Emne:"), a quoted reply ("> ..."), separators, greetings and signatures around the
pasted text, whose focus areas are the field "Indsatsområder: A samt B." and whose activities
are listed "Name – for ..., i samarbejde med ..." under "Aktiviteter under A:". The header keys
and greetings name no organisation, the quoted sender keeps the address of their header line,
and the activities are read under their areas. Made-up threads of three municipalities, as
written and in Word."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import activity_areas, contact_facts, extract_rendered as _extract, name_key  # noqa: E402

CASES = {
    "lejre": ("Lejre", "Boligforeningen Lindely", {"Uddannelse og livschancer": ["Klar til Skole", "Unge på Vej"],
                                                    "Kriminalitetsforebyggelse": ["Trygge Stier"]}),
    "solroed": ("Solrød", "Boligselskabet Strandly", {"Beskæftigelse": ["Jobbroen"],
                                                       "Sammenhængskraft og medborgerskab": ["Fællesspisning", "Naboskabsdage"]}),
    "faxe": ("Faxe", "Faxe Almene Boliger", {"Kriminalitetsforebyggelse": ["Gadeplan Haslev"],
                                              "Uddannelse og livschancer": ["Lektiecaféen"]}),
}


def _lines(town, housing, areas):
    low = town.lower().replace("ø", "oe")
    lines = [f"Fra: Marianne Toft <mt@{low}.dk>", "Sendt: 3. juni 2019 14:12", f"Til: Lars Winther <lw@{low}bolig.dk>",
             "Emne: VS: Endelig strategisk samarbejdsaftale", "", "Hej Lars", "",
             "Hermed den endelige aftale, som den blev godkendt i Økonomiudvalget.", "", "Venlig hilsen", "",
             "Marianne Toft", "Specialkonsulent", f"{town} Kommune | Politik og Udvikling", "",
             "----- Videresendt meddelelse -----", f"Fra: Ahmad Karimi <ak@{low}.dk>", "Sendt: 29. maj 2019 09:47",
             "Til: Marianne Toft", "Emne: SV: Aktiviteter", "",
             "> Hej Marianne", "> Det er fint for SSP.", f"> Mvh Ahmad Karimi, SSP-koordinator, SSP {town}", "",
             "----- Aftaletekst -----", "", "STRATEGISK SAMARBEJDSAFTALE OM BOLIGSOCIAL INDSATS", "",
             f"Aftalens parter: {housing} og {town} Kommune", "",
             f"Indsatsområder: {' samt '.join(areas)}.", ""]
    for area, acts in areas.items():
        lines.append(f"Aktiviteter under {area}:")
        lines += [f"{act} – for børn og unge, i samarbejde med lokale foreninger." for act in acts]
        lines.append("")
    return lines + ["----- Oprindelig meddelelse -----", f"Fra: Lars Winther <lw@{low}bolig.dk>",
                    "Sendt: 27. maj 2019 16:30", "Til: Marianne Toft", "Emne: Aftalen", "",
                    "> Hej Marianne", "> Vi har ingen bemærkninger.", ""]


@pytest.mark.parametrize("how", ["as written", "docx"])
@pytest.mark.parametrize("case", list(CASES))
def test_an_agreement_in_a_mail_thread(tmp_path, make_docx, make_pdf, case, how):
    town, housing, areas = CASES[case]
    r = _extract(tmp_path, _lines(town, housing, areas), how, make_docx, make_pdf)
    orgs = {name_key(o.name) for o in r.organisations}
    assert not orgs & {"fra", "til", "sendt", "emne", "hej marianne", "venlig hilsen", "mvh"}
    assert {name_key(fa.name) for fa in r.focus_areas} == {name_key(a) for a in areas}
    found, want = activity_areas(r, areas)
    assert found == want
    low = town.lower().replace("ø", "oe")
    assert contact_facts(r).get("Ahmad Karimi", (None, None))[1] == f"ak@{low}.dk"


# the same agreement's text with its line breaks lost (session 16): the field "Indsatsområder:"
# after the sentence before it, the lead-ins and their items run together in one paragraph
PASTED = {
    "morsoe": ("Morsø", "Boligselskabet Limfjorden", {"Beskæftigelse": ["Jobbroen Nykøbing", "Praktikpladsen"],
                                                       "Kriminalitetsforebyggelse": ["Trygge Gader"]}),
    "struer": ("Struer", "Struer Almene Boliger", {"Uddannelse og livschancer": ["Lektieværkstedet"],
                                                    "Sundhed": ["Gå-klubben", "Sund Start"]}),
    "odder": ("Odder", "Boligforeningen Odderhus", {"Sammenhængskraft og medborgerskab": ["Fællesspisning Rosenhøj"],
                                                     "Beskæftigelse": ["Job i Odder"]}),
}


@pytest.mark.parametrize("how", ["as written", "flattened", "flat"])
@pytest.mark.parametrize("case", list(PASTED))
def test_the_areas_field_and_lead_ins_in_running_text(tmp_path, make_docx, make_pdf, case, how):
    town, housing, areas = PASTED[case]
    lines = ["STRATEGISK SAMARBEJDSAFTALE OM BOLIGSOCIAL INDSATS", "",
             f"Aftalens parter: {housing} og {town} Kommune", "",
             f"Helhedsplanen omfatter {housing}s afd. 3 Engparken (164 boliger) i {town}.",
             f"Indsatsområder: {' samt '.join(areas)}.", ""]
    for area, acts in areas.items():
        lines.append(f"Aktiviteter under {area}:")
        lines += [f"{act} – for beboere i alle aldre, i samarbejde med lokale foreninger og {town} Bibliotek."
                  for act in acts]
    lines += [f"Kontaktperson for helhedsplanen: Boligsocial leder Rikke Dam, {housing}, rd@bolig.dk.", ""]
    r = _extract(tmp_path, lines, how, make_docx, make_pdf)
    assert {name_key(fa.name) for fa in r.focus_areas} == {name_key(a) for a in areas}
    found, want = activity_areas(r, areas)
    assert found == want
