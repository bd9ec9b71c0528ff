"""The user's hadath settings file: the remembered annotator name.

Stored as JSON in $XDG_CONFIG_HOME/hadath/config.json (default
~/.config/hadath/config.json); $HADATH_CONFIG names another file.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any


def config_path() -> Path:
    """Where the settings live."""
    if os.environ.get("HADATH_CONFIG"):
        return Path(os.environ["HADATH_CONFIG"])
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "hadath" / "config.json"


def load() -> dict[str, Any]:
    """The settings, or {} when there are none or the file cannot be read."""
    try:
        data = json.loads(config_path().read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save(settings: dict[str, Any]) -> None:
    """Write the settings (atomically: a half-written file never replaces a good one)."""
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(settings, ensure_ascii=False, indent=2), "utf-8")
    temporary.replace(path)


def remembered_annotator() -> str | None:
    """The annotator name given last time, if any."""
    name = load().get("annotator")
    return name if isinstance(name, str) and name.strip() else None


def remember_annotator(name: str) -> None:
    """Keep the annotator name for the next `hadath review`."""
    settings = load()
    settings["annotator"] = name
    save(settings)
