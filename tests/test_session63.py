"""Session 63: red team 74's false verdicts. A number a worked example gives a name after the
text's general steps is not its definition there; "the targets sum to one" said of a text's
own targets; the correct class named with "for every $m \\neq k$" or in a case's lead; a label
letter that the text also writes as a class index; column vectors signed by ``\\mathbb{R}^K``;
a lead that merges the cases is no case. Each withheld or held step has a twin that fails."""

from __future__ import annotations

import pytest

from tests.steps import judged as _steps

WEIGHTED = (
    "With $y$ the target and $w$ the positive weight, the loss is\n\n"
    "$$\\ell = -\\left[ w y \\log \\sigma(x) + (1 - y) \\log(1 - \\sigma(x)) \\right]$$\n\n"
    "Without a positive weight ($w = 1$) this is the familiar form:\n\n"
    "$$\\ell = RIGHT$$\n\n"
    "If a class has 100 positive and 300 negative examples, set $w = \\frac{300}{100} = 3$.\n"
)


def test_a_worked_value_after_the_steps_is_no_definition_there() -> None:
    good = _steps(WEIGHTED.replace("RIGHT", "-y \\log \\sigma(x) - (1 - y) \\log(1 - \\sigma(x))"))
    assert good and all(status != "fails" for status, _ in good), good
    # wrong at w = 1 and at w = 3 alike: flagged
    bad = _steps(WEIGHTED.replace("RIGHT", "y \\log \\sigma(x) - (1 - y) \\log(1 - \\sigma(x))"))
    assert bad[0][0] == "fails", bad


LOSS_WORD = (
    "The weighted loss of one sample with target class $c$ is\n\n"
    "$$\\text{loss}(x, c) = w_c\\left(-x_c + \\log \\sum_j e^{x_j}\\right)$$\n\n"
    "and the bracket is a negative log-probability:\n\n"
    "$$-x_c + \\log \\sum_j e^{x_j} = RIGHT$$\n\n"
    "For two classes with $w = (1, 3)$, $x = (0, 0)$ and $c = 1$: "
    "$\\text{loss} = -3 \\log 0.5 = 3 \\log 2$.\n"
)


def test_a_number_for_a_function_name_is_a_worked_value() -> None:
    good = _steps(LOSS_WORD.replace("RIGHT", "-\\log \\frac{e^{x_c}}{\\sum_j e^{x_j}}"))
    assert [s for s, _ in good][:1] == ["holds"], good  # the loss's own line: no step
    bad = _steps(LOSS_WORD.replace("RIGHT", "\\log \\frac{e^{x_c}}{\\sum_j e^{x_j}}"))
    assert [s for s, _ in bad][:1] == ["fails"], bad


OWN_TARGETS = (
    "The error is $$E = -\\sum_j t_j \\log o_j$$ with\n"
    "$$o_j = \\frac{e^{z_j}}{\\sum_k e^{z_k}}$$\n\n"
    "so that\n\n"
    "$$\\frac{\\partial E}{\\partial z_j} = -t_j + o_j\\sum_k t_k = RIGHT$$\n\n"
    "SAID\n"
)


def test_the_targets_said_to_sum_to_one_are_the_texts_own() -> None:
    said = "where the last step uses that the targets sum to one."
    good = _steps(OWN_TARGETS.replace("RIGHT", "o_j - t_j").replace("SAID", said))
    assert [s for s, _ in good][-1] == "holds", good
    unsaid = _steps(OWN_TARGETS.replace("RIGHT", "o_j - t_j").replace("SAID", ""))
    assert "does not state" in unsaid[-1][1], unsaid
    bad = _steps(OWN_TARGETS.replace("RIGHT", "t_j - o_j").replace("SAID", said))
    assert [s for s, _ in bad][-1] == "fails", bad


CLASS_K = (
    "Let $\\hat{y} = \\mathrm{softmax}(\\theta)$ and $CE = -\\sum_i y_i \\log \\hat{y}_i$, where "
    "$y$ is a one-hot label vector. Let $k$ be the index of the correct class, so VALUES\n\n"
    "For $m \\neq k$ the first term does not depend on $\\theta_m$:\n\n"
    "$$\\frac{\\partial CE}{\\partial \\theta_m} = RIGHT$$\n"
)


@pytest.mark.parametrize(
    "values",
    ["$y_k = 1$ and $y_m = 0$ for every $m \\neq k$.", "$y_k = 1$ and every other entry is 0."],
)
def test_the_correct_class_named_by_the_text(values: str) -> None:
    text = CLASS_K.replace("VALUES", values)
    good = _steps(text.replace("RIGHT", "\\frac{e^{\\theta_m}}{\\sum_j e^{\\theta_j}}"))
    assert good and good[-1][0] != "fails", good
    bad = _steps(text.replace("RIGHT", "\\frac{e^{\\theta_m}}{\\sum_j e^{\\theta_j}} + 1"))
    assert bad[-1][0] == "fails", bad


NIELSEN = (
    "The log-likelihood cost is $C = -\\ln a_y$, with $y$ the true class and\n\n"
    "$$a_y = \\frac{e^{z_y}}{\\sum_k e^{z_k}}$$\n\n"
    "so $$\\frac{\\partial C}{\\partial z_j} = a_j - y_j$$\n\n"
    "Here $y_j$ is the one-hot encoding of the label. With $z_j = \\sum_k w_{jk} x_k + b_j$:\n\n"
    "$$\\frac{\\partial C}{\\partial w_{jk}} = \\frac{\\partial C}{\\partial z_j} x_k = RIGHT$$\n"
)


def test_a_label_letter_the_text_also_writes_as_a_class() -> None:
    good = _steps(NIELSEN.replace("RIGHT", "x_k(a_j - y_j)"))
    assert [s for s, _ in good] == ["not checked", "holds", "not checked"], good
    assert "both a vector" in good[-1][1]  # (the class y, not read: the step's labels y_j)
    # a step that does not rest on the label's reading is still flagged
    text = NIELSEN.split("so $$")[0] + "$$\\frac{\\partial a_j}{\\partial z_j} = RIGHT$$\n"
    assert _steps(text.replace("RIGHT", "a_j(1 - a_j)"))[-1][0] == "holds"
    assert _steps(text.replace("RIGHT", "a_j(1 + a_j)"))[-1][0] == "fails"


COLUMNS = (
    "Let SPACE be the vector of logits and $\\mathbf{s} = \\mathrm{softmax}(\\mathbf{z})$, so\n\n"
    "$$\\frac{\\partial \\mathbf{s}}{\\partial \\mathbf{z}} = "
    "\\operatorname{diag}(\\mathbf{s}) - RIGHT$$\n"
)
OUTER, INNER = "\\mathbf{s} \\mathbf{s}^\\top", "\\mathbf{s}^\\top \\mathbf{s}"


def test_a_vector_of_r_k_is_a_column() -> None:
    columns = COLUMNS.replace("SPACE", "$\\mathbf{z} \\in \\mathbb{R}^K$")
    assert _steps(columns.replace("RIGHT", OUTER))[-1][0] == "holds"
    rows_only = _steps(columns.replace("RIGHT", INNER))  # an inner product, as columns
    assert rows_only[-1][0] == "not checked", rows_only
    unsaid = _steps(COLUMNS.replace("SPACE", "$\\mathbf{z}$").replace("RIGHT", INNER))
    assert unsaid[-1][0] == "holds" and "as rows" in unsaid[-1][1], unsaid  # (no sign either way)


MERGED = (
    "When $i = j$ we have $$D_j S_i = S_i(1 - S_j)$$ and when $i \\neq j$\n\n"
    "$$D_j S_i = -S_j S_i$$\n\n"
    "(In the first case you may write $S_i(1-S_i)$, since $i$ and $j$ are the same index there.) "
    "With the Kronecker delta the two lines merge into one:\n\n"
    "$$D_j S_i = RIGHT$$\n"
)


def test_a_lead_that_merges_the_cases_is_no_case() -> None:
    text = "With $$S_i = \\frac{e^{a_i}}{\\sum_k e^{a_k}}$$\n\n" + MERGED
    assert _steps(text.replace("RIGHT", "S_i(\\delta_{ij} - S_j)"))[-1][0] == "holds"
    dropped = _steps(text.replace("RIGHT", "S_i(1 - S_j)"))  # the delta dropped
    assert dropped[-1][0] != "holds", dropped


# ---------------------------------------------------------------- Ng's vectorised backpropagation

NETWORK = (
    "A two-layer network with the examples as columns:\n\n"
    "$$Z^{[1]} = W^{[1]} X + b^{[1]}$$\n\n$$A^{[1]} = g^{[1]}(Z^{[1]})$$\n\n"
    "$$Z^{[2]} = W^{[2]} A^{[1]} + b^{[2]}$$\n\n$$A^{[2]} = \\sigma(Z^{[2]})$$\n\n"
    "The cost is $J = \\frac{1}{m}\\sum_{i=1}^{m} \\mathcal{L}(a^{[2](i)}, y^{(i)})$. Backward:\n\n"
    "$$STEP$$\n"
)
UNKNOWN = "fails for some activation or loss"


def _network(*steps: str) -> list[tuple[str, str]]:
    return _steps(NETWORK.replace("STEP", "$$\n\n$$".join(steps)))


@pytest.mark.parametrize(
    ("good", "bad"),
    [
        (  # the transpose of A, of the layer below
            "dW^{[2]} = \\frac{1}{m} dZ^{[2]} A^{[1]T}",
            "dW^{[2]} = \\frac{1}{m} dZ^{[2]} A^{[2]T}",
        ),
        (
            "dZ^{[1]} = W^{[2]T} dZ^{[2]} * g^{[1]'}(Z^{[1]})",
            "dZ^{[1]} = W^{[2]} dZ^{[2]} * g^{[1]'}(Z^{[1]})",
        ),
        (
            "db^{[2]} = \\frac{1}{m} \\sum_{i=1}^{m} dZ^{[2](i)}",
            "db^{[2]} = \\frac{1}{m} \\sum_{i=1}^{m} dZ^{[1](i)}",  # the layer slipped
        ),
        ("dA^{[1]} = W^{[2]T} dZ^{[2]}", "dA^{[1]} = W^{[2]} dZ^{[2]}"),
        ("dZ^{[2]} = dA^{[2]} * g^{[2]'}(Z^{[2]})", "dZ^{[2]} = dA^{[2]} * g^{[2]}(Z^{[2]})"),
        ("dW^{[1]} = \\frac{1}{m} dZ^{[1]} X^T", "dW^{[1]} = \\frac{1}{m} dZ^{[2]} X^T"),
    ],
)
def test_ng_backward_steps_for_any_activation_and_loss(good: str, bad: str) -> None:
    held = _network(good)
    assert [s for s, _ in held] == ["holds"], held
    assert "any activations and loss" in held[0][1] and "Ng's d-names" in held[0][1]
    # wrong for the polynomials tried for g and the loss: refuted there, but the text's own
    # activation and loss are not read, so no flag stands
    refuted = _network(bad)
    assert [s for s, _ in refuted] == ["not checked"], refuted
    assert UNKNOWN in refuted[0][1] and "entry (" in refuted[0][1]


def test_ng_activation_specific_steps_are_not_checked() -> None:
    # true for a sigmoid output under the cross-entropy, which this reader does not read
    for step in ("dZ^{[2]} = A^{[2]} - Y", "dZ^{[2]} = dA^{[2]} * A^{[2]}(1 - A^{[2]})"):
        assert [s for s, _ in _network(step)] == ["not checked"]


@pytest.mark.parametrize(
    ("good", "other"),
    [
        # the mean's 1/m on the parameters only: each other reading of the d-names is withheld
        ("dW^{[2]} = \\frac{1}{m} dZ^{[2]} A^{[1]T}", "dW^{[2]} = dZ^{[2]} A^{[1]T}"),
        (
            "db^{[2]} = \\frac{1}{m}\\sum_{i=1}^{m} dZ^{[2](i)}",
            "db^{[2]} = \\sum_{i=1}^{m} dZ^{[2](i)}",
        ),
        # dW laid out as the transpose of W: another convention, not flagged
        ("dW^{[2]} = \\frac{1}{m} dZ^{[2]} A^{[1]T}", "dW^{[2]} = \\frac{1}{m} A^{[1]} dZ^{[2]T}"),
    ],
)
def test_ng_d_names_read_otherwise_are_ambiguous(good: str, other: str) -> None:
    assert [s for s, _ in _network(good)] == ["holds"]
    withheld = _network(other)
    assert [s for s, _ in withheld] == ["not checked"], withheld
    assert "otherwise than Ng's" in withheld[0][1]
    # a text with such a step has its other steps in a reading not known: none holds
    both = _network(good, other)
    assert [s for s, _ in both] == ["not checked", "not checked"], both


def test_ng_sizes_that_do_not_match_are_not_read() -> None:
    dropped = _network("dW^{[1]} = \\frac{1}{m} dZ^{[1]} X")  # the transpose dropped
    assert [s for s, _ in dropped] == ["not checked"] and "sizes do not match" in dropped[0][1]


@pytest.mark.parametrize(
    "setting",
    [
        "The output is a softmax over the classes.",  # not an elementwise activation
        "The cost is $J = -\\sum_{i=1}^{m} \\mathcal{L}^{(i)}$.",  # a sum, not the mean
        "Here $dZ^{[2]} = \\frac{\\partial \\mathcal{J}}{\\partial Z^{[2]}}$ of the mean cost.",
        "We add the regulariser $\\frac{\\lambda}{2m}\\|W\\|^2$ to the cost.",
        "The second layer is $Z^{[2]} = W^{[2]} A^{[2]} + b^{[2]}$.",  # a layer defined otherwise
    ],
)
def test_ng_texts_of_another_setting_are_not_read(setting: str) -> None:
    step = "dW^{[2]} = \\frac{1}{m} dZ^{[2]} A^{[1]T}"
    assert [s for s, _ in _network(step)] == ["holds"]
    other = _steps(NETWORK.replace("Backward:", f"{setting} Backward:").replace("STEP", step))
    assert [s for s, _ in other] != ["holds"], other


def test_ng_one_example_and_letter_labels() -> None:
    one = "For one example:\n\n$$dW^{[l]} = STEP$$\n\n$$da^{[l-1]} = W^{[l]T} dz^{[l]}$$\n"
    held = _steps(one.replace("STEP", "dz^{[l]} a^{[l-1]T}"))
    assert [s for s, _ in held] == ["holds", "holds"], held
    assert "m = 1" in held[0][1]
    bad = _steps(one.replace("STEP", "dz^{[l]} a^{[l]T}"))  # the wrong layer's activation
    assert [s for s, _ in bad][0] == "not checked" and UNKNOWN in bad[0][1], bad
    general = "$$dZ^{[l]} = dA^{[l]} * g^{[l]'}(Z^{[l]})$$\n\n$$dW^{[l]} = STEP$$\n"
    held = _steps(general.replace("STEP", "\\frac{1}{m} dZ^{[l]} A^{[l-1]T}"))
    assert [s for s, _ in held] == ["holds", "holds"], held
    assert "l = " not in held[1][1] and "3 layers" in held[1][1]
    bad = _steps(general.replace("STEP", "\\frac{1}{m} dZ^{[l]} A^{[l]T}"))
    assert [s for s, _ in bad][1] == "not checked" and UNKNOWN in bad[1][1], bad
