"""Session 27: readings found in real posts. Every reading that holds has a wrong twin."""

from __future__ import annotations

from tests.steps import summaries

TWO = (
    "For two outputs, $y_1 = \\frac{e^{z_1}}{e^{z_1} + e^{z_2}}$ and "
    "$y_2 = \\frac{e^{z_2}}{e^{z_1} + e^{z_2}}$.\n\n$$STEP$$\n"
)


def test_entries_of_a_softmax_written_out_in_a_sentence_define_it():
    assert summaries(TWO.replace("STEP", "\\frac{\\partial y_1}{\\partial z_2} = -y_1 y_2")) == {
        3: "holds"
    }
    assert summaries(TWO.replace("STEP", "\\frac{\\partial y_1}{\\partial z_1} = y_1(1 - y_1)"))[
        3
    ] == ("holds")


def test_a_wrong_step_on_entries_written_out_in_a_sentence_is_refuted():
    assert summaries(TWO.replace("STEP", "\\frac{\\partial y_1}{\\partial z_2} = y_1 y_2"))[
        3
    ].startswith("fails")
    assert summaries(TWO.replace("STEP", "\\frac{\\partial y_1}{\\partial z_1} = y_1(1 + y_1)"))[
        3
    ].startswith("fails")


def test_one_entry_written_out_shows_no_pattern_and_is_not_read():
    one = "For two outputs, $y_1 = \\frac{e^{z_1}}{e^{z_1} + e^{z_2}}$.\n\n$$STEP$$\n"
    assert summaries(one.replace("STEP", "\\frac{\\partial y_1}{\\partial z_2} = y_1 y_2"))[
        3
    ].startswith("not checked")
