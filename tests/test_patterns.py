"""Entries decided once per shape and index pattern: the same verdicts as deciding every entry
on its own, and never a reused "proved" where the entry differs."""

from __future__ import annotations

import dataclasses

import pytest
import sympy

from symsoft.catalogue import notation as nt
from symsoft.catalogue.family import Family
from symsoft.catalogue.theorems import CATALOGUE, find
from symsoft.errors import UnsupportedExpression
from symsoft.verification.fast import fast_entry
from symsoft.verification.patterns import decider, pattern_generic, shape
from symsoft.verification.verifier import verify_theorem

S, p, y, i, j, k, c, N = nt.S, nt.p, nt.y, nt.i, nt.j, nt.k, nt.c, nt.N
SQUARE = [t for t in CATALOGUE if t.entries in ("all", "off-diagonal", "diagonal")]


def _status(decide, index):  # type: ignore[no-untyped-def]
    try:
        return decide(index).status
    except UnsupportedExpression:
        return "unsupported"


# a closed form wrong on the diagonal only, one wrong in row 2 only, and the right one
CLOSED_FORMS = [
    ("softmax-jacobian-offdiagonal", None, "right"),
    ("log-softmax-jacobian", None, "right"),
    ("log-softmax-jacobian", 2 * nt.delta(i, j) - S[j], "wrong on the diagonal"),
    ("log-softmax-jacobian", nt.delta(i, j) - S[j] + nt.delta(i, 2), "wrong in row 2"),
    ("softmax-jacobian-offdiagonal", -S[i] * S[j] + (i - 2) * 0 + nt.delta(j, 3), "column 3"),
    ("cross-entropy-hessian", None, "right"),
    ("cross-entropy-hessian", p[i] * nt.delta(i, j) - p[i] * p[j], "hypothesis dropped"),
    ("cross-entropy-hessian-normalized", p[i] * nt.delta(i, 2) - p[i] * p[j], "literal index"),
    ("label-smoothing-gradient", None, "right"),
    ("label-smoothing-gradient", p[i] - nt.delta(i, c), "smoothing ignored"),
    ("softmax-temperature-jacobian", S[i] * (nt.delta(i, j) - S[j]), "forgot 1/T"),
]


@pytest.mark.parametrize("n", [1, 2, 3, 5])
@pytest.mark.parametrize(("name", "closed", "why"), CLOSED_FORMS, ids=[w[2] for w in CLOSED_FORMS])
def test_reuse_decides_every_entry_as_deciding_it_alone(n, name, closed, why):
    theorem = find(name) if closed is None else find(name).with_closed_form(closed)
    alone = Family(n)
    shared = decider(theorem, Family(n), lambda index: 0)
    statuses = set()
    for index in theorem.indices(n):
        status = _status(lambda index: fast_entry(theorem, alone, index, 0), index)
        assert _status(shared, index) == status, (why, index)
        statuses.add(status)
    if n >= 3:
        assert statuses == ({"proved"} if closed is None else statuses), why
        assert closed is None or "refuted" in statuses, why


@pytest.mark.parametrize("theorem", SQUARE, ids=lambda t: t.name)
def test_ring_and_sympy_paths_agree_per_entry(theorem):
    ring = verify_theorem(theorem, 4, method="ring")
    reference = verify_theorem(theorem, 4, method="sympy")
    assert [(c.index, c.verdict.status) for c in ring.checks] == [
        (c.index, c.verdict.status) for c in reference.checks
    ]
    assert ring.status == "proved"


def test_a_wrong_literal_row_is_refuted_only_there():
    # reusing the proof of (1, 2) for (2, 1) would hide the wrong row: the closed form is not
    # pattern-generic, so each entry is decided alone
    theorem = find("softmax-jacobian-offdiagonal").with_closed_form(
        -S[i] * S[j] + nt.delta(i, 2) * S[i]
    )
    result = verify_theorem(theorem, 20)
    assert result.refuted == 19 and result.proved == 20 * 19 - 19
    assert {check.index[0] for check in result.checks} == {2}  # N > 12: failures only
    assert verify_theorem(find("softmax-jacobian-offdiagonal"), 20).status == "proved"


def _family_with_row(n: int, row: int, output: sympy.Expr) -> Family:
    family = Family(n)
    s = family.softmax
    outputs = list(s.outputs)
    outputs[row - 1] = output
    family.__dict__["softmax"] = dataclasses.replace(s, outputs=tuple(outputs))
    return family


def test_a_row_built_differently_is_derived_and_refuted_on_its_own():
    # S_3 built as e^{a_3} / Z^2 (wrong): its entries have another shape, so nothing is reused
    n, theorem = 8, find("softmax-jacobian-offdiagonal")
    s = Family(n).softmax
    family = _family_with_row(n, 3, s.exponentials[2] / s.partition_sum**2)
    result = verify_theorem(theorem, n, family=family)
    refuted = {check.index for check in result.checks if check.verdict.status == "refuted"}
    assert refuted == {(3, column) for column in range(1, n + 1) if column != 3}
    # the twin: the same row built as e^{a_3}/Z again is proved like every other
    same = _family_with_row(n, 3, s.exponentials[2] / s.partition_sum)
    assert verify_theorem(theorem, n, family=same).status == "proved"


def test_a_row_that_names_another_logit_is_not_reused():
    s = Family(4).softmax
    row = s.exponentials[0] * s.exponentials[1] / s.partition_sum  # S_1 with e^{a_2} inside
    roles = {s.exponentials[0]: "own", s.partition_sum: "Z"}
    assert shape(row, roles) is None
    assert shape(s.outputs[0], roles) is not None
    family = _family_with_row(4, 1, row)
    result = verify_theorem(find("softmax-jacobian-offdiagonal"), 4, family=family)
    assert {check.index[0] for check in result.checks if check.verdict.status != "proved"} == {1}


@pytest.mark.parametrize(
    ("closed", "names", "generic"),
    [
        (-S[i] * S[j], (i, j), True),
        (nt.delta(i, j) - S[j], (i, j), True),
        (nt.total(y) * (p[i] * nt.delta(i, j) - p[i] * p[j]), (i, j), True),
        (p[i] - ((1 - nt.epsilon) * nt.delta(i, c) + nt.epsilon / N), (i, c), True),
        (S[i] * (nt.delta(i, j) - S[j]) / nt.T, (i, j), True),
        (-S[i] * S[2], (i, j), False),
        (nt.delta(i, 2) - S[j], (i, j), False),
        (i * S[i], (i, j), False),
        (S[i + 1], (i, j), False),
        (sympy.Sum(S[k], (k, 1, N)) * S[i], (i, j), False),
        (S[k] * S[i], (i, j), False),
    ],
)
def test_pattern_generic_closed_forms(closed, names, generic):
    assert pattern_generic(closed, names) is generic
