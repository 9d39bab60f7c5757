"""One settings object for samspil (environment prefix ``SAMSPIL_``)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from platformdirs import user_data_dir
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

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

    @property
    def sqlite_path(self) -> Path:
        return self.data_dir / "samspil.sqlite"

    @property
    def overrides_path(self) -> Path:
        return self.overrides_file or (self.data_dir / "overrides.yaml")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
