"""Contact-line variants met in real agreements (each line as printed in a seed)."""
import pytest

from samspil.loaders.extract.people import find_people, is_title_word, looks_like_name


def people(text, strict=False):
    return [(p.name, p.email, p.phone) for p in find_people(text, strict=strict)]


@pytest.mark.parametrize("line, expected", [
    ("Kontaktperson: Afdelingsleder, Afdeling for unge, Charlotte Kølle Jørgensen: 21438324 / fj2f@kk.dk",
     [("Charlotte Kølle Jørgensen", "fj2f@kk.dk", "21438324")]),
    ("Kontaktperson klyngeleder Maiken Andersen: 52106634 / D320@kk.dk",
     [("Maiken Andersen", "D320@kk.dk", "52106634")]),
    # two people on one line, spaced phone
    ("Kontaktpersoner: Britt Holmgaard, leder for sundhedsplejen VVK: ux3d@kk.dk, 30 57 28 60 og "
     "Lone Haahr Mogensen, sundhedsplejerske og faglig koordinator: bz3x@kk.dk",
     [("Britt Holmgaard", "ux3d@kk.dk", "30572860"), ("Lone Haahr Mogensen", "bz3x@kk.dk", None)]),
    # markdown link around the name
    ("Kontaktperson: [Camilla Rosenkrantz Brix](#), teamleder: 21530521 / KE1W@kk.dk",
     [("Camilla Rosenkrantz Brix", "KE1W@kk.dk", "21530521")]),
    # international prefix, slash glued to the number
    ("Kontaktperson: Direktør Christina Grøntved, Tlf. Nr. Mobil: +45 4078 8284/ cgr@incita.dk",
     [("Christina Grøntved", "cgr@incita.dk", "+4540788284")]),
    # title after the name with no comma
    ("Kontaktperson: Olga Katrine Schildt Nabe-Nielsen Beskæftigelseskonsulent og Koordinator: 8256 5682 / ja6u@kk.dk",
     [("Olga Katrine Schildt Nabe-Nielsen", "ja6u@kk.dk", "82565682")]),
    # several names; the details belong to the last
    ("Kontaktpersoner: Frederikke Byder, Sune Jensen, Jessica Hylleberg og Rane Garbrecht, samt sektionsleder "
     "Michael Hansen (POL): 9350 0965 / MHA040@politi.dk",
     [("Frederikke Byder", None, None), ("Sune Jensen", None, None), ("Jessica Hylleberg", None, None),
      ("Rane Garbrecht", None, None), ("Michael Hansen", "MHA040@politi.dk", "93500965")]),
    # organisation, unit, person, e-mail, phone: several on one line
    ("Socialpsykiatriske væresteder, Café Rose, Lise Kivijere, zt8u@sof.kk.dk, Værestedet Amadeus og Pegasus, "
     "Jørgen Hansen, amadeus@hjemlos.dk, 33316003",
     [("Lise Kivijere", "zt8u@sof.kk.dk", None), ("Jørgen Hansen", "amadeus@hjemlos.dk", "33316003")]),
    # "v." form with an e-mail glued to the next entry (PDF extraction)
    ("Center for Beskæftigelse og Afklaring (CBA) (BIF) v. afdelingschef Thomas Egebo Danielsen, "
     "hy2r@kk.dkUNG (BIF) v. afdelingschef Stine Dybkjær Hein, hb1e@kk.dk",
     [("Thomas Egebo Danielsen", "hy2r@kk.dk", None), ("Stine Dybkjær Hein", "hb1e@kk.dk", None)]),
    ("Skolen På Amagerbro v. Skoleleder Henrik A. Bunde, dg74@kk.dk",
     [("Henrik A. Bunde", "dg74@kk.dk", None)]),
])
def test_contact_line_variants(line, expected):
    assert people(line) == expected


def test_strict_mode_needs_title_or_known_first_name():
    line = "Frivillige foreninger, Mind Your Own Business, Samvirkende Boligselskaber"
    assert people(line, strict=True) == []
    assert people("Centerchefen for Center City, Kenneth Gøtterup", strict=True) == [
        ("Kenneth Gøtterup", None, None)]


def test_title_words_and_name_shapes():
    assert is_title_word("Afdelingsleder") and is_title_word("Sekretariatschef")
    assert is_title_word("Projektlederen")  # definite form
    assert not is_title_word("Charlotte")
    assert looks_like_name("Allan B. Lund")
    assert not looks_like_name("Borgercenter Voksne")


def test_a_label_in_front_is_not_part_of_the_title():
    from samspil.loaders.extract.people import find_people

    people = find_people("Ansvarlig: Boligsocial medarbejder Peter Jensen (pj@bo-vest.dk)")
    assert [(p.name, p.title, p.email) for p in people] == [
        ("Peter Jensen", "Boligsocial medarbejder", "pj@bo-vest.dk")]
