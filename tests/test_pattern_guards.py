"""Patterns asked only where they can match (issue 12): the same matches as asking always."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from symsoft.reading.documents import bare_math, chains
from symsoft.reading.documents.languages import writes_cjk

# TeX, arrows, punctuation, Greek below U+3040; kana, ideographs, Hangul, full-width forms above
_ALPHABET = list("ab =<>,:、。 \\\n{}_^σ—é⇒⟹⇔⟺") + ["\\implies", "\\therefore", "=>", "<=>"]
_CJK = ["所以", "综上", "となる", "정리하면", "，", "：", "\u3040", "\u30ff", "\u9fff", "\ufaff"]


@pytest.mark.parametrize("text", ["所以 $x$", "$x$ となる", "따라서", "\u3040", "a，所"])
def test_a_text_with_kana_ideographs_or_hangul_writes_cjk(text: str) -> None:
    assert writes_cjk(text)


@pytest.mark.parametrize("text", ["", "so $x = y$", "σ(z) — é ⇒ ⟹ 、", "\u303f", "\u3000"])
def test_a_text_without_them_does_not(text: str) -> None:
    assert not writes_cjk(text)


@given(st.lists(st.sampled_from(_ALPHABET + _CJK), max_size=30).map("".join))
def test_the_connectives_of_a_row_are_those_of_the_whole_pattern(body: str) -> None:
    chosen = chains._CONNECTIVE if writes_cjk(body) else chains._ARROW
    expected = [(m.span(), m.group()) for m in chains._CONNECTIVE.finditer(body)]
    assert [(m.span(), m.group()) for m in chosen.finditer(body)] == expected


@given(st.lists(st.sampled_from(_ALPHABET), max_size=30).map("".join))
def test_without_cjk_the_words_branch_never_matches(body: str) -> None:
    assert not writes_cjk(body)
    assert not bare_math._CJK.search(body)
    whole = [(m.span(), m.group()) for m in chains._CONNECTIVE.finditer(body)]
    assert [(m.span(), m.group()) for m in chains._ARROW.finditer(body)] == whole
