"""Short posts written one formula per line (a snippet style): `d` as an index, bare sums over a
letter outside i-n, cases announced once for several displays, one-hot said as "exactly one of
the $t_i$s is 1". Each reading that holds has a wrong twin that is flagged."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document
from symsoft.reading.grammar.latex import parse_expression


def summaries(text: str) -> list[str]:
    return [step.summary for step in check_document(text).steps]


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("x_d", "x[d]"),
        ("x_{d}", "x[d]"),
        (r"\sum_d e^{x_d}", "Sum(exp(x[d]), (d, 1, N))"),
        (r"\sum_{d=1}^{n} x_d", "Sum(x[d], (d, 1, n))"),
    ],
)
def test_d_right_after_an_underscore_is_an_index(written, read):
    assert str(parse_expression(written, open_names=True)) == read


SNIPPET = (
    "Write $y_i = \\text{softmax}(\\textbf{x})_i = \\frac{e^{x_i}}{\\sum e^{x_d}}$.\n\n"
    "We compute $\\frac{dy_i}{dx_j}$ using the quotient rule.\n\n"
    "If $i = j$, this gives:\n\n"
    "$\\frac{dy_i}{dx_j} = \\frac{\\sum e^{x_d} \\cdot e^{x_i} - e^{x_i} \\cdot e^{x_i}}"
    "{(\\sum e^{x_d})^2}$\n\n"
    "$\\frac{dy_i}{dx_j} = DIAGONAL$\n\n"
    "If $i \\ne j$, this gives:\n\n"
    "$\\frac{dy_i}{dx_j} = -\\frac{e^{x_i} e^{x_j}}{(\\sum e^{x_d})^2}$\n\n"
    "$\\frac{dy_i}{dx_j} = OFF$\n"
)


def test_a_snippet_with_d_as_the_sum_index_and_cases_said_once():
    right = SNIPPET.replace("DIAGONAL", "y_i (1 - y_i)").replace("OFF", "-y_i y_j")
    assert summaries(right) == ["holds when i = j", "holds when i = j"] + ["holds when i ≠ j"] * 2
    # the case said before the first display holds for the one right after it, so a slip there
    # is flagged in that case
    wrong = SNIPPET.replace("DIAGONAL", "y_i (1 + y_i)").replace("OFF", "y_i y_j")
    steps = check_document(wrong).steps
    assert [s.flagged for s in steps] == [False, True, False, True]
    assert steps[1].summary.startswith("fails when i = j")


def test_a_bare_sum_is_over_the_index_only_it_uses():
    # \sum e^{x_d} \cdot e^{x_i} - …: i is written outside the sum too, so the sum is over d
    text = SNIPPET.replace("DIAGONAL", "y_i (1 - y_i)").replace("OFF", "-y_i y_j")
    first = check_document(text).steps[0]
    assert first.status == "holds"
    # with no letter of its own, it is not guessed
    alone = "$$S = \\sum e^{x_d} e^{x_i}$$\n\n$$\\frac{\\partial S}{\\partial x_i} = S$$\n"
    assert "its terms use d, i" in " ".join(summaries(alone))


ONE_HOT_IN_WORDS = (
    "Write $y_i = \\frac{e^{x_i}}{\\sum_d e^{x_d}}$ and $L = -\\sum_i t_i \\ln(y_i)$.\n\n"
    "LEAD this simplifies to:\n\n$\\frac{dL}{dx_j} = RHS$\n"
)


def test_exactly_one_target_equal_to_one_is_one_hot():
    lead = "Since exactly one of the $t_i$s is 1 and the rest are zeros"
    right = ONE_HOT_IN_WORDS.replace("LEAD", lead).replace("RHS", "y_j - t_j")
    assert summaries(right) == ["holds"]
    wrong = ONE_HOT_IN_WORDS.replace("LEAD", lead).replace("RHS", "t_j - y_j")
    assert check_document(wrong).steps[0].flagged
    # unsaid, the same step needs Σ t = 1 and does not simply hold
    unsaid = ONE_HOT_IN_WORDS.replace("LEAD", "So").replace("RHS", "y_j - t_j")
    assert check_document(unsaid).steps[0].status != "holds"


def test_a_failure_inside_sympy_leaves_one_step_unchecked(monkeypatch):
    from sympy.tensor.indexed import IndexException

    from symsoft.reading.notation import sides

    real = sides.Reader.expression

    def failing(self, text):
        if "partial L" in text:
            raise IndexException("Different # of indices")
        return real(self, text)

    monkeypatch.setattr(sides.Reader, "expression", failing)
    text = (
        "$$\\frac{\\partial S_i}{\\partial a_j} = S_i(\\delta_{ij} - S_j)$$\n\n"
        "$$\\frac{\\partial L}{\\partial y_{b,h}} = y_{b,h}$$\n"
    )
    first, second = check_document(text).steps
    assert first.status == "holds"
    assert second.status == "not checked" and "IndexException" in second.summary


BECAUSE = (
    "$$\n\\begin{align*}\n"
    "L &= -\\ln\\left(\\frac{1}{1 + e^{-z}}\\right) \\\\\n"
    "\\because \\ln\\left(\\frac{1}{M}\\right) &= -\\ln(M) \\\\\n"
    "&= RHS\n"
    "\\end{align*}\n$$\n"
)


@pytest.mark.parametrize("reason", [r"\because", r"\text{since }", r"\text{because }"])
def test_a_reason_row_is_beside_the_chain(reason):
    """A row led by \\because gives a reason: it is judged on its own, and the row after it goes
    on from the chain before it (it failed as a step from -\\ln(M))."""
    text = BECAUSE.replace("\\because", reason)
    right = check_document(text.replace("RHS", "\\ln(1 + e^{-z})")).steps
    assert [s.status for s in right] == ["definition", "holds", "holds"]
    wrong = check_document(text.replace("RHS", "-\\ln(1 + e^{-z})")).steps
    assert [s.status for s in wrong] == ["definition", "holds", "fails"]


def test_a_softmax_of_the_texts_own_blocks_the_convention_in_that_text_only():
    own = (
        "$$softmax(x_j) = \\frac{e^{x_j / T}}{\\sum_i e^{x_i / T}}$$\n\n"
        "$$\\log(softmax(x_j)) = x_j - \\log \\sum_i e^{x_i}$$\n"
    )
    # with a temperature of its own, the usual log-softmax is no step of this text's softmax
    assert [s.status for s in check_document(own).steps] == ["not checked", "not checked"]
    usual = "$$\\log(softmax(x_j)) = x_j - \\log \\sum_i e^{x_i}$$\n"
    assert [s.status for s in check_document(usual).steps] == ["holds"]  # nothing leaked
    wrong = "$$\\log(softmax(x_j)) = x_j + \\log \\sum_i e^{x_i}$$\n"
    assert check_document(wrong).steps[0].status != "holds"  # x free: not flagged either


GENERAL_TERM = (
    "\\begin{equation}\n\\hat{y}_{i} = \\frac{\\mathrm{e}^{z_{i}}} {\\mathrm{e}^{z_{1}} + "
    "\\mathrm{e}^{z_{2}} +...+ MIDDLE + ... +  \\mathrm{e}^{z_{C}}}\n\\end{equation}\n\n"
    "$$\\frac{\\partial \\hat{y}_i}{\\partial z_j} = RHS$$\n\nfor $\\sum_{k=1}^{C}$ classes.\n"
)


def test_the_general_term_between_two_runs_of_dots_is_one_of_the_terms():
    """e^{z_1} + e^{z_2} + ... + e^{z_i} + ... + e^{z_C} is the sum over every class."""
    general = GENERAL_TERM.replace("MIDDLE", "\\mathrm{e}^{z_{i}}")
    right = general.replace("RHS", "\\hat{y}_i(\\delta_{ij} - \\hat{y}_j)")
    assert [s.status for s in check_document(right).steps] == ["definition", "holds"]
    wrong = general.replace("RHS", "\\hat{y}_i(\\delta_{ij} + \\hat{y}_j)")
    assert [s.status for s in check_document(wrong).steps] == ["definition", "fails"]
    # a middle term that is not the general one: the sum is not read
    odd = GENERAL_TERM.replace("MIDDLE", "\\mathrm{e}^{2 z_{i}}").replace(
        "RHS", "\\hat{y}_i(\\delta_{ij} - \\hat{y}_j)"
    )
    assert "not checked" in check_document(odd).steps[-1].summary


HEADINGS = (
    "# 求导\n## sigmoid 原始公式:\n## $y=\\frac{1}{1+e^{-x}}$\n## sigmoid 求导:\n"
    "## $\\frac{dy}{dx}=\\frac{e^{-x}}{(1+e^{-x})^2}=RHS$\n#\n"
)


def test_a_heading_that_is_one_formula_is_a_display():
    """A note that writes each formula as a heading line (## $…$) is read as displays."""
    right = check_document(HEADINGS.replace("RHS", "y(1-y)")).steps
    assert [s.status for s in right] == ["definition", "holds", "holds"]
    wrong = check_document(HEADINGS.replace("RHS", "y(1+y)")).steps
    assert [s.status for s in wrong] == ["definition", "holds", "fails"]
    # a heading with words beside its math stays a heading
    worded = HEADINGS.replace("## $y=", "## sigmoid $y=")
    assert check_document(worded.replace("RHS", "y(1-y)")).steps[0].status != "definition"


NOTEBOOK = (
    "\\begin{equation}\n\\hat{y}_{i} = \\frac{\\mathrm{e}^{z_{i}}} {\\mathrm{e}^{z_{1}} + "
    "\\mathrm{e}^{z_{2}} +...+ \\mathrm{e}^{z_{i}} + ... +  \\mathrm{e}^{z_{C}}}\n"
    "\\end{equation}\n\n"
    "When $i \\ne{j}$ (using the Quotient Rule):\n\n"
    "\\begin{equation}\n\\frac{\\partial{\\hat{y}_{i}}}{\\partial{z_{j}}} = OFF\n"
    "\\end{equation}\n\n"
    "The loss is\n\n\\begin{equation}\nE = - \\sum\\limits_{j=1}^{C} t_{j}\\log{\\hat{y}_{j}}\n"
    "\\end{equation}\n\nWhen the targets are one hot encoded, $t_j$ is 1 for only the actual class"
    " and this reduces to:\n\n\\begin{equation}\nE = REDUCED\n\\end{equation}\n"
)


def test_a_notebook_with_limits_a_braced_case_and_a_reduced_one_hot_loss():
    right = NOTEBOOK.replace("OFF", "- \\hat{y}_{i} \\hat{y}_{j}")
    right = right.replace("REDUCED", "- t_{j} \\log{\\hat{y}_{j}}")
    steps = check_document(right).steps
    # \sum\limits_{j=1}^{C} gives the class count, so the dotted sum reads; i \ne{j} is the case
    assert steps[1].summary == "holds when i ≠ j"
    # the loss reduced with j the actual class: no flag, the reading is said
    assert not steps[-1].flagged and "class whose label is 1" in steps[-1].summary
    wrong = NOTEBOOK.replace("OFF", "\\hat{y}_{i} \\hat{y}_{j}")
    wrong = wrong.replace("REDUCED", "- t_{j} \\log{\\hat{y}_{i}}")
    bad = check_document(wrong).steps
    assert bad[1].flagged and bad[-1].flagged


PARAMETERS = (
    "$$J(w_1, w_2, b) = \\frac{1}{N}\\sum_{i=1}^{N} (\\ln(1 + e^{-z_i}) + (1 - y_i) z_i)$$\n\n"
    "$$J(w_1, w_2, b) = \\frac{1}{N}\\sum_{i=1}^{N} \\ln(1 + e^{-z_i}) SIGN "
    "\\frac{1}{N}\\sum_{i=1}^{N}(1 - y_i) z_i$$\n"
)


def test_a_loss_written_as_a_function_of_several_parameters_is_that_loss():
    """J(w_1, w_2, b) = … defines J; J(w_1, w_2, b) later is J (it did not parse)."""
    assert [s.status for s in check_document(PARAMETERS.replace("SIGN", "+")).steps] == [
        "definition",
        "holds",
    ]
    wrong = check_document(PARAMETERS.replace("SIGN", "-")).steps
    assert [s.status for s in wrong] == ["definition", "fails"]


BCE_OF_TWO = (
    "$$\n\\mathcal{L}(\\hat{y}, y) = - \\left[ y \\log(\\hat{y}) + (1 - y) \\log(1 - \\hat{y})"
    " \\right]\n$$\n\nwhere $\\hat{y} = \\sigma(z) = \\frac{1}{1 + e^{-z}}$.\n\n"
    "$$\n\\frac{d\\mathcal{L}}{d\\hat{y}} = DYHAT\n$$\n\n"
    "$$\n\\frac{d\\mathcal{L}}{dz} = DZ\n$$\n"
)


@pytest.mark.parametrize(
    ("dyhat", "dz", "statuses"),
    [
        ("-\\frac{y}{\\hat{y}} + \\frac{1 - y}{1 - \\hat{y}}", "\\hat{y} - y", ["holds", "holds"]),
        ("\\frac{y}{\\hat{y}} + \\frac{1 - y}{1 - \\hat{y}}", "\\hat{y} - y", ["fails", "holds"]),
        ("-\\frac{y}{\\hat{y}} + \\frac{1 - y}{1 - \\hat{y}}", "y - \\hat{y}", ["holds", "fails"]),
        ("-\\frac{y}{\\hat{y}} - \\frac{1 - y}{1 - \\hat{y}}", "\\hat{y}(1-y)", ["fails", "fails"]),
    ],
)
def test_a_loss_written_of_the_prediction_and_the_label_is_that_loss(dyhat, dz, statuses):
    """\\mathcal{L}(\\hat{y}, y) = … defines the loss L of ŷ = σ(z) (it did not parse, and dL/dz
    was then 'L does not depend on z'); a sign slip in either derivative is flagged."""
    steps = check_document(BCE_OF_TWO.replace("DYHAT", dyhat).replace("DZ", dz)).steps
    assert steps[0].summary == "definition of L(\\hat{y}, y)"
    assert [s.status for s in steps[-2:]] == statuses


@pytest.mark.parametrize(
    ("gradient", "status"), [("\\hat{y} - y", "holds"), ("y - \\hat{y}", "fails")]
)
def test_the_loss_written_with_its_arguments_in_a_step_is_the_loss(gradient, status):
    """After \\mathcal{L}(\\hat{y}, y) = …, the loss written with its arguments in a step is L
    (it did not parse); alone, y(\\hat{y}) stays a product."""
    text = BCE_OF_TWO.split("$$\n\\frac{d")[0] + (
        f"$$\n\\frac{{\\partial \\mathcal{{L}}(\\hat{{y}}, y)}}{{\\partial z}} = {gradient}\n$$\n"
    )
    assert check_document(text).steps[-1].status == status
