"""The reviewer's own keys: a TOML file mapping action names to keys, applied as a Textual keymap.

The file is `$HADATH_KEYS`, else `$XDG_CONFIG_HOME/hadath/keys.toml` (default
`~/.config/hadath/keys.toml`), one line per action to move:

    accept = "y"
    reject = "n,backspace"        # several keys: a comma-separated string ...
    undo = ["u", "ctrl+z"]        # ... or a list

The names are the review screen's action names and the event form's (the
help screen, `?`, lists them beside the keys). A key is a character (`y`, `A`, `?`, `]`, an Arabic
letter) or a Textual key name (`space`, `enter`, `backspace`, `f2`,
`question_mark`), optionally with modifiers (`ctrl+y`, `alt+n`). An action
given new keys loses its default ones; a key it takes from another action is
taken away from that one (and said so).

Every problem (the file is not TOML, an unknown action name, a value that is
not keys, a key that cannot work) becomes one sentence naming the file, the
entry and the value; the entry, or just that key, is ignored and the rest of
the file still applies. Nothing in the file can stop the app from starting.

How it is applied: Textual's keymap (`App.set_keymap`) maps *binding ids* to
keys. The review screen's bindings, and the app's `/` and `?`, are declared
with the id `review.<name>`, the event form's with `form.<name>` (`remappable`
lists them), and the file's names are translated to those ids. Limits: only
the review screen's keys (with the app's `/` and `?`) and the event form's
are remappable; keys of the article list, the help screen, the form's
`escape` and the events table's own cursor keys (arrows, page keys,
home/end, enter) are fixed. A key that something else gets first (the
focused events table, a field of the form, the app's priority keys ctrl+q
and ctrl+p) cannot be given to an action, nor can a key that types a
character into a field be a form key; an app-level action (`/`, `?`) cannot
take a key the screen keeps for one of its own actions, because Textual asks
the screen first: each is reported and the key ignored. The review screen
and the form are never open to keys at once (the form is modal), so one key
may serve one action of each.
"""

from __future__ import annotations

import os
import string
import tomllib
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from textual.binding import Binding, BindingType, InvalidBinding
from textual.keys import Keys, key_to_character

KEYS_ENV = "HADATH_KEYS"
MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})


def keys_path(environ: Mapping[str, str] | None = None) -> Path | None:
    """Where the reviewer's keys file is: $HADATH_KEYS, else under $XDG_CONFIG_HOME or ~/.config.

    `environ` defaults to os.environ. An environment given explicitly that
    names none of HADATH_KEYS, XDG_CONFIG_HOME and HOME (such as `{}` in a
    test) has no keys file: None.
    """
    env = os.environ if environ is None else environ
    if env.get(KEYS_ENV):
        return Path(env[KEYS_ENV]).expanduser()
    if env.get("XDG_CONFIG_HOME"):
        return Path(env["XDG_CONFIG_HOME"]) / "hadath" / "keys.toml"
    if env.get("HOME"):
        return Path(env["HOME"]) / ".config" / "hadath" / "keys.toml"
    if environ is None:
        return Path.home() / ".config" / "hadath" / "keys.toml"
    return None


# -- bindings and their names -----------------------------------------------------------


def action_name(action: str) -> str:
    """The name a keys file uses for a binding's action: no namespace, no arguments."""
    name = action.split("(", 1)[0]
    return name.rsplit(".", 1)[-1]


def as_binding(binding: BindingType) -> Binding:
    """A BINDINGS entry (a Binding or a tuple of two or three strings) as a Binding."""
    return binding if isinstance(binding, Binding) else Binding(*binding)


@dataclass(frozen=True)
class Remappable:
    """An action the keys file may move: its binding id, default keys and description.

    `layer` is its place in Textual's binding chain: a key bound in a lower
    layer (the screen, 0) is found before the same key in a higher one (the
    app, 1). `scope` is the screen whose keys it shares ("review" or "form"):
    keys clash only within one scope.
    """

    name: str
    id: str
    keys: tuple[str, ...]
    description: str
    priority: bool = False
    layer: int = 0
    action: str = ""
    """The binding's action as Textual runs it (the name, with any arguments)."""
    scope: str = "review"
    in_text_fields: bool = False
    """Whether its keys arrive while a text field has focus (then a typed character cannot
    be one: the field takes it)."""


def remappable(
    bindings: Iterable[BindingType],
    layer: int = 0,
    scope: str = "review",
    in_text_fields: bool = False,
) -> dict[str, Remappable]:
    """The remappable actions of these bindings (those with ids), by name, in order.

    The name is the id's part after the dot (`review.accept` is `accept`);
    bindings sharing an id are one action with all their keys.
    """
    found: dict[str, Remappable] = {}
    for entry in bindings:
        binding = as_binding(entry)
        if binding.id is None:
            continue
        name = binding.id.split(".", 1)[-1]
        keys = tuple(split_keys(binding.key))
        if name in found:
            previous = found[name]
            found[name] = replace(previous, keys=previous.keys + keys)
        else:
            found[name] = Remappable(
                name, binding.id, keys, binding.description, binding.priority, layer,
                binding.action, scope, in_text_fields,
            )  # fmt: skip
    return found


# -- key names --------------------------------------------------------------------------


def _named_characters() -> frozenset[str]:
    names: set[str] = set()
    for character in string.printable:
        if not character.isspace() and character != ",":
            names.update(b.key for b in Binding.make_bindings([(character, "x")]))
    return frozenset(names)


_KEY_NAMES = (
    frozenset(key.value for key in Keys if not key.value.startswith("<") and "-" not in key.value)
    | _named_characters()
    | {"comma"}
)


def split_keys(keys: str) -> list[str]:
    """A comma-separated key string as Textual key names (`?` becomes `question_mark`)."""
    return [binding.key for binding in Binding.make_bindings([(keys, "x")])]


def key_problem(key: str) -> str | None:
    """Why `key` (already through `split_keys`) is not a key Textual can bind, or None if it is."""
    *modifiers, base = key.split("+")
    unknown = [modifier for modifier in modifiers if modifier not in MODIFIERS]
    if unknown:
        return f"{unknown[0]!r} is not a modifier (use ctrl, shift, alt, meta or super)"
    if len(set(modifiers)) != len(modifiers):
        return f"{key!r} repeats a modifier"
    if modifiers == ["shift"] and len(base) == 1 and base.isalpha():
        return f"{key!r} arrives as {base.upper()!r}: write that"
    if len(base) == 1:
        if base.isprintable() and not base.isspace():
            return None
    elif base in _KEY_NAMES or key_to_character(base) is not None:
        return None
    return f"{base or key!r} is not a key name (try a character, or space, enter, backspace, f2)"


def types_a_character(key: str) -> bool:
    """Whether `key` (a checked key name) is one a text field takes as text: no ctrl or alt."""
    *modifiers, base = key.split("+")
    if {"ctrl", "alt", "meta", "super", "hyper"} & set(modifiers):
        return False
    return len(base) == 1 or base == "space" or key_to_character(base) is not None


# -- the keys file ----------------------------------------------------------------------


@dataclass
class KeyConfig:
    """What the keys file asks for: new keys by action name, and every problem found."""

    path: Path | None
    """The file read, or None when there is none to read."""
    keys: dict[str, list[str]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    scopes: dict[str, str] = field(default_factory=dict)
    """The scope of each action the file gives keys to (keys are taken within a scope)."""

    def keymap(self, actions: Mapping[str, Remappable]) -> dict[str, str]:
        """The Textual keymap (binding id to comma-separated keys) for these actions."""
        return {actions[name].id: ",".join(keys) for name, keys in self.keys.items()}

    def effective(self, action: Remappable) -> list[str]:
        """The keys `action` has with this file: its new ones, or its defaults not taken."""
        if action.name in self.keys:
            return list(self.keys[action.name])
        taken = {
            key
            for name, keys in self.keys.items()
            if self.scopes.get(name, "review") == action.scope
            for key in keys
        }
        return [key for key in action.keys if key not in taken]


def _show(value: object) -> str:
    """A value of the file as a sentence quotes it: TOML-like, printable, not too long."""
    plain = isinstance(value, str) and value.isprintable()
    text = f'"{value}"' if plain else repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _name(name: str) -> str:
    return name if name.isprintable() and name else repr(name)


def _entry_keys(value: object) -> list[str] | None:
    """The key strings of one entry's value, or None when it is not a string or list of them."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return list(value)
    return None


def read_keys(
    path: Path,
    actions: Mapping[str, Remappable],
    reserved: Mapping[str, Mapping[str, str]] | None = None,
    elsewhere: Collection[str] = (),
) -> KeyConfig:
    """Read and check the keys file at `path` against the remappable `actions`.

    `reserved` maps each scope to the keys that its actions can never
    receive, because something else gets them first (the focused events
    table, a form field, the app's priority keys), and says what that is. A
    missing file is no problem: the default keys apply.
    """
    config = KeyConfig(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return config
    except OSError as error:
        config.problems.append(
            f"{path} cannot be read ({error.strerror or error}); the default keys are used."
        )
        return config
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        config.problems.append(f"{path} is not UTF-8 text; the default keys are used.")
        return config
    except tomllib.TOMLDecodeError as error:
        config.problems.append(f"{path} is not valid TOML ({error}); the default keys are used.")
        return config
    wanted = _check_entries(config, data, actions, reserved or {}, elsewhere)
    _settle_clashes(config, wanted, actions)
    return config


def _check_entries(
    config: KeyConfig,
    data: Mapping[str, object],
    actions: Mapping[str, Remappable],
    reserved: Mapping[str, Mapping[str, str]],
    elsewhere: Collection[str] = (),
) -> dict[str, list[str]]:
    """Each entry's keys, checked one by one; problems are noted and the faulty parts dropped.

    Names in `elsewhere` are another screen's actions: passed over in silence.
    """
    path, known = config.path, ", ".join(actions)
    wanted: dict[str, list[str]] = {}
    for name, value in data.items():
        entry = f"{_name(name)} = {_show(value)}"
        if name in elsewhere and name not in actions:
            continue
        if name not in actions:
            config.problems.append(
                f"{path}: {entry} is ignored: there is no action {name!r}"
                f" (the actions are {known})."
            )
            continue
        strings = _entry_keys(value)
        keys: list[str] = []
        try:
            for text in strings or ():
                keys.extend(split_keys(text))
        except InvalidBinding:
            strings = None
        if not strings or not keys:
            config.problems.append(
                f"{path}: {entry} is ignored: give the keys as a string such as"
                f' "y" or "n,backspace", or a list of such strings.'
            )
            continue
        action, good, bad = actions[name], [], []
        first = reserved.get(action.scope, {})
        for key in dict.fromkeys(keys):
            problem = key_problem(key)
            taken_first = key in first and key not in action.keys and not action.priority
            if problem is None and taken_first:
                problem = f"{key!r} goes to {first[key]} first"
            if problem is None and action.in_text_fields and types_a_character(key):
                problem = f"{key!r} would be typed into the form's fields (add ctrl or alt)"
            if problem is None:
                good.append(key)
            else:
                bad.append(problem)
        if good:
            wanted[name] = good
            config.problems.extend(f"{path}: {entry}: {p}; that key is ignored." for p in bad)
        else:
            config.problems.append(f"{path}: {entry} is ignored: {'; '.join(bad)}.")
    return wanted


def _settle_clashes(
    config: KeyConfig, wanted: dict[str, list[str]], actions: Mapping[str, Remappable]
) -> None:
    """Give each key to one action: the first entry in the file that asks for it.

    An action not in the file keeps its default keys except the ones given
    away; the sentence says what it is left with. A key cannot be taken from
    an action not in the file by an action of a higher layer (see Remappable).
    """
    path = config.path
    config.scopes = {name: actions[name].scope for name in wanted}
    owner: dict[tuple[str, str], str] = {}
    holder = {(action.scope, key): name for name, action in actions.items() for key in action.keys}
    for name, keys in wanted.items():
        kept, scope = [], actions[name].scope
        for key in keys:
            problem = None
            if (scope, key) in owner:
                problem = f"{key!r} is already given to {owner[scope, key]}"
            elif (scope, key) in holder and holder[scope, key] not in wanted:
                keeper = actions[holder[scope, key]]
                if keeper.layer < actions[name].layer:
                    problem = f"{key!r} stays with {keeper.name}, whose keys are looked up first"
            if problem:
                config.problems.append(
                    f"{path}: {name} = {_show(','.join(keys))}: {problem}; {name} does not get it."
                )
                continue
            owner[scope, key] = name
            kept.append(key)
        if kept:
            config.keys[name] = kept
        else:
            config.problems.append(
                f"{path}: {name} keeps its default keys: every key asked for it is taken."
            )
    for name, action in actions.items():
        if name in config.keys:
            continue
        lost = [key for key in action.keys if (action.scope, key) in owner]
        if not lost:
            continue
        left = [key for key in action.keys if (action.scope, key) not in owner]
        takers = ", ".join(sorted({owner[action.scope, key] for key in lost}))
        remaining = f"keeps {', '.join(left)}" if left else "is left without a key"
        config.problems.append(
            f"{path}: {takers} takes {', '.join(lost)} from {name}, which {remaining}"
            f" (give {name} a key of its own in the file)."
        )


def load_keys(
    actions: Mapping[str, Remappable],
    reserved: Mapping[str, Mapping[str, str]] | None = None,
    environ: Mapping[str, str] | None = None,
    path: str | Path | None = None,
    elsewhere: Collection[str] = (),
) -> KeyConfig:
    """Read the reviewer's keys file (`path`, else `keys_path(environ)`); never raises.

    Entries naming an action of another screen (`elsewhere`) are left alone.
    """
    where = Path(path) if path is not None else keys_path(environ)
    if where is None:
        return KeyConfig(None)
    try:
        return read_keys(where, actions, reserved, elsewhere)
    except Exception as error:  # a bug here must not keep a reviewer from working
        config = KeyConfig(where)
        config.problems.append(
            f"{where} could not be applied ({error}); the default keys are used."
        )
        return config


def inherited_bindings(widget: type) -> list[BindingType]:
    """A widget class's bindings with those it inherits (Textual merges them the same way)."""
    found: list[BindingType] = []
    for klass in reversed(widget.__mro__):
        found.extend(vars(klass).get("BINDINGS", []))
    return found


def reserved_keys(bindings: Sequence[BindingType], owner: str) -> dict[str, str]:
    """The keys of `bindings`, which `owner` gets before the review screen, saying what they do.

    For example `reserved_keys(DataTable.BINDINGS, "the events table")` gives
    `{"down": "the events table (Cursor down)", ...}`.
    """
    out: dict[str, str] = {}
    for binding in Binding.make_bindings(bindings):
        what = binding.description or action_name(binding.action)
        out.setdefault(binding.key, f"{owner} ({what})")
    return out
