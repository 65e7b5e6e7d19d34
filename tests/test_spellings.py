"""Spellings of one notation that real posts write: connectives between statements, TeX's
spacing before a case, primes written with ``\\prime``, a loss named by a word in a text command,
matrices written as ``array``, ``vmatrix`` and ``Vmatrix``. Each reading has a wrong twin that is
flagged, and what has two readings is not checked."""

from __future__ import annotations

import pytest

from symsoft import check_document

SOFTMAX = "Let $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$.\n\n"


def statuses(text: str) -> list[str]:
    return [step.status for step in check_document(text).steps]


@pytest.mark.parametrize(
    "connective",
    ["\\therefore", "\\implies", "\\Rightarrow", "\\Longrightarrow", "\\iff", "\\Leftrightarrow"],
)
def test_a_connective_ends_a_chain_and_is_no_step(connective: str) -> None:
    display = (
        "$$\\frac{\\partial p_i}{\\partial z_i} = p_i - p_i^2 CONN "
        "\\frac{\\partial p_i}{\\partial z_i} = RHS$$\n"
    )
    good = SOFTMAX + display.replace("CONN", connective).replace("RHS", "p_i(1 - p_i)")
    assert statuses(good) == ["holds", "holds"]
    bad = SOFTMAX + display.replace("CONN", connective).replace("RHS", "p_i(1 + p_i)")
    assert [s.flagged for s in check_document(bad).steps] == [False, True]


def test_a_connective_leading_a_row_starts_its_chain() -> None:
    text = SOFTMAX + (
        "\\begin{align}\n\\frac{\\partial p_i}{\\partial z_i} &= p_i - p_i^2 \\\\\n"
        "\\Longrightarrow \\frac{\\partial p_i}{\\partial z_i} &= RHS\n\\end{align}\n"
    )
    assert statuses(text.replace("RHS", "p_i(1 - p_i)")) == ["holds", "holds"]
    assert statuses(text.replace("RHS", "p_i(1 + p_i)")) == ["holds", "fails"]


def test_the_case_before_a_connective_holds_after_it() -> None:
    text = SOFTMAX + (
        "$$\\frac{\\partial p_i}{\\partial z_j} = -p_i p_j \\quad (i \\neq j) \\qquad \\Rightarrow"
        " \\qquad \\frac{\\partial p_i}{\\partial z_j} = RHS$$\n"
    )
    good = check_document(text.replace("RHS", "-p_j p_i")).steps
    assert [s.status for s in good] == ["holds", "holds"]  # in the case i ≠ j, not "holds only"
    bad = check_document(text.replace("RHS", "p_j p_i")).steps
    assert [s.flagged for s in bad] == [False, True]
    case = SOFTMAX + "$$i = j \\implies \\frac{\\partial p_i}{\\partial z_j} = RHS$$\n"
    assert statuses(case.replace("RHS", "p_i(1 - p_j)")) == ["holds"]
    assert statuses(case.replace("RHS", "p_i(1 + p_j)")) == ["fails"]


@pytest.mark.parametrize("space", ["\\;", "\\;\\;", "\\,", "~"])
def test_tex_spacing_before_a_case_and_after_a_comma(space: str) -> None:
    row = "$$\\frac{\\partial p_i}{\\partial z_j} = RHS SPACE (i \\neq j).$$\n"
    good = SOFTMAX + row.replace("SPACE", space).replace("RHS", "-p_i p_j")
    assert statuses(good) == ["holds"]
    bad = SOFTMAX + row.replace("SPACE", space).replace("RHS", "p_i p_j")
    assert statuses(bad) == ["fails"]
    pair = SOFTMAX + (
        "$$\\frac{\\partial p_i}{\\partial z_i} = RHS \\;,\\; "
        "\\frac{\\partial p_i}{\\partial z_j} = -p_i p_j SPACE (i \\neq j)$$\n"
    ).replace("SPACE", space)
    assert statuses(pair.replace("RHS", "p_i(1 - p_i)")) == ["holds", "holds"]
    assert statuses(pair.replace("RHS", "p_i(1 + p_i)"))[0] == "fails"


LOGISTIC = "The logistic function is $f(x) = \\frac{1}{1 + e^{-x}}$.\n\n"


@pytest.mark.parametrize(
    ("prime", "order"),
    [
        ("^{\\prime}", 1),
        ("^\\prime", 1),
        ("\\prime", 1),
        ("^{'}", 1),
        ("^{\\prime\\prime}", 2),
        ("^{''}", 2),
        ("\\prime\\prime", 2),
    ],
)
def test_every_spelling_of_a_prime(prime: str, order: int) -> None:
    right = {1: "f(x)(1 - f(x))", 2: "f(x)(1 - f(x))(1 - 2f(x))"}[order]
    wrong = {1: "f(x)(1 + f(x))", 2: "f(x)(1 - f(x))(1 + 2f(x))"}[order]
    for name in ("f", "\\sigma"):
        text = LOGISTIC.replace("f(x) =", f"{name}(x) =")
        step = f"$${name}{prime}(x) = RHS$$\n".replace("RHS", right.replace("f(", f"{name}("))
        assert statuses(text + step) == ["holds"], (name, prime)
        step = f"$${name}{prime}(x) = RHS$$\n".replace("RHS", wrong.replace("f(", f"{name}("))
        assert statuses(text + step) == ["fails"], (name, prime)


CE = SOFTMAX.replace(".\n", ", with $y$ one-hot.\n")


@pytest.mark.parametrize(
    "word",
    ["\\text{CE}", "\\mathrm{CE}", "\\operatorname{loss}", "\\text{loss}", "\\mathrm{label}"],
)
def test_a_word_in_a_text_command_is_the_name_the_text_defines(word: str) -> None:
    text = (
        CE
        + f"$${word} = -\\sum_k y_k \\log p_k$$\n\n"
        + f"$$\\frac{{\\partial {word}}}{{\\partial z_i}} = RHS$$\n"
    )
    assert statuses(text.replace("RHS", "p_i - y_i")) == ["definition", "holds"]
    assert statuses(text.replace("RHS", "y_i - p_i")) == ["definition", "fails"]


def test_a_word_defined_as_a_function() -> None:
    text = (
        "$$\\mathrm{BCE}(x) := -y \\log \\sigma(x) - (1 - y) \\log(1 - \\sigma(x))$$\n\n"
        "with $y \\in \\{0, 1\\}$.\n\n$$\\frac{d}{dx} \\mathrm{BCE}(x) = RHS$$\n"
    )
    assert statuses(text.replace("RHS", "\\sigma(x) - y"))[-1] == "holds"
    assert statuses(text.replace("RHS", "\\sigma(x) + y"))[-1] == "fails"


def test_a_word_the_text_never_defines_stays_unread() -> None:
    text = CE + "$$\\frac{\\partial \\text{CE}}{\\partial z_i} = p_i - y_i$$\n"
    assert statuses(text) == ["not checked"]


def test_a_word_name_in_a_claim_with_define() -> None:
    from symsoft.reading.claim.claims import check_claim

    define = ("\\text{CE} = -\\sum_k y_k \\log p_k",)
    good = check_claim(
        "\\frac{\\partial \\text{CE}}{\\partial o_i} = p_i - y_i",
        define=define,
        assume=("one-hot",),
    )
    bad = check_claim(
        "\\frac{\\partial \\text{CE}}{\\partial o_i} = y_i - p_i",
        define=define,
        assume=("one-hot",),
    )
    assert good.summary.startswith("holds") and bad.summary.startswith("fails")


JACOBIAN = (
    "$$\\frac{\\partial \\mathbf{p}}{\\partial \\mathbf{z}} = OPEN p_1(1-p_1) & -p_1 p_2 \\\\ "
    "-p_2 p_1 & p_2(1-LAST) CLOSE$$\n"
)


@pytest.mark.parametrize(
    ("opening", "closing"),
    [
        ("\\left[ \\begin{array}{cc}", "\\end{array} \\right]"),
        ("\\left( \\begin{array}{c|c}", "\\end{array} \\right)"),
        ("\\begin{vmatrix}", "\\end{vmatrix}"),
        ("\\begin{Vmatrix}", "\\end{Vmatrix}"),
    ],
)
def test_a_jacobian_written_as_an_array_or_between_bars(opening: str, closing: str) -> None:
    text = SOFTMAX + JACOBIAN.replace("OPEN", opening).replace("CLOSE", closing)
    assert statuses(text.replace("LAST", "p_2")) == ["holds"]
    assert statuses(text.replace("LAST", "p_1")) == ["fails"]


def test_bars_beside_a_number_are_a_determinant_not_read() -> None:
    text = SOFTMAX + (
        "$$\\begin{vmatrix} p_1(1-p_1) & -p_1 p_2 \\\\ -p_2 p_1 & p_2(1-p_2) \\end{vmatrix} = 0$$\n"
    )
    assert statuses(text) == ["not checked"]  # the determinant is 0: never "fails"


TABLE = SOFTMAX + (
    "| quantity | derivative |\n|---|---|\n"
    "| softmax | $\\frac{\\partial p_i}{\\partial z_j} = p_i(\\delta_{ij} - RHS)$BREAK |\n"
)


@pytest.mark.parametrize("tag", ["<br>", "<br/>", "<br />", "<BR>"])
def test_a_line_break_after_the_math_of_a_readme_cell(tag: str) -> None:
    text = TABLE.replace("BREAK", tag)
    assert statuses(text.replace("RHS", "p_j")) == ["holds"]
    assert [s.flagged for s in check_document(text.replace("RHS", "p_i")).steps] == [True]


@pytest.mark.parametrize(
    "layout",
    [
        '<p align="center">MATH</p>',
        "<p align='center'>\nMATH\n</p>",
        "<div align=center>MATH</div>",
    ],
)
def test_math_in_a_centred_html_paragraph(layout: str) -> None:
    math = "$\\frac{\\partial p_i}{\\partial z_i} = p_i(1 RHS p_i)$"
    text = SOFTMAX + layout.replace("MATH", math) + "\n"
    assert statuses(text.replace("RHS", "-")) == ["holds"]
    assert statuses(text.replace("RHS", "+")) == ["fails"]


def test_a_map_arrow_ends_a_chain() -> None:
    text = SOFTMAX + (
        "$$\\mathbf{z} \\rightarrow \\frac{\\partial p_i}{\\partial z_i} = p_i(1 RHS p_i)$$\n"
    )
    assert statuses(text.replace("RHS", "-")) == ["holds"]
    assert statuses(text.replace("RHS", "+")) == ["fails"]


def test_chinese_words_inside_the_math_are_prose_between_statements() -> None:
    text = SOFTMAX + (
        "$$综上, \\frac{\\partial p_i}{\\partial z_i} = p_i - p_i^2,所以"
        "\\frac{\\partial p_i}{\\partial z_i} = p_i(1 RHS p_i)$$\n"
    )
    assert statuses(text.replace("RHS", "-")) == ["holds", "holds"]
    assert statuses(text.replace("RHS", "+")) == ["holds", "fails"]


def test_a_note_mark_after_a_row_is_its_reference() -> None:
    text = SOFTMAX + "$$\\frac{\\partial p_i}{\\partial z_i} = p_i(1 RHS p_i) (※1)$$\n"
    assert statuses(text.replace("RHS", "-")) == ["holds"]
    assert statuses(text.replace("RHS", "+")) == ["fails"]


def test_a_row_that_names_a_case_holds_for_the_rows_below_it() -> None:
    text = (
        "$$\n\\begin{aligned}\na_i&=\\frac{e^{z_i}}{\\sum_k e^{z_k}} \\\\\n"
        "if \\: i\\neq j:& \\\\\n\\frac{\\partial a_j}{\\partial z_i}&= RHS \\\\\n"
        "\\\\\n\\frac{\\partial a_i}{\\partial z_j}&= -a_i a_j\n\\end{aligned}\n$$\n"
    )
    good = check_document(text.replace("RHS", "-a_i a_j")).steps
    assert [s.status for s in good] == [
        "definition",
        "holds",
        "holds only",
    ]  # the empty row ends it
    bad = check_document(text.replace("RHS", "a_i a_j")).steps
    assert [s.flagged for s in bad] == [False, True, True]


def test_sigmoid_without_a_command_is_the_logistic_function() -> None:
    text = "$$ t = \\frac{e^z-e^{-z}}{e^z+e^{-z}} = 2*sigmoid(SCALE z)-1 $$\n"
    assert statuses(text.replace("SCALE", "2")) == ["definition", "holds"]
    assert statuses(text.replace("SCALE ", "")) == ["definition", "fails"]
