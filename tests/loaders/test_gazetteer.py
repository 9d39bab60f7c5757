"""The gazetteers (loaders/vocab/ data + samspil.loaders.gazetteer) against known facts."""
from __future__ import annotations

import re
from collections import Counter

import pytest
import yaml

from samspil.loaders import gazetteer as gz
from samspil.loaders.errors import VocabularyError
from samspil.loaders.gazetteer_data import is_abbreviation, surface_variants
from samspil.loaders.pipeline import bundled_examples
from samspil.loaders.readers import read_document
from samspil.loaders.vocab import vocab_dir


def _yaml(name: str) -> dict:
    return yaml.safe_load((vocab_dir() / f"{name}.yaml").read_text(encoding="utf-8"))


@pytest.fixture
def user_vocab(tmp_path, monkeypatch):
    """A SAMSPIL_VOCAB_DIR for one test; the caches are cleared before and after."""
    monkeypatch.setenv("SAMSPIL_VOCAB_DIR", str(tmp_path))
    gz.clear_caches()
    yield tmp_path
    monkeypatch.delenv("SAMSPIL_VOCAB_DIR")
    gz.clear_caches()


def test_the_98_municipalities_by_region():
    names = gz.municipalities()
    assert len(names) == len(set(names)) == 98
    assert Counter(gz.region_of(n) for n in names) == {
        "Hovedstaden": 29, "Sjælland": 17, "Syddanmark": 22, "Midtjylland": 19, "Nordjylland": 11}
    assert all(n.endswith(" Kommune") for n in names if n != "Bornholms Regionskommune")
    assert all(gz.municipality(n) == n for n in names)


def test_the_pre_2007_municipalities_map_to_their_successor():
    former = [f for entry in _yaml("municipalities")["municipalities"].values() for f in entry["former"]]
    # 271 municipalities before 2007 (Bornholm already one since 2003, its five listed too)
    assert len(former) == len(set(former)) == 271 + 4
    assert all(gz.municipality(f) for f in former)
    assert {f: gz.municipality(f) for f in ["Korsør", "Skælskør", "Hashøj", "Gladsaxe", "Århus", "Farum",
                                            "Nørre Djurs", "Ølstykke", "Aakirkeby"]} == {
        "Korsør": "Slagelse Kommune", "Skælskør": "Slagelse Kommune", "Hashøj": "Slagelse Kommune",
        "Gladsaxe": "Gladsaxe Kommune", "Århus": "Aarhus Kommune", "Farum": "Furesø Kommune",
        "Nørre Djurs": "Norddjurs Kommune", "Ølstykke": "Egedal Kommune", "Aakirkeby": "Bornholms Regionskommune"}


@pytest.mark.parametrize("written,canonical", [
    ("Aarhus", "Aarhus Kommune"), ("Århus Kommune", "Aarhus Kommune"), ("aarhus kommunes", "Aarhus Kommune"),
    ("Randers kommunes", "Randers Kommune"), ("RANDERS KOMMUNE", "Randers Kommune"),
    ("Københavns Kommune", "Københavns Kommune"), ("koebenhavns kommune", "Københavns Kommune"),
    ("København", "Københavns Kommune"), ("Høje Taastrup", "Høje-Taastrup Kommune"),
    ("Høje-Tåstrup Kommune", "Høje-Taastrup Kommune"), ("Lyngby Taarbæk", "Lyngby-Taarbæk Kommune"),
    ("Ringkøbing Skjern Kommune", "Ringkøbing-Skjern Kommune"), ("Bornholm", "Bornholms Regionskommune"),
    ("Bornholms Regionskommune", "Bornholms Regionskommune"), ("Nordfyns Kommune", "Nordfyns Kommune"),
    ("Vesthimmerlands kommune", "Vesthimmerlands Kommune"), ("Ålborg", "Aalborg Kommune"),
    ("Åbenrå Kommune", "Aabenraa Kommune"), ("Taarnby", "Tårnby Kommune"), ("Frederiksværk-Hundested", "Halsnæs Kommune"),
    ("Roskilde Kommunens", "Roskilde Kommune"),
])
def test_spellings_resolve(written, canonical):
    assert gz.municipality(written) == canonical


@pytest.mark.parametrize("written", ["Christiansø", "Kommune", "Kommunen", "Region Hovedstaden", "Sverige", "", "s"])
def test_non_municipalities_do_not_resolve(written):
    assert gz.municipality(written) is None


def test_municipalities_found_in_text_with_their_offsets():
    text = ("Aftalens parter: Randers kommunes påtegning, Boligselskabet Fjord og Københavns\nKommune. "
            "Kommune: Aalborg. Skælskør Kommune (2006). Bornholms Regionskommune og Kommunen. "
            "Det kan give kommunen ret; Ry Kommune; Holbæk Kommunes; aalborgs kommune")
    found = gz.find_municipalities(text)
    assert [c for _, _, c in found] == [
        "Randers Kommune", "Københavns Kommune", "Aalborg Kommune", "Slagelse Kommune",
        "Bornholms Regionskommune", "Skanderborg Kommune", "Holbæk Kommune", "Aalborg Kommune"]
    assert [text[s:e] for s, e, _ in found][:3] == ["Randers kommunes", "Københavns\nKommune", "Kommune: Aalborg"]


def test_lower_case_former_names_are_not_municipalities_in_text():
    """Former municipalities that are common words ("give", "ringe", "hals") count only capitalised."""
    assert gz.find_municipalities("at give kommunen og ringe kommunes, hals kommune") == []
    assert [c for *_, c in gz.find_municipalities("Give Kommune og Hals Kommune")] == [
        "Vejle Kommune", "Aalborg Kommune"]


def test_every_bundled_agreement_names_copenhagen():
    for path in sorted(bundled_examples().glob("*.txt")):
        text = "\n".join(read_document(path).lines)
        found = {c for *_, c in gz.find_municipalities(text)}
        assert "Københavns Kommune" in found, path.name


def test_police_districts_cover_all_98_municipalities_once():
    districts = _yaml("police_districts")["police_districts"]
    assert len(districts) == 12
    covered = [m for d in districts for m in gz.police_district_municipalities(d)]
    assert sorted(covered) == sorted(gz.municipalities())
    assert gz.police_district("Politikreds Fyn") == "Fyns Politi"
    assert gz.police_district("midt og vestjyllands politi") == "Midt- og Vestjyllands Politi"
    assert gz.police_district_of("Randers") == "Østjyllands Politi"
    assert gz.police_district_of("Korsør") == "Midt- og Vestsjællands Politi"
    assert gz.police_district_municipalities("Bornholms Politi") == ["Bornholms Regionskommune"]
    assert gz.known_organisation("Københavns Vestegns Politi") == ("Københavns Vestegns Politi", "police")


def test_every_town_lies_in_one_of_the_98():
    data = _yaml("towns")
    municipalities = set(gz.municipalities())
    for section in ("towns", "districts"):
        assert set(data[section]) <= municipalities
    towns = [t for names in data["towns"].values() for t in names]
    assert len(set(towns)) >= 500
    assert {m for m, names in data["towns"].items() if names} == municipalities  # every one has a town


@pytest.mark.parametrize("town,canonical", [
    ("Gellerup", "Aarhus Kommune"), ("Vollsmose", "Odense Kommune"), ("Tingbjerg", "Københavns Kommune"),
    ("Mjølnerparken", "Københavns Kommune"), ("Ishøj Strand", "Ishøj Kommune"), ("Hobro", "Mariagerfjord Kommune"),
    ("Nørresundby", "Aalborg Kommune"), ("Åkirkeby", "Bornholms Regionskommune"), ("Korsør", "Slagelse Kommune"),
    ("Taastrup", "Høje-Taastrup Kommune"), ("Tåstrup", "Høje-Taastrup Kommune"), ("nykøbing falster", "Guldborgsund Kommune"),
    ("Kongens Lyngby", "Lyngby-Taarbæk Kommune"), ("Aars", "Vesthimmerlands Kommune"),
    ("Viby", None), ("Assens", None), ("Atlantis", None),  # Viby and Assens: two of each
])
def test_towns_and_districts(town, canonical):
    assert gz.municipality_of_town(town) == canonical


@pytest.mark.parametrize("name,expected", [
    ("KAB", ("KAB", "housing_organisation")), ("kab", None),
    ("AAB", ("Arbejdernes Andels Boligforening", "housing_organisation")),
    ("arbejdernes andels boligforening", ("Arbejdernes Andels Boligforening", "housing_organisation")),
    ("3B", ("Boligforeningen 3B", "housing_organisation")), ("3b", None),
    ("fsb", ("fsb", "housing_organisation")), ("FSB", ("fsb", "housing_organisation")),
    ("Domea", ("Domea.dk", "housing_organisation")), ("DOMEA.DK", ("Domea.dk", "housing_organisation")),
    ("Bo-Vest", ("BO-VEST", "housing_organisation")),
    ("Landsbyggefonden", ("Landsbyggefonden", "national_body")), ("LBF", ("Landsbyggefonden", "national_body")),
    ("BL - Danmarks Almene Boliger", ("BL – Danmarks Almene Boliger", "national_body")),
    ("Trafik-, Bygge- og Boligstyrelsen", ("Trafik-, Bygge- og Boligstyrelsen", "national_body")),
    ("Ole Kirks Fond", ("Ole Kirk's Fond", "ngo")), ("Dansk Røde Kors", ("Dansk Røde Kors", "ngo")),
    ("Ungdommens Uddannelsesvejledning", ("Ungdommens Uddannelsesvejledning", "education")),
    ("DGI", ("DGI", "culture_leisure")), ("Region Midtjylland", ("Region Midtjylland", "health")),
    ("Boligforeningen", None), ("Fonden", None),
])
def test_known_organisations(name, expected):
    assert gz.known_organisation(name) == expected


def test_known_organisations_in_text_whole_words_only():
    text = ("Helhedsplanen er udarbejdet af KAB og Boligselskabet AKB, København med støtte fra "
            "Landsbyggefonden, TrygFonden og A.P. Møller Fonden. KABALE, kab og DGIs hal; "
            "fsb's afdeling og Østjyllands Politi.")
    found = [(text[s:e], c, t) for s, e, c, t in gz.find_known_organisations(text)]
    assert found == [
        ("KAB", "KAB", "housing_organisation"),
        ("Boligselskabet AKB, København", "Boligselskabet AKB, København", "housing_organisation"),
        ("Landsbyggefonden", "Landsbyggefonden", "national_body"), ("TrygFonden", "TrygFonden", "ngo"),
        ("A.P. Møller Fonden", "A.P. Møller Fonden", "ngo"), ("fsb", "fsb", "housing_organisation"),
        ("Østjyllands Politi", "Østjyllands Politi", "police")]


def test_the_trie_scan_finds_what_a_plain_alternation_finds():
    """The one-pass trie scan against a plain alternation of every known name (longest first)
    over every bundled agreement."""
    orgs = gz._organisations()

    def plain(surfaces, flags):
        words = [r"[\s.\-–—]+".join(map(re.escape, re.split(r"[\s.\-–—]+", s))) for s in surfaces]
        alternation = "|".join(sorted(words, key=len, reverse=True))
        return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", flags)

    slow_scans = [plain(orgs.surface_folded, re.I), plain(orgs.surface_exact, 0)]
    total = 0
    for path in sorted(bundled_examples().glob("*.txt")):
        text = "\n".join(read_document(path).lines)
        fast = {(s, e) for s, e, *_ in gz.find_known_organisations(text)}
        slow = {m.span() for scan in slow_scans for m in scan.finditer(text)}
        # the scan keeps the longest name at a place: every slow hit lies inside a fast one
        assert fast <= slow and all(any(a <= s and e <= b for a, b in fast) for s, e in slow), path.name
        total += len(fast)
    assert total > 30


def test_no_case_insensitive_name_is_a_common_danish_word():
    from wordfreq import zipf_frequency

    orgs = gz._organisations()
    single = [s for s in orgs.surface_folded if s.isalpha() and not is_abbreviation(s)]
    # names of ministries and foundations reach ~3.8 (news text); words such as "danner",
    # "fonden" and "sind" score above 4 and would match in every agreement
    common = [s for s in single if zipf_frequency(s.lower(), "da") >= 4.0]
    assert len(single) > 40 and common == []
    assert zipf_frequency("danner", "da") >= 4.0  # the test can see a common word


def test_first_names():
    names = ["Mette", "Søren", "soeren", "Ahmed", "Fatima", "Anne", "Jens", "Mohammad", "Peter", "Hans", "Marie",
             "Per", "Bo", "Helle", "Anne-Mette", "Zeynep", "Mehmet"]
    assert [n for n in names if not gz.is_first_name(n)] == []
    # in the dataset as first names, but Danish words, surnames, places or titles
    words = ["Familien", "Hej", "Lille", "Danmark", "Skole", "Nielsen", "Randers", "Fru", "Med", "Mor",
             "Boligforeningen", "Kommune", "og", "Aftalens", "", "3B", "Vej", "-"]
    assert [w for w in words if gz.is_first_name(w)] == []
    assert len(gz._first_names()) >= 15_000


def test_first_names_fold_as_every_gazetteer_does():
    from samspil.loaders.gazetteer_data import fold_key, fold_lines

    text = (vocab_dir() / "first_names.txt").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert fold_lines(text) == {fold_key(line) for line in lines}
    assert any(not line.isascii() for line in lines)  # the Unicode path is exercised


@pytest.mark.parametrize("module", ["gazetteer", "gazetteer_data", "folding"])
def test_doctests(module):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(f"samspil.loaders.{module}"))
    assert result.attempted > 0 and result.failed == 0


def test_surface_variants_spell_out_the_danish_letters():
    assert surface_variants("Ærøskøbing") == {"Ærøskøbing", "Aeroeskoebing"}
    assert gz.municipality_of_town("Aeroeskoebing") == "Ærø Kommune"


# -- users extend the files; bad files fail naming the file ------------------------------------

def test_users_add_towns_organisations_and_first_names(user_vocab):
    (user_vocab / "towns.yaml").write_text("towns:\n  Randers Kommune: [Dronningborg]\ndistricts:\n"
                                           "  Randers Kommune: [Fjordparken]\n", encoding="utf-8")
    (user_vocab / "housing_organisations.yaml").write_text(
        "organisations:\n  Boligselskabet Fjord: {aliases: [BSF], municipality: Randers}\n", encoding="utf-8")
    (user_vocab / "first_names.txt").write_text("# ours\nXylofa\n", encoding="utf-8")
    assert gz.municipality_of_town("Fjordparken") == "Randers Kommune"
    assert gz.municipality_of_town("Randers") == "Randers Kommune"  # the bundled towns are kept
    assert gz.known_organisation("BSF") == ("Boligselskabet Fjord", "housing_organisation")
    assert gz.known_organisation("KAB") == ("KAB", "housing_organisation")
    assert gz.is_first_name("Xylofa") and gz.is_first_name("Mette")


@pytest.mark.parametrize("file,content,says", [
    ("towns.yaml", "towns:\n  Atlantis Kommune: [Poseidonia]\n", "'Atlantis Kommune' is not a municipality"),
    ("towns.yaml", "towns: [Randers\n", "cannot read vocabulary file"),
    ("municipalities.yaml", "municipalities:\n  Atlantis Kommune: {region: Atlanterhavet, names: [Atlantis]}\n",
     "needs 'region:'"),
    ("municipalities.yaml", "municipalities:\n  Nyby Kommune: {region: Sjælland, names: [Randers]}\n",
     "'Randers' names both 'Randers Kommune' and 'Nyby Kommune'"),
    ("police_districts.yaml", "police_districts:\n  Fyns Politi: {municipalities: [Randers Kommune]}\n",
     "Randers Kommune is covered by both"),
    ("national_bodies.yaml", "organisations:\n  Lokalfonden: {type: fond}\n", "'type:' must be one of"),
    ("national_bodies.yaml", "organisations:\n  Kabale: {aliases: [KAB], type: ngo}\n", "'KAB' names both"),
    ("housing_organisations.yaml", "organisations:\n  Bo Nord: {municipality: Atlantis}\n",
     "municipality 'Atlantis' is not in municipalities.yaml"),
])
def test_a_bad_file_fails_naming_it(user_vocab, file, content, says):
    (user_vocab / file).write_text(content, encoding="utf-8")
    with pytest.raises(VocabularyError) as caught:
        gz.municipality_of_town("Randers"), gz.known_organisation("KAB"), gz.police_district("Fyns Politi")
    message = str(caught.value)
    assert file in message and says in message, message


def test_a_bad_first_name_line_fails_naming_file_and_line(user_vocab):
    (user_vocab / "first_names.txt").write_text("Anna\nBoligforeningen 3B\n", encoding="utf-8")
    with pytest.raises(VocabularyError) as caught:
        gz.is_first_name("Anna")
    assert str(caught.value).endswith(
        "first_names.txt:2: 'Boligforeningen 3B' is not a first name (one word of letters a line)")


def test_offsets_hold_when_lower_case_changes_the_length():
    text = "İstanbul-foreningen, KAB og Randers Kommune"  # "İ".lower() is two characters
    assert [text[s:e] for s, e, *_ in gz.find_known_organisations(text)] == ["KAB"]
    assert [text[s:e] for s, e, _ in gz.find_municipalities(text)] == ["Randers Kommune"]
