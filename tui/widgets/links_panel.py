"""The links panel: under the events, the other articles' reports of the selected event's
incident ("also reported in: ..."), one line each, the chosen one marked.

Each line is the reviewer's own curated version of the other report (review
stays blind): its article, sub-event type, place, date, actors and dead,
then the link's score and reasons and the reviewer's decision on it. Text
from articles (titles, places) is stripped of controls and drawn in the
screen's RTL mode like every other string.
"""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from db.incidents import LinkedReport
from tui.layout.drawing import drawn_inline
from tui.layout.modes import DrawnMode
from tui.layout.sanitize import sanitize

TITLE_CELLS = 30
"""How much of the other article's title a line shows."""


def describe_report(report: LinkedReport) -> str:
    """One linked report in words: where it was published and what it says."""
    event = report.event
    place = event.location.name or event.location.text if event.location else None
    actors = " → ".join(
        actor.key or actor.text or "?" for actor in (event.actor1, event.actor2) if actor
    )
    title = report.title or f"article {report.link.other_article}"
    if len(title) > TITLE_CELLS:
        title = title[: TITLE_CELLS - 1] + "…"
    parts = [
        f"{title} ({report.published})" if report.published else title,
        event.sub_event_type,
        place or "no place",
        event.date or "undated",
    ]
    if actors:
        parts.append(actors)
    if event.fatalities is not None:
        parts.append(f"{event.fatalities} killed")
    elif event.fatalities_vague:
        parts.append(f"{event.fatalities_vague} killed")
    return " · ".join(parts)


def link_line(report: LinkedReport) -> str:
    """The link's score, why, and the reviewer's decision on it."""
    link = report.link
    decided = {"confirmed": "confirmed", "split": "split"}.get(link.status or "", "unreviewed")
    return f"   score {link.score:.2f}: {', '.join(link.reasons)} · {decided}"


class LinksPanel(Static):
    """The selected event's linked reports; `chosen` is the one the link keys act on."""

    DEFAULT_CSS = """
    LinksPanel {
        height: auto;
        max-height: 12;
        padding: 0 1;
        border-top: solid $primary 40%;
        display: none;
    }
    LinksPanel.-shown {
        display: block;
    }
    """

    chosen: reactive[int] = reactive(0)

    def __init__(self, *, id: str | None = None) -> None:
        """An empty panel (hidden until an event with links is selected)."""
        super().__init__(id=id, markup=False)
        self.reports: list[LinkedReport] = []
        self.mode: DrawnMode = "off"
        self.figure: int | None = None
        self.keys: dict[str, str] = {}

    def show(
        self,
        reports: list[LinkedReport],
        mode: DrawnMode,
        figure: int | None,
        keys: dict[str, str],
    ) -> None:
        """Show `reports` (keeping the chosen one where it can), the incident's figure the
        reviewer set, and the keys that act on links."""
        self.reports, self.mode, self.figure, self.keys = reports, mode, figure, keys
        self.set_class(bool(reports) or figure is not None, "-shown")
        if self.chosen >= len(reports):
            self.chosen = 0
        self._draw()

    def watch_chosen(self) -> None:
        """Mark the newly chosen report."""
        self._draw()

    @property
    def current(self) -> LinkedReport | None:
        """The chosen report, if any."""
        return self.reports[self.chosen] if 0 <= self.chosen < len(self.reports) else None

    def _draw(self) -> None:
        lines = []
        if self.reports:
            keys = self.keys
            lines.append(
                f"also reported in ({len(self.reports)}):"
                f" {keys.get('confirm_link', 'l')} link · {keys.get('split_link', 's')} split"
                f" · {keys.get('open_link', 'o')} open · {keys.get('next_link', 'L')} next"
            )
        for index, report in enumerate(self.reports):
            mark = "▸" if index == self.chosen else " "
            lines.append(f"{mark} {describe_report(report)}")
            if index == self.chosen:
                lines.append(link_line(report))
        if self.figure is not None:
            lines.append(f"incident: {self.figure} killed (set by you)")
        drawn = "\n".join(drawn_inline(sanitize(line)[0], self.mode) for line in lines)
        self.update(Text(drawn))
