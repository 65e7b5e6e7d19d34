"""verify(): every catalogue theorem proved entry by entry; wrong closed forms refuted; the
fast path computes the same derivative as sympy.diff, entry by entry."""

from __future__ import annotations

import pytest
import sympy
from conftest import differ_at

import symsoft
from symsoft import notation as nt
from symsoft.derivation import entry_derivative
from symsoft.theorems import CATALOGUE, Family, find
from symsoft.verifier import verify_theorem

S, p, y, i, j = nt.S, nt.p, nt.y, nt.i, nt.j


@pytest.mark.parametrize("n", [1, 2, 3, 4, 7])
@pytest.mark.parametrize("method", ["ring", "sympy"])
def test_the_catalogue_is_proved(n, method):
    run = symsoft.verify(n, method=method)
    assert run.status == "proved"
    for result in run.results:
        assert result.proved == result.entries
        assert result.entries == find(result.theorem).count(n)
        assert len(result.checks) == result.entries  # small n: every entry is listed
        assert all(c.verdict.status == "proved" for c in result.checks)


@pytest.mark.parametrize("n", [1, 2, 3, 5])
@pytest.mark.parametrize("theorem", CATALOGUE, ids=lambda t: t.name)
def test_fast_path_agrees_with_sympy_diff_entry_by_entry(n, theorem):
    family = Family(n)
    for index in theorem.indices(n):
        function, variable = family.function(theorem, index)
        fast = entry_derivative(theorem, family, index)
        assert symsoft.prove(sympy.diff(function, variable), fast).status == "proved"
        # the twin: a fast path that dropped a term would be caught
        assert symsoft.prove(sympy.diff(function, variable), fast * 2 + 1).status == "refuted"


WRONG = [
    ("softmax-jacobian-offdiagonal", S[i] * S[j], "sign flip"),
    ("softmax-jacobian-offdiagonal", S[i] * (1 - S[j]), "missing delta"),
    ("softmax-jacobian-offdiagonal", -S[i] * S[i], "swapped index"),
    ("softmax-jacobian-diagonal", S[i] * (1 + S[i]), "quotient-rule sign"),
    ("softmax-jacobian-diagonal", S[i] ** 2, "S_i^2"),
    ("softmax-jacobian-diagonal", -S[i] * S[i], "missing delta"),
    ("cross-entropy-gradient", p[i] - y[i], "hypothesis dropped"),
    ("cross-entropy-gradient", p[i] * nt.total(y) + y[i], "p + y"),
    ("cross-entropy-gradient", p[i] * nt.total(y) - y[j] * 0 - 2 * y[i], "doubled target"),
    ("cross-entropy-gradient-normalized", y[i] - p[i], "y - p"),
    ("cross-entropy-gradient-normalized", p[i] + y[i], "p + y"),
    ("cross-entropy-gradient-normalized", 2 * (p[i] - y[i]), "factor of 2"),
    ("cross-entropy-gradient-normalized", p[i] * (1 - p[i]) - y[i], "extra factor"),
]


@pytest.mark.parametrize("n", [2, 3, 6])
@pytest.mark.parametrize("method", ["ring", "sympy"])
@pytest.mark.parametrize(("name", "closed", "why"), WRONG, ids=[w[2] for w in WRONG])
def test_wrong_closed_forms_are_refuted_with_real_counterexamples(n, method, name, closed, why):
    theorem = find(name).with_closed_form(closed)
    result = verify_theorem(theorem, n, method=method)
    assert result.status == "refuted", why
    family = Family(n)
    refuted = [c for c in result.checks if c.verdict.status == "refuted"]
    assert refuted and len(refuted) == result.refuted
    for check in refuted[:3]:
        function, variable = family.function(theorem, check.index)
        mechanical = sympy.diff(function, variable)
        closed_here = family.closed(theorem, check.index)
        ce = check.verdict.counterexample
        if theorem.hypotheses:
            # the point must satisfy the hypothesis: complete it and check Σ y = 1
            targets = family.cross_entropy.targets
            named = dict(ce.point)
            shared = dict(ce.others)
            total = sum(sympy.Rational(named.get(str(t), shared.get("y", "0"))) for t in targets)
            assert total == 1
        assert differ_at(mechanical, closed_here, ce)


def test_large_n_lists_failures_but_not_every_proof():
    theorem = find("softmax-jacobian-offdiagonal").with_closed_form(S[i] * S[j])
    result = verify_theorem(theorem, 40)
    assert result.refuted == result.entries == 40 * 39
    assert not result.complete and 0 < len(result.checks) <= 50
    assert verify_theorem(find("softmax-jacobian-offdiagonal"), 40).checks == ()


def test_off_diagonal_at_n_1_is_vacuous():
    result = verify_theorem(find("softmax-jacobian-offdiagonal"), 1)
    assert result.entries == 0 and result.status == "proved"


def test_derivations_show_sympy_diff_and_a_zero_numerator():
    run = symsoft.verify(4)
    diagonal = run.results[0].derivations[0]
    assert diagonal.entry == (1, 1)
    assert "e^{a_{1}}" in diagonal.mechanical and diagonal.numerator == "0"
    wrong = verify_theorem(find("softmax-jacobian-diagonal").with_closed_form(S[i] ** 2), 4)
    assert wrong.derivations[0].numerator != "0"


def test_results_serialise_to_json():
    import json

    run = symsoft.verify(2)
    data = json.loads(run.to_json())
    assert data["status"] == "proved"
    assert {r["theorem"] for r in data["results"]} == {t.name for t in CATALOGUE}


@pytest.mark.parametrize("bad", [0, -3, 2.5, "4", True, None])
def test_bad_sizes_are_rejected(bad):
    with pytest.raises(symsoft.SymsoftError):
        symsoft.verify(bad)
