"""Contact persons from party lists, Kontaktperson lines and signature blocks."""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import accumulate

from samspil.loaders.document import Document
from samspil.loaders.extract.collaborators import _lines_naming
from samspil.loaders.extract.org_lists import org_type_of
from samspil.loaders.extract.unit_topics import join_topic_series
from samspil.loaders.extract.orgs import is_strategic, name_key, without_signing_place
from samspil.loaders.extract.parties import parse_parties
from samspil.loaders.extract.people import is_title_word
from samspil.loaders.extract.loose_contacts import loose_contacts
from samspil.loaders.extract.prose_roles import prose_roles
from samspil.loaders.extract.person_units import contact_unit
from samspil.loaders.extract.sections import plain_lines
from samspil.loaders.extract.text import EMAIL, PHONE, clean, digits
from samspil.loaders.model import Contact, Organisation

__all__ = ["extract_contacts"]


def extract_contacts(doc: Document, organisations: list[Organisation]) -> list[Contact]:
    """One Contact per person (same e-mail, or same name), details merged."""
    _, mentions = parse_parties(doc, is_strategic(doc))
    mentions = mentions + loose_contacts(doc, {m.line for m in mentions})
    mentions += prose_roles(doc, {n.lower() for o in organisations for n in (o.name, *o.aliases)})
    out: list[Contact] = []
    # indexes (to positions in ``out``) instead of scans: thousands of contact lines
    # stay linear; the first contact with the same e-mail or name wins, as before
    by_email: dict[str, int] = {}
    by_name: dict[str, int] = {}
    refs: list[set] = []
    for m in mentions:
        p = m.person
        hits = [i for i in (by_email.get(p.email.lower()) if p.email else None,
                            by_name.get(p.name)) if i is not None]
        ref = doc.ref(m.line)
        if not hits:
            title, unit = _title_and_unit(p.title)
            out.append(Contact(name=p.name, title=title,
                               organisation=unit or contact_unit(m.organisation), email=p.email, phone=p.phone,
                               focus_area=m.delaftale, sources=[ref]))
            refs.append({ref})
            at = len(out) - 1
        else:
            at = min(hits)
            same = out[at]
            same.email = same.email or p.email
            same.phone = same.phone or p.phone
            if same.title is None or same.organisation is None:  # (the title's unit: read only when needed)
                title, unit = _title_and_unit(p.title)
                same.title = same.title or title
                same.organisation = same.organisation or unit or contact_unit(m.organisation)
            if ref not in refs[at]:
                refs[at].add(ref)
                same.sources.append(ref)
        by_name.setdefault(out[at].name, at)
        if out[at].email:
            key = out[at].email.lower()
            by_email[key] = min(at, by_email.get(key, at))
    out = _two_signatories(doc, out, organisations)
    out = _signature_runs(doc, out, organisations)
    out = _names_under_rules(doc, out, organisations)
    for c in out:  # ("For Lolland Boligselskab Nakskov, den 12/12-2016": not the place it was signed in)
        c.organisation = without_signing_place(doc, c.organisation) if c.organisation else c.organisation
    _details_in_prose(doc, out)
    _initialled_details(doc, out)
    _shared_employer(doc, out)
    out = _no_organisations(out, organisations)
    _no_unit_runs(out, organisations)
    _generic_employers(doc, out, organisations)
    _initials_spelt_out(out, organisations)
    return _middle_initials(out)


def _middle_initials(contacts: list[Contact]) -> list[Contact]:
    """A person written once with a middle name cut to its initial ("Thomas V. Engholm" under a newsletter,
    "Mads U. Bonde" under a signature) is the one written out in full ("Thomas Vilstrup Engholm"): one contact."""
    full = {}
    for c in contacts:
        words = c.name.split()
        if len(words) >= 3 and not any(_INITIAL.fullmatch(w) for w in words):
            full.setdefault((words[0], words[-1], len(words)), []).append(c)
    out = []
    for c in contacts:
        words = c.name.split()
        cut = [k for k, w in enumerate(words[1:-1], start=1) if _INITIAL.fullmatch(w)] if len(words) >= 3 else []
        same = [d for d in full.get((words[0], words[-1], len(words)), []) if cut
                and all(d.name.split()[k].startswith(words[k][0]) for k in cut)] if cut else []
        if len(same) != 1:
            out.append(c)
            continue
        whole = same[0]
        whole.email, whole.phone = whole.email or c.email, whole.phone or c.phone
        whole.organisation, whole.title = whole.organisation or c.organisation, whole.title or c.title
        whole.sources += [ref for ref in c.sources if ref not in whole.sources]
    return out


_INITIAL = re.compile(r"[A-ZÆØÅ]\.")


def _two_signatories(doc: Document, contacts: list[Contact], organisations: list[Organisation]) -> list[Contact]:
    """Signatures side by side whose names ran together when the line breaks were lost ("For Ærø Kommune For
    Boligforeningen X ... Kaj Verner Tranum Gudrun Sletting Aabye formand borgmester"): two people, cut where the
    second's first name follows the first's surname (the one such place), each of the organisation signed for in
    that order; a "name" opening with a document's kind ("Helhedsplan Soeby Skulder", a running footer) is none."""
    from samspil.loaders.gazetteer import is_first_name

    out: list[Contact] = []
    for c in contacts:
        words = c.name.split()
        if words and words[0].casefold() in _DOCUMENT_WORDS:
            continue
        if c.email or c.phone or not 4 <= len(words) <= 12:
            out.append(c)
            continue
        cuts = _name_cuts(words) if is_first_name(words[0]) else []
        if len(cuts) in (2, 3) and len(words) > 8 and (split := _more_signatories(doc, c, words, cuts, organisations)):
            out += split  # ("For X For Y For Z" over three names and their three titles)
            continue
        if len(words) > 8:
            out.append(c)
            continue
        at = next((i for i, text in enumerate(doc.lines) if c.name in text), None) if len(cuts) == 1 else None
        signed = _signed_for(doc, at) if at is not None else []
        after = _titles_after(doc.lines[at].split(c.name, 1)[1]) if at is not None and len(signed) < 2 else []
        if after:  # "Tomas Brix Ellehammer Jette Mørch Aasted Borgmester, Roskilde Kommune Direktør, Værebrohuse"
            for name, (title, org) in zip((" ".join(words[:cuts[0]]), " ".join(words[cuts[0]:])), after):
                out.append(Contact(name=name, title=title, organisation=_signed_org(org, organisations, ends=True),
                                   sources=list(c.sources)))
            continue
        if len(signed) < 2:  # (no one place to cut, or no two organisations signed for on the line)
            out.append(c)
            continue
        k = cuts[0]
        titles = (c.title or "").split()
        cut_title = next((j for j in range(1, len(titles)) if titles[j][:1].isupper() and is_title_word(titles[j])
                          and titles[j - 1] not in ("for", "og", "i", "af", "ved")),
                         None) or next((j for j in range(1, len(titles)) if titles[j][:1].isupper()),
                                       1 if len(titles) == 2 else None)  # (the second title's word: "Direktør for
        # Social og Beskæftigelse Direktør", not the first's domain)
        parts = [" ".join(titles[:cut_title]), " ".join(titles[cut_title:])] if cut_title else [c.title, None]
        for name, title, org in ((" ".join(words[:k]), parts[0], signed[0]), (" ".join(words[k:]), parts[1], signed[1])):
            out.append(Contact(name=name, title=title or None, organisation=_signed_org(org, organisations),
                               sources=list(c.sources)))
    return out


def _name_cuts(words: list[str]) -> list[int]:
    """Where the next person's name begins in names run together ("Jørgen Skaarup Bech Lone Dyrvig Fenger"): each
    first name after a word that is none, two words into the run at least and not its last word."""
    from samspil.loaders.gazetteer import is_first_name

    return [k for k in range(2, len(words) - 1) if is_first_name(words[k]) and not is_first_name(words[k - 1])]


def _signed_org(org: str, organisations: list[Organisation], ends: bool = False) -> str:
    """The organisation a signature is for, as the document's organisations name it: the longest whose name opens
    what was signed for ("For Lolland Boligselskab Nakskov, den 12/12-2016"), or with ``ends`` also one whose name
    ends with it (a short form: "Direktør, Værebrohuse"); else as written."""
    return max((o.name for o in organisations if org.startswith(o.name) or ends and o.name.endswith(org)),
               key=len, default=org)


_RULE_WORD = re.compile(r"[_.…]{3,}")  # the line signed on
_FOR_RUN = re.compile(r"(?:\bFor\s+[A-ZÆØÅ][^\s]*(?:\s+(?!For\b)[A-ZÆØÅ0-9][^\s]*){0,5}\s+){2,4}")


def _signature_runs(doc: Document, contacts: list[Contact], organisations: list[Organisation]) -> list[Contact]:
    """Signatures side by side whose line breaks were lost, read from their line when no contact was: "For Faxe
    Kommune For Boligselskabet X For Boligforeningen Y Jørgen Skaarup Bech Lone Dyrvig Fenger Poul Abildtrup Hein
    Borgmester Direktør Formand": each organisation signed for up to the next "For" (the last one's up to the first
    name), the names cut where a first name follows a surname, as many as the organisations, a title word each."""
    from samspil.loaders.gazetteer import is_first_name

    if doc.text.count("For ") < 2:
        return contacts
    have = {c.name for c in contacts}
    for i, line in enumerate(doc.lines):
        runs = [(m.group(0), line[m.end():m.end() + 200]) for m in _FOR_RUN.finditer(line)] \
            if line.count("For ") >= 2 else []
        if not runs and is_first_name(line.split(" ", 1)[0]) and (above := _signed_above(doc, i)):
            runs = [(" ".join(f"For {org}" for org in above[:-1]) + f" For {above[-1]}", " " + line[:200])]
            # ("For X" / "For Y" / "For Z" on lines of their own over the rules and the names run together)
        for head, rest in runs:
            parts = [p.strip() for p in re.split(r"\bFor\s+", head) if p.strip()]
            words = [w for w in f"{parts[-1]} {rest}".split() if not _RULE_WORD.fullmatch(w)]
            first = next((k for k, w in enumerate(words[:5]) if k and is_first_name(w)), None)
            if first is None:
                continue
            signed = parts[:-1] + [" ".join(words[:first])]
            names, k = [], first
            while k < len(words) and words[k][:1].isupper() and not is_title_word(words[k]) and len(names) <= 12:
                names.append(words[k])
                k += 1
            cuts = _name_cuts(names)
            if len(cuts) + 1 != len(signed) or any(_within(h, names) for h in have if len(h.split()) < len(names)):
                continue  # (the names read already, one by one: "Hans-Otto Bjerrum Lykke", "Rasmus Thorsoe Bang")
            bounds = [0, *cuts, len(names)]
            people = [" ".join(names[bounds[j]:bounds[j + 1]]) for j in range(len(signed))]
            if any(p in have for p in people) or any(len(p.split()) < 2 for p in people):
                continue
            titles = [w for w in words[k:k + len(signed)] if is_title_word(w)]
            titles = titles if len(titles) == len(signed) else [None] * len(signed)
            joined = " ".join(names)
            contacts = [c for c in contacts if c.name != joined]
            for person, org, title in zip(people, signed, titles):
                contacts.append(Contact(name=person, title=title, organisation=_signed_org(org, organisations),
                                        sources=[doc.ref(i)]))
                have.add(person)
    return contacts


_RULES_RUN = re.compile(r"(?:_{5,}\s+){2,4}")  # the lines signed on, side by side, run together
_RULE_LINE = re.compile(r"_{5,}")


def _names_under_rules(doc: Document, contacts: list[Contact], organisations: list[Organisation]) -> list[Contact]:
    """Signatures side by side whose line breaks were lost, without "For X" over them: "____ ____ Pernille Brahe
    Sommer Kirsten Ørum Lyhne Chef for Familie og Forebyggelse Direktør, Boligforeningen Aakrogen": as many people
    as lines signed on, their names cut where a first name follows a surname, then as many titles, each opening
    with a title word ("Title, organisation" gives the organisation too)."""
    if "_____" not in doc.text:
        return contacts
    have = {c.name for c in contacts}
    for i, line in enumerate(doc.lines):
        if "_____ " not in line:
            continue
        for m in _RULES_RUN.finditer(line):
            count = len(_RULE_LINE.findall(m.group(0)))
            words = line[m.end():m.end() + 300].split()
            k = 0
            while k < len(words) and words[k][:1].isupper() and not is_title_word(words[k]) \
                    and not _RULE_WORD.fullmatch(words[k]) and k <= 12:
                k += 1
            names = words[:k]
            cuts = _name_cuts(names)
            if len(cuts) + 1 != count:
                continue
            bounds = [0, *cuts, len(names)]
            people = [" ".join(names[bounds[j]:bounds[j + 1]]) for j in range(count)]
            if any(len(p.split()) < 2 or p in have for p in people):
                continue
            rest = []
            for w in words[k:k + 30]:
                if _RULE_WORD.fullmatch(w):
                    break
                rest.append(w)
            starts = [n for n, w in enumerate(rest) if w[:1].isupper() and is_title_word(w.rstrip(","))]
            roles = [" ".join(rest[a:b]) for a, b in zip(starts, [*starts[1:], len(rest)])] \
                if starts[:1] == [0] and len(starts) == count else [None] * count
            for person, role in zip(people, roles):
                title, _, org = (role or "").partition(", ")
                contacts.append(Contact(name=person, title=title or None,
                                        organisation=_signed_org(org, organisations) if org else None,
                                        sources=[doc.ref(i)]))
                have.add(person)
    return contacts


def _signed_above(doc: Document, i: int) -> list[str]:
    """The organisations signed for on lines of their own just above line ``i`` ("For Gladsaxe Kommune" /
    "For BVH" / "For BFP", the lines signed on between), two or more; else none."""
    found: list[str] = []
    for j in range(i - 1, max(-1, i - 10), -1):
        text = doc.lines[j].strip()
        if not text or _RULE_WORD.fullmatch(text):
            continue
        if not text.startswith("For ") or len(text) > 70:
            break
        found.insert(0, text[4:].strip())
    return found if len(found) >= 2 else []


def _within(name: str, words: list[str]) -> bool:
    """Is a person read already among ``words``: their first name and surname a few words apart, in that
    order (a middle name spelt otherwise: "Rasmus Thorsoe Bang" in "... Lykke Rasmus Thorsøe Bang")?"""
    parts = name.casefold().split()
    folded = [w.casefold() for w in words]
    return len(parts) >= 2 and any(w == parts[0] and parts[-1] in folded[k + 1:k + len(parts) + 1]
                                   for k, w in enumerate(folded))


def _more_signatories(doc: Document, c: Contact, words: list[str], cuts: list[int],
                      organisations: list[Organisation]) -> list[Contact]:
    """Three or four signatures side by side run together ("For Kolding Kommune For Boligforeningen X For LVB Jørgen
    Skaarup Bech Lone Dyrvig Fenger Poul Abildtrup Hein Borgmester Direktør Formand"): a person at each place a first
    name follows a surname, as many as the organisations signed for, each title the capitalised title word in turn."""
    at = next((i for i, text in enumerate(doc.lines) if c.name in text), None)
    signed = _signed_for(doc, at) if at is not None else []
    if len(signed) != len(cuts) + 1:
        return []
    bounds = [0, *cuts, len(words)]
    titles = [w for w in doc.lines[at].split(c.name, 1)[1].split()[:len(signed)] if is_title_word(w)]
    titles = titles if len(titles) == len(signed) else [None] * len(signed)
    out = []
    for k, (org, title) in enumerate(zip(signed, titles)):
        out.append(Contact(name=" ".join(words[bounds[k]:bounds[k + 1]]), title=title,
                           organisation=_signed_org(org, organisations), sources=list(c.sources)))
    return out


# two signatories' titles and organisations after their names: "Borgmester, Roskilde Kommune Direktør, Værebrohuse"
_TITLED_PAIR = re.compile(r"^\s*(?P<t1>[A-ZÆØÅ][\wæøå-]+(?:\s+[a-zæøå][\wæøå.-]+){0,2}),\s+(?P<o1>.+?)\s+"
                          r"(?P<t2>[A-ZÆØÅ][\wæøå-]+(?:\s+[a-zæøå][\wæøå.-]+){0,2}),\s+"
                          r"(?P<o2>[A-ZÆØÅ][\wæøå&.-]*(?:\s+(?:[A-ZÆØÅ][\wæøå&.-]*|og|for|i)){0,4}?)"
                          r"(?=\s+Side\b|\s*$|\s+\d)")


def _titles_after(text: str) -> list[tuple[str, str]]:
    """The (title, organisation) of each of two signatories named side by side, after their names on the
    line whose breaks were lost, each title's first word one of a title ("Borgmester", "Direktør")."""
    m = _TITLED_PAIR.match(text)
    if m is None or not is_title_word(m.group("t1").split()[0]) or not is_title_word(m.group("t2").split()[0]) \
            or len(m.group("o1").split()) > 5:
        return []
    return [(m.group("t1"), m.group("o1").strip(" ,")), (m.group("t2"), m.group("o2").strip(" ,"))]


def _signed_for(doc: Document, at: int) -> list[str]:
    """The organisations signed for ("For X For Y"), on the names' line ``at`` or above it: on a line of their own
    over "Name Name" and "Title Title", or one a line over the signatures' rules (a segmenter cut them apart)."""
    signed: list[str] = []
    for j in range(at, max(-1, at - 6), -1):
        text = doc.lines[j]
        found = [m.group(1) for m in _FOR_ORG.finditer(text)] if "For " in text else []
        if found:
            signed = found + signed
            if len(signed) >= 2 or j == at:
                break
        elif j < at and (signed or any(ch.isalpha() for ch in text)):
            break  # (above the rules and blanks: another line of words)
    return signed


_DOCUMENT_WORDS = frozenset("helhedsplan helhedsplanen strategisk samarbejdsaftale delaftale boligsocial".split())
# "For Ærø Kommune For Boligforeningen Skjoldnæsbo": the organisations signed for, in their order
_FOR_ORG = re.compile(r"\bFor\s+((?:[A-ZÆØÅ][\wæøå&.-]*)(?:\s+(?!For\b)[A-ZÆØÅ][\wæøå&.-]*){0,3})")


# "Begge er ansat i Fanø Almene Boliger (FABO).", "Alle tre er ansat hos Boligselskabet X": the employer of the
# people listed just above
_SHARED_EMPLOYER = re.compile(r"^\W{0,3}(?:Begge|Alle(?:\s+(?:to|tre|fire|fem))?|De)\s+(?:to\s+|tre\s+)?(?:er\s+)?ansat\s+(?:i|hos|af)\s+"
                              r"(?P<org>[A-ZÆØÅ0-9][^.;:()]{2,80}?)\s*(?:\([^()]{1,20}\))?\s*[.;]?\s*$")
_SHARED_SPAN = 8  # lines above the sentence where its people are listed


def _shared_employer(doc: Document, contacts: list[Contact]) -> None:
    """A sentence under a list of people naming their common employer ("Begge er ansat i Fanø Almene
    Boliger (FABO)."): the employer of the people listed in the lines just above it, where the
    list gave none of its own or only its heading."""
    if "ansat" not in doc.text:
        return
    for i, line in enumerate(doc.lines):
        if "ansat" not in line or (m := _SHARED_EMPLOYER.match(line.strip())) is None:
            continue
        at = doc.ref(i).line  # (the sources cite the document's own lines)
        listed = [c for c in contacts if at is not None and any(s.line is not None and at - _SHARED_SPAN <= s.line < at
                                                                 for s in c.sources)]
        for c in listed if len(listed) >= 2 else []:
            if c.organisation is None or c.organisation.casefold() in _generic_words():
                c.organisation = m.group("org").strip()


@lru_cache(maxsize=1)
def _generic_words() -> frozenset[str]:
    from samspil.loaders.vocab import load_vocab

    return frozenset(w.casefold() for w in load_vocab("organisations").get("generic_single", []))


_KIND_WORDS = {"boligorganisationen": "housing_organisation", "boligselskabet": "housing_organisation",
               "boligforeningen": "housing_organisation", "kommunen": "municipality"}


def _generic_employers(doc: Document, contacts: list[Contact], organisations: list[Organisation]) -> None:
    """A contact whose organisation is only the word for its kind ("Boligorganisationen: udviklingschef
    Hanne Brøndum, ...", "Kommunen: chefkonsulent ..."): the document's one organisation of that kind (its
    municipality; its housing organisation when it names one), else none."""
    from samspil.loaders.extract.plan import municipality_of

    for c in contacts:
        kind = _KIND_WORDS.get((c.organisation or "").casefold())
        if kind is None:
            continue
        line = c.sources[0].excerpt or "" if c.sources else ""  # (the line the contact is read from)
        after = line.partition(c.name)[2].split(",")[1:3] if c.name in line else []
        unit = next((part.strip() for part in after if "@" not in part and not PHONE.search(part)
                     and part.strip()[:1].isupper() and org_type_of(part.strip()) != "other"), None)
        if unit is not None:  # "Kommunen: chefkonsulent X, Center for Børn og Unge, x@y.dk": the unit written
            c.organisation = unit  # after the name
        elif kind == "municipality":
            c.organisation = municipality_of(doc)
        else:
            own = [o.name for o in organisations if o.type == kind and o.parent is None
                   and o.name.casefold() not in _KIND_WORDS]
            c.organisation = own[0] if len(own) == 1 else None


def _initials_spelt_out(contacts: list[Contact], organisations: list[Organisation]) -> None:
    """A contact's organisation written as the capitals the agreement defines for it ("For SK:"
    under "Struer Kommune (herefter SK)") named in full, as the organisation is (a short form
    the vocabulary knows stays as written)."""
    from samspil.loaders.extract.mentions import _vocab

    known = _vocab()[0]  # (a short form known the country over, "KVUC", "KAB", is how people write it: kept)
    short = {a: o.name for o in organisations for a in o.aliases if a.isupper() and 2 <= len(a) <= 6
             and a not in known and o.name.split()[0] != a}  # (nor "KAB" of "KAB - Brøndby Boligselskab")
    for c in contacts:
        if c.organisation in short:
            c.organisation = short[c.organisation]


def _no_unit_runs(contacts: list[Contact], organisations: list[Organisation]) -> None:
    """No organisation for a contact where the words read as their unit are a sentence, hold
    an e-mail, a phone or another contact's name ("Kommunens koordinator er Pia Lund Brix
    (pilb@herning.dk)."), or are two of the document's organisations run together (a party
    list whose line breaks were lost: "Herning Kommune Boligselskabet Engbo"): the
    organisation is then left to the e-mail's domain or to no one."""
    names = [c.name for c in contacts if " " in c.name]
    keys = sorted({k for o in organisations for n in (o.name, *o.aliases) if len(k := name_key(n)) > 2},
                  key=len, reverse=True)
    for c in contacts:
        unit = c.organisation
        if unit and not any(ch.isalpha() for ch in unit):
            c.organisation = None  # "•": a bullet or a phone's symbol read as the unit
            continue
        words = unit.split(",")[0].split() if unit else []
        if words and words[-1][:1].islower() and is_title_word(words[-1]) and org_type_of(" ".join(words)) == "other" \
                and not any(w[:1].isupper() for w in words[1:]):
            c.title, c.organisation = c.title or " ".join(words), None  # "Fritids- og ungemedarbejder" under a web
            continue  # card's name: the title, no unit
        if not unit or len(unit) < 12:
            continue
        if "@" in unit or PHONE.search(unit) or _A_SENTENCE.search(unit) \
                or unit.count(" ") >= 5 and _A_VERB.search(unit) \
                or any(n in unit for n in names if n != c.name) \
                or "," not in unit and _two_organisations(name_key(unit), keys):  # ("Jobcenter Odense, Ungeenheden")
            c.organisation = None


def _two_organisations(key: str, keys: list[str]) -> bool:
    """``key`` is two or more of ``keys`` one after the other, and nothing else."""
    if key in keys:
        return False
    parts = 0
    while key:
        k = next((k for k in keys if key == k or key.startswith(k + " ")), None)
        if k is None:
            return False
        key, parts = key[len(k):].lstrip(), parts + 1
    return parts >= 2


_A_VERB = re.compile(r"\s(?:er|har|bliver|blev|kan|skal|vil)\s")  # (in six words or more: "Hvis I har spørgsmål
# ..., er I velkomne til at kontakte fuldmægtig" over the name)
_A_SENTENCE = re.compile(_A_VERB.pattern + r".*\.$")


def _initialled_details(doc: Document, contacts: list[Contact]) -> None:
    """An e-mail no entry gave, written with no name ("Kontakt: rdf@oesb.dk, tlf. 22 58 91 30" in a
    fact box), given to the one contact without an e-mail whose initials are its local part (Rikke
    Dahlberg Flensted: "rdf"), with a phone on the same line if the contact has none."""
    wanting = [c for c in contacts if not c.email and len(c.name.split()) >= 2]
    if not wanting or "@" not in doc.text:
        return
    taken = {c.email.lower() for c in contacts if c.email}
    for line in plain_lines(doc):
        if "@" not in line:
            continue
        for m in EMAIL.finditer(line):
            email = m.group(0)
            local = email.split("@")[0].lower()
            if email.lower() in taken or not local.isalpha() or not 2 <= len(local) <= 4:
                continue
            owners = [c for c in wanting if not c.email and "".join(w[0] for w in c.name.lower().split()) == local]
            if len(owners) != 1:
                continue
            owners[0].email = email
            taken.add(email.lower())
            if not owners[0].phone and (phone := PHONE.search(EMAIL.sub(" ", line))):
                owners[0].phone = digits(phone.group(0))


def _details_in_prose(doc: Document, contacts: list[Contact]) -> None:
    """An e-mail or phone a sentence gives right after a contact's name, where no entry
    gave them ("Henvendelse om helhedsplanen kan ske til Gitte Hauge på tlf. 57 87 62 14
    eller gh@soroebo.dk."): up to the sentence's end or the next person's name."""
    wanting = [c for c in contacts if not c.email and not c.phone and " " in c.name]  # (no entry gave any)
    if not wanting:
        return
    plain = plain_lines(doc)
    # (each name looked for once in the lines joined, not in each line: ~3,600 tests a dense PDF)
    named = _lines_naming("\n".join(plain), [0, *accumulate(len(t) + 1 for t in plain)], [c.name for c in wanting])
    lines = [plain[k] for k in named if "@" in plain[k] or _DIGIT.search(plain[k])]
    if not lines:
        return
    taken = {c.email.lower() for c in contacts if c.email}
    names = [c.name for c in contacts]
    for text in lines:
        for c in wanting:
            at = text.find(c.name)
            while at >= 0 and (not c.email or not c.phone):
                window = text[at + len(c.name): at + len(c.name) + _PROSE_WINDOW]
                window = _PROSE_END.split(window, 1)[0]  # (and at the next entry of a list: " - GAB: ...")
                for other in names:
                    if other != c.name and (k := window.find(other)) >= 0:
                        window = window[:k]
                if not c.email and (m := EMAIL.search(window)) and m.group(0).lower() not in taken:
                    c.email = m.group(0)
                    taken.add(c.email.lower())
                if not c.phone and (m := PHONE.search(EMAIL.sub(" ", window))):  # (not "meob@99454545.dk")
                    c.phone = digits(m.group(0))
                at = text.find(c.name, at + 1)


_PROSE_WINDOW = 90
_PROSE_END = re.compile(r"(?<=[a-zæøå0-9)])[.!?]\s+(?=[A-ZÆØÅ])|\.$|\s[-–•;|]\s|\s[A-ZÆØÅ][\w-]*:\s")
_DIGIT = re.compile(r"\d{2}")


def _no_organisations(contacts: list[Contact], organisations: list[Organisation]) -> list[Contact]:
    """``contacts`` without those named as an organisation of the document is named (its name,
    an alias, or its name after the word for its kind: "Søvang Hjem" of "Boligselskabet Søvang
    Hjem"): an entry "Beboerkonsulent Dorte Ærenlund, Søvang Hjem, doa@x.dk, 4016 9382" read as
    two people. Its e-mail and phone go to the person before it on the same line, if they have none."""
    names = {name_key(n) for o in organisations for n in (o.name, *o.aliases)}
    names |= {name_key(m.group(1)) for o in organisations if (m := _KIND_FIRST.match(o.name))}
    out: list[Contact] = []
    for c in contacts:
        if name_key(c.name) not in names:
            out.append(c)
            continue
        line = c.sources[0].line if c.sources else None
        before = next((p for p in reversed(out) if p.sources and p.sources[0].line == line), None)
        if before is not None and not before.email and not before.phone:
            before.email, before.phone = c.email, c.phone
    return out


_KIND_FIRST = re.compile(r"^(?:Boligforeningen|Boligselskabet|Andelsboligforeningen|Boligorganisationen|Foreningen|Fonden)"
                         r"\s+(.+)$")


def _title_and_unit(title: str | None) -> tuple[str | None, str | None]:
    """A title with the organisation written after it split off ("politiassistent, Midt- og
    Vestsjællands Politi" -> the title and the police: written after the person, the most
    specific unit named for them)."""
    title = _title(title)
    if title and ", " in title:  # (the common title of one word is told at once)
        head, tail = title.rsplit(", ", 1)
        if len(join_topic_series([*head.split(", "), tail])) == 1:
            return title, None  # "direktør for Børn, Kultur og Sundhed": the area is the title's
        if tail[:1].isupper() and org_type_of(tail) != "other" and (unit := contact_unit(tail)):
            return head, unit
    return title, None


def _title(title: str | None) -> str | None:
    """A title without the label and organisation written before it ("Jobcenter Vejle
    (kontaktperson: afdelingsleder" -> "afdelingsleder")."""
    if not title:
        return None
    if "ato" in title:  # a signature's date after the title ("direktør – dato 28.11.2023", "direktør Dato:")
        title = _SIGNING_DATE.sub("", title)
    if "(" in title:  # a note of when: "boligsocial leder (fratræder 31.01.2026)", "(tiltræder 1.2.)"
        title = _DATED_NOTE.sub("", title)
    return clean(title.rsplit(":", 1)[-1]) or None


_DATED_NOTE = re.compile(r"\s*\((?:fratræder|tiltræder|fratrådt|tiltrådt|fra|til|pr\.|indtil|orlov|barsel)(?=\s)[^()]*\)?$", re.I)


_SIGNING_DATE = re.compile(r"\s*[–,-]?\s*\b[Dd]ato\b\s*:?.*$")
