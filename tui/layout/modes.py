"""Choosing how Arabic is drawn: by the app, by the terminal, or not at all.

`app` shapes and reorders in hadath (most terminals do neither); `terminal`
sends logical text for terminals that run their own bidi (VTE-based ones
such as GNOME Terminal, Konsole, mlterm, mintty, iTerm2 with its setting);
`off` draws logical text and says nothing of direction; `auto` picks `app`
unless the environment names a terminal known to do bidi.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

MODES = ("auto", "app", "terminal", "off")
DRAWN = ("app", "terminal", "off")


def detect(environ: Mapping[str, str] | None = None) -> tuple[str, str]:
    """Return the mode `auto` stands for here, and a one-line reason for the user."""
    env = os.environ if environ is None else environ
    if env.get("TMUX"):
        return "app", "tmux does not do bidi: hadath shapes and orders Arabic itself"
    if env.get("VTE_VERSION"):
        return "terminal", "VTE terminal (GNOME Terminal or similar) does its own bidi"
    if env.get("KONSOLE_VERSION"):
        return "terminal", "Konsole does its own bidi"
    if env.get("MLTERM"):
        return "terminal", "mlterm does its own bidi"
    program = env.get("TERM_PROGRAM", "")
    if program.lower() == "mintty":
        return "terminal", "mintty does its own bidi"
    if program == "iTerm.app" and env.get("HADATH_ITERM_BIDI") == "1":
        return "terminal", "iTerm2 with bidi enabled does its own bidi"
    return "app", "this terminal is not known to do bidi: hadath shapes and orders Arabic"


def resolve(mode: str, environ: Mapping[str, str] | None = None) -> tuple[str, str]:
    """Turn a requested mode into the one to draw with, and the hint to show."""
    if mode not in MODES:
        raise ValueError(f"RTL mode must be one of {', '.join(MODES)}, not {mode!r}")
    if mode == "auto":
        drawn, reason = detect(environ)
        return drawn, f"RTL mode auto → {drawn}: {reason}"
    return mode, f"RTL mode {mode}"


def next_mode(mode: str) -> str:
    """The mode after `mode` when the reviewer cycles through them."""
    return DRAWN[(DRAWN.index(mode) + 1) % len(DRAWN)] if mode in DRAWN else "app"
