"""samspil.loaders: read agreements (.txt, .md, .docx, .pdf) and extract reports.

The extraction pipeline is imported on first use of these names (PEP 562), so
``samspil.loaders.errors`` or ``samspil.loaders.model`` alone do not pull in every
extractor: a command that only reads the graph does not pay for them.
"""
from __future__ import annotations

from typing import Any

__all__ = ["bundled_examples", "extract_file", "extract_paths"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from samspil.loaders import pipeline
        return getattr(pipeline, name)
    raise AttributeError(f"module 'samspil.loaders' has no attribute {name!r}")
