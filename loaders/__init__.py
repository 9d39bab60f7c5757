"""samspil.loaders: read agreements (.txt, .md, .docx, .pdf) and extract reports."""
from samspil.loaders.pipeline import bundled_examples, extract_file, extract_paths  # noqa: F401
