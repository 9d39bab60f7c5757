"""Organisations named in running text (work in progress)."""
from __future__ import annotations


def text_mentions(doc, known):
    return []
