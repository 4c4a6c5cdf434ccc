"""The one composition root: every entry point (CLI, app, benchmarks, conformance) builds its parts here.

:class:`Services` builds each part (settings, embedder, store, guard, profile registry, backend,
database, tutor, history, turns, ingestor, originals, accounts) at most once, and only when first asked for: ``localtutor users``
never loads an embedder, ``localtutor ask`` never opens the accounts. Imports are deferred the same
way, so a command that needs only the database does not import Chroma or the guard.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from tutor.config import Settings

if TYPE_CHECKING:
    from curriculum.embedders import Embedder
    from curriculum.ingest import Ingestor, IngestResult
    from curriculum.originals import OriginalStore
    from curriculum.store import CurriculumStore
    from guardrails import Guard
    from guardrails.moderation import ModerationClient
    from locale_profiles import ProfileRegistry
    from tutor.accounts import Accounts
    from tutor.appdb import AppDatabase
    from tutor.backends import Backend
    from tutor.documents import Documents
    from tutor.history import History
    from tutor.pipeline import Tutor
    from tutor.turns import Turns

SAMPLES_DIR = Path(__file__).resolve().parent.parent / "curriculum" / "samples"


def settings_endpoints_local(settings: Settings) -> bool:
    """Whether the configured model backend and moderation endpoint are local, from settings alone."""
    from guardrails.locality import is_local_url
    from guardrails.moderation import ModerationClient

    backend_local = is_local_url(settings.openai_base_url) if settings.backend == "openai" else True
    moderation = ModerationClient.from_settings(settings)
    return backend_local and (moderation is None or moderation.is_local)


class Services:
    """The parts of one configured localtutor, each built once on first use and shared after."""

    def __init__(self, settings: Settings | None = None, *, backend: Backend | None = None) -> None:
        self.settings = settings if settings is not None else Settings()
        self._backend = backend

    @cached_property
    def home(self) -> Path:
        return self.settings.ensure_home()

    @cached_property
    def database(self) -> AppDatabase:
        from tutor.appdb import open_database

        self.home  # noqa: B018 - the SQLite file lives in the home
        return open_database(self.settings)

    @cached_property
    def embedder(self) -> Embedder:
        from curriculum.embedders import create_embedder

        return create_embedder(self.settings.embedder)

    @cached_property
    def store(self) -> CurriculumStore:
        from curriculum.store import CurriculumStore, make_client

        self.home  # noqa: B018 - the local Chroma folder lives in the home
        client = make_client(self.settings.chroma_path, self.settings.chroma_host, self.settings.chroma_port)
        return CurriculumStore(client, self.embedder.name, self.embedder.dimension)

    @cached_property
    def moderation(self) -> ModerationClient | None:
        from guardrails.moderation import ModerationClient

        return ModerationClient.from_settings(self.settings)

    @cached_property
    def guard(self) -> Guard:
        from curriculum.embedders import guard_handle
        from guardrails import Guard

        # The guard's model reads the embedder's query embeddings when the embedder declares it shares them.
        return Guard(embedder=guard_handle(self.embedder), external=self.moderation)

    @cached_property
    def backend(self) -> Backend:
        from tutor.backends import create_backend

        return self._backend or create_backend(self.settings)

    @cached_property
    def endpoints_local(self) -> bool:
        """Whether every configured endpoint is local: a local-only profile is rejected where profiles load
        otherwise. Read from settings, so listing profiles builds no backend; a backend given to the
        constructor answers for itself."""
        from tutor.pipeline import remote_endpoints

        if self._backend is not None:
            return not remote_endpoints(self._backend, self.moderation)
        return settings_endpoints_local(self.settings)

    @cached_property
    def profiles(self) -> ProfileRegistry:
        from locale_profiles import ProfileRegistry

        return ProfileRegistry(self.settings.home, state=self.database, endpoint_is_local=self.endpoints_local)

    @cached_property
    def tutor(self) -> Tutor:
        from tutor.pipeline import Tutor

        return Tutor(self.settings, embedder=self.embedder, store=self.store, backend=self.backend,
                     guard=self.guard, profiles=self.profiles, database=self.database)

    @cached_property
    def history(self) -> History:
        from tutor.history import History

        return History(self.database)

    @cached_property
    def turns(self) -> Turns:
        """A user's turn: ask (with the user's role as the guard's audience) and record it."""
        from tutor.turns import Turns

        return Turns(self.tutor, self.history)

    @cached_property
    def ingestor(self) -> Ingestor:
        from curriculum.ingest import Ingestor

        return Ingestor(self.store, self.embedder, chunk_size=self.settings.chunk_size,
                        chunk_overlap=self.settings.chunk_overlap, originals=self.originals)

    @cached_property
    def originals(self) -> OriginalStore:
        """The original files of the ingested documents (``<home>/originals``), for citations."""
        from curriculum.originals import OriginalStore

        return OriginalStore(self.settings.originals_path, self.settings.max_upload_mb * 1024 * 1024)

    @cached_property
    def documents(self) -> Documents:
        """Opening a cited document (passages and original) for a signed-in user."""
        from tutor.documents import Documents

        return Documents(self.store, self.originals)

    @cached_property
    def accounts(self) -> Accounts:
        from tutor.accounts import Accounts

        return Accounts.from_settings(self.database, self.settings)

    def seed_samples(self, locales: Sequence[str] | None = None) -> list[IngestResult]:
        """Ingest the shipped sample curriculum (a no-op for files already ingested)."""
        manifest = json.loads((SAMPLES_DIR / "manifest.json").read_text(encoding="utf-8"))
        entries = manifest["files"] if isinstance(manifest, dict) else manifest
        return [self.ingestor.ingest_file(SAMPLES_DIR / entry["path"], entry["locale"],
                                          subject=entry.get("subject"), grade=entry.get("grade"),
                                          uploader="localtutor-samples")
                for entry in entries if not locales or entry["locale"] in locales]


def build_tutor(settings: Settings, *, backend: Backend | None = None) -> Tutor:
    """The tutor of ``settings`` with its parts (for callers that need nothing else)."""
    return Services(settings, backend=backend).tutor
