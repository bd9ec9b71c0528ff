"""The event form: edit one event, or state a new one, in a modal screen.

`EventForm(event, article_text, ...)` shows every field of the event record a
reviewer may change: the sub-event type (from the closed ACLED list, with the
event type it implies), attacker and target (actor key from the lexicon and
the words of the text), the place (with completions from the gazetteer, Arabic
or English; a name the gazetteer knows fills in its English name, governorate,
country and coordinates), the date, and the killed and injured counts. The
evidence span is shown read-only, with its offsets.

ctrl+s or Save checks every field; on any fault the form stays open and
names the field ("date must be YYYY-MM-DD …") and nothing is returned. A
valid form is built into an `extract.record.Event`, checked once more with
`parse_event` against the article's length (a RecordError is shown in the
form too), and returned with `dismiss`. escape or Cancel returns None.

The form stores nothing: the review screen records what it returns. Values
from the article (evidence, place and actor words) are untrusted text: they
reach the screen only as plain `Text`/`Content` or as Input values, never as
markup.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any, ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.geometry import Size
from textual.suggester import Suggester
from textual.validation import Function
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, Static

from extract import gazetteer
from extract.record import (
    Actor,
    Event,
    Location,
    RecordError,
    Span,
    parse_date,
    parse_event,
)
from extract.vocabulary import ACTORS, SUB_EVENT_TYPES
from tui.layout.drawing import drawn, drawn_inline, drawn_row
from tui.layout.engine import paragraph
from tui.layout.modes import DrawnMode, engine_mode
from tui.layout.sanitize import sanitize
from tui.layout.spans import Edge, Unit, moved
from tui.screens.dialog import DialogScreen
from tui.widgets.rtl_input import RtlInput

DEFAULT_SUB_EVENT_TYPE = "Armed clash"
"""The sub-event type a new event starts with when there is nothing better."""

# Arabic-Indic and Eastern Arabic-Indic digits, as an Arabic keyboard types them.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫", "0123456789" * 2 + ".")
_COUNT = re.compile(r"[0-9]+")
_NUMBER = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)")
_NEWLINES = re.compile(r"[\r\n\u2028\u2029\u0085]+")
_SUGGESTIONS_SHOWN = 5
MAX_COUNT = 1_000_000
"""The largest killed or injured count the form takes for one event."""


class FieldError(ValueError):
    """A form value that cannot go into the record; the message names the field."""


def _plain(value: str) -> str:
    """The value without surrounding space, digits and decimal separator made ASCII."""
    return value.strip().translate(_DIGITS)


def parse_count(value: str, label: str) -> int | None:
    """A count typed in the form: a whole number >= 0, or None when blank."""
    text = _plain(value)
    if not text:
        return None
    if not _COUNT.fullmatch(text) or int(text) > MAX_COUNT:
        raise FieldError(f"{label} must be a whole number ≥ 0 (at most {MAX_COUNT:,}), or empty")
    return int(text)


def parse_form_date(value: str, label: str = "date") -> str | None:
    """A date typed in the form: ISO YYYY-MM-DD (a real day), or None when blank."""
    text = _plain(value)
    if not text:
        return None
    try:
        return parse_date(text)
    except RecordError:
        message = f"{label} must be YYYY-MM-DD (a real date, e.g. 2023-10-27), or empty"
        raise FieldError(message) from None


def parse_coordinate(value: str, label: str, limit: float) -> float | None:
    """A latitude or longitude typed in the form: a number within ±limit, or None when blank."""
    text = _plain(value)
    if not text:
        return None
    number = float(text) if _NUMBER.fullmatch(text) else math.nan
    if not (math.isfinite(number) and -limit <= number <= limit):
        raise FieldError(f"{label} must be a number from {-limit:g} to {limit:g}, or empty")
    return number


def _optional(value: str) -> str | None:
    """A free-text value: None when blank, else sanitised, without surrounding space."""
    text = sanitize(value)[0].strip()
    return text or None


def _clean(value: str | None) -> str:
    """A stored value as an Input shows it: sanitised ("" for None)."""
    return sanitize(value)[0] if value else ""


def _accepts(check: Callable[[str], Any]) -> Callable[[str], bool]:
    """A Textual `Function` validator body from one of the parse functions above."""

    def valid(value: str) -> bool:
        try:
            check(value)
        except FieldError:
            return False
        return True

    return valid


def _shown(value: str | float | None) -> str:
    return "" if value is None else str(value)


class PlaceSuggester(Suggester):
    """Inline completion of place names from the gazetteer, Arabic or English.

    The completion always extends what was typed (an Input shows the rest of
    it greyed out): among the best places for the prefix, the first spelling,
    Arabic or English, that starts with the typed text.
    """

    def __init__(self) -> None:
        """A case-insensitive suggester (the case of what was typed is kept)."""
        super().__init__(use_cache=True, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        """The completion of `value`, or None when no place name extends it."""
        return complete_place(value)


def complete_place(value: str) -> str | None:
    """The first gazetteer spelling that extends `value` (keeping its case), if any."""
    if not value.strip():
        return None
    folded = value.casefold()
    for place in gazetteer.suggest(value, limit=10):
        for spelling in (*place.arabic, place.name):
            if (
                len(spelling) > len(value)
                and len(spelling.casefold()) == len(spelling)
                and spelling.casefold().startswith(folded)
            ):
                return value + spelling[len(value) :]
    return None


class EvidenceText(Widget):
    """A read-only span of article text, drawn like the article (right to left).

    The text is sanitised (escape sequences and controls removed, line breaks
    made spaces) and laid out by the layout engine for the widget's width, so
    it is never read as markup and Arabic is drawn as in the article view.
    """

    DEFAULT_CSS = """
    EvidenceText {
        height: auto;
        max-height: 8;
        background: $boost;
        padding: 0 1;
    }
    """

    def __init__(self, text: str, mode: DrawnMode, *, id: str | None = None) -> None:
        """Show `text` drawn in RTL `mode` ("app", "terminal" or "off")."""
        super().__init__(id=id)
        self.text = ""
        """The text as drawn: sanitised, on one paragraph."""
        self.mode = mode
        self.show(text)

    def show(self, text: str) -> None:
        """Show another text (the evidence after its span changed)."""
        self.text = sanitize(_NEWLINES.sub(" ", text))[0]
        self.refresh(layout=True)

    def _lines(self, width: int) -> list[tuple[str, int]]:
        if not self.text:
            return []
        layout = paragraph(self.text, 0, engine_mode(self.mode))
        return [(line.text, line.width) for line in layout.lines(width)]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """As many rows as the text takes at this width."""
        return max(1, len(self._lines(width)))

    def render(self) -> Text:
        """The lines, right-aligned in app mode, each led by an RLM in terminal mode."""
        width = self.content_region.width
        rows = [drawn_row(text, used, width, self.mode) for text, used in self._lines(width)]
        return Text("\n".join(rows), no_wrap=True, overflow="crop")


def _sub_event_prompt(sub_event_type: str) -> Text:
    """A sub-event type as the list shows it: its name, then its event type, dimmed."""
    prompt = Text(sub_event_type, no_wrap=True, overflow="ellipsis")
    prompt.append(f"  {SUB_EVENT_TYPES[sub_event_type]}", style="dim")
    return prompt


@dataclass(frozen=True)
class _Field:
    """A labelled Input of the form."""

    id: str
    label: str
    placeholder: str = ""
    check: Callable[[str], Any] | None = None


def _count_check(label: str) -> Callable[[str], Any]:
    return lambda value: parse_count(value, label)


_COUNT_FIELDS = (
    _Field("fatalities", "killed", "number or empty", _count_check("killed")),
    _Field("injured", "injured", "number or empty", _count_check("injured")),
)
_COORDINATE_FIELDS = (
    _Field("lat", "lat", "-90 … 90", lambda value: parse_coordinate(value, "lat", 90)),
    _Field("lon", "lon", "-180 … 180", lambda value: parse_coordinate(value, "lon", 180)),
)
_GAZETTEER_FIELDS = ("place_name", "admin1", "country", "lat", "lon")


_ERROR_LINES = 3
"""The most lines the error area takes (it scrolls beyond)."""


class EventForm(DialogScreen[Event | None]):
    """A modal form over one event; dismissed with the edited Event, or None if cancelled."""

    DEFAULT_CSS = """
    EventForm {
        align: center middle;
    }
    EventForm > #dialog {
        width: 110;
        max-width: 96%;
        height: auto;
        max-height: 96%;
        border: thick $primary 60%;
        background: $surface;
        padding: 0 1;
    }
    EventForm #form-title {
        text-style: bold;
        color: $text-accent;
        margin-bottom: 1;
    }
    EventForm #fields {
        height: auto;
        max-height: 50vh;  /* until _fit_fields sets it from the screen's height */
    }
    EventForm #form-bottom {
        height: auto;
    }
    EventForm .row {
        height: auto;
        margin-bottom: 1;
    }
    EventForm .row Label {
        width: 10;
        padding-right: 1;
        color: $text-muted;
    }
    EventForm .row Label.inner {
        width: auto;
        padding: 0 1 0 2;
    }
    EventForm .row Input {
        width: 1fr;
    }
    EventForm .row Select {
        width: 1fr;
    }
    EventForm .row #sub_event_type {
        width: 64;
    }
    EventForm Select SelectCurrent #label {
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    EventForm #event_type {
        width: auto;
        padding-left: 2;
        color: $text-muted;
    }
    EventForm .actor-key {
        width: 44;
    }
    EventForm #place_match {
        height: auto;
        padding-left: 10;
        margin-bottom: 1;
        color: $text-muted;
    }
    EventForm #evidence-label {
        color: $text-muted;
    }
    EventForm #errors {
        height: auto;
        max-height: 3;  /* _ERROR_LINES */
        overflow-y: auto;
        color: $text-error;
        background: $error-muted;
        padding: 0 1;
        display: none;
    }
    EventForm #errors.-shown {
        display: block;
    }
    """

    AUTO_FOCUS = "#sub_event_type"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+r", "revert", "Revert to the event", id="form.revert"),
        Binding("alt+t", "jump('sub_event_type')", "Go to the type", id="form.to_type"),
        Binding("alt+1", "jump('actor1_text')", "Go to the attacker", id="form.to_attacker"),
        Binding("alt+2", "jump('actor2_text')", "Go to the target", id="form.to_target"),
        Binding("alt+p", "jump('place')", "Go to the place", id="form.to_place"),
        Binding("alt+d", "jump('date')", "Go to the date", id="form.to_date"),
        Binding("alt+k", "jump('fatalities')", "Go to killed", id="form.to_killed"),
        Binding("alt+i", "jump('injured')", "Go to injured", id="form.to_injured"),
        Binding("alt+left", "evidence('left', 'word')", "Evidence: a word at the left",
                id="form.evidence_left"),
        Binding("alt+right", "evidence('right', 'word')", "Evidence: a word at the right",
                id="form.evidence_right"),
        Binding("alt+up", "evidence('up', 'word')", "Evidence: a word earlier",
                id="form.evidence_earlier"),
        Binding("alt+down", "evidence('down', 'word')", "Evidence: a word later",
                id="form.evidence_later"),
        Binding("alt+shift+left", "evidence('left', 'clause')", "Evidence: a clause, left",
                id="form.clause_left"),
        Binding("alt+shift+right", "evidence('right', 'clause')", "Evidence: a clause, right",
                id="form.clause_right"),
        Binding("alt+shift+up", "evidence('up', 'clause')", "Evidence: a clause earlier",
                id="form.clause_earlier"),
        Binding("alt+shift+down", "evidence('down', 'clause')", "Evidence: a clause later",
                id="form.clause_later"),
    ]  # fmt: skip
    """alt+letters go straight to a field, its text selected so that typing replaces it
    (alt+1 and alt+2 to the actors' words). alt+arrows move the evidence's edges a word
    (with shift, a clause) at a time: left and right its end, which is on the left where
    the text reads right to left (so left grows it there, right where it reads left to
    right); up grows it at its start, down shrinks."""

    def __init__(
        self,
        event: Event,
        article_text: str,
        *,
        title: str = "Edit event",
        mode: DrawnMode = "app",
        focus: str | None = None,
        draft: Mapping[str, Any] | None = None,
        keep: Callable[[dict[str, Any] | None], object] | None = None,
    ) -> None:
        """Edit `event`, whose evidence indexes `article_text`; draw Arabic in RTL `mode`;
        start in the field with id `focus` (the event type when None).

        `draft` (a draft `keep` was given before) is restored over the event's
        fields; `keep(draft)` is called whenever the fields change, with the
        draft to keep, or None once they are back as the event has them.
        """
        super().__init__()
        self.evidence = (event.evidence.start, event.evidence.end)
        """The evidence span as the form has it now (alt+arrows move its edges)."""
        self._focus = focus
        self._draft = (
            dict(draft["fields"]) if draft and isinstance(draft.get("fields"), dict) else None
        )
        self._keep = keep
        self._initial: dict[str, Any] | None = None
        """The fields as the event has them, read when the form opened."""
        self._kept: dict[str, Any] | None = self._draft
        self.event = event
        """The event as it stood when the form opened."""
        self.article_text = article_text
        self.form_title = title
        self.mode = mode
        place = event.location or Location()
        self._resolved_text = _clean(place.text)
        self.place_matches: list[gazetteer.Place] = []
        """The gazetteer places the place field's text names (best first), if any."""
        self._filled_from: gazetteer.Place | None = None
        """The gazetteer place last copied into the fields, if any."""
        self._first_invalid: str | None = None

    # -- building the form -----------------------------------------------------------

    def compose(self) -> ComposeResult:
        """The fields, the evidence, the error area and the buttons."""
        event = self.event
        place = event.location or Location()
        with Vertical(id="dialog"):
            yield Static(Text(drawn_inline(_clean(self.form_title), self.mode)), id="form-title")
            with VerticalScroll(id="fields"):
                with Horizontal(classes="row"):
                    yield Label("type", markup=False)
                    yield Select(
                        [(_sub_event_prompt(sub), sub) for sub in SUB_EVENT_TYPES],
                        value=event.sub_event_type,
                        allow_blank=False,
                        compact=True,
                        id="sub_event_type",
                    )
                    yield Static(self._event_type_text(event.sub_event_type), id="event_type")
                yield from self._actor_row("actor1", "attacker", event.actor1)
                yield from self._actor_row("actor2", "target", event.actor2)
                with Horizontal(classes="row"):
                    yield Label("place", markup=False)
                    yield self._input(
                        _clean(place.text),
                        placeholder="place as written (Arabic or English; → completes)",
                        suggester=PlaceSuggester(),
                        compact=True,
                        id="place",
                    )
                yield Static(id="place_match")
                with Horizontal(classes="row"):
                    yield Label("name", markup=False)
                    yield self._input(_clean(place.name), placeholder="English name", compact=True,
                                id="place_name")  # fmt: skip
                    yield Label("admin1", classes="inner", markup=False)
                    yield self._input(_clean(place.admin1), placeholder="governorate", compact=True,
                                id="admin1")  # fmt: skip
                    yield Label("country", classes="inner", markup=False)
                    yield self._input(_clean(place.country), compact=True, id="country")
                with Horizontal(classes="row"):
                    yield from self._inputs(_COORDINATE_FIELDS, (place.lat, place.lon))
                with Horizontal(classes="row"):
                    yield Label("date", markup=False)
                    yield self._input(
                        _clean(event.date),
                        placeholder="YYYY-MM-DD or empty",
                        validators=[Function(_accepts(parse_form_date), "date must be YYYY-MM-DD")],
                        valid_empty=True,
                        compact=True,
                        id="date",
                    )
                    yield Label("as written", classes="inner", markup=False)
                    yield self._input(_clean(event.date_text), placeholder="date words in the text",
                                compact=True, id="date_text")  # fmt: skip
                with Horizontal(classes="row"):
                    yield from self._inputs(_COUNT_FIELDS, (event.fatalities, event.injured))
                yield Label(self._evidence_label(), id="evidence-label", markup=False)
                start, end = self.evidence
                yield EvidenceText(self.article_text[start:end], self.mode,
                                   id="evidence")  # fmt: skip
            with Vertical(id="form-bottom"):
                yield Static(id="errors")
                with Horizontal(id="buttons"):
                    yield Button("Save  ctrl+s", variant="primary", id="save")
                    yield Button("Cancel  esc", id="cancel")

    def _actor_row(self, prefix: str, label: str, actor: Actor | None) -> ComposeResult:
        actor = actor or Actor()
        options = [(Text(f"{key}  ·  {name}"), key) for key, name in ACTORS.items()]
        if actor.key and actor.key not in ACTORS:  # a key from a newer lexicon: keep it
            options.append((Text(actor.key), actor.key))
        with Horizontal(classes="row"):
            yield Label(label, markup=False)
            yield Select(
                options,
                value=actor.key if actor.key else Select.NULL,
                prompt="(no actor key)",
                allow_blank=True,
                compact=True,
                classes="actor-key",
                id=f"{prefix}_key",
            )
            yield self._input(_clean(actor.text), placeholder="words in the text", compact=True,
                        id=f"{prefix}_text")  # fmt: skip

    def _input(self, value: str, **options: Any) -> RtlInput:
        """A field of the form: Arabic typed into it is drawn in the form's RTL mode."""
        return RtlInput(value, mode=self.mode, **options)

    def _inputs(
        self, fields: tuple[_Field, ...], values: tuple[float | int | None, ...]
    ) -> ComposeResult:
        for index, (spec, value) in enumerate(zip(fields, values, strict=True)):
            yield Label(spec.label, classes="inner" if index else "", markup=False)
            check = spec.check
            yield self._input(
                _shown(value),
                placeholder=spec.placeholder,
                validators=[Function(_accepts(check), f"bad {spec.label}")] if check else None,
                valid_empty=True,
                compact=True,
                id=spec.id,
            )

    def on_mount(self) -> None:
        """Say what the gazetteer knows of the place as it stands; fit the fields."""
        self.show_place_match(self.query_one("#place", Input).value, fill=False)
        self._fit_fields(self.app.size.height)
        if self._focus is not None:
            self.query_one(f"#{self._focus}").focus()
        self._initial = self.field_values()
        if self._draft is not None:
            self.restore(self._draft)

    # -- drafts ------------------------------------------------------------------------

    def field_values(self) -> dict[str, Any]:
        """Every field's text (and every selector's choice, None for none), by field id."""
        values: dict[str, Any] = {}
        for field in self.query(Input):
            if field.id:
                values[field.id] = field.value
        for select in self.query(Select):
            if select.id:
                values[select.id] = None if select.value == Select.NULL else select.value
        values["evidence"] = list(self.evidence)
        return values

    def restore(self, values: Mapping[str, Any]) -> None:
        """Put `values` (from `field_values`) back in the fields, the gazetteer left alone."""
        if "place" in values:
            self._resolved_text = str(values["place"])  # no fill from the gazetteer
        for field in self.query(Input):
            text = values.get(field.id or "")
            if isinstance(text, str):
                field.value = text
        for select in self.query(Select):
            if select.id and select.id in values:
                value = values[select.id]
                select.value = Select.NULL if value is None else value
        span = values.get("evidence")
        if isinstance(span, list) and len(span) == 2 and all(isinstance(i, int) for i in span):
            start, end = span
            if 0 <= start < end <= len(self.article_text):
                self._set_evidence((start, end))

    @property
    def changed(self) -> bool:
        """Whether the fields differ from the event as it was when the form opened."""
        return self._initial is not None and self.field_values() != self._initial

    @on(Input.Changed)
    @on(Select.Changed)
    def _keep_draft(self) -> None:
        """Keep what is typed as a draft (or drop it once the fields are back as they were)."""
        if self._initial is None or self._keep is None:
            return
        values = self.field_values()
        kept = None if values == self._initial else values
        if kept != self._kept:
            self._kept = kept
            self._keep(None if kept is None else {"fields": kept, "evidence": list(self.evidence)})

    @classmethod
    def form_bindings(cls) -> list[Binding]:
        """The form's keys for the help and the palette: save, cancel, revert, fields, evidence."""
        found: list[Binding] = []
        for klass in (DialogScreen, cls):
            for entry in vars(klass).get("BINDINGS", []):
                found.append(entry if isinstance(entry, Binding) else Binding(*entry))
        return found

    def _evidence_label(self) -> str:
        start, end = self.evidence
        return f"evidence  [{start}, {end})  {end - start} characters  (alt+arrows change it)"

    def _set_evidence(self, span: tuple[int, int]) -> None:
        """Make `span` the evidence: its label and text shown, the draft kept."""
        if span == self.evidence:
            return
        self.evidence = span
        if self.is_mounted:
            self.query_one("#evidence-label", Label).update(self._evidence_label())
            self.query_one("#evidence", EvidenceText).show(self.article_text[span[0] : span[1]])
        self._keep_draft()

    def action_evidence(self, direction: str, unit: str) -> None:
        """Move an edge of the evidence by a word or a clause (see BINDINGS)."""
        reads_left = self.mode != "off"  # app and terminal modes draw the text right to left
        if direction in ("left", "right"):
            edge: Edge = "end"
            grow = (direction == "left") == reads_left
        else:
            edge, grow = "start", direction == "up"
        size: Unit = "clause" if unit == "clause" else "word"
        self._set_evidence(moved(self.article_text, self.evidence, edge, grow, size))

    def action_jump(self, field_id: str) -> None:
        """Focus the field `field_id`, its text selected (a text field selects on focus)."""
        self.query_one(f"#{field_id}").focus()

    def action_revert(self) -> None:
        """Put the fields back as the event has them (the draft is dropped)."""
        if self._initial is not None:
            self.restore(self._initial)

    def on_resize(self, event: events.Resize) -> None:
        """Fit the fields to the new height."""
        self._fit_fields(event.size.height)

    def _fit_fields(self, height: int) -> None:
        """Let the fields take what the dialog leaves (they scroll beyond it), so that the
        title, the longest error and the buttons always fit below them."""
        dialog = height * 96 // 100  # the dialog's max-height
        around = 2 + 2 + 1 + _ERROR_LINES + 3  # borders, title, margin, errors, buttons
        self.query_one("#fields").styles.max_height = max(3, dialog - around)

    # -- reacting to edits -------------------------------------------------------------

    @staticmethod
    def _event_type_text(sub_event_type: object) -> Text:
        kind = SUB_EVENT_TYPES.get(sub_event_type) if isinstance(sub_event_type, str) else None
        return Text(f"→ {kind or '?'}")

    @on(Select.Changed, "#sub_event_type")
    def _sub_event_type_changed(self, message: Select.Changed) -> None:
        """Show the event type the chosen sub-event type implies."""
        self.query_one("#event_type", Static).update(self._event_type_text(message.value))

    @on(Input.Changed, "#place")
    def _place_changed(self, message: Input.Changed) -> None:
        """A new place text: fill in what the gazetteer says of it."""
        if message.value == self._resolved_text:
            return
        self._resolved_text = message.value
        self.show_place_match(message.value, fill=True)

    @on(Input.Submitted)
    def _next_field(self, message: Input.Submitted) -> None:
        """enter in a field moves on to the next one (ctrl+s saves)."""
        message.stop()
        self.focus_next()

    def show_place_match(self, text: str, *, fill: bool) -> None:
        """Look the place text up; with `fill`, copy the place found into the fields.

        A text the gazetteer does not know clears the fields it would fill,
        so they never describe a place other than the one written.
        """
        self.place_matches = gazetteer.lookup(text.strip()) if text.strip() else []
        line = Text()
        if self.place_matches:
            best = self.place_matches[0]
            if fill:
                self._fill_place(best)
            line.append("gazetteer: ")
            line.append(self._describe(best))
            others = len(self.place_matches) - 1
            if others:
                line.append(f"  (and {others} other place{'s' if others > 1 else ''} so named)")
        else:
            if fill:
                self._fill_place(None)
            found = gazetteer.suggest(text, _SUGGESTIONS_SHOWN) if text.strip() else []
            if found:
                line.append("did you mean: ")
                for index, place in enumerate(found):
                    if index:
                        line.append("  ·  ")
                    line.append(drawn(place.arabic[0] if place.arabic else "", self.mode))
                    line.append(f" {place.name}" + (f" ({place.admin1})" if place.admin1 else ""))
            elif text.strip():
                line.append("not in the gazetteer: name, admin1, country and coordinates are yours")
        self.query_one("#place_match", Static).update(line)

    def _describe(self, place: gazetteer.Place) -> Text:
        parts = [place.name, place.kind, place.admin2, place.admin1, place.country]
        where = "" if place.lat is None or place.lon is None else f"  {place.lat}, {place.lon}"
        return Text(" · ".join(p for p in parts if p) + where)

    def _fill_place(self, place: gazetteer.Place | None) -> None:
        self._filled_from = place
        values = (
            (None,) * len(_GAZETTEER_FIELDS)
            if place is None
            else (place.name, place.admin1, place.country, place.lat, place.lon)
        )
        for field_id, value in zip(_GAZETTEER_FIELDS, values, strict=True):
            self.query_one(f"#{field_id}", Input).value = _shown(value)

    # -- saving ------------------------------------------------------------------------

    def _with_later_members(self, place: Location) -> Location:
        """The place with the members the form does not show (district, level, qualifier).

        They stay as the event had them while the shown fields name the same
        place; a place copied from the gazetteer brings its district and level.
        """
        original = self.event.location or Location()
        if place == replace(original, admin2=None, level=None, qualifier=None):
            return original
        filled = self._filled_from
        if filled is not None and (
            place.name,
            place.admin1,
            place.country,
            place.lat,
            place.lon,
        ) == (
            filled.name,
            filled.admin1,
            filled.country,
            filled.lat,
            filled.lon,
        ):
            return replace(place, admin2=filled.admin2, level=filled.level)
        return place

    def _value(self, field_id: str) -> str:
        return self.query_one(f"#{field_id}", Input).value

    def _actor(self, prefix: str) -> Actor | None:
        key = self.query_one(f"#{prefix}_key", Select).value
        key = key if isinstance(key, str) else None
        text = _optional(self._value(f"{prefix}_text"))
        if key is None and text is None:
            return None
        before = getattr(self.event, prefix) or Actor()
        # The name goes with the key: the lexicon's, unless the key is the one the event had.
        name = before.name if key == before.key else ACTORS.get(key) if key else None
        return Actor(text=text, key=key, name=name)

    def build_event(self) -> Event:
        """The event the form describes, checked like any record.

        Raises FieldError naming every field at fault (one per line), or the
        record's own complaint when the fields are fine but the record is not.
        """
        errors: list[tuple[str, str]] = []

        def read(field_id: str, parse: Callable[[str], Any]) -> Any:
            try:
                return parse(self._value(field_id))
            except FieldError as error:
                errors.append((field_id, str(error)))
                return None

        date = read("date", parse_form_date)
        fatalities = read("fatalities", _count_check("killed"))
        injured = read("injured", _count_check("injured"))
        lat = read("lat", lambda value: parse_coordinate(value, "lat", 90))
        lon = read("lon", lambda value: parse_coordinate(value, "lon", 180))
        sub = self.query_one("#sub_event_type", Select).value
        if not isinstance(sub, str) or sub not in SUB_EVENT_TYPES:
            errors.append(("sub_event_type", "type: choose a sub-event type"))
        if errors:
            self._first_invalid = errors[0][0]
            raise FieldError("\n".join(message for _, message in errors))
        assert isinstance(sub, str)
        place = self._with_later_members(
            Location(
                text=_optional(self._value("place")),
                name=_optional(self._value("place_name")),
                admin1=_optional(self._value("admin1")),
                country=_optional(self._value("country")),
                lat=lat,
                lon=lon,
            )
        )
        event = Event(
            sub_event_type=sub,
            evidence=Span(*self.evidence),
            actor1=self._actor("actor1"),
            actor2=self._actor("actor2"),
            location=None if place == Location() else place,
            date=date,
            date_text=_optional(self._value("date_text")),
            fatalities=fatalities,
            injured=injured,
            confidence=self.event.confidence,
            origin=self.event.origin,
            extractor=self.event.extractor,
        )
        try:
            return parse_event(event.to_dict(), text_length=len(self.article_text))
        except RecordError as error:
            self._first_invalid = None
            raise FieldError(f"the record is not valid: {error}") from error

    def show_errors(self, message: str | None) -> None:
        """Show what is wrong (plain text), or hide the error area with None."""
        errors = self.query_one("#errors", Static)
        errors.update(Text(drawn_inline(message or "", self.mode)))
        errors.set_class(bool(message), "-shown")

    def action_save(self) -> None:
        """Return the edited event, or say in the form what is wrong and stay."""
        self._first_invalid = None
        try:
            event = self.build_event()
        except FieldError as error:
            self.show_errors(str(error))
            if self._first_invalid:
                self.query_one(f"#{self._first_invalid}").focus()
            return
        self.show_errors(None)
        self.dismiss(event)
