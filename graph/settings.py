"""One settings object for samspil (environment prefix ``SAMSPIL_``)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

from platformdirs import user_data_dir
from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from samspil.loaders.limits import DEFAULT_LIMITS, Limits

Names = Annotated[list[str], NoDecode]   # from the environment: comma-separated

__all__ = ["Settings", "get_settings"]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SAMSPIL_", extra="ignore")

    data_dir: Path = Field(
        default_factory=lambda: Path(user_data_dir("samspil", appauthor=False)),
        description="Folder of the embedded store (samspil.sqlite) and the overrides file.",
    )
    store: str = Field("embedded", description="Which store: 'embedded' (SQLite) or 'neo4j'.")
    neo4j_uri: str = Field("bolt://localhost:7687",
                           description="Neo4j URI; neo4j:// or neo4j+s:// for a cluster or Aura.")
    neo4j_user: str = Field("neo4j", description="Neo4j user name.")
    neo4j_password: str | None = Field(None, description="Neo4j password (no default secret).")
    neo4j_database: str | None = Field(None, description="Neo4j database; None = server default.")
    neo4j_retry_seconds: float = Field(
        30.0, ge=0, description="How long a Neo4j transaction is retried after a transient failure "
        "(lost connection, cluster leader switch) before the command gives up.")
    api_key: str | None = Field(None, description="API key for write endpoints; writes are off without one.")
    api_show_contact_details: bool = Field(
        False, description="Whether the read API returns e-mails and phones of contact persons.")
    api_redact: bool = Field(False, description="Redact personal data (names too) in API views and exports.")
    overrides_file: Path | None = Field(
        None, description="Entity-resolution overrides (YAML); default <data_dir>/overrides.yaml.")
    allowed_hosts: Names = Field(
        ["localhost", "127.0.0.1", "::1"],
        description="Host names the web server answers to (the Host header; comma-separated; "
                    "'*' = any). Add the name clients use when serving beyond this machine.")
    embed_origins: Names = Field(
        [], description="Origins (https://intranet.example.dk) whose pages may show the views "
                        "(/api/views/...) in an iframe; the explorer itself always may.")
    # limits per document (samspil.loaders.limits; the same SAMSPIL_MAX_* variables)
    max_file_mb: float = Field(DEFAULT_LIMITS.max_file_mb, gt=0,
                               description="Largest file (MB) read or uploaded.")
    max_docx_part_mb: float = Field(DEFAULT_LIMITS.max_docx_part_mb, gt=0,
                                    description="Largest decompressed part of a .docx (MB).")
    max_docx_total_mb: float = Field(DEFAULT_LIMITS.max_docx_total_mb, gt=0,
                                     description="Largest decompressed .docx package (MB).")
    max_pdf_pages: int = Field(DEFAULT_LIMITS.max_pdf_pages, gt=0, description="Most pages of a PDF.")
    max_chars: int = Field(DEFAULT_LIMITS.max_chars, gt=0, description="Most characters of text per document.")
    max_seconds: float = Field(DEFAULT_LIMITS.max_seconds, gt=0,
                               description="Most seconds to read and extract one document.")

    @field_validator("allowed_hosts", "embed_origins", mode="before")
    @classmethod
    def _split(cls, value: Any) -> Any:
        return [v.strip() for v in value.split(",") if v.strip()] if isinstance(value, str) else value

    @property
    def limits(self) -> Limits:
        return Limits(**{k: getattr(self, k) for k in Limits.__dataclass_fields__})

    @property
    def sqlite_path(self) -> Path:
        return self.data_dir / "samspil.sqlite"

    @property
    def overrides_path(self) -> Path:
        return self.overrides_file or (self.data_dir / "overrides.yaml")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The settings from the ``SAMSPIL_*`` variables; a bad value is a SamspilError naming it."""
    from pydantic import ValidationError

    from samspil.loaders.errors import SamspilError

    try:
        return Settings()
    except ValidationError as exc:
        bad = "; ".join(f"SAMSPIL_{'_'.join(map(str, e['loc'])).upper()}={e.get('input')!r}: {e['msg']}"
                        for e in exc.errors()[:3])
        raise SamspilError(f"bad setting: {bad}; fix or unset the variable") from None
