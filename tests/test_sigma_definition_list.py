"""A definition of σ followed on its line by another equation, ``\\sigma(z) = \\frac{1}{1 +
e^{-z}}, \\sigma(-z) = 1 - \\sigma(z)``, is the logistic function (its value ends at the comma
outside every group): the steps about σ are judged, a wrong twin flagged; a value that is not
the logistic one (``\\max(0, z)``, a sign slip) still makes σ the text's own."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document
from symsoft.reading.meaning.sigma_words import sigma_named_otherwise

LINE = "$$\\sigma(z) = \\frac{1}{1 + e^{-z}}, \\sigma(-z) = 1 - \\sigma(z)$$\n\n"


@pytest.mark.parametrize(("sign", "status"), [("-", "holds"), ("+", "fails")])
def test_sigma_defined_beside_another_equation_is_the_logistic_function(sign, status):
    text = LINE + f"$$\\sigma'(z) = \\sigma(z)(1 {sign} \\sigma(z))$$\n"
    step = check_document(text).steps[-1]
    assert (step.status, step.flagged) == (status, status == "fails")


@pytest.mark.parametrize(
    ("value", "other"),
    [
        ("\\frac{1}{1 + e^{-z}}", None),
        ("\\max(0, z)", "defined as \\max(0, z)"),
        ("\\frac{1}{1 - e^{-z}}", "defined as \\frac{1}{1 - e^{-z}}"),
    ],
)
def test_the_value_of_sigma_ends_at_a_top_level_comma(value, other):
    assert sigma_named_otherwise(f"$$\\sigma(z) = {value}, \\sigma(-z) = 0$$") == other
