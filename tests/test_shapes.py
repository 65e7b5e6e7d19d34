"""A theorem owns its mathematics: every kind has one shape, and the shape is what the paths use."""

from typing import get_args

import pytest
import sympy

from symsoft.algebra.counterexample import exact
from symsoft.catalogue.family import Family
from symsoft.catalogue.shapes import SHAPES
from symsoft.catalogue.theorems import CATALOGUE, Kind, find
from symsoft.verification.general import symbolic_function


def test_every_kind_has_exactly_one_shape():
    assert set(SHAPES) == set(get_args(Kind))
    assert {t.kind for t in CATALOGUE} <= set(SHAPES)


def test_a_derivative_of_the_claim_language_names_one_kind():
    claimed = [d for shape in SHAPES.values() for d in shape.claimed]
    assert len(claimed) == len(set(claimed)) == 8
    assert SHAPES["cross-entropy-hessian"].claimed == (("L", "o", 2),)


@pytest.mark.parametrize(
    ("name", "function", "variables"),
    [
        ("softmax-jacobian-offdiagonal", "S_2", ("a_1",)),
        ("cross-entropy-hessian", "L", ("o_2", "o_1")),
        ("label-smoothing-gradient", "L", ("o_2",)),
        ("sigmoid-derivative", "sigma", ("z",)),
    ],
)
def test_the_family_differentiates_what_the_shape_says(name, function, variables):
    family = Family(3)
    theorem = find(name)
    built, by = family.function(theorem, (2, 1))
    assert tuple(map(str, by)) == variables
    expected = {
        "S_2": family.softmax.outputs[1],
        "L": family.cross_entropy.loss,
        "sigma": 1 / (1 + sympy.exp(-family.sigmoid_argument)),
    }[function]
    assert built == expected


def test_every_n_is_built_only_where_n_occurs():
    assert symbolic_function(find("two-class-softmax-is-sigmoid")) is None
    assert symbolic_function(find("softmax-regression-gradient")) is None
    function, variables = symbolic_function(find("softmax-temperature-jacobian"))
    assert variables == (sympy.IndexedBase("a")[sympy.Symbol("j", integer=True, positive=True)],)
    assert function.has(sympy.Symbol("T", positive=True))


def test_the_second_index_of_label_smoothing_is_the_class():
    family = Family(3)
    assert family.binding(find("label-smoothing-gradient"), (1, 3)) == {
        sympy.Symbol("i", integer=True, positive=True): 1,
        sympy.Symbol("c", integer=True, positive=True): 3,
    }
    assert set(map(str, family.binding(find("log-softmax-jacobian"), (1, 3)))) == {"i", "j"}


def test_a_counterexample_shows_a_huge_value_shortened_not_a_crash():
    huge = exact([("W_11", sympy.log(2))], sympy.Rational(3**10000, 2), sympy.Integer(0))
    assert huge.lhs == "16313501853…(4772 digits)/2" and huge.rhs == "0"
    small = exact([], sympy.Rational(-4, 25), sympy.Rational(1, 3))
    assert (small.lhs, small.rhs, small.lhs_float) == ("-4/25", "1/3", -0.16)
