"""Proofs for every N at once: the catalogue is proved, wrong twins are refuted with a
concrete size, and the verdict is split by index case."""

from __future__ import annotations

import pytest
from conftest import differ_at
from test_verifier import WRONG

import symsoft
from symsoft.catalogue import notation as nt
from symsoft.catalogue.family import Family
from symsoft.catalogue.theorems import CATALOGUE, find
from symsoft.verification.general import verify_general


@pytest.mark.parametrize("theorem", CATALOGUE, ids=lambda t: t.name)
def test_every_theorem_is_proved_for_every_n(theorem):
    result = verify_general(theorem)
    assert result.status == "proved", [c.verdict.reason for c in result.checks]
    assert result.domain
    if theorem.entries == "all":
        assert [c.case for c in result.checks] in (["i = j", "i ≠ j"], ["i = c", "i ≠ c"])


@pytest.mark.parametrize(("name", "closed", "why"), WRONG, ids=[w[2] for w in WRONG])
def test_wrong_twins_are_refuted_at_a_concrete_n(name, closed, why):
    theorem = find(name).with_closed_form(closed)
    result = verify_general(theorem)
    assert result.status == "refuted", why
    for check in result.checks:
        if check.verdict.status != "refuted":
            continue
        assert check.verdict.reason.startswith("fails at N = ")
        size = int(check.verdict.reason.split("N = ")[1].split(",")[0])
        index = eval(check.verdict.reason.split("entry ")[1].split(":")[0])  # our own "(1, 2)"
        family = Family(size)
        mechanical = family.mechanical(theorem, index)
        closed_here = family.closed(theorem, index)
        if theorem.hypotheses == ("label-smoothing",):
            from symsoft.algebra.prover import _cases

            substitution = _cases(family.assumptions(theorem, index))[0]
            mechanical, closed_here = mechanical.subs(substitution), closed_here.subs(substitution)
        if theorem.hypotheses != ("sum-to-one",):
            assert differ_at(mechanical, closed_here, check.verdict.counterexample)


def test_a_dropped_delta_holds_only_when_i_equals_j():
    """log S_i / ∂a_j = 1 − S_j is right on the diagonal and wrong off it: said per case."""
    theorem = find("log-softmax-jacobian").with_closed_form(1 - nt.S[nt.j])
    cases = {c.case: c.verdict.status for c in verify_general(theorem).checks}
    assert cases == {"i = j": "proved", "i ≠ j": "refuted"}


def test_verify_all_through_the_api():
    run = symsoft.verify("all", ["softmax-jacobian-diagonal", "cross-entropy-gradient"])
    assert run.n == "all" and run.status == "proved"
    assert all(r.method == "general" for r in run.results)
