"""Extraction from a normalised document into an AgreementReport."""
from samspil.loaders.extract.core import extract  # noqa: F401
