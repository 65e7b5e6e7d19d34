"""What one judgement of a step hands to the next: the sides' normal form and the cases decided
(``steps.Decided``), and the plain verdicts a concrete search with the hypothesis stated never
keeps (``concrete._concrete``).  Reused, the verdicts are those of a judgement from scratch."""

from __future__ import annotations

import pytest
import sympy

from symsoft.reading.documents.spans import Relation
from symsoft.reading.judge import concrete
from symsoft.reading.judge.steps import SIZES, Decided, judge
from symsoft.reading.meaning.table import Meanings
from symsoft.reading.notation.sides import Reader

CASES = [
    # holds only when i ≠ j
    (r"\frac{\partial S_i}{\partial a_j}", "-S_i S_j", Relation("i", True, "j")),
    (r"\frac{\partial S_i}{\partial a_j}", "-S_i S_j", Relation("i", False, "j")),
    # holds in every case
    (r"\frac{\partial S_i}{\partial a_j}", r"S_i(\delta_{ij} - S_j)", Relation("i", True, "j")),
    # holds only when i = j
    (r"\frac{\partial S_i}{\partial a_j}", "S_i(1 - S_j)", Relation("i", True, "j")),
]


def _verdicts(checks: tuple) -> list[tuple[str, str, str, str]]:
    return [(c.case, c.verdict.status, c.verdict.reason or "", c.where) for c in checks]


@pytest.mark.parametrize(("lhs", "rhs", "condition"), CASES)
def test_every_case_after_one_case_is_judged_as_from_scratch(
    lhs: str, rhs: str, condition: Relation
) -> None:
    reader = Reader(Meanings.standard())
    left, right = reader.expression(lhs), reader.expression(rhs)
    decided = Decided()
    narrow = judge(left, right, reader.meanings, condition, decided=decided)
    assert [c.case for c in narrow] == [str(condition)]
    assert decided.prepared is not None and set(decided.cases) == {str(condition)}
    wide = judge(left, right, reader.meanings, None, decided=decided)
    fresh = Reader(Meanings.standard())
    alone = judge(fresh.expression(lhs), fresh.expression(rhs), fresh.meanings)
    assert _verdicts(wide) == _verdicts(alone)
    assert wide[[c.case for c in wide].index(str(condition))] is narrow[0]  # not decided again
    assert set(decided.cases) == {"i = j", "i ≠ j"}


def test_without_a_record_nothing_is_kept() -> None:
    reader = Reader(Meanings.standard())
    left, right = reader.expression(r"\frac{\partial S_i}{\partial a_j}"), reader.expression("0")
    once = judge(left, right, reader.meanings)
    twice = judge(left, right, reader.meanings)
    assert _verdicts(once) == _verdicts(twice)
    assert all(a is not b for a, b in zip(once, twice, strict=True))  # decided anew each time


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    asked: list[int] = []
    prove = concrete.prove

    def counted(left: sympy.Expr, right: sympy.Expr, facts: list | tuple = ()) -> object:
        asked.append(len(facts))
        return prove(left, right, facts)

    monkeypatch.setattr(concrete, "prove", counted)
    return asked


def _sides() -> tuple[sympy.Expr, sympy.Expr, list[list[sympy.Symbol]]]:
    i = sympy.Symbol("i", integer=True, positive=True)
    a, k = sympy.IndexedBase("a"), sympy.Dummy("k", integer=True, positive=True)
    total = sympy.Sum(sympy.exp(a[k]), (k, 1, concrete.N))
    return sympy.exp(a[i]) / total, sympy.exp(a[i]) / (total + 1), [[i]]


def test_with_the_hypothesis_stated_only_the_last_plain_verdict_is_asked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    left, right, blocks = _sides()
    asked = _counting(monkeypatch)
    verdict, where, used = concrete._concrete(left, right, blocks, True, list(SIZES))
    assert (verdict.status, where, used) == ("refuted", f"N = {SIZES[-1]}, i = 1", None)
    assert asked == [0]  # no labels written: one plain question, at the last size


def test_without_the_hypothesis_the_first_refuting_size_is_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    left, right, blocks = _sides()
    asked = _counting(monkeypatch)
    verdict, where, used = concrete._concrete(left, right, blocks, False, list(SIZES))
    assert (verdict.status, where, used) == ("refuted", "N = 1, i = 1", None)
    assert asked == [0]
