"""Templates of other years and municipalities name the same fields differently
("Aktivitetens navn:" for "Aktivitetsnavn:", "Tovholder:" for "Kontaktperson:",
"Parterne i aftalen:" for "Aftalens parter:", "Delaftale – X" for "Delaftale for
indsatsområdet X"): the report must not change."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from samspil.loaders.pipeline import bundled_examples, extract_file

SEEDS = ["000", "002"]  # a strategic agreement with delaftaler, a standalone delaftale

VARIANTS = {
    "activity name": [(r"Aktivitetsnavn:", "Aktivitetens navn:")],
    "activity name 2": [(r"Aktivitetsnavn:", "Navn på aktiviteten:")],
    "project name": [(r"Aktivitetsnavn:", "Projektets navn:")],
    "project name 2": [(r"Aktivitetsnavn:", "Navn på projektet:")],
    "contact": [(r"Kontaktperson(?:er)?:", "Tovholder:")],
    "contact 2": [(r"Kontaktperson(?:er)?:", "Kontakt:")],
    "contact 3": [(r"Kontaktperson:", "Kontaktperson(er):")],
    "parties": [(r"(?<![\w ])Aftalens parter:", "Parterne i aftalen:"), (r"Delaftalens parter:", "Aftaleparter:")],
    "target group": [(r"Målgruppe\(r\):", "Målgrupper:")],
    "delaftale heading": [(r"Delaftale for indsatsområdet", "Delaftale –")],
    "delaftale heading 2": [(r"Delaftale for indsatsområdet", "Delaftale 2:")],
    "focus area heading": [(r"Delaftale for indsatsområdet", "Indsatsområde:")],
}


def _facts(path: Path) -> dict[str, list]:
    r = extract_file(path)
    return {
        "activities": sorted((a.name, a.focus_area) for a in r.activities),
        "contacts": sorted((c.name, c.email, c.phone, c.organisation) for c in r.contacts),
        "parties": sorted(o.name for o in r.organisations if o.is_party),
        "organisations": sorted(o.name for o in r.organisations),
        "target groups": sorted((t.category, tuple(t.contexts)) for t in r.target_groups),
    }


@pytest.fixture(scope="module")
def originals() -> dict[str, dict[str, list]]:
    return {s: _facts(next(bundled_examples().glob(f"{s}_*.txt"))) for s in SEEDS}


def _rewritten(seed: str, variant: str) -> tuple[Path, str]:
    src = next(bundled_examples().glob(f"{seed}_*.txt"))
    text = src.read_text(encoding="utf-8")
    for pattern, replacement in VARIANTS[variant]:
        text = re.sub(pattern, replacement, text)
    return src, text


# not every seed has every field: only the pairs where the rewrite changes something
CASES = [(seed, variant) for seed in SEEDS for variant in sorted(VARIANTS)
         if _rewritten(seed, variant)[1] != next(bundled_examples().glob(f"{seed}_*.txt")).read_text(encoding="utf-8")]


def test_every_variant_is_tried() -> None:
    assert {v for _, v in CASES} == set(VARIANTS)


@pytest.mark.parametrize(("seed", "variant"), CASES)
def test_other_label_wordings_give_the_same_report(tmp_path: Path, originals, seed: str, variant: str) -> None:
    src, changed = _rewritten(seed, variant)
    path = tmp_path / src.name
    path.write_text(changed, encoding="utf-8")
    assert _facts(path) == originals[seed]


@pytest.mark.parametrize(("mark", "word"), [(r"Zone \1:", "Zone"), (r"Zone \1 –", "Zone"),
                                            (r"Delområde \1:", "Delområde"), (r"Område \1 -", "Område")])
def test_numbered_zones_in_other_wordings(tmp_path: Path, mark: str, word: str) -> None:
    """'Zone 2)' of the LBF template, as 'Zone 2:', 'Zone 2 –', 'Delområde 2:': the same
    zones and the same departments in each (named with the document's word)."""
    src = next(bundled_examples().glob("004_*.txt"))  # Amagerplanen: four zones with departments
    text = src.read_text(encoding="utf-8")
    assert re.search(r"Zone \d\)", text)
    path = tmp_path / src.name
    path.write_text(re.sub(r"Zone (\d)\)", mark, text), encoding="utf-8")

    def zones(p: Path) -> list[tuple]:
        return sorted((z.name, z.type, z.part_of) for z in extract_file(p).zones)
    expected = [(n.replace("Zone", word) if t == "zone" else n, t, p and p.replace("Zone", word))
                for n, t, p in zones(src)]
    assert sum(t == "zone" for _, t, _ in expected) == 4
    assert zones(path) == sorted(expected)
