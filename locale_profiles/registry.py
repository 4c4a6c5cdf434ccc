"""Find, load, validate, install and toggle locale profiles.

Shipped profiles live in ``locale_profiles/profiles``; installed ones in the home folder's
``profiles/`` (they override shipped ones with the same id). Enable/disable decisions are
stored in the app database (through the ``state`` object) so every running app sees them
on its next rerun, and each change is audited.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Protocol

import yaml
from pydantic import ValidationError

from locale_profiles.rules import ProfileError, check_profile
from locale_profiles.schema import LocaleProfile

SHIPPED_DIR = Path(__file__).parent / "profiles"


class ProfileState(Protocol):
    """What the registry needs from the app database."""

    def profile_states(self) -> dict[str, Any]: ...

    def set_profile_enabled(self, profile_id: str, enabled: bool, actor: str) -> None: ...

    def audit(self, actor: str, action: str, target: str = "", detail: str = "") -> None: ...


def _describe(error: dict[str, Any]) -> str:
    field = ".".join(str(p) for p in error["loc"]) or "(root)"
    if error["type"] == "extra_forbidden":
        return f"field '{field}': rule broken: unknown key (not part of the profile format)"
    if error["type"] == "missing":
        return f"field '{field}': rule broken: required field is missing"
    return f"field '{field}': rule broken: {error['msg']}"


def load_profile(path: Path, *, endpoint_is_local: bool | None = None) -> LocaleProfile:
    """Read and validate one profile file; raises :class:`ProfileError` naming file, field and rule."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ProfileError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    except yaml.YAMLError as exc:
        raise ProfileError(f"{path}: not valid YAML ({exc})") from exc
    if not isinstance(data, dict):
        raise ProfileError(f"{path}: a profile must be a YAML mapping of fields")
    try:
        profile = LocaleProfile.model_validate(data)
    except ValidationError as exc:
        raise ProfileError(f"{path}: {_describe(exc.errors()[0])}") from exc
    if path.suffix in (".yaml", ".yml") and path.parent.name == "profiles" and path.stem != profile.id:
        raise ProfileError(f"{path}: field 'id': rule broken: an installed profile's file name must be <id>.yaml")
    check_profile(profile, path, endpoint_is_local=endpoint_is_local)
    return profile


@dataclass(frozen=True)
class ProfileEntry:
    id: str
    path: Path
    profile: LocaleProfile | None
    error: str | None
    enabled: bool


def _effective_enabled(profile: LocaleProfile, override: Any | None) -> bool:
    """An administrator's stored decision wins over the file's ``enabled``."""
    return bool(override.enabled) if override is not None else profile.enabled


class ProfileRegistry:
    """Profiles by id. A broken installed profile is reported, never fatal for the others."""

    def __init__(self, home: Path | None = None, state: ProfileState | None = None,
                 endpoint_is_local: bool | None = None) -> None:
        self.installed_dir = home / "profiles" if home else None
        self.state = state
        self.endpoint_is_local = endpoint_is_local
        self._cache: dict[Path, tuple[tuple[int, int], LocaleProfile | ProfileError]] = {}

    def _load(self, path: Path) -> LocaleProfile:
        """Load a profile, re-validating only when its file changed (every question reads it)."""
        try:
            info = path.stat()
        except OSError:
            return load_profile(path, endpoint_is_local=self.endpoint_is_local)
        stamp = (info.st_mtime_ns, info.st_size)
        cached = self._cache.get(path)
        if cached is None or cached[0] != stamp:
            try:
                result: LocaleProfile | ProfileError = load_profile(path, endpoint_is_local=self.endpoint_is_local)
            except ProfileError as exc:
                result = exc
            self._cache[path] = cached = (stamp, result)
        if isinstance(cached[1], ProfileError):
            raise ProfileError(str(cached[1]))
        return cached[1]

    def _paths(self) -> dict[str, Path]:
        paths = {p.stem: p for p in sorted(SHIPPED_DIR.glob("*.yaml"))}
        if self.installed_dir and self.installed_dir.is_dir():
            paths.update({p.stem: p for p in sorted(self.installed_dir.glob("*.yaml"))})
        return paths

    def ids(self) -> list[str]:
        return sorted(self._paths())

    def get(self, profile_id: str) -> LocaleProfile:
        path = self._paths().get(profile_id)
        if path is None:
            raise ProfileError(f"no locale profile '{profile_id}'; available: {', '.join(self.ids())}")
        return self._load(path)

    def entries(self) -> list[ProfileEntry]:
        states = self.state.profile_states() if self.state else {}
        out = []
        for profile_id, path in sorted(self._paths().items()):
            try:
                profile: LocaleProfile | None = self._load(path)
                error = None
            except ProfileError as exc:
                profile, error = None, str(exc)
            enabled = profile is not None and _effective_enabled(profile, states.get(profile_id))
            out.append(ProfileEntry(profile_id, path, profile, error, enabled))
        return out

    def enabled_ids(self) -> list[str]:
        return [e.id for e in self.entries() if e.enabled]

    def is_enabled(self, profile_id: str, profile: LocaleProfile | None = None) -> bool:
        profile = profile or self.get(profile_id)
        return _effective_enabled(profile, (self.state.profile_states() if self.state else {}).get(profile_id))

    def set_enabled(self, profile_id: str, enabled: bool, actor: str) -> None:
        if self.state is None:
            raise ProfileError("enabling or disabling a profile needs the app database")
        self.get(profile_id)  # a broken or unknown profile cannot be enabled
        self.state.set_profile_enabled(profile_id, enabled, actor)

    def install(self, source: Path, actor: str) -> LocaleProfile:
        """Validate ``source`` and copy it into the home folder as ``<id>.yaml``."""
        if self.installed_dir is None:
            raise ProfileError("installing a profile needs a home folder")
        profile = load_profile(source, endpoint_is_local=self.endpoint_is_local)
        self.installed_dir.mkdir(parents=True, exist_ok=True)
        target = self.installed_dir / f"{profile.id}.yaml"
        shutil.copyfile(source, target)
        if self.state is not None:
            self.state.audit(actor, "profile.install", profile.id, str(source))
        return profile


@dataclass(frozen=True)
class RuleSetChanges:
    """When each rule set in force last changed, for the transparency page."""

    policy_changed: date | None
    profile_changed: date | None
    toggled_at: datetime | None  # an administrator's last enable/disable


def _changed_on(declared: date | None, path: Path | None) -> date | None:
    """The date a rule file declares (``updated:``), else its modification date."""
    if declared is not None:
        return declared
    if path is None or not path.exists():
        return None
    return datetime.fromtimestamp(path.stat().st_mtime, UTC).date()


def rule_set_changes(registry: ProfileRegistry, policy: Any, profile_id: str) -> RuleSetChanges:
    profile = registry.get(profile_id)
    states = registry.state.profile_states() if registry.state else {}
    toggled = states.get(profile_id)
    return RuleSetChanges(
        policy_changed=_changed_on(getattr(policy, "updated", None), getattr(policy, "source", None)),
        profile_changed=_changed_on(profile.updated, registry._paths().get(profile_id)),
        toggled_at=getattr(toggled, "changed_at", None),
    )
