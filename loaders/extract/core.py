"""Extraction entry point: one normalised Document -> one AgreementReport.

Each part lives in its own module and is a plain function of the document:

* ``plan``        plan name, document type, period, municipality; focus areas
* ``orgs``        organisations (parties, delaftale parties, named partners)
* ``contacts``    contact persons (Kontaktperson lines, signatories)
* ``activities``  Aktivitetsnavn blocks / numbered activity sections
* ``zones``       housing departments, zones, districts
* ``targets``     target-group categories from Målgruppe texts and problem descriptions
"""
from __future__ import annotations

import re

from samspil.loaders.document import Document
from samspil.loaders.model import AgreementReport


def extract(doc: Document) -> AgreementReport:
    from samspil.loaders.extract import activities, collaborators, contacts, focus_areas, orgs, plan, targets, zones
    from samspil.loaders.extract.contact_org_cues import organisations_by_email
    from samspil.loaders.extract.run_trims import trim_activity_names

    report = AgreementReport(document=doc.id, checksum=doc.checksum, warnings=list(doc.warnings))
    report.plan = plan.extract_plan(doc)
    report.focus_areas = focus_areas.extract_focus_areas(doc)
    report.organisations = orgs.extract_organisations(doc)
    report.contacts = contacts.extract_contacts(doc, report.organisations)
    orgs.add_contact_units(report.organisations, report.contacts)
    orgs.add_lowercase_services(doc, report.organisations)
    report.zones = zones.extract_zones(doc, report.organisations)
    orgs.add_department_owners(doc, report.organisations, report.zones)
    report.organisations = orgs.without_department_names(report.organisations, report.zones, report.contacts)
    if report.plan.municipality is None:
        report.plan.municipality = plan.infer_municipality(
            [p for p in [report.plan.area, report.plan.name, *(z.part_of or z.name for z in report.zones)] if p])
    orgs.add_plan_municipality(doc, report.organisations, report.plan.municipality)
    orgs.default_parties(report.organisations, report.plan.municipality, report.plan.document_type)
    organisations_by_email(report.organisations, report.contacts, report.plan.name)
    trim_activity_names(report.organisations, report.contacts, [b.name for b in activities.activity_blocks(doc)])
    report.activities = activities.extract_activities(doc, report.focus_areas, report.organisations,
                                                      report.zones, report.contacts, report.plan.municipality)
    if (own := focus_areas.own_delaftale_area(doc)) is not None:
        for act in report.activities:  # a delaftale's own document: its activities are its area's ("2.1 X" in
            act.focus_area = own  # delaftale 2 is not the second area the text happens to name)
    focus_areas.add_activity_areas(report.focus_areas, report.activities)  # (the own area too, when no rule read it)
    if len(report.focus_areas) == 1 and (report.plan.document_type == "sub_agreement"
                                         or focus_areas.is_known_area(report.focus_areas[0].name)):
        for act in report.activities:  # a delaftale's, or a document's about one (known) area: its activities are its
            act.focus_area = act.focus_area or report.focus_areas[0].name
    collaborators.mark_collaborators(doc, report.organisations, report.activities)
    report.target_groups = targets.extract_target_groups(
        doc, report.activities, [n for o in report.organisations for n in [o.name, *o.aliases]])
    if not report.found_nothing() and (missing := _missing_facts(report)):
        report.warnings.append(f"found no {' and no '.join(missing)}: the cross-plan answers (gaps, shared partners, "
                               "brokers) will lack them for this document; check that it is the whole agreement "
                               "and how its text came out (`samspil extract FILE`)")
    if report.found_nothing():
        report.warnings.append("no plan name, party, focus area, activity, contact or zone found: "
                               "this does not look like a partnership agreement")
    elif not any(_AGREEMENT_WORDS.search(line) for line in doc.lines):
        report.warnings.append("none of the words helhedsplan, samarbejdsaftale, delaftale, boligsocial or "
                               "indsatsområde occurs: this may not be a boligsocial agreement; check the facts")
    return report


def _missing_facts(report: AgreementReport) -> list[str]:
    """What a partnership agreement always names that none of its rules found: its plan's
    name and focus areas, a delaftale's or plan's activities."""
    missing = []
    if not report.plan.name:
        missing.append("plan name")
    if not report.focus_areas:
        missing.append("focus area")
    if not report.activities and report.plan.document_type != "strategic_agreement":
        missing.append("activity")  # (a strategic agreement may leave them to its delaftaler)
    return missing  # (not the parties: an agreement may leave them to its cover letter or delaftaler)


_AGREEMENT_WORDS = re.compile(r"(?i:helhedsplan|samarbejdsaftale|delaftale|boligsocial|indsatsområde|landsbyggefond)")


def clear_name_caches() -> None:
    """Forget what the extractors remember per name or word (an organisation's type,
    its keys, a capitalised run's names, a title word, a target-group cue word): after
    the vocabulary files or SAMSPIL_VOCAB_DIR changed (see ``gazetteer.clear_caches``)."""
    from samspil.loaders.extract import (activities, focus_areas, mentions, name_cuts, orgs, people, target_cues, targets,
                                         zone_districts)

    for f in (activities._words_form, focus_areas._known_key, name_cuts.without_tail, orgs.org_type, orgs._name_keys, orgs._strip_admin_prefix, orgs._codes, mentions._run_names,
              mentions._valid, mentions._has_cue, people.is_title_word, people._bad, people._trim_run,
              people._known_organisation_first, targets._names_group,
              zone_districts.zone_key):  # (no vocabulary in it: emptied so a benchmark's names are unseen)
        f.cache_clear()
    target_cues._WORD_TEST[:] = [None, None]
    from samspil.loaders import space_tables
    from samspil.loaders.extract import tables

    for f in (tables._patterns, tables.column_kind, space_tables._head_starts,
              space_tables._head_capitals):  # (tables.yaml)
        f.cache_clear()
