"""A counterexample to a step at a concrete size: the step written out at N = 1..6 with its index
case, decided exactly, and the values that refute it described in words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import sympy

from symsoft.algebra.evaluation import doit
from symsoft.algebra.prover import prove, sum_to_one
from symsoft.errors import UnsupportedExpression
from symsoft.reading.documents.counts import SAMPLES
from symsoft.reading.judge.symbolic import (
    N,
    flatten,
    resolve,
)
from symsoft.results import Counterexample, Verdict

SUM_TO_ONE = "Σ_j y_j = 1"


def hypothesis_text(labels: str = "y") -> str:
    """The hypothesis that the labels ``labels`` sum to one, as a summary writes it."""
    return SUM_TO_ONE if labels == "y" else f"Σ_j {labels}_j = 1"


def _concrete(
    left: sympy.Expr,
    right: sympy.Expr,
    blocks: list[list[sympy.Symbol]],
    hypothesis_stated: bool,
    sizes: list[int],
    normalized: set[str] | frozenset[str] = frozenset(),
    example: Mapping[str, sympy.Expr] | None = None,
    labels: str = "y",
) -> tuple[Verdict, str, str | None]:
    """Both sides at concrete sizes and indices: the first size where they differ, or, at one
    given size, the verdict there (with ``Σ_j y_j = 1`` when only that makes it hold); with
    ``example``, at those values of the variables."""
    written = [
        int(x)
        for side in (left, right)
        for e in side.atoms(sympy.Indexed)
        for x in e.indices
        if x.is_Integer
    ]
    values = {b[0]: sympy.Integer(n + 1) for n, b in enumerate(blocks)}
    fixed = len(sizes) == 1
    last, where = Verdict("unknown", reason="no size to check"), ""
    for size in sizes:
        where = ", ".join([f"N = {size}"] + [f"{_named(b[0])} = {values[b[0]]}" for b in blocks])
        if size < len(blocks):
            if fixed:
                return (
                    Verdict("proved", reason=f"vacuous: no such indices at N = {size}"),
                    where,
                    None,
                )
            continue
        if size < max(written, default=1):
            last = Verdict("unknown", reason=f"an index above N = {size} is written")
            continue
        point = {**values, N: sympy.Integer(size)}
        if _out_of_range(left, right, point, size):
            last = Verdict("unknown", reason=f"an index above N = {size} at N = {size}")
            continue  # z_{3-i} at i = 1, N = 1: no such entry
        try:
            at_left, at_right = (
                flatten(resolve(doit(side.xreplace(point)))) for side in (left, right)
            )
        except UnsupportedExpression as exc:
            return Verdict("unknown", reason=str(exc)), where, None
        if example:
            general = (at_left, at_right)
            at_left, at_right = (
                side.xreplace({s: example[s.name] for s in side.free_symbols if s.name in example})
                for side in (at_left, at_right)
            )
            left_free = sorted(map(str, at_left.free_symbols | at_right.free_symbols))
            if left_free:
                # values the example does not give: a remark ("for T = 1 …") as much as an
                # example, so the step must hold both at the values and for every value
                verdict = prove(at_left, at_right)
                if verdict.status != "proved":
                    reason = f"the worked example gives no value of {', '.join(left_free)}"
                    verdict = Verdict("unknown", reason=reason)
                elif prove(*general, _example_facts(example, size)).status != "proved":
                    given = ", ".join(sorted(example))
                    reason = (
                        f"holds at the worked example's {given} but not for every value: "
                        "which one the step means is not said"
                    )
                    verdict = Verdict("unknown", reason=reason)
                return verdict, where, None
            remarks = getattr(example, "remarks", frozenset())
            if remarks:
                # "for $T = 1$ it is …" says a value in passing: the step must agree there and
                # for every value of it (with the example's other values in)
                kept = {s: v for s, v in example.items() if s not in remarks}
                opened = prove(
                    *(
                        side.xreplace(
                            {s: kept[s.name] for s in side.free_symbols if s.name in kept}
                        )
                        for side in general
                    )
                )
                verdict = prove(at_left, at_right)
                if verdict.status != opened.status:
                    said = ", ".join(f"{name} = {example[name]}" for name in sorted(remarks))
                    words = {"proved": "holds", "refuted": "fails", "unknown": "is undecided"}
                    every = {
                        "proved": "holds for every value",
                        "refuted": "does not hold for every value",
                        "unknown": "is undecided for every value",
                    }
                    reason = (
                        f"the step {words[verdict.status]} at {said}, said in a remark, and "
                        f"{every[opened.status]}: which one it means is not said"
                    )
                    verdict = Verdict("unknown", reason=reason)
                return verdict, where, None
        targets = [sympy.Symbol(f"{labels}_{m}", real=True) for m in range(1, size + 1)]
        uses_targets = bool((at_left.free_symbols | at_right.free_symbols) & set(targets))
        facts = [
            sum_to_one([sympy.Symbol(f"{name}_{m}", real=True) for m in range(1, size + 1)])
            for name in sorted(normalized)
        ]
        # with the hypothesis stated, a plain verdict is kept only at the last size, where no
        # other size comes to take its place: it is not asked at the sizes before
        asked = fixed or not hypothesis_stated or size == sizes[-1]
        plain = prove(at_left, at_right, facts) if asked else None
        if fixed and plain.status == "proved":
            return plain, where, None
        if uses_targets and (hypothesis_stated or fixed):
            given = prove(at_left, at_right, [sum_to_one(targets), *facts])
            if given.status == "proved" and fixed:
                return given, where, hypothesis_text(labels)
            if given.status == "refuted" and hypothesis_stated:
                return given, where, hypothesis_text(labels)
            if hypothesis_stated:  # the stated hypothesis decides: a plain failure is no flag
                last = given
                continue
        if plain is None:
            continue
        if plain.status == "refuted" and not hypothesis_stated:
            return plain, where, None
        last = plain
    return last, where, None


def _out_of_range(
    left: sympy.Expr, right: sympy.Expr, point: Mapping[sympy.Basic, sympy.Expr], size: int
) -> bool:
    """Whether an entry the sides write has, at ``point``, an index above ``size``."""
    for side in (left, right):
        for entry in side.atoms(sympy.Indexed):
            for index in entry.indices:
                value = index.xreplace(point)
                if value.is_Integer and value > size:  # (0 is an index of a text from 0)
                    return True
    return False


def _example_facts(example: Mapping[str, sympy.Expr], size: int) -> list[sympy.Eq]:
    """Σ_j y_j = 1 when the worked example's targets sum to one (``y = (1, 0, 0)``): the step
    is then meant for targets of that kind."""
    targets = [f"y_{m}" for m in range(1, size + 1)]
    if all(name in example for name in targets) and sum(example[t] for t in targets) == 1:
        return [sum_to_one([sympy.Symbol(name, real=True) for name in targets])]
    return []


def _named(index: sympy.Symbol) -> str:
    """An index as a counterexample names it (the text's own N beside its classes' count)."""
    return "the text's N" if index == SAMPLES else str(index)


def describe(counterexample: Counterexample) -> str:
    """A counterexample as ``a = (log(2), 0, log(3)), y = (1, 0, 0)``."""
    families: dict[str, list[tuple[int, str]]] = {}
    plain: list[str] = []
    for name, value in counterexample.point:
        match = re.fullmatch(r"([A-Za-z]+)_(\d+)", name)
        if match:
            families.setdefault(match.group(1), []).append((int(match.group(2)), value))
        else:
            plain.append(f"{name} = {value}")
    others = dict(counterexample.others)
    parts = []
    for family, entries in families.items():
        entries.sort()
        shown = ", ".join(value for _, value in entries)
        if family in others:
            shown += f", others {others[family]}"
        parts.append(f"{family} = ({shown})")
    return ", ".join(parts + plain)
