"""The RTL layout engine on real sentences: shaping, bidi order, mirroring, marks, wrapping."""

from __future__ import annotations

from itertools import pairwise

from tui.layout.article import ArticleLayout
from tui.layout.engine import LOGICAL, ParagraphLayout
from tui.layout.modes import next_mode, resolve
from tui.layout.shaping import shape


def visual(text: str, width: int = 200) -> list[str]:
    return [line.text for line in ParagraphLayout(text).lines(width)]


def shaped_reversed(text: str) -> str:
    return shape(text)[0][::-1]


def test_arabic_is_shaped_and_drawn_right_to_left() -> None:
    (line,) = visual("القيادة المركزية")
    assert line == shaped_reversed("القيادة المركزية")
    assert all(not "\u0621" <= char <= "\u064a" for char in line)  # no unshaped letter


def test_latin_acronym_in_parentheses_keeps_its_order_and_brackets_mirror() -> None:
    (line,) = visual("القيادة المركزية الأمريكية (CENTCOM)")
    assert line == "(CENTCOM) " + shaped_reversed("القيادة المركزية الأمريكية")


def test_numbers_and_double_month_names() -> None:
    (line,) = visual("في 12 نوفمبر/تشرين الثاني 2023")
    assert line == (
        "2023 " + shaped_reversed("الثاني") + " " + shaped_reversed("تشرين")
        + "/" + shaped_reversed("نوفمبر") + " 12 " + shaped_reversed("في")
    )  # fmt: skip


def test_latin_with_digits_and_hyphen_reads_left_to_right() -> None:
    (line,) = visual("بطائرات F-16 أمريكية")
    assert "F-16" in line
    assert line.index(shaped_reversed("أمريكية")) < line.index("F-16")


def test_a_line_that_starts_with_a_latin_word_stays_right_to_left() -> None:
    (line,) = visual("CENTCOM أعلنت")
    # base direction is RTL: the first logical word is at the right end
    assert line == shaped_reversed("أعلنت") + " CENTCOM"


def test_quotes_and_guillemets() -> None:
    (line,) = visual("قال «لن نتسامح» أمس")
    # the opening « is drawn at the right end, mirrored, as a browser draws RTL text
    assert "«" + shaped_reversed("لن نتسامح") + "»" in line


def test_lam_alef_is_one_cell_for_two_letters() -> None:
    (line,) = ParagraphLayout("لا").lines(10)
    (cell,) = line.cells
    assert cell.text == "\ufefb" and (cell.start, cell.end) == (0, 2)
    (line,) = ParagraphLayout("الأمريكية").lines(20)
    ligature = [c for c in line.cells if c.end - c.start == 2]
    assert len(ligature) == 1 and ligature[0].text == "\ufef7"  # لأ


def test_harakat_stay_with_their_letter_in_one_cell() -> None:
    (line,) = ParagraphLayout("ردًا").lines(10)
    texts = [cell.text for cell in line.cells]
    assert any(len(text) == 2 and text[1] == "\u064b" for text in texts)
    assert line.width == 3  # three letters, the tanween takes no cell


def test_tatweel_is_drawn_and_mapped() -> None:
    (line,) = ParagraphLayout("جـمـيل").lines(20)
    assert line.width == 6
    assert sorted((c.start, c.end) for c in line.cells) == [(i, i + 1) for i in range(6)]


def test_wrapping_puts_the_first_words_on_the_first_line() -> None:
    text = "أعلنت القيادة المركزية الأمريكية أنها نفذت ضربات جوية على تسعة مواقع"
    lines = ParagraphLayout(text).lines(20)
    assert len(lines) > 2
    assert all(line.width <= 20 for line in lines)
    assert lines[0].start == 0 and lines[0].text.endswith(shaped_reversed("أعلنت"))
    assert [line.start for line in lines] == sorted(line.start for line in lines)


def test_a_word_longer_than_the_line_is_cut() -> None:
    lines = ParagraphLayout("ا" * 25).lines(10)
    assert [line.width for line in lines] == [10, 10, 5]


def test_escape_sequences_and_controls_never_reach_a_cell() -> None:
    hostile = "\x1b]0;pwned\x07نص\x1b[31m أحمر\x1b[0m \u202eabc\x00\x07\x9b31m [link=x]y[/link]"
    cells = [c for line in ParagraphLayout(hostile).lines(80) for c in line.cells]
    drawn = "".join(c.text for c in cells)
    assert not any(ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 for ch in drawn)
    assert "\u202e" not in drawn and "pwned" not in drawn
    assert "link=x" in drawn and "/link" in drawn  # markup in the text is drawn as text


def test_logical_mode_keeps_logical_order_unshaped() -> None:
    text = "القيادة (CENTCOM) في 12"
    (line,) = ParagraphLayout(text, mode=LOGICAL).lines(80)
    assert line.text == text


def test_article_rows_title_blank_rows_and_lookup() -> None:
    text = "الفقرة الأولى عن قصف.\nالفقرة الثانية عن غارة في البوكمال."
    layout = ArticleLayout(text, title="عنوان الخبر")
    rows = layout.rows(80)
    assert rows[0].title and rows[1].line is None
    assert [row.line is None for row in rows[2:]] == [False, True, False]
    second = text.index("الثانية")
    assert layout.row_of(second, 80) == 4
    assert layout.rows_of(0, len(text), 80) == (2, 4)


def test_modes() -> None:
    assert resolve("auto", {"VTE_VERSION": "7200"})[0] == "terminal"
    assert resolve("auto", {"KONSOLE_VERSION": "230800"})[0] == "terminal"
    assert resolve("auto", {"TERM": "xterm-256color"})[0] == "app"
    drawn, hint = resolve("auto", {"TMUX": "/tmp/x", "VTE_VERSION": "7200"})
    assert drawn == "app" and "auto → app" in hint
    assert [next_mode("app"), next_mode("terminal"), next_mode("off")] == ["terminal", "off", "app"]


def test_brackets_follow_what_they_enclose_and_what_precedes_them() -> None:
    assert visual("US forces (CENTCOM) قالت") == [shaped_reversed("قالت") + " US forces (CENTCOM)"]
    (line,) = visual("قال مسؤول في Central Command (CENTCOM) إن الضربات")
    assert "Central Command (CENTCOM)" in line
    assert visual("قال (نص) هنا") == [
        shaped_reversed("هنا") + " (" + shaped_reversed("نص") + ") " + shaped_reversed("قال")
    ]


def test_an_unterminated_escape_string_hides_nothing_after_it() -> None:
    (line,) = ParagraphLayout("قصف \x1b]0;x بلدة").lines(80)
    drawn = line.text
    assert "\x1b" not in drawn and shaped_reversed("بلدة") in drawn


def test_article_layout_steps_prepare_one_paragraph_at_a_time() -> None:
    text = "الفقرة الأولى عن قصف.\n\nالفقرة الثانية عن غارة.\nالثالثة في البوكمال (CENTCOM)."
    eager = ArticleLayout(text, "عنوان الخبر")
    lazy = ArticleLayout(text, "عنوان الخبر", prepare=False)
    assert not lazy.prepared and eager.prepared
    steps = lazy.steps(40)
    next(steps)  # the title
    assert not lazy.prepared
    rest = list(steps)
    # three paragraphs (the blank line is none), then the rows put together
    assert len(rest) == 3 + 1
    assert lazy.prepared
    assert lazy.rows(40) == eager.rows(40)
    assert list(lazy.steps(40)) == []  # nothing left to do
    assert len(list(ArticleLayout(text, prepare=False).steps())) == 3  # no width: no rows step


def test_an_unprepared_article_layout_prepares_when_its_rows_are_asked_for() -> None:
    text = "الفقرة الأولى.\nالفقرة الثانية عن غارة في البوكمال."
    lazy = ArticleLayout(text, "عنوان", prepare=False)
    steps = lazy.steps()
    next(steps)
    next(steps)  # title and the first paragraph; the second is left
    assert lazy.rows(30) == ArticleLayout(text, "عنوان").rows(30)
    assert list(steps) == []  # the rest was done by rows()
    assert lazy.title is not None and len(lazy.paragraphs) == 2


def test_line_text_is_its_cells_text_with_mirrored_brackets() -> None:
    for text in ("قال (نص) هنا «اقتباس» و[قوس]", "US forces (CENTCOM) قالت", "في 12 نوفمبر 2023"):
        before = [line.text for line in ParagraphLayout(text).lines(12)]  # text, no cells yet
        after = [
            "".join(cell.text for cell in line.cells) for line in ParagraphLayout(text).lines(12)
        ]
        assert before == after
    (line,) = ParagraphLayout("قال (نص) هنا").lines(80)
    assert "(" + shaped_reversed("نص") + ")" in line.text


def test_line_runs_split_the_text_by_the_spans_each_cell_overlaps() -> None:
    text = "القيادة المركزية الأمريكية (CENTCOM) قالت في 12 نوفمبر"
    (line,) = ParagraphLayout(text).lines(200)
    assert line.runs([]) == [(line.text, 0)]
    assert line.runs([(0, len(text))]) == [(line.text, 1)]  # covers the line: no cell looked at
    centcom = text.index("CENTCOM")
    runs = line.runs([(centcom, centcom + 7), (0, 7)])
    assert "".join(run for run, _ in runs) == line.text
    assert ("CENTCOM", 1) in runs
    assert [mask for _, mask in runs if mask == 2] == [2]
    assert all(a != b for (_, a), (_, b) in pairwise(runs))


EMOJI = {
    "family": "👨\u200d👩\u200d👧",
    "coder": "👩🏽\u200d💻",
    "heart on fire": "❤️\u200d🔥",
    "skin tone": "👍🏽",
    "flag": "🇸🇾",
    "subdivision flag": "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f",
}


def test_emoji_sequences_and_flags_are_one_cell_each_in_their_own_order() -> None:
    for name, emoji in EMOJI.items():
        text = f"نشر {emoji} صورة"
        for mode in ("app", LOGICAL):
            (line,) = ParagraphLayout(text, mode=mode).lines(80)
            cells = [cell for cell in line.cells if cell.text == emoji]
            assert len(cells) == 1, (name, mode, [cell.text for cell in line.cells])
            (cell,) = cells
            assert text[cell.start : cell.end] == emoji, name
            assert emoji in line.text, name


def test_two_flags_side_by_side_stay_two_flags() -> None:
    (line,) = ParagraphLayout("علما 🇸🇾🇮🇶 هنا").lines(80)
    assert [cell.text for cell in line.cells if cell.text[0] >= "\U0001f1e6"] == ["🇸🇾", "🇮🇶"]


def test_a_joiner_between_arabic_letters_still_leaves_no_trace() -> None:
    (line,) = ParagraphLayout("لا\u200dعب 👨\u200d👩").lines(80)
    assert line.text.count("\u200d") == 1  # the emoji's, not the letters'


def test_arabic_runs_inside_a_latin_message_are_drawn_where_they_stand() -> None:
    from tui.layout.drawing import drawn, drawn_inline

    message = "place البوكمال الشرقية not in the gazetteer (12 matches)"
    shown = drawn_inline(message, "app")
    assert shown == message.replace("البوكمال الشرقية", drawn("البوكمال الشرقية", "app"))
    assert shown.startswith("place ") and shown.endswith(" not in the gazetteer (12 matches)")
    assert drawn_inline(message, "terminal") == message == drawn_inline(message, "off")
    assert drawn_inline("no Arabic here", "app") == "no Arabic here"
