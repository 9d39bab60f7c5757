"""Abbreviations whose expansion holds in one municipality only (vocab/abbreviations.yaml
``local``): "SSP" alone is SSP København in a Copenhagen agreement, and stays "SSP"
(the local SSP) in any other municipality's."""
from __future__ import annotations

from samspil.loaders import extract_file

_AGREEMENT = """Strategisk samarbejdsaftale for {area}

Aftalens parter: {kommune} og Boligselskabet Fjordglimt

Indsatsområde: Kriminalitetsforebyggelse og tryghed
Aktivitetsnavn: Tryg om aftenen
Målgruppe(r): Unge 13-17 år
Indhold og praksis: Gadeplansmedarbejdere går aftenture sammen med SSP og
Natteravnene. SSP holder møde med forældrene hver måned.
"""


def _names(tmp_path, kommune: str, area: str) -> list[set[str]]:
    path = tmp_path / f"{area}.txt"
    path.write_text(_AGREEMENT.format(kommune=kommune, area=area), encoding="utf-8")
    return [{o.name, *o.aliases} for o in extract_file(path).organisations]


def test_a_local_expansion_is_not_carried_to_another_municipality(tmp_path):
    vejle = _names(tmp_path, "Vejle Kommune", "Vestbyen")
    assert any("SSP" in names for names in vejle)
    assert not any("SSP København" in names for names in vejle)


def test_the_local_expansion_holds_in_its_own_municipality(tmp_path):
    cph = _names(tmp_path, "Københavns Kommune", "Nordvest")
    assert any({"SSP København", "SSP"} <= names for names in cph)
