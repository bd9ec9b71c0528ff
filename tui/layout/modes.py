"""Choosing how Arabic is drawn: by the app, by the terminal, or not at all.

`app` shapes and reorders in hadath (most terminals do neither); `terminal`
sends logical text for terminals that run their own bidi (VTE-based ones
such as GNOME Terminal, Konsole, mlterm, mintty, iTerm2 with its setting);
`off` draws logical text and says nothing of direction; `auto` picks `app`
unless the environment names a terminal known to do bidi.

The layout engine knows two modes only: `app` (shaped, reordered) and
`logical` (the text as stored, for `terminal` and `off`); `engine_mode` maps
a drawn mode to the engine's.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Literal, TypeVar, get_args

RtlMode = Literal["auto", "app", "terminal", "off"]
"""A mode the reviewer asks for (`--rtl`): a drawn mode, or `auto`."""
DrawnMode = Literal["app", "terminal", "off"]
"""A mode Arabic is drawn in: what `auto` resolves to."""
EngineMode = Literal["app", "logical"]
"""How the layout engine lays a paragraph out: shaped and reordered, or logical."""

MODES: tuple[RtlMode, ...] = get_args(RtlMode)
DRAWN: tuple[DrawnMode, ...] = get_args(DrawnMode)

_Mode = TypeVar("_Mode", bound=str)


def one_of(mode: str, modes: tuple[_Mode, ...], what: str = "RTL mode") -> _Mode:
    """`mode` as one of `modes`, or ValueError naming them (for modes given as plain text)."""
    for known in modes:
        if mode == known:
            return known
    raise ValueError(f"{what} must be one of {', '.join(modes)}, not {mode!r}")


def engine_mode(mode: DrawnMode) -> EngineMode:
    """The layout engine's mode for a drawn mode: `app` shapes and reorders, others are logical."""
    return "app" if mode == "app" else "logical"


def detect(environ: Mapping[str, str] | None = None) -> tuple[DrawnMode, str]:
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


def resolve(mode: RtlMode, environ: Mapping[str, str] | None = None) -> tuple[DrawnMode, str]:
    """Turn a requested mode into the one to draw with, and the hint to show.

    A mode that is not one of `MODES` (from a command line) is a ValueError.
    """
    requested = one_of(mode, MODES)
    if requested == "auto":
        drawn, reason = detect(environ)
        return drawn, f"RTL mode auto → {drawn}: {reason}"
    return requested, f"RTL mode {requested}"


def next_mode(mode: DrawnMode) -> DrawnMode:
    """The mode after `mode` when the reviewer cycles through them."""
    return DRAWN[(DRAWN.index(mode) + 1) % len(DRAWN)] if mode in DRAWN else "app"
