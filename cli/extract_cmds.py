"""``samspil extract``: documents to extraction reports."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from samspil.cli.common import handle_errors, jobs_option
from samspil.cli.main import cli
from samspil.loaders.model import AgreementReport
from samspil.loaders.pipeline import extract_paths


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True,
              help="Print the report as JSON (one object; one per line for several files).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Write <stem>.json per document into this folder (<name>.json when two share a stem).")
@jobs_option
@handle_errors
def extract(paths: tuple[Path, ...], as_json: bool, out_dir: Path | None, jobs: int | None) -> None:
    """Extract plans, organisations, contacts, activities, zones and target groups.

    PATHS are agreement files (.txt, .md, .docx, .pdf) or folders of them.
    Exits non-zero when any file could not be extracted; the others still are.
    """
    from samspil.cli.common import require_agreements
    from samspil.loaders.pipeline import expand_paths
    require_agreements(paths, expand_paths(paths))
    results = list(extract_paths(paths, jobs=jobs))
    good = [r for r in results if r.ok]
    names = report_names([r.path for r in results])
    if out_dir:
        out_dir.mkdir(parents=True, exist_ok=True)
    for r in results:
        if not r.ok:
            click.echo(f"error: {r.error}", err=True)
            continue
        data = r.report.to_dict()
        if as_json or out_dir:  # the summary shows warnings; JSON readers may not look
            for w in r.report.warnings:
                w = w.removeprefix(f"{r.path.name}: ")  # (said once, with the whole path)
                click.echo(f"warning: {r.path}: {w}", err=True)
        if out_dir:
            (out_dir / names[r.path]).write_text(
                json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
        if as_json:
            indent = 2 if len(results) == 1 else None
            click.echo(json.dumps(data, ensure_ascii=False, indent=indent))
        elif not out_dir:
            click.echo(summary(r.report))
    if out_dir and not as_json:
        click.echo(f"wrote {len(good)} report(s) to {out_dir}", err=True)
    if len(good) != len(results):
        sys.exit(1)


def report_names(paths: list[Path]) -> dict[Path, str]:
    """The file name of each document's report in ``--out``: ``<stem>.json``, or
    ``<name>.json`` when two documents share a stem (aftale.txt, aftale.pdf), or a
    number added when they share a name in different folders: never one report
    written over another.

    >>> sorted(report_names([Path("a/x.txt"), Path("a/x.pdf"), Path("b/x.pdf"), Path("y.md")]).values())
    ['x.pdf-2.json', 'x.pdf.json', 'x.txt.json', 'y.json']
    """
    stems: dict[str, int] = {}
    for p in paths:
        stems[p.stem.casefold()] = stems.get(p.stem.casefold(), 0) + 1
    out: dict[Path, str] = {}
    taken: set[str] = set()
    for p in paths:
        base = p.stem if stems[p.stem.casefold()] == 1 else p.name
        name, k = f"{base}.json", 1
        while name.casefold() in taken:
            k += 1
            name = f"{base}-{k}.json"
        taken.add(name.casefold())
        out[p] = name
    return out


def summary(report: AgreementReport) -> str:
    """A readable summary of one report."""
    p = report.plan
    period = f"{p.period_start or '?'} – {p.period_end or '?'}"
    lines = [
        f"{report.document}",
        f"  plan:          {p.name or '(no name found)'}  [{p.document_type or '?'}]",
        f"  period:        {period}",
        f"  municipality:  {p.municipality or '?'}",
        f"  focus areas:   {'; '.join(f.name for f in report.focus_areas) or '-'}",
    ]
    parties = [o.name for o in report.organisations if o.is_party]
    none = "- (a delaftale's parties are partners; the strategic agreement names the parties)" \
        if p.document_type == "sub_agreement" else "-"
    lines.append(f"  parties:       {'; '.join(parties) or none}")  # (names hold commas: "Lejerbo, Ølby")
    lines.append(f"  organisations: {len(report.organisations)}")
    for o in report.organisations[:60]:
        shown = [a for a in o.aliases if a.casefold() != o.name.casefold()][:3]
        alias = f" ({', '.join(shown)})" if shown else ""
        lines.append(f"    - {o.name}{alias}  [{o.type}]")
    if len(report.organisations) > 60:
        lines.append(f"    … and {len(report.organisations) - 60} more (--json lists every one)")
    lines.append(f"  contacts:      {len(report.contacts)}")
    for c in report.contacts:
        bits = [b for b in (c.title, c.organisation, c.email, c.phone) if b]
        lines.append(f"    - {c.name}: {', '.join(bits)}" if bits else f"    - {c.name}")
    lines.append(f"  zones:         {len(report.zones)}")
    for z in report.zones:
        extra = ", ".join(b for b in (z.type, z.housing_organisation,
                                      f"{z.units} dwellings" if z.units else None,
                                      f"in {z.part_of}" if z.part_of else None) if b)
        lines.append(f"    - {z.name} ({extra})")
    lines.append(f"  activities:    {len(report.activities)}")
    for a in report.activities:
        tg = ", ".join(a.target_groups)
        area = f" [{a.focus_area}]" if a.focus_area else ""
        lines.append(f"    - {a.name}{area}{(' → ' + tg) if tg else ''}")
    lines.append("  target groups: " + (", ".join(t.category for t in report.target_groups) or "-"))
    for w in report.warnings:
        lines.append(f"  warning: {w}")
    return "\n".join(lines)
