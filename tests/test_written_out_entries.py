"""A name set equal to values at concrete indices (``a_1 = \\frac{e^{z_1}}{…}``, a column of
names beside a column of values, a value named on the right) gets the meaning the text gives it:
the softmax at the size written when its entries show that pattern, else no meaning, so that no
later step is flagged for reading it as a free variable."""

import pytest

from symsoft.reading.document import check_document

ENTRIES = r"""\frac{e^{z_1}}{e^{z_1} + e^{z_2} + e^{z_3}}\\
\frac{e^{z_2}}{e^{z_1} + e^{z_2} + e^{z_3}}\\
\frac{e^{z_3}}{e^{z_1} + e^{z_2} + e^{z_3}}"""
NAMES = r"a_1\\ a_2\\ a_3"
LATER = (
    "\n\nThen\n\n$$\\frac{\\partial a_1}{\\partial z_2} = -\\frac{e^{z_1}e^{z_2}}"
    "{(e^{z_1} + e^{z_2} + e^{z_3})^2} = -a_1a_2$$\n"
)

COLUMN_RIGHT = (
    "The softmax of the scores:\n\n$$\\begin{pmatrix}" + ENTRIES + "\\end{pmatrix} = "
    "\\begin{pmatrix}" + NAMES + "\\end{pmatrix}$$" + LATER
)
COLUMN_LEFT = (
    "The softmax of the scores:\n\n$$\\begin{pmatrix}" + NAMES + "\\end{pmatrix} = "
    "\\begin{pmatrix}" + ENTRIES + "\\end{pmatrix}$$" + LATER
)
VECTOR_FIRST = (
    "Define\n\n$$\\mathbf{a} = \\begin{pmatrix}" + NAMES + "\\end{pmatrix} = "
    "\\begin{pmatrix}" + ENTRIES + "\\end{pmatrix}$$" + LATER
)
TWO_ENTRIES = (
    "Define\n\n$$a_1 = \\frac{e^{z_1}}{e^{z_1} + e^{z_2} + e^{z_3}}, \\quad "
    "a_2 = \\frac{e^{z_2}}{e^{z_1} + e^{z_2} + e^{z_3}}$$" + LATER
)

# the text also differentiates by a (a layer's activations): still the softmax written out
ALSO_A_VARIABLE = COLUMN_RIGHT + "\nNext comes $\\frac{\\partial L}{\\partial a_1}$.\n"


def _statuses(text: str) -> list[str]:
    return [step.status for step in check_document(text).steps]


@pytest.mark.parametrize(
    "text", [COLUMN_RIGHT, COLUMN_LEFT, VECTOR_FIRST, TWO_ENTRIES, ALSO_A_VARIABLE]
)
def test_a_softmax_written_out_entry_by_entry_defines_the_names(text: str) -> None:
    statuses = _statuses(text)
    assert statuses[-2:] == ["holds", "holds"]
    assert set(statuses[:-2]) == {"definition"}


@pytest.mark.parametrize(
    "text", [COLUMN_RIGHT, COLUMN_LEFT, VECTOR_FIRST, TWO_ENTRIES, ALSO_A_VARIABLE]
)
def test_twin_a_sign_slip_after_it_is_flagged(text: str) -> None:
    wrong = text.replace("= -a_1a_2$$", "= a_1a_2$$")
    assert _statuses(wrong)[-1] == "fails"


def test_twin_a_swapped_index_after_it_is_flagged() -> None:
    wrong = COLUMN_RIGHT.replace("= -a_1a_2$$", "= -a_1a_1$$")
    assert _statuses(wrong)[-1] == "fails"


@pytest.mark.parametrize(
    "text",
    [
        # one entry shows no pattern: what a_2 stands for, the text has not said
        "$$\\frac{e^{z_1}}{e^{z_1} + e^{z_2} + e^{z_3}} = a_1$$" + LATER,
        # the entries are not a softmax (the second has e^{z_1} on top): no meaning read
        TWO_ENTRIES.replace("a_2 = \\frac{e^{z_2}}", "a_2 = \\frac{e^{z_1}}"),
        # a column of names beside values that are not written out entry by entry
        COLUMN_RIGHT.replace(ENTRIES, r"\sigma(z_1)\\ \sigma(z_2)\\ \sigma(z_3)"),
    ],
)
def test_names_given_values_no_reading_holds_are_never_flagged(text: str) -> None:
    steps = check_document(text).steps
    assert not any(step.flagged for step in steps)
    assert steps[-1].status == "not checked"
    assert "a is defined at line" in steps[-1].summary
