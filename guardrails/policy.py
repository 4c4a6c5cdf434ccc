"""Loading the global policy and enforcing that locale profiles never weaken it."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from guardrails.schema import ACTION_STRENGTH, Action, Policy, PolicyError, PolicyWeakeningError

DEFAULT_POLICY_PATH = Path(__file__).with_name("policy.yaml")


def load_policy(path: Path | None = None) -> Policy:
    """Load and validate a policy YAML file (default: the bundled ``policy.yaml``).

    Raises ``PolicyError`` naming the file, the offending field and the rule it broke.
    """
    path = Path(path) if path is not None else DEFAULT_POLICY_PATH
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise PolicyError(f"{path}: cannot read policy file ({exc.strerror}); check the path") from exc
    except yaml.YAMLError as exc:
        raise PolicyError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(raw, dict):
        raise PolicyError(f"{path}: top level must be a mapping with version, principles, categories")
    try:
        return Policy.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = _field_path(first["loc"], raw)
        raise PolicyError(f"{path}: field {field}: {first['msg']}") from exc


def _field_path(loc: tuple[Any, ...], raw: dict[str, Any]) -> str:
    """Render a pydantic location; category indexes are shown with the category id for readability."""
    parts: list[str] = []
    for i, part in enumerate(loc):
        if isinstance(part, int) and i > 0 and loc[i - 1] == "categories":
            cats = raw.get("categories") or []
            cid = cats[part].get("id") if part < len(cats) and isinstance(cats[part], dict) else None
            parts.append(f"[{part}]({cid})" if cid else f"[{part}]")
        else:
            parts.append(f".{part}" if parts else str(part))
    return "".join(parts)


@lru_cache(maxsize=1)
def default_policy() -> Policy:
    """The bundled policy, loaded once per process."""
    return load_policy()


_DISABLING_KEYS: dict[str, object] = {"enabled": False, "disabled": True, "remove": True, "override": True}


def check_profile_restrictions(extra_categories: list[dict[str, Any]], policy: Policy | None = None) -> None:
    """Reject locale-profile category entries that would remove or weaken a global category.

    A profile may add new categories, or restate a global one with the same or a stronger action
    (refuse > safe_complete > allow). Reusing a global id with a weaker action, or with any flag
    that disables it, raises ``PolicyWeakeningError`` naming the category id and the rule.
    """
    policy = policy or default_policy()
    for index, entry in enumerate(extra_categories):
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            raise PolicyError(f"profile categories[{index}]: each entry must be a mapping with a string 'id'")
        cid = entry["id"]
        raw_action = entry.get("action")
        try:
            action = Action(raw_action) if raw_action is not None else None
        except ValueError as exc:
            raise PolicyError(
                f"profile category {cid!r}: action {raw_action!r} is not one of refuse, safe_complete, allow"
            ) from exc
        if cid not in policy.ids:
            continue  # new categories only add restrictions
        glob = policy.category(cid)
        for key, bad in _DISABLING_KEYS.items():
            if key in entry and entry[key] == bad:
                raise PolicyWeakeningError(
                    f"profile category {cid!r}: '{key}: {entry[key]}' would disable a global category; "
                    "rule: global categories are binding and cannot be removed by a profile"
                )
        if action is not None and ACTION_STRENGTH[action] < ACTION_STRENGTH[glob.action]:
            raise PolicyWeakeningError(
                f"profile category {cid!r}: action {action.value!r} is weaker than the global "
                f"{glob.action.value!r}; rule: a profile may only keep or strengthen a global action "
                "(refuse > safe_complete > allow)"
            )
        audiences = entry.get("audiences")
        if audiences is not None and not {a.value for a in glob.audiences} <= {str(a) for a in audiences}:
            raise PolicyWeakeningError(
                f"profile category {cid!r}: audiences {list(audiences)} drop some of "
                f"{[a.value for a in glob.audiences]}; rule: a profile may not narrow who a global rule protects"
            )


def policy_table_markdown(policy: Policy | None = None) -> str:
    """The category catalogue as a Markdown table (docs/guardrails.md embeds it; a test checks drift)."""
    policy = policy or default_policy()
    lines = [
        f"Policy version {policy.version}.",
        "",
        "| id | principle | action | audiences | description |",
        "|---|---|---|---|---|",
    ]
    for c in policy.categories:
        audiences = ", ".join(a.value for a in c.audiences)
        lines.append(f"| `{c.id}` | {c.principle.value} | {c.action.value} | {audiences} | {c.description} |")
    return "\n".join(lines)
