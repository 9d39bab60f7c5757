"""Two layouts of session 17's blind set N, as made-up agreements of three other
municipalities each:

* an agreement exported from a project system as YAML, or as JSON (keys in ASCII-folded
  Danish, codes defined once and used after: "kode: KRIM" + "indsatsomraade: KRIM");
* a coverage matrix: a table of activities with their focus area's code and a column of X
  marks for each department ("Nr. Aktivitet Indsatsområde B5 B6 H12"), beside tables of
  target groups and partner codes."""
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from renderings import name_key  # noqa: E402

TOWNS = {"hjoerring": ("Hjørring", "hjoerring"), "skive": ("Skive", "skive"), "naestved": ("Næstved", "naestved")}


def _export(town):
    return {
        "projekt": {"titel": f"Sammen i {town} Syd", "type": "strategisk_samarbejdsaftale",
                    "periode": {"start": "2026-01-01", "slut": "2029-12-31"}, "kommune": f"{town} Kommune"},
        "parter": [
            {"navn": f"Boligforeningen {town}bo", "forkortelse": "BB", "rolle": "part",
             "underskriver": {"navn": "Bettina Holm Rasmussen", "titel": "direktør", "dato": "2025-09-30"}},
            {"navn": f"{town} Kommune", "forkortelse": None, "rolle": "part",
             "underskriver": {"navn": "Charlotte Vind Holmberg", "titel": "kommunaldirektør"}}],
        "omraade": {"navn": f"{town} Syd", "afdelinger": [
            {"org": "BB", "nr": 22, "navn": "Engparken Nord", "lejemaal": 298},
            {"org": "BB", "nr": 23, "navn": "Engparken Syd", "lejemaal": 254}]},
        "indsatsomraader": [{"kode": "KRIM", "navn": "Kriminalitetsforebyggelse"},
                            {"kode": "UDD", "navn": "Uddannelse og livschancer"}],
        "kontakter": [{"navn": "Lars Møller Holt", "rolle": "boligsocial leder",
                       "organisation": f"Boligforeningen {town}bo", "email": "lmho@bb.dk", "telefon": "75 82 36 14"}],
        "aktiviteter": [
            {"id": "A1", "navn": "Gadeplan Syd", "indsatsomraade": "KRIM", "maalgrupper": ["unge 13-17 år"],
             "partnere": [f"SSP {town}"]},
            {"id": "A2", "navn": "Læselyst", "indsatsomraade": "UDD", "maalgrupper": ["børn 4-10 år", "forældre"],
             "partnere": [f"{town} Bibliotekerne"]}]}


def _yaml(data) -> str:
    import yaml

    return "# Eksport fra Projektportalen\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@pytest.mark.parametrize("form", ["yaml", "json"])
@pytest.mark.parametrize("case", list(TOWNS))
def test_an_export_from_a_project_system(tmp_path, case, form):
    from samspil.loaders.pipeline import extract_file

    town, _ = TOWNS[case]
    data = _export(town)
    path = tmp_path / "eksport.txt"
    path.write_text(_yaml(data) if form == "yaml" else json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    r = extract_file(path)
    assert r.plan.name == f"Sammen i {town} Syd"
    assert (str(r.plan.period_start), str(r.plan.period_end)) == ("2026-01-01", "2029-12-31")
    assert [fa.name for fa in r.focus_areas] == ["Kriminalitetsforebyggelse", "Uddannelse og livschancer"]
    assert {a.name: a.focus_area for a in r.activities} == {
        "Gadeplan Syd": "Kriminalitetsforebyggelse", "Læselyst": "Uddannelse og livschancer"}
    assert {name_key(o.name) for o in r.organisations if o.is_party} == {
        name_key(f"Boligforeningen {town}bo"), name_key(f"{town} Kommune")}
    zones = {z.name: z.units for z in r.zones}
    assert {k: zones.get(k) for k in ("Engparken Nord", "Engparken Syd")} == {"Engparken Nord": 298, "Engparken Syd": 254}
    assert set(zones) <= {"Engparken Nord", "Engparken Syd", f"{town} Syd"}  # (the area itself may be one)
    contacts = {c.name: name_key(c.organisation) for c in r.contacts}
    assert contacts.get("Bettina Holm Rasmussen") == name_key(f"Boligforeningen {town}bo")
    assert contacts.get("Lars Møller Holt") == name_key(f"Boligforeningen {town}bo")


def test_an_agreement_with_labels_at_the_line_start_is_no_export(tmp_path):
    from samspil.loaders.pipeline import extract_file

    lines = ["Strategisk samarbejdsaftale", "Navn på den boligsociale indsats: Sammen i Skive Syd",
             "Aftalens parter: Boligforeningen Skivebo og Skive Kommune",
             "Samarbejdsaftalen gælder fra - til: 01.01.2026 – 31.12.2029", "", "Delaftale for indsatsområdet Beskæftigelse",
             "Aktivitetsnavn: Jobcafé Syd", "Målgruppe(r): ledige voksne", "Beskrivelse: jobcafé", "Kontaktperson: Lars Holt, leder",
             "Telefon: 75 82 36 14", "E-mail: lh@skivebo.dk", "Organisation: Boligforeningen Skivebo", "Titel: leder"]
    path = tmp_path / "aftale.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = extract_file(path)
    assert [a.name for a in r.activities] == ["Jobcafé Syd"] and r.plan.name == "Sammen i Skive Syd"


def _matrix(town):
    return ["STRATEGISK SAMARBEJDSAFTALE – FÆLLES OM " + town.upper() + " VEST 2024-2027", "",
            f"Parter: Boligforeningen {town}gården og {town} Kommune",
            "Indsatsområder: Uddannelse og livschancer (UL), Beskæftigelse (BE)", "",
            "Tabel 2.1 Hvilke aktiviteter når hvilke afdelinger",
            "Nr.  Aktivitet                 Indsatsområde   B5   B6   H12",
            "1    Familiehjørnet            UL              X    X",
            "2    Lektier og Leg            UL              X         X",
            "3    Jobbroen                  BE              X    X    X", "",
            "Tabel 2.2 Målgrupper pr. aktivitet",
            "Nr.  Børn 0-12  Unge 13-17  Forældre  Ledige voksne",
            "1    X                      X",
            "2    X          X",
            "3                                     X", ""]


@pytest.mark.parametrize("case", list(TOWNS))
def test_a_coverage_matrix_of_activities(tmp_path, case):
    from samspil.loaders.pipeline import extract_file

    town, _ = TOWNS[case]
    path = tmp_path / "matrix.txt"
    path.write_text("\n".join(_matrix(town)) + "\n", encoding="utf-8")
    r = extract_file(path)
    assert [fa.name for fa in r.focus_areas] == ["Uddannelse og livschancer", "Beskæftigelse"]
    assert [(a.name, a.focus_area) for a in r.activities] == [
        ("Familiehjørnet", "Uddannelse og livschancer"), ("Lektier og Leg", "Uddannelse og livschancer"),
        ("Jobbroen", "Beskæftigelse")]
