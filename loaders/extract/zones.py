"""(work in progress)"""
from __future__ import annotations


def extract_zones(doc, organisations):
    return []
