"""Activities announced as posts of a social-media page's feed (a plan's Facebook page copied as
text): each post opens with its page's name and its date ("3. oktober 2025 ·"), then its text,
whose first words in capitals name the activity ("HAVNESUPPEN er tilbage! ...", "JOB I SIGTE:
Jobcenter X har ...") and whose hashtags name its focus area ("#uddannelseoglivschancer",
"#beskæftigelse"; activity_tables.focus_code). A post without a name in capitals (a new colleague,
a greeting) names no activity. Read only in a document with three dated posts or more.
"""
from __future__ import annotations

import re

from samspil.loaders.document import Document

__all__ = ["feed_blocks"]

_MONTHS = "januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december"
_POST_DATE = re.compile(rf"^\d{{1,2}}\.\s+(?:{_MONTHS})(?:\s+\d{{4}})?\s*(?:·|kl\.\s*\d.*)?\s*$", re.I)
# the post's name: its opening words in capitals (a year after it is the season's, no part of the name)
_CAPS_NAME = re.compile(r"^\W{0,3}((?:[A-ZÆØÅ][A-ZÆØÅ-]{3,}|[A-ZÆØÅ]{2,})(?:\s+(?:[A-ZÆØÅ][A-ZÆØÅ-]*|I|OG|PÅ|FOR|TIL|MED))*)"
                        r"(?:\s+(?:19|20)\d\d)?(?=\s*[:!?.,]|\s+[a-zæøå•]|\s*$)")
_HASHTAG = re.compile(r"#([A-Za-zÆØÅæøå][\wæøå-]{2,40})")
_REACTIONS = re.compile(r"^\W*\d[\d,.]*\s*(?:K\s*)?(?:·|$)")  # "• 34 · 5 kommentarer": the post ends
MIN_POSTS = 3


def feed_blocks(doc: Document) -> list:
    """An activity block for each post of a feed that names one in capitals (see the module)."""
    from samspil.loaders.extract.activity_lists import Block
    from samspil.loaders.extract.activity_tables import focus_code

    dates = [i for i, line in enumerate(doc.lines) if len(line) < 40 and _POST_DATE.match(line.strip())]
    if len(dates) < MIN_POSTS:
        return []
    out = []
    for k, i in enumerate(dates):
        stop = dates[k + 1] - 1 if k + 1 < len(dates) else len(doc.lines)
        end = next((j for j in range(i + 1, stop) if not doc.lines[j].strip() or _REACTIONS.match(doc.lines[j])), stop)
        text = " ".join(doc.lines[i + 1:end]).strip()
        if not text or not (m := _CAPS_NAME.match(text)) or len(m.group(1)) > 50:
            continue
        name = m.group(1).strip(" -")
        tags = [focus_code(doc, "#" + t) for t in _HASHTAG.findall(text)]
        areas = [t for t in tags if t[:1].isupper() and " " in t or t in _single_word_areas()]
        out.append(Block(name[:1] + name[1:].lower(), i + 1, end, areas[0] if areas else None, None, text))
    return out


def _single_word_areas() -> frozenset[str]:
    from samspil.loaders.extract.flat_activity_tables import _known_focus

    return frozenset(words[0] for words in _known_focus() if len(words) == 1)
