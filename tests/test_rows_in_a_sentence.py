"""``$$…$$`` written inside a sentence is inline math (kramdown), unless its rows open with
``=`` after a row break (``…\\\\=-y_i(1-p_i)\\\\=…``): a chain over rows is a display wherever
it is written, as math.SE answers write it."""

from __future__ import annotations

from symsoft.reading.document import check_document

HEAD = (
    "Let $p_k = \\frac{e^{o_k}}{\\sum_j e^{o_j}}$ and $L = -\\sum_k y_k \\log p_k$, with "
    "one-hot labels $y$.\n\n"
)
SENTENCE = (
    "We have the following (the slip is in $\\color{red}{red}$) $$\\frac{\\partial L}"
    "{\\partial o_i}=-\\sum_ky_k\\frac{1}{p_k}\\frac{\\partial p_k}{\\partial o_i}"
    "\\\\=-y_i(1-p_i)-\\sum_{k\\neq i}y_k\\frac{1}{p_k}({\\color{red}{-p_kp_i}})"
    "\\\\=-y_i+{SIGN}p_i\\sum_ky_k$$\n"
)


def test_a_chain_of_rows_in_a_sentence_is_a_display():
    steps = check_document(HEAD + SENTENCE.replace("{SIGN}", "")).steps
    assert [s.status for s in steps] == ["holds", "holds", "holds"]
    wrong = check_document(HEAD + SENTENCE.replace("{SIGN}", "2")).steps
    assert [s.status for s in wrong] == ["holds", "holds", "fails"]


def test_math_in_a_sentence_without_rows_stays_inline():
    text = HEAD + "so the slope is $$\\frac{\\partial L}{\\partial o_i} = 2 p_i$$ in this toy.\n"
    assert check_document(text).steps == ()
