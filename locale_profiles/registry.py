"""Load and validate locale profiles: the shipped ones plus those installed in the home folder."""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import ValidationError

from locale_profiles.schema import LocaleProfile

SHIPPED_DIR = Path(__file__).parent / "profiles"


class ProfileError(ValueError):
    """A profile file breaks a rule; the message names the file, the field and the rule."""


def load_profile(path: Path) -> LocaleProfile:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ProfileError(f"{path}: cannot be read as YAML ({exc})") from exc
    if not isinstance(data, dict):
        raise ProfileError(f"{path}: a profile must be a YAML mapping")
    try:
        profile = LocaleProfile.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "(root)"
        raise ProfileError(f"{path}: field '{field}': {first['msg']}") from exc
    for lang in profile.languages:
        for where, values in [("name", profile.name)] + [
            (f"additions[{a.id}].{k}", getattr(a, k)) for a in profile.additions for k in ("text", "reason")
        ] + [(f"omissions[{o.id}].reason", o.reason) for o in profile.omissions]:
            if not values.get(lang):
                raise ProfileError(f"{path}: field '{where}': missing translation for listed language '{lang}'")
    return profile


class ProfileRegistry:
    """Profiles by id; files installed in ``home/profiles`` override shipped ones."""

    def __init__(self, home: Path | None = None) -> None:
        self.installed_dir = home / "profiles" if home else None

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
        return load_profile(path)
