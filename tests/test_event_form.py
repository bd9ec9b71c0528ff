"""The event form, new events, deleting, comments: driven by keys, checked on the rows stored."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Select, Static

from db.decisions import audit_log, get_decision, get_state, review_items
from db.events import get_event
from db.store import open_store
from extract.record import Actor, Event
from extract.vocabulary import ACTORS
from tests.conftest import SEEDS, run_cli, seed_ids
from tests.waiting import wait_for
from tui.app import ReviewApp
from tui.layout.drawing import drawn
from tui.screens.comment import CommentScreen
from tui.screens.event_form import EventForm, EvidenceText, complete_place
from tui.screens.review import ReviewScreen
from tui.widgets.article_view import ArticleView
from tui.widgets.rtl_text_area import RtlTextArea

SIZE = (160, 40)
ARABIC_LETTERS = re.compile("[\u0621-\u064a]")


@pytest.fixture
def reviewed_db(db_path: Path) -> Path:
    """The seed articles with their machine events."""
    assert run_cli(db_path, "import", str(SEEDS)).exit_code == 0
    assert run_cli(db_path, "extract").exit_code == 0
    return db_path


def first_article_events(db_path: Path) -> list[tuple[str, Event]]:
    """(event id, stored record) of the first article's events, in table order."""
    with open_store(db_path) as store:
        items = review_items(store, seed_ids(store)[0], "layla")
        return [(item.stored.id, item.stored.event) for item in items]


def actions(db_path: Path) -> list[str]:
    """Layla's audited actions, oldest first."""
    with open_store(db_path) as store:
        return [entry["action"] for entry in audit_log(store, "layla")]


def review_screen(app: ReviewApp) -> ReviewScreen:
    screen = app.screen
    assert isinstance(screen, ReviewScreen)
    return screen


def event_form(app: ReviewApp) -> EventForm:
    screen = app.screen
    assert isinstance(screen, EventForm), f"the form is not open ({screen!r})"
    return screen


async def set_field(pilot: Pilot[None], field_id: str, text: str) -> None:
    """Type `text` into a field of the open form, replacing what it held."""
    field = event_form(pilot.app).query_one(f"#{field_id}", Input)  # type: ignore[arg-type]
    field.focus()
    await pilot.pause()
    field.value = ""
    if text:
        await pilot.press(*text)
    await pilot.pause()


def error_text(app: ReviewApp) -> str:
    return str(event_form(app).query_one("#errors", Static).render())


async def test_editing_the_killed_count_stores_a_correction(reviewed_db: Path) -> None:
    (event_id, machine), *_ = first_article_events(reviewed_db)
    app = ReviewApp(reviewed_db, "layla", rtl="app")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # enter on the events table opens the form too
        form = event_form(app)
        assert form.query_one("#fatalities", Input).value == str(machine.fatalities)
        await set_field(pilot, "fatalities", "7")
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = review_screen(app)
        assert screen.session.items[0].current.fatalities == 7
        assert "events 1/" in str(screen.query_one("#status").render())
        await pilot.press("q")
    with open_store(reviewed_db) as store:
        decision = get_decision(store, event_id, "layla")
        assert decision is not None and decision.status == "corrected"
        assert decision.corrected is not None
        assert decision.corrected.fatalities == 7
        # Every other field is as it was; the machine event itself is untouched.
        assert decision.corrected.location == machine.location
        assert decision.corrected.evidence == machine.evidence
        stored = get_event(store, event_id)
        assert stored is not None and stored.event == machine
        assert stored.event.fatalities == machine.fatalities != 7
    assert actions(reviewed_db) == ["correct"]


@pytest.mark.parametrize(
    ("key", "field_id", "typed", "stored"),
    [
        ("alt+k", "fatalities", "5", lambda event: event.fatalities == 5),
        ("alt+i", "injured", "12", lambda event: event.injured == 12),
        ("alt+d", "date", "2024-03-01", lambda event: event.date == "2024-03-01"),
        ("alt+p", "place", "حلب", lambda event: event.location.text == "حلب"),
        ("alt+2", "actor2_text", "مدنيين", lambda event: event.actor2.text == "مدنيين"),
    ],
)
async def test_a_field_key_goes_to_its_field_and_typing_replaces_it(
    reviewed_db: Path, key: str, field_id: str, typed: str, stored
) -> None:
    """alt+letter goes straight to a field with its text selected: the key, the new value,
    ctrl+s, and the correction is stored."""
    (event_id, _machine), *_ = first_article_events(reviewed_db)
    app = ReviewApp(reviewed_db, "layla", rtl="app")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e", key)
        await pilot.pause()
        form = event_form(app)
        assert form.focused is form.query_one(f"#{field_id}")
        await pilot.press(*typed)
        assert form.query_one(f"#{field_id}", Input).value == typed  # replaced, not appended
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
    with open_store(reviewed_db) as store:
        decision = get_decision(store, event_id, "layla")
        assert decision is not None and decision.status == "corrected"
        assert decision.corrected is not None and stored(decision.corrected)


async def test_the_type_key_goes_to_the_type_list(reviewed_db: Path) -> None:
    app = ReviewApp(reviewed_db, "layla", rtl="app")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e", "alt+k", "alt+t")
        await pilot.pause()
        form = event_form(app)
        assert form.focused is form.query_one("#sub_event_type", Select)


async def test_saving_an_unchanged_form_stores_nothing(reviewed_db: Path) -> None:
    app = ReviewApp(reviewed_db, "layla", rtl="app")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e")
        event_form(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        review_screen(app)
        await pilot.press("q")
    assert actions(reviewed_db) == []


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("date", "2023-13-01", "date must be YYYY-MM-DD"),
        ("date", "27/10/2023", "date must be YYYY-MM-DD"),
        ("fatalities", "-3", "killed must be a whole number ≥ 0"),
        ("fatalities", "five", "killed must be a whole number ≥ 0"),
        ("injured", "2a", "injured must be a whole number ≥ 0"),
        ("injured", "99999999999999999999999", "injured must be a whole number ≥ 0"),
        ("lat", "95", "lat must be a number from -90 to 90"),
    ],
)
async def test_invalid_values_are_refused_in_the_form(
    reviewed_db: Path, field: str, value: str, message: str
) -> None:
    app = ReviewApp(reviewed_db, "layla", rtl="app")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await set_field(pilot, field, value)
        await pilot.press("ctrl+s")
        await pilot.pause()
        form = event_form(app)  # still open
        assert message in error_text(app)
        assert form.query_one(f"#{field}", Input).has_focus  # the field at fault
        await pilot.press("escape")
        await pilot.pause()
        review_screen(app)
        await pilot.press("q")
    assert actions(reviewed_db) == []


async def test_type_and_actor_keys_come_from_the_closed_lists(reviewed_db: Path) -> None:
    (event_id, machine), *_ = first_article_events(reviewed_db)
    assert machine.actor1 is not None and machine.actor1.key != "isis"
    app = ReviewApp(reviewed_db, "layla", rtl="app")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e")
        form = event_form(app)
        form.query_one("#sub_event_type", Select).value = "Armed clash"
        await pilot.pause()
        assert "Battles" in str(form.query_one("#event_type", Static).render())
        form.query_one("#actor1_key", Select).value = "isis"
        form.query_one("#actor2_key", Select).clear()
        await set_field(pilot, "actor2_text", "")
        await pilot.press("ctrl+s")
        await pilot.pause()
        review_screen(app)
        await pilot.press("q")
    with open_store(reviewed_db) as store:
        decision = get_decision(store, event_id, "layla")
        assert decision is not None and decision.corrected is not None
        corrected = decision.corrected
        assert (corrected.sub_event_type, corrected.event_type) == ("Armed clash", "Battles")
        assert corrected.actor1 == Actor(machine.actor1.text, "isis", ACTORS["isis"])
        assert corrected.actor2 is None


async def test_arabic_digits_are_read_as_numbers(reviewed_db: Path) -> None:
    (event_id, _), *_ = first_article_events(reviewed_db)
    app = ReviewApp(reviewed_db, "layla", rtl="app")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await set_field(pilot, "injured", "١٢")
        await set_field(pilot, "date", "٢٠٢٣-١٠-٢٧")
        await pilot.press("ctrl+s")
        await pilot.pause()
        review_screen(app)
        await pilot.press("q")
    with open_store(reviewed_db) as store:
        decision = get_decision(store, event_id, "layla")
        assert decision is not None and decision.corrected is not None
        assert (decision.corrected.injured, decision.corrected.date) == (12, "2023-10-27")


async def test_escape_discards_the_edits(reviewed_db: Path) -> None:
    app = ReviewApp(reviewed_db, "layla", rtl="app")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await set_field(pilot, "fatalities", "99")
        await set_field(pilot, "date", "2023-10-27")
        await pilot.press("escape")
        await pilot.pause()
        screen = review_screen(app)
        assert screen.session.items[0].decision is None
        await pilot.press("q")
    assert actions(reviewed_db) == []


async def test_place_completion_fills_the_gazetteer_fields(reviewed_db: Path) -> None:
    (event_id, machine), *_ = first_article_events(reviewed_db)
    assert machine.location is not None and machine.location.name != "Al-Bukamal"
    app = ReviewApp(reviewed_db, "layla", rtl="app")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e")
        form = event_form(app)
        await set_field(pilot, "place", "Al-Buk")
        place = form.query_one("#place", Input)
        await wait_for(pilot, lambda: place._suggestion, "the completion (from a worker)")
        assert place._suggestion == "Al-Bukamal"
        await pilot.press("right")  # take the completion
        await pilot.pause()
        assert place.value == "Al-Bukamal"
        values = {f: form.query_one(f"#{f}", Input).value for f in ("admin1", "country", "lat")}
        assert values == {"admin1": "Deir ez-Zor", "country": "Syria", "lat": "34.45"}
        # An Arabic name fills them as well, and the record carries them.
        await set_field(pilot, "place", "الميادين")
        assert form.query_one("#place_name", Input).value == "Al-Mayadin"
        await set_field(pilot, "place", "البوكمال")
        assert form.query_one("#place_name", Input).value == "Al-Bukamal"
        assert "Deir ez-Zor" in str(form.query_one("#place_match", Static).render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        review_screen(app)
        await pilot.press("q")
    with open_store(reviewed_db) as store:
        decision = get_decision(store, event_id, "layla")
        assert decision is not None and decision.corrected is not None
        location = decision.corrected.location
        assert location is not None
        assert (location.text, location.name, location.admin1, location.country) == (
            "البوكمال",
            "Al-Bukamal",
            "Deir ez-Zor",
            "Syria",
        )
        assert (location.lat, location.lon) == pytest.approx((34.45, 40.91861))
        assert (location.admin2, location.level) == ("Abu Kamal", "town")  # from the gazetteer


async def test_a_place_the_gazetteer_does_not_know_clears_its_fields(reviewed_db: Path) -> None:
    app = ReviewApp(reviewed_db, "layla", rtl="app")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e")
        form = event_form(app)
        assert form.query_one("#admin1", Input).value  # the machine event's place
        await set_field(pilot, "place", "قرية مجهولة")
        assert form.query_one("#admin1", Input).value == ""
        assert form.query_one("#lat", Input).value == ""
        await pilot.press("escape")
        await pilot.press("q")


def test_place_completion_extends_what_was_typed() -> None:
    assert complete_place("Al-Buk") == "Al-Bukamal"
    assert complete_place("al-buk") == "al-bukamal"  # the typed case is kept
    assert complete_place("البوك") == "البوكمال"
    assert complete_place("") is None
    assert complete_place("zzzz") is None


async def test_new_event_delete_and_undo(reviewed_db: Path) -> None:
    app = ReviewApp(reviewed_db, "layla", rtl="app")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = review_screen(app)
        count = len(screen.session.items)
        await pilot.press("J", "J")
        span = screen.article_view.cursor_span
        assert span[0] > 0  # not the first sentence
        await pilot.press("n")
        form = event_form(app)
        assert (form.event.evidence.start, form.event.evidence.end) == span
        evidence = form.query_one(EvidenceText)
        assert evidence.text == screen.article_view.text[span[0] : span[1]].replace("\n", " ")
        await set_field(pilot, "fatalities", "2")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert review_screen(app) is screen
        assert len(screen.session.items) == count + 1
        chosen = screen.selected()
        assert chosen is not None
        row, item = chosen
        added_id = item.stored.id
        assert item.stored.added_by == "layla"
        with open_store(reviewed_db) as store:
            stored = get_event(store, added_id)
            assert stored is not None
            assert stored.added_by == "layla" and stored.event.origin == "human"
            assert (stored.event.evidence.start, stored.event.evidence.end) == span
            assert stored.event.fatalities == 2 and stored.event.extractor is None
            decision = get_decision(store, added_id, "layla")
            assert decision is not None and decision.status == "accepted"
        await pilot.press("d")
        await pilot.pause()
        assert added_id not in [i.stored.id for i in screen.session.items]
        with open_store(reviewed_db) as store:
            decision = get_decision(store, added_id, "layla")
            assert decision is not None and decision.status == "deleted"
        await pilot.press("u")
        await pilot.pause()
        assert added_id in [i.stored.id for i in screen.session.items]
        assert screen.selected() == (row, screen.session.items[row])
        with open_store(reviewed_db) as store:
            decision = get_decision(store, added_id, "layla")
            assert decision is not None and decision.status == "accepted"
        await pilot.press("q")
    assert actions(reviewed_db) == ["add", "delete", "undo"]


async def test_new_event_can_be_cancelled(reviewed_db: Path) -> None:
    app = ReviewApp(reviewed_db, "layla", rtl="app")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        count = len(review_screen(app).session.items)
        await pilot.press("n")
        event_form(app)
        await pilot.press("escape")
        await pilot.pause()
        assert len(review_screen(app).session.items) == count
        await pilot.press("q")
    assert actions(reviewed_db) == []


async def test_delete_on_a_machine_event_stores_nothing(reviewed_db: Path) -> None:
    before = first_article_events(reviewed_db)
    app = ReviewApp(reviewed_db, "layla", rtl="app")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        messages = [notification.message for notification in app._notifications]
        assert "machine events are rejected with x, not deleted" in messages
        assert len(review_screen(app).session.items) == len(before)
        await pilot.press("q")
    assert actions(reviewed_db) == []
    assert first_article_events(reviewed_db) == before


async def test_comment_is_stored_and_escape_keeps_it(reviewed_db: Path) -> None:
    app = ReviewApp(reviewed_db, "layla", rtl="app")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("c")
        assert isinstance(app.screen, CommentScreen)
        await pilot.press(*"check the date [b]")
        await pilot.press("ctrl+s")
        await pilot.pause()
        review_screen(app)
        with open_store(reviewed_db) as store:
            article_id = seed_ids(store)[0]
            assert get_state(store, article_id, "layla").comment == "check the date [b]"
        await pilot.press("c")  # prefilled; escape changes nothing
        assert isinstance(app.screen, CommentScreen)
        area = app.screen.query_one(RtlTextArea)
        assert area.text == "check the date [b]"
        await pilot.press("x", "escape")
        await pilot.pause()
        review_screen(app)
        await pilot.press("q")
    with open_store(reviewed_db) as store:
        assert get_state(store, seed_ids(store)[0], "layla").comment == "check the date [b]"
    assert actions(reviewed_db) == ["comment"]


async def test_an_arabic_comment_is_drawn_shaped_as_it_is_typed(reviewed_db: Path) -> None:
    """The comment box lays Arabic out right to left, keeps paragraphs, and stores it logically."""
    app = ReviewApp(reviewed_db, "layla", rtl="app")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("c")
        assert isinstance(app.screen, CommentScreen)
        area = app.screen.query_one(RtlTextArea)
        await pilot.press(*"تحقق من التاريخ", "enter", *"الموقع T2")
        await wait_for(pilot, lambda: area.text == "تحقق من التاريخ\nالموقع T2", "the comment")
        await pilot.pause()
        rows = [area.render_line(y).text for y in range(2)]
        assert rows[0].rstrip().endswith(drawn("تحقق من التاريخ", "app"))  # right-aligned
        assert drawn("الموقع T2", "app") in rows[1]
        assert not any(ARABIC_LETTERS.search(row) for row in rows)
        typed = area.text
        await pilot.press("home", "delete")  # the paragraph's logical start: its first letter
        assert area.text == typed.replace("الموقع", "لموقع")
        await pilot.press("ctrl+z")
        assert area.text == typed
        await pilot.press("ctrl+y")
        assert area.text == typed.replace("الموقع", "لموقع")
        await pilot.press("ctrl+z", "up", "end", "left", "ctrl+s")  # moves change nothing
        await pilot.pause()
        review_screen(app)
        await pilot.press("q")
    with open_store(reviewed_db) as store:
        comment = get_state(store, seed_ids(store)[0], "layla").comment
    assert comment == "تحقق من التاريخ\nالموقع T2"


async def test_undo_after_an_edit_restores_the_previous_decision(reviewed_db: Path) -> None:
    (event_id, _), *_ = first_article_events(reviewed_db)
    app = ReviewApp(reviewed_db, "layla", rtl="app")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a", "k")  # accept the first event, back to it
        await pilot.press("e")
        await set_field(pilot, "fatalities", "3")
        await pilot.press("ctrl+s")
        await pilot.pause()
        with open_store(reviewed_db) as store:
            decision = get_decision(store, event_id, "layla")
            assert decision is not None and decision.status == "corrected"
        await pilot.press("u")
        await pilot.pause()
        with open_store(reviewed_db) as store:
            decision = get_decision(store, event_id, "layla")
            assert decision is not None and decision.status == "accepted"
            assert decision.corrected is None
        assert review_screen(app).session.items[0].current.fatalities != 3
        await pilot.press("q")
    assert actions(reviewed_db) == ["accept", "correct", "undo"]


async def test_article_text_in_the_form_is_never_markup(db_path: Path, tmp_path: Path) -> None:
    hostile = "قصف [bold red]عنيف[/] \x1b[31mعلى\x1b[0m البوكمال وقتل 3 مدنيين.\nجملة أخرى."
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "hostile.txt").write_text(hostile, encoding="utf-8")
    assert run_cli(db_path, "import", str(folder)).exit_code == 0
    app = ReviewApp(db_path, "layla", rtl="off")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n")
        evidence = event_form(app).query_one(EvidenceText)
        assert "[bold red]عنيف[/]" in evidence.text
        assert "\x1b" not in evidence.text
        rendered = str(evidence.render())
        assert "[bold red]" in rendered and "\x1b" not in rendered
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert len(review_screen(app).session.items) == 1
        await pilot.press("q")


async def test_counts_typed_in_arabic_digits_are_stored_as_numbers(reviewed_db: Path) -> None:
    """An Arabic keyboard types ١٢ (Arabic-Indic) or ۱۵ (Eastern Arabic-Indic)."""
    (event_id, _), *_ = first_article_events(reviewed_db)
    app = ReviewApp(reviewed_db, "layla", rtl="app")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await set_field(pilot, "fatalities", "١٢")
        await set_field(pilot, "injured", "۱۵")
        assert error_text(app) == ""
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not isinstance(app.screen, EventForm), "form closed")
        await pilot.press("q")
    with open_store(reviewed_db) as store:
        decision = get_decision(store, event_id, "layla")
        assert decision is not None and decision.corrected is not None
        assert (decision.corrected.fatalities, decision.corrected.injured) == (12, 15)


async def test_at_80x24_every_field_and_the_buttons_fit_with_an_error_shown(
    reviewed_db: Path,
) -> None:
    """The fields scroll above the buttons; an error between them never pushes Save off."""
    app = ReviewApp(reviewed_db, "layla", rtl="app")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        form = event_form(app)
        fields = form.query_one("#fields")
        for field_id in ("date_text", "fatalities", "injured"):
            field = form.query_one(f"#{field_id}", Input)
            field.focus()
            await wait_for(  # scrolled into view
                pilot, lambda f=field: fields.region.contains_region(f.region), field_id
            )
        await set_field(pilot, "date", "2023-02-30")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "date" in error_text(app)
        save = form.query_one("#save").region
        errors = form.query_one("#errors").region
        dialog = form.query_one("#dialog").region
        assert app.screen.region.contains_region(dialog)
        assert dialog.contains_region(save) and dialog.contains_region(errors)
        assert not fields.region.overlaps(errors) and not fields.region.overlaps(save)


async def test_a_late_sentence_is_a_few_keys_away(reviewed_db: Path) -> None:
    """The sentence cursor starts on the selected event's evidence and follows the selection;
    from the first event, a new event from the 10th sentence takes at most 6 keys and the
    typing; a click or a find puts the cursor on any sentence."""
    app = ReviewApp(reviewed_db, "layla", rtl="app")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = review_screen(app)
        view = screen.article_view
        items = screen.session.items
        assert len(items) > 1
        for row, item in enumerate(items[:2]):
            if row:
                await pilot.press("j")
            start, end = view.cursor_span
            assert start <= item.current.evidence.start < end  # the selected event's sentence
        await pilot.press("k")
        tenth = view.sentences[9]
        steps = 9 - view.cursor
        keys = [*str(steps), "J", "n"] if steps > 1 else ["J"] * steps + ["n"]  # 5J: a count
        assert len(keys) + 1 <= 6  # and ctrl+s
        await pilot.press(*keys)
        form = event_form(app)
        assert (form.event.evidence.start, form.event.evidence.end) == (tenth.start, tenth.end)
        assert app.focused is form.query_one("#place")  # a new event's place is typed first
        await set_field(pilot, "fatalities", "3")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert review_screen(app) is screen
        stored = [i.stored.event for i in screen.session.items if i.stored.added_by == "layla"]
        assert [(e.evidence.start, e.evidence.end, e.fatalities) for e in stored] == [
            (tenth.start, tenth.end, 3)
        ]
        # a click on the article puts the cursor on the sentence clicked
        last = len(view.sentences) - 1
        view.scroll_end(animate=False)
        await pilot.pause()
        target = next(
            (x, y)
            for y in range(view.content_region.height)
            for x in range(view.content_region.width)
            if (offset := view.offset_at(x, y)) is not None and view.sentence_at(offset) == last
        )
        inset = (view.content_region.x - view.region.x, view.content_region.y - view.region.y)
        await pilot.click(ArticleView, offset=(target[0] + inset[0], target[1] + inset[1]))
        await pilot.pause()
        assert view.cursor == last
        # ctrl+f finds a word (folded) and puts the cursor on its sentence
        sentence = view.sentences[1]
        word = view.text[sentence.start : sentence.end].split()[2]
        await pilot.press("ctrl+f", *word, "enter")
        await pilot.pause()
        assert view.cursor == view.sentence_at(screen._matches[0][0])
        assert view.text[screen._matches[0][0] :].startswith(word)


def drafts(db: Path) -> list[tuple[str, str]]:
    with open_store(db) as store:
        return store.conn.execute("SELECT annotator, target FROM drafts").fetchall()


async def test_a_form_closed_unsaved_keeps_a_draft_that_reopening_restores(
    reviewed_db: Path,
) -> None:
    app = ReviewApp(reviewed_db, "layla", rtl="app")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        event_id = review_screen(app).session.items[0].stored.id
        await pilot.press("e")
        await set_field(pilot, "place", "البوكمال")
        assert drafts(reviewed_db) == [("layla", event_id)]  # kept as it was typed
        await pilot.press("escape")
        await pilot.pause()
        review_screen(app)
        messages = [str(n.message) for n in app._notifications]
        assert any(m.startswith("draft kept: e reopens it") for m in messages)
        assert actions(reviewed_db) == []  # a draft is no decision
        await pilot.press("e")
        form = event_form(app)
        await pilot.pause()
        assert form.query_one("#place", Input).value == "البوكمال"
        assert "draft restored" in str(form.query_one("#form-title", Static).render())
        await pilot.press("ctrl+r")  # back to the event as stored: the draft goes
        await pilot.pause()
        assert form.query_one("#place", Input).value != "البوكمال"
        assert drafts(reviewed_db) == []
        await set_field(pilot, "fatalities", "9")
        assert drafts(reviewed_db) == [("layla", event_id)]
        await pilot.press("ctrl+s")
        await pilot.pause()
        review_screen(app)
        assert drafts(reviewed_db) == []  # saved: the draft is gone, the correction stored
        assert actions(reviewed_db) == ["correct"]


async def test_a_draft_survives_quitting_with_the_form_open(reviewed_db: Path) -> None:
    app = ReviewApp(reviewed_db, "layla", rtl="app")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("J", "n")
        await set_field(pilot, "place", "الميادين")
        await set_field(pilot, "fatalities", "4")
        await pilot.press("ctrl+q")  # quit at once, the form still open
    again = ReviewApp(reviewed_db, "layla", rtl="app")
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n")
        form = event_form(again)
        await pilot.pause()
        assert form.query_one("#place", Input).value == "الميادين"
        assert form.query_one("#fatalities", Input).value == "4"
        await pilot.press("ctrl+s")
        await pilot.pause()
        review_screen(again)
    assert drafts(reviewed_db) == []
    assert actions(reviewed_db) == ["add"]


async def test_escape_in_a_dropdown_closes_only_the_dropdown_and_ctrl_s_saves_from_it(
    reviewed_db: Path,
) -> None:
    app = ReviewApp(reviewed_db, "layla", rtl="app")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e")
        form = event_form(app)
        await set_field(pilot, "fatalities", "5")
        select = form.query_one("#sub_event_type", Select)
        select.focus()
        await pilot.press("enter")
        await wait_for(pilot, lambda: select.expanded, "the dropdown")
        await pilot.press("escape")
        await wait_for(pilot, lambda: not select.expanded, "the dropdown to close")
        assert app.screen is form  # the form stays, with what was typed
        assert form.query_one("#fatalities", Input).value == "5"
        await pilot.press("enter")
        await wait_for(pilot, lambda: select.expanded, "the dropdown again")
        await pilot.press("ctrl+s")  # saves from inside the open dropdown
        await pilot.pause()
        review_screen(app)
    assert actions(reviewed_db) == ["correct"]


async def test_the_evidence_grows_and_shrinks_by_word_and_clause(reviewed_db: Path) -> None:
    """alt+left grows the end (on the left in Arabic) a word, alt+right shrinks it, alt+up
    grows the start; shift makes it a clause; the span saved is the one shown."""
    app = ReviewApp(reviewed_db, "layla", rtl="app")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e")
        form = event_form(app)
        text = form.article_text
        start, end = form.evidence
        await pilot.press("alt+left")
        grown = form.evidence
        assert grown[0] == start and grown[1] > end
        assert text[end : grown[1]].strip() and " " not in text[end : grown[1]].strip()  # one word
        shown = form.query_one(EvidenceText).text
        assert shown == text[grown[0] : grown[1]].replace("\n", " ")
        assert f"[{grown[0]}, {grown[1]})" in str(form.query_one("#evidence-label").render())
        await pilot.press("alt+right")
        assert form.evidence == (start, end)
        await pilot.press("alt+up")
        assert form.evidence[0] < start and form.evidence[1] == end
        await pilot.press("alt+down", "alt+shift+left")
        clause_end = form.evidence[1]
        assert clause_end > end
        assert text[clause_end - 1] in ",،;؛:.!?؟…\n" or clause_end == len(text)
        await pilot.press("ctrl+s")
        await pilot.pause()
        review_screen(app)
    with open_store(reviewed_db) as store:
        items = review_items(store, seed_ids(store)[0], "layla")
        corrected = items[0].decision.corrected if items[0].decision else None
    assert corrected is not None
    assert (corrected.evidence.start, corrected.evidence.end) == (start, clause_end)


async def test_the_forms_keys_are_in_the_palette_while_it_is_open(reviewed_db: Path) -> None:
    from textual.command import CommandList, CommandPalette

    app = ReviewApp(reviewed_db, "layla", rtl="app")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e")
        form = event_form(app)
        titles = [command.title for command in app.get_system_commands(form)]
        assert "Evidence: a word at the left" in titles and "Revert to the event" in titles
        before = form.evidence
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette), "the palette")
        await pilot.press(*"Evidence: a word at the left")
        await wait_for(
            pilot, lambda: app.screen.query_one(CommandList).option_count > 0, "its hits"
        )
        await pilot.press("enter")
        await wait_for(pilot, lambda: form.evidence != before, "the evidence to grow")
        assert form.evidence[0] == before[0] and form.evidence[1] > before[1]
