"""The results model: one vocabulary of statuses, and JSON that leaves out what only the
printers read."""

from __future__ import annotations

from dataclasses import asdict
from typing import get_args

import sympy

from symsoft.algebra.counterexample import exact
from symsoft.results import (
    STATUSES,
    STEP_STATUSES,
    EntryCheck,
    Status,
    StepStatus,
    Verdict,
    plain,
)


def test_the_tuples_list_the_literals():
    assert get_args(Status) == STATUSES == ("proved", "refuted", "unknown")
    assert get_args(StepStatus) == STEP_STATUSES


def test_the_reader_judges_steps_in_the_shared_vocabulary():
    import typing

    from symsoft.reading.judge.outcome import StepResult

    assert get_args(typing.get_type_hints(StepResult)["status"]) == STEP_STATUSES


def test_plain_is_asdict_without_the_latex_of_a_counterexample():
    cx = exact([("a_1", sympy.log(2))], sympy.Integer(1), sympy.Rational(1, 2))
    check = EntryCheck((1, 2), Verdict("refuted", "differs", counterexample=cx))
    expected = asdict(check)
    latex = expected["verdict"]["counterexample"].pop("latex")
    assert latex["point"] == ("\\log{\\left(2 \\right)}",)
    assert plain(check) == expected
    # the twin: without a counterexample there is nothing to leave out
    proved = EntryCheck((1,), Verdict("proved", "0", certificate="0"))
    assert plain(proved) == asdict(proved)
