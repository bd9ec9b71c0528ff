"""An article's words, cut once from its folded runs, are the words `tokenize` cuts."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from extract.tokens import tokenize, tokenize_article

# Arabic letters and digits, every mark a word may carry, and the characters that send an
# article back to `tokenize`: zero-width and bidi marks, a Quranic mark, letters whose case
# folding lengthens them, and the mark that folds to a letter.
ARTICLE_TEXT = st.text(
    alphabet=st.sampled_from(
        "ابتدرسعقلمنهوي أإآٱةىئؤ ـًٌٍَُِّْٰٕٔ٠١٢٣٤٥٦٧٨٩٫٬،؛؟«»()-_.,\n\u00a0"
        "\u200c\u200f\ufeff\u0615ßİ\u0345Σab12"
    )
)


@given(st.one_of(ARTICLE_TEXT, st.text()))
def test_an_articles_words_are_those_tokenize_cuts(text: str) -> None:
    assert tokenize_article(text) == tokenize(text)


def test_words_with_harakat_and_tatweel_keep_them_in_their_offsets() -> None:
    text = "قُتِلَ ثلاثةٌ، في الغـــارة على ـحلبَ."
    tokens = tokenize_article(text)
    assert tokens == tokenize(text)
    assert [text[t.start : t.end] for t in tokens] == [
        "قُتِلَ",
        "ثلاثةٌ",
        "في",
        "الغـــارة",
        "على",
        "ـحلبَ",
    ]
    assert [t.folded for t in tokens][:2] == ["قتل", "ثلاثه"]
