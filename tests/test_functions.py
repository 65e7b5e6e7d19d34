"""The builders: the expressions are what the notation says they are."""

import pytest
import sympy

import symsoft


@pytest.mark.parametrize("n", [1, 2, 5])
def test_softmax_is_the_normalised_exponential(n):
    s = symsoft.softmax(n)
    assert len(s.outputs) == len(s.logits) == n
    assert s.partition_sum == sum(sympy.exp(a) for a in s.logits)
    for i in range(1, n + 1):
        assert s[i] == sympy.exp(s.logits[i - 1]) / s.partition_sum
    assert s.jacobian().shape == (n, n)


def test_cross_entropy_is_minus_sum_y_log_p():
    ce = symsoft.cross_entropy(3)
    expected = -sum(
        y * sympy.log(p) for y, p in zip(ce.targets, ce.probabilities.outputs, strict=True)
    )
    assert sympy.expand(ce.loss - expected) == 0
    assert [str(o) for o in ce.logits] == ["o_1", "o_2", "o_3"]
    assert len(ce.gradient()) == 3


@pytest.mark.parametrize("bad", [0, -1, 1.5, "3", True])
def test_bad_sizes(bad):
    with pytest.raises(symsoft.SymsoftError, match="positive integer"):
        symsoft.softmax(bad)
