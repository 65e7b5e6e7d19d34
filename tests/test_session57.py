"""Session 57: a display the text quotes as a slip ("A common mistake is to write", "which is
wrong") is still false, and its flag says the text agrees; a text that says its labels are
one-hot keeps that reading when it names the correct class ("Suppose the correct class is $c$.").
Each reading that lets a step hold or withholds a flag has a twin that is flagged."""

from __future__ import annotations

import pytest

from tests.steps import judged as _steps

SETUP = (
    "Let $p_k = \\frac{e^{z_k}}{\\sum_j e^{z_j}}$ and $L = -\\sum_k y_k \\log p_k$. "
    "Assume $\\sum_k y_k = 1$.\n\n"
)
WRONG = "\\frac{\\partial L}{\\partial z_i} = y_i - p_i"
RIGHT = "\\frac{\\partial L}{\\partial z_i} = p_i - y_i"


def _display(lead: str, formula: str, after: str = "") -> str:
    return (
        f"{SETUP}{lead}\n\n$${formula}$$\n\n{after}\n"
        if not after.startswith(("which", "but", "and"))
        else f"{SETUP}{lead}\n$${formula}$$\n{after}\n"
    )


@pytest.mark.parametrize(
    ("lead", "after"),
    [
        ("A common mistake is to write", ""),
        ("A common mistake is", ""),
        ("It is tempting to write", "but the sign is backwards."),
        ("My first attempt gave", "which is wrong: the sign is backwards."),
        ("The wrong version (do not use):", ""),
        ("Treating the normaliser as a constant, one would get", ""),
        ("Suppose for contradiction that", ""),
        ("We get", "which is wrong: the sign is backwards."),
        ("Then", "but that is incorrect."),
    ],
)
def test_a_display_quoted_as_a_slip_fails_as_the_text_says(lead, after):
    """rt61 b: 'A common mistake is to write' ⏎ $$…$$ was flagged as if the author claimed it.
    The formula is false (labels that evaluate it say so), so the flag stands; it says that the
    text gives it as a slip."""
    ((status, summary),) = _steps(_display(lead, WRONG, after))
    assert status == "fails" and "as the text says" in summary


@pytest.mark.parametrize(
    ("lead", "after"),
    [
        ("We get", ""),
        ("Hence", "which is the gradient we use."),
        ("Correcting the mistake, we get", ""),
        ("Fixing the wrong sign, the gradient is", ""),
        ("This is a common mistake. We get", ""),
    ],
)
def test_the_same_display_asserted_is_flagged(lead, after):
    """Twin: led by words that assert it (or fix the slip), the wrong gradient fails as the
    author's own step: no word of the text's agreement."""
    ((status, summary),) = _steps(_display(lead, WRONG, after))
    assert status == "fails" and "as the text says" not in summary


def test_a_correct_display_quoted_as_a_slip_still_holds():
    """A right formula under slip words is judged as ever (the words change no verdict)."""
    ((status, _),) = _steps(_display("A common mistake is to write", RIGHT))
    assert status == "holds"


ONE_HOT = (
    "The probabilities are $\\hat{y}_k = \\frac{e^{o_k}}{\\sum_m e^{o_m}}$ and the cost is "
    "$C = -\\sum_k y_k \\log \\hat{y}_k$ against a one-hot label $y$.\n\n"
    "CLASS\n\nBoth cases are captured by a single expression:\n\n"
    "$$\\frac{\\partial C}{\\partial o_k} = RIGHT$$\n"
)
CLASSES = [
    "Suppose the correct class is $c$.",
    "Suppose the correct class is $c$, so $y_c = 1$ and every other entry is zero.",
    "The correct class is $c$, so $y_c = 1$.",
    "Let $c$ be the correct class, so that $y_c = 1$ and $y_k = 0$ for $k \\neq c$.",
]


@pytest.mark.parametrize("named", CLASSES)
def test_a_named_correct_class_keeps_the_one_hot_reading(named):
    """rt61 b: 'Suppose the correct class is $c$.' made y a free variable, so the sign slip
    y_k - ŷ_k was 'not checked: ambiguous'; read one-hot, it fails at a one-hot y."""
    text = ONE_HOT.replace("CLASS", named).replace("RIGHT", "y_k - \\hat{y}_k")
    ((status, summary),) = _steps(text)
    # (session 60: "… so that $y_c = 1$ and $y_k = 0$ for $k \neq c$" defines y = δ_{kc}
    # exactly, so the flag needs no one-hot reading of its own)
    exactly = named == CLASSES[3]
    assert status == "fails" and (exactly or "read with the one-hot y the text states" in summary)


@pytest.mark.parametrize("named", CLASSES)
def test_the_right_gradient_holds_beside_a_named_class(named):
    text = ONE_HOT.replace("CLASS", named).replace("RIGHT", "\\hat{y}_k - y_k")
    ((status, _),) = _steps(text)
    assert status == "holds"


def test_a_case_of_the_one_hot_gradient_is_not_flagged_at_free_labels():
    """∂C/∂o_k = ŷ_k holds for k ≠ c, a case the text speaks of; its flag must not rest on a
    y = (7/2, -5/2) the text excludes (it did once the one-hot reading was kept)."""
    text = ONE_HOT.replace("CLASS", CLASSES[1]).replace("RIGHT", "\\hat{y}_k")
    ((status, summary),) = _steps(text)
    assert status == "not checked" and "read one-hot" in summary


def test_without_the_one_hot_sentence_a_named_class_still_withholds():
    """Twin: no sentence says y is one-hot: the class named makes y one-hot in a way not read,
    so the slip is 'not checked' (as before), never flagged at a free y."""
    text = ONE_HOT.replace(" against a one-hot label $y$", "").replace("CLASS", CLASSES[0])
    ((status, _),) = _steps(text.replace("RIGHT", "y_k - \\hat{y}_k"))
    assert status == "not checked"


SOFTMAX_CE = (
    "Let $p_k = \\frac{e^{z_k}}{\\sum_j e^{z_j}}$ and $L = -\\sum_k y_k \\log p_k$ "
    "with $\\sum_k y_k = 1$.\n\n"
)


@pytest.mark.parametrize(
    "sentence",
    [
        "This simplifies to $CLAIM$, and a gradient step moves each logit.",
        "We get $CLAIM$, which is the familiar form.",
        "We get $CLAIM$; each logit moves by it.",
        "We get $CLAIM$ — one number per logit\nin turn.",
    ],
)
def test_a_claim_whose_sentence_goes_on_is_judged(sentence):
    """rt61 b: a claim whose sentence went on after the math (", and …", ", which …") was not
    read; it is judged, and a sign slip there is flagged."""
    right = SOFTMAX_CE + sentence.replace("CLAIM", RIGHT) + "\n"
    wrong = SOFTMAX_CE + sentence.replace("CLAIM", WRONG) + "\n"
    assert [s for s, _ in _steps(right)] == ["holds"]
    assert [s for s, _ in _steps(wrong)] == ["fails"]


@pytest.mark.parametrize(
    "sentence",
    [
        "We get $CLAIM$, which is wrong: the sign is backwards.",
        "We get $CLAIM$, which holds for $i = j$ only.",
        "We get $CLAIM$, as long as the labels sum to one.",
        "We get $CLAIM$, but only when the labels are one-hot.",
        "We get $CLAIM$, where the labels sum to one.",
    ],
)
def test_a_claim_whose_sentence_goes_on_with_a_case_or_a_slip_is_not_flagged(sentence):
    """Twin: the words after the math make it a slip, a case or a premise: never flagged."""
    wrong = SOFTMAX_CE + sentence.replace("CLAIM", WRONG) + "\n"
    assert "fails" not in [s for s, _ in _steps(wrong)]


@pytest.mark.parametrize(
    "lead",
    [
        "Since $\\sum_k y_k = 1$, this simplifies to",
        "Using $\\sum_k y_k = 1$, we get",
        "Since $p$ is a softmax and $\\sum_k y_k = 1$, we have",
    ],
)
def test_a_claim_after_a_premise_with_math_holds_and_its_flag_is_withheld(lead):
    """rt61 b: 'Since $\\sum_k y_k = 1$, this simplifies to $…$.' was never read. It holds; the
    wrong twin is not checked (the premise may be a hypothesis or a case not read here), never
    flagged and never 'holds'."""
    right = SOFTMAX_CE.split("with")[0] + f".\n\n{lead} ${RIGHT}$.\n"
    wrong = SOFTMAX_CE.split("with")[0] + f".\n\n{lead} ${WRONG}$.\n"
    assert [s for s, _ in _steps(right)][-1] == "holds"
    assert [s for s, _ in _steps(wrong)][-1] == "not checked"


def test_a_claim_after_an_index_case_premise_is_judged_in_that_case():
    text = "Let $p_k = \\frac{e^{z_k}}{\\sum_j e^{z_j}}$.\n\nSince $i \\neq j$, we get $CLAIM$.\n"
    right = text.replace("CLAIM", "\\frac{\\partial p_i}{\\partial z_j} = -p_i p_j")
    wrong = text.replace("CLAIM", "\\frac{\\partial p_i}{\\partial z_j} = p_i(1 - p_j)")
    assert [s for s, _ in _steps(right)] == ["holds"]
    assert [s for s, _ in _steps(wrong)] == ["not checked"]


LATEX = (
    "\\documentclass{article}\n\\begin{document}\n"
    "Let $q_i = \\frac{\\exp(o_i)}{\\sum_{k} \\exp(o_k)}$.\n"
    "\\begin{equation}\nJ = -\\sum_i t_i \\log q_i\n\\end{equation}\n"
    "Differentiating, we get $CLAIM$.\n\\end{document}\n"
)


@pytest.mark.parametrize(
    ("claim", "status"),
    [
        ("\\frac{\\partial q_i}{\\partial o_j} = q_i(\\delta_{ij} - q_j)", "holds"),
        ("\\frac{\\partial q_i}{\\partial o_j} = q_i(1 - q_j)", "holds only"),
        ("\\frac{\\partial \\log q_i}{\\partial o_j} = \\delta_{ij} - q_j", "holds"),
        ("\\frac{\\partial \\log q_i}{\\partial o_j} = \\delta_{ij} + q_j", "fails"),
    ],
)
def test_a_latex_sentence_claim_with_one_equals_sign_is_judged(claim, status):
    """rt61 b: in a .tex file, 'we get $…$.' with one '=' left no trace when it failed (only
    chains of two steps were read in LaTeX sentences); it is read as in Markdown."""
    from symsoft.reading.document import check_document

    steps = [s for s in check_document(LATEX.replace("CLAIM", claim)).steps]
    assert [s.status for s in steps if s.status != "definition"] == [status]


@pytest.mark.parametrize(
    "update",
    [
        "b := b - \\alpha \\frac{d J}{d b}",
        "b = b - \\alpha \\frac{d J}{d b}",
        "b \\coloneqq b - \\eta \\frac{dJ}{db}",
        "\\theta_j := \\theta_j + \\alpha (y - h) x_j",
    ],
)
def test_an_update_rule_is_no_equation(update):
    """rt62 a: 'b := b - α dJ/db' was flagged 'fails' (b on both sides read as an equation)."""
    text = f"Let $J(b) = (b - 3)^2$. Each iteration sets\n\n$${update}$$\n"
    ((status, summary),) = _steps(text)
    assert status == "not checked" and "an update rule" in summary


@pytest.mark.parametrize(
    ("step", "status"),
    [
        ("\\frac{dJ}{db} = 2(b - 3)", "holds"),
        ("\\frac{dJ}{db} = 2(b + 3)", "fails"),
        ("J(b) = (b - 3)^2 + 0 \\cdot \\alpha", "holds"),
    ],
)
def test_the_same_names_in_an_equation_are_judged(step, status):
    """Twin: a step with the same names that is no update (b on one side only) is judged."""
    text = f"Let $J(b) = (b - 3)^2$. Then\n\n$${step}$$\n"
    assert [s for s, _ in _steps(text)] == [status]


def test_an_inline_math_ending_a_latex_line_does_not_open_a_display():
    """rt62 a: 'Take $u$' ⏎ '\\begin{align*}': the closing $ was read as an Obsidian-style
    '$\\begin{aligned}' opening, never closed: every display after it was lost."""
    from symsoft.reading.document import check_document

    text = "Take $u$\n\\begin{align*}\nb &= 2 + 2 = RIGHT .\n\\end{align*}\n"
    right = [s.status for s in check_document(text.replace("RIGHT", "4")).steps]
    wrong = [s.status for s in check_document(text.replace("RIGHT", "5")).steps]
    assert right == ["definition", "holds"] and wrong == ["definition", "fails"]


def test_obsidian_dollar_aligned_is_still_a_display():
    text = (
        "Let $p_k = \\frac{e^{z_k}}{\\sum_j e^{z_j}}$.\n\n$\\begin{aligned}\n"
        "\\frac{\\partial p_i}{\\partial z_i} &= RIGHT\n\\end{aligned}$\n"
    )
    assert [s for s, _ in _steps(text.replace("RIGHT", "p_i(1 - p_i)"))] == ["holds"]
    assert [s for s, _ in _steps(text.replace("RIGHT", "p_i(1 + p_i)"))] == ["fails"]


BCE_STEP = (
    "The label $y$ is either 0 or 1, and $a = \\sigma(z)$. The cost is\n\n"
    "$$C = -\\left[ y \\ln a + (1 - y) \\ln (1 - a) \\right].$$\n\n"
    "## HEADING: the derivative\n\nDifferentiating,\n\n"
    "$$\\frac{\\partial C}{\\partial a} = -\\frac{y}{a} - \\frac{1 - y}{1 - a}$$\n"
)


@pytest.mark.parametrize("heading", ["Step 1", "Part 1", "1."])
def test_a_numbered_heading_names_no_label_value(heading):
    """rt62 a: '## Step 1: the derivative' was read as naming y = 1, where the wrong-signed
    (1 - y) term vanishes, and the flag was withheld."""
    ((status, summary),) = _steps(BCE_STEP.replace("HEADING", heading))
    assert status == "fails" and "at y = 0" in summary


def test_a_heading_that_names_the_value_still_withholds():
    """Twin: 'When y is 1' before it names the case the step holds in: not flagged."""
    ((status, _),) = _steps(BCE_STEP.replace("HEADING", "When y is 1"))
    assert status != "fails"


def test_one_hot_said_of_y_beside_a_smoothed_target():
    """rt62 b: '* one-hot $y = e_c$, smoothed target $\\tilde{y}_k = …$' said one-hot of ỹ,
    not y, so a step using Σ y = 1 was flagged as needing an unstated hypothesis."""
    text = (
        "* one-hot $y = e_c$, smoothed target $\\tilde{y}_k = (1-\\epsilon) y_k + \\epsilon / K$"
        "\n\n$$\\sum_{k=1}^{K} \\tilde{y}_k = (1-\\epsilon) \\sum_{k=1}^{K} y_k + K "
        "\\frac{\\epsilon}{K} = RIGHT$$\n"
    )
    right = _steps(text.replace("RIGHT", "(1-\\epsilon) + \\epsilon"))
    assert [s for s, _ in right] == ["holds", "holds"]
    assert "given Σ_j y_j = 1" in right[1][1]


def test_without_one_hot_the_step_needs_an_unstated_hypothesis():
    """Twin: the same list without 'one-hot': Σ y = 1 is not stated, and the step says so.
    (Session 79: a label written ``y = e_c``, a definition not read, may be one-hot: the twin
    gives y no value.)"""
    from symsoft.reading.document import check_document

    text = (
        "* label $y$, smoothed target $\\tilde{y}_k = (1-\\epsilon) y_k + \\epsilon / K$"
        "\n\n$$\\sum_{k=1}^{K} \\tilde{y}_k = (1-\\epsilon) \\sum_{k=1}^{K} y_k + K "
        "\\frac{\\epsilon}{K} = (1-\\epsilon) + \\epsilon$$\n"
    )
    last = check_document(text).steps[-1]
    assert last.flagged and "does not state" in last.summary


@pytest.mark.parametrize("greek", ["alpha", "beta", "gamma", "lambda", "tau", "theta"])
def test_a_power_of_e_by_a_greek_variable_is_a_power(greek):
    """rt62 a: e^{\\beta} was spelled as a name labelled β (as \\ell_\\beta is), so b(β) =
    log(1 + e^β) was no function of β and b'(β) went unread."""
    text = (
        f"The log-partition function is $b(\\{greek}) = \\log(1 + e^{{\\{greek}}})$, so\n\n"
        f"$$b'(\\{greek}) = RIGHT$$\n"
    )
    right = f"\\frac{{e^{{\\{greek}}}}}{{1 + e^{{\\{greek}}}}}"
    wrong = f"\\frac{{1}}{{1 + e^{{\\{greek}}}}}"
    assert [s for s, _ in _steps(text.replace("RIGHT", right))] == ["holds"]
    assert [s for s, _ in _steps(text.replace("RIGHT", wrong))] == ["fails"]


@pytest.mark.parametrize(
    ("step", "status"),
    [
        ("\\frac{d}{dx} e^{\\alpha x} = \\alpha e^{\\alpha x}", "holds"),
        ("\\frac{d}{dx} e^{\\alpha x} = e^{\\alpha x}", "fails"),
    ],
)
def test_a_greek_exponent_is_a_power(step, status):
    """A Greek superscript on Euler's e is an exponent (on another letter it may be a label:
    p_i^{\\beta}, the softmax at inverse temperature β, below)."""
    assert [s for s, _ in _steps(f"Then\n\n$${step}$$\n")] == [status]


def test_a_subscript_after_a_sample_superscript_is_read_as_before_it():
    """rt62 a: x^{(i)}_j (the sample first) was 'unexpected _'; it is read as x_j^{(i)} is."""
    from symsoft.reading.document import check_document

    text = (
        "Let $p = \\sigma(z)$.\n\\begin{align*}\n"
        "\\frac{\\partial J}{\\partial w_j} = \\sum_{i=1}^m (p^{(i)} - y^{(i)}) X\n"
        "\\end{align*}\n"
    )
    first = check_document(text.replace("X", "x^{(i)}_j")).steps
    last = check_document(text.replace("X", "x_j^{(i)}")).steps
    assert [s.summary for s in first] == [s.summary for s in last]
    assert "unexpected" not in first[0].summary


def test_a_letter_given_a_computed_value_is_no_index():
    """rt62 b: 'Let $m = \\max_k z_k$.' made every step with m 'index m used as a value'."""
    text = (
        "Let $m = \\max_k z_k$.\n\n$$s_i = \\frac{e^{z_i - m}}{\\sum_{k=1}^{n} e^{z_k - m}}$$\n\n"
        "$$\\frac{\\partial}{\\partial z_j} \\log \\sum_{k} e^{z_k} = RIGHT$$\n"
    )
    assert [s for s, _ in _steps(text.replace("RIGHT", "s_j"))] == ["holds"]
    assert [s for s, _ in _steps(text.replace("RIGHT", "1 - s_j"))] == ["fails"]
    # a derivative through m itself stays unread (m is no constant of the logits)
    through = "Let $m = \\max_k z_k$.\n\n$$\\frac{\\partial}{\\partial z_j} (z_j - m) = 1$$\n"
    assert [s for s, _ in _steps(through)] == ["not checked"]


def test_one_document_never_changes_how_the_next_is_read():
    """Review 57: a document where m counts examples ("we write $m = 2$") left a cached reading
    of the left side "m" as a count; the next document's 'Let $m = \\max_k z_k$' was then not
    read at all, and '∂(z_j - m)/∂z_j = 1' came out 'holds' (m taken as a free constant)."""
    from symsoft.reading.document import check_document

    counted = (
        "We have $m$ training examples $x^{(i)}$ with labels $y^{(i)}$.\n\n"
        "$$J(\\theta) = -\\frac{1}{m} \\sum_{i=1}^{m} y^{(i)} \\log h_\\theta(x^{(i)})$$\n\n"
        "For a mini-batch we write $m = 2$:\n\n$$\\frac{\\partial J}{\\partial \\theta_j} = 0$$\n"
    )
    shifted = "Let $m = \\max_k z_k$.\n\n$$\\frac{\\partial}{\\partial z_j} (z_j - m) = 1$$\n"
    alone = check_document(shifted).steps[0].status
    check_document(counted)
    after = check_document(shifted).steps[0].status
    assert alone == after == "not checked"


SIGMOID_BCE = (
    "Let $p = \\sigma(z)$ and $L = -y \\log p - (1 - y) \\log(1 - p)$.\n\n"
    "Differentiating, we get $\\frac{\\partial L}{\\partial z} = p - 1$, WORDS.\n"
)


@pytest.mark.parametrize(
    "words",
    [
        "which is the gradient on a positive example",
        "which is the gradient for the correct class",
        "the diagonal entry of the Jacobian",
    ],
)
def test_words_after_a_claim_that_restrict_it_keep_it_unread(words):
    """Review 57: ', which is the gradient on a positive example' restricts p - 1 to y = 1,
    where it holds; the claim was flagged 'fails at y = 0'."""
    assert "fails" not in [s for s, _ in _steps(SIGMOID_BCE.replace("WORDS", words))]


def test_the_same_claim_going_on_plainly_is_flagged():
    """Twin: words after it that restrict nothing leave the claim judged: p - 1 fails."""
    text = SIGMOID_BCE.replace("WORDS", "which we use in the next section")
    assert [s for s, _ in _steps(text)] == ["fails"]


def test_a_claim_whose_semicolon_clause_names_its_class_is_not_flagged():
    """Review 57: '$…= p_i - 1$; here $i$ is the correct class.' was 'holds only when c = i'."""
    text = (
        "The logits $z$ give $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$ and the loss is "
        "$L = -\\sum_k y_k \\log p_k$ with a one-hot label $y$.\n\n"
        "Differentiating, we get $\\frac{\\partial L}{\\partial z_i} = p_i - 1$; TAIL\n"
    )
    assert _steps(text.replace("TAIL", "here $i$ is the correct class.")) == []
    flagged = _steps(text.replace("TAIL", "we use it below."))
    assert [s for s, _ in flagged] == ["holds only"]


@pytest.mark.parametrize("case", ["For target (1):", "For the examples labelled (1),"])
def test_a_label_value_in_parentheses_still_names_the_case(case):
    """Review 57: '(1)' was stripped as numbering, so 'For target (1):' no longer named y = 1
    and the correct p - 1 was flagged 'fails at y = 0'."""
    text = (
        "Let $p = \\sigma(z)$ and $L = -y \\log p - (1 - y) \\log(1 - p)$.\n\n"
        f"{case}\n\n$$\\frac{{\\partial L}}{{\\partial z}} = p - 1$$\n"
    )
    assert "fails" not in [s for s, _ in _steps(text)]


def test_an_other_class_step_under_a_named_class_is_not_flagged_at_free_labels():
    """Review 57: with 'Suppose the correct class is $c$.', '∂L/∂z_i = p_i' for i ≠ c was
    flagged at y = (7/2, -5/2), a y the text excludes."""
    text = (
        "The logits give $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$ and the loss is "
        "$L = -\\sum_k y_k \\log p_k$ with a one-hot label $y$.\n\n"
        "Suppose the correct class is $c$. For every other logit ($i \\neq c$) the gradient is\n\n"
        "$$\\frac{\\partial L}{\\partial z_i} = RIGHT$$\n"
    )
    assert "fails" not in [s for s, _ in _steps(text.replace("RIGHT", "p_i"))]
    assert [s for s, _ in _steps(text.replace("RIGHT", "-p_i"))] == ["fails"]


def test_a_target_said_a_probability_vector_is_not_the_labels():
    """Review 57: '(In distillation, by contrast, the target is a probability vector $q$.)'
    was read as saying y sums to one, so p_i - y_i held for multi-hot y."""
    text = (
        "The logits give $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$ and the loss is "
        "$L = -\\sum_k y_k \\log p_k$, where $y$ is multi-hot.\n\n"
        "(In distillation, by contrast, the target is a probability vector $q$.)\n\n"
        "$$\\frac{\\partial L}{\\partial z_i} = p_i - y_i$$\n"
    )
    ((status, summary),) = _steps(text)
    assert "which the document does not state" in summary


def test_a_supposition_on_the_line_before_a_latex_claim_withholds_its_flag():
    """Review 57: 'Take $i$ to be the correct class.' then '… we get $… = p_i - 1$.' in .tex."""
    from symsoft.reading.document import check_document

    text = (
        "\\documentclass{article}\n\\begin{document}\n"
        "The logits give $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$ and the loss is "
        "$L = -\\sum_k y_k \\log p_k$ with a one-hot label $y$.\n"
        "Take $i$ to be the correct class.\n"
        "Differentiating, we get $\\frac{\\partial L}{\\partial z_i} = p_i - 1$.\n"
        "\\end{document}\n"
    )
    assert not any(s.flagged for s in check_document(text).steps)


def test_soft_labels_that_replace_one_hot_ones_are_not_one_hot():
    """Review 57 (an older false 'holds'): 'Our soft labels $y$ replace the one-hot vectors
    …, and the correct class is $c$.' made -Σ y_k log p_k = -log p_c hold."""
    text = (
        "The logits give $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$ and the loss is "
        "$L = -\\sum_k y_k \\log p_k$. Our soft labels $y$ replace the one-hot vectors of "
        "the previous post, and the correct class is $c$.\n\n"
        "$$L = -\\sum_k y_k \\log p_k = -\\log p_c$$\n"
    )
    assert [s for s, _ in _steps(text)][-1] != "holds"
    one_hot = text.replace("replace the one-hot vectors of", "are one-hot, as in")
    assert [s for s, _ in _steps(one_hot)][-1] == "holds"


CASE_LED = (
    "The softmax is $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$ with $Z = \\sum_k e^{z_k}$.\n\n"
    "LEAD\n\n$$\\frac{\\partial p_i}{\\partial z_j} = RIGHT$$\n"
)
OTHER_CASE = "\\frac{e^{z_i} Z - e^{z_i} e^{z_j}}{Z^2}"  # the i = j quotient rule


@pytest.mark.parametrize(
    "lead", ["If $i \\neq j$:", "When $i \\neq j$, we have", "**For $i \\neq j$:**"]
)
def test_a_case_computed_as_the_other_case_is_flagged_under_a_case_line(lead):
    """rt63 a: under 'If $i \\neq j$:' the i = j quotient rule was 'ambiguous: it holds in
    another case, read from prose'; a line that is nothing but the case is as sure as a
    condition written in the display: the slip fails."""
    ((status, summary),) = _steps(CASE_LED.replace("LEAD", lead).replace("RIGHT", OTHER_CASE))
    assert status == "fails" and summary.startswith("fails when i ≠ j")
    ((status, _),) = _steps(CASE_LED.replace("LEAD", lead).replace("RIGHT", "-p_i p_j"))
    assert status == "holds"


def test_a_case_only_mentioned_before_a_display_still_withholds():
    """Twin: 'For the diagonal, unlike the case $i \\neq j$ above:' names i ≠ j but is about
    i = j: the prose case may be misread, so the step that holds when i = j is not flagged."""
    lead = "For the diagonal, unlike the case $i \\neq j$ above:"
    text = CASE_LED.replace("LEAD", lead).replace("RIGHT", "p_i(1 - p_j)")
    assert "fails" not in [s for s, _ in _steps(text)]


SHORT_FOR = (
    "The softmax is $S_i = \\frac{e^{a_i}}{\\sum_{k=1}^{N} e^{a_k}}$. By the quotient rule, "
    "with $\\Sigma$ short for $\\sum_{k=1}^{N} e^{a_k}$:\n\n"
    "$$\\frac{\\partial S_i}{\\partial a_j} = {\\delta_{ij} e^{a_i} \\Sigma - e^{a_j} e^{a_i} "
    "\\over SQUARE}$$\n"
)


def test_a_symbol_said_to_be_short_for_the_partition_sum_is_read():
    """rt63 a: '$\\Sigma$ short for $\\sum_k e^{a_k}$' left Σ undefined (4 steps unread)."""
    assert [s for s, _ in _steps(SHORT_FOR.replace("SQUARE", "\\Sigma^2"))] == ["holds"]
    assert [s for s, _ in _steps(SHORT_FOR.replace("SQUARE", "\\Sigma"))] == ["fails"]


def test_a_row_said_for_all_indices_is_judged_in_every_case():
    """rt63 a: '\\quad \\text{for all } i, j' after a row was an unsupported word; it says what
    a row says anyway (every i, j): the dropped delta is flagged, the right entry holds."""
    text = (
        "Let $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$.\n\n"
        "$$\\frac{\\partial p_i}{\\partial z_j} = RIGHT \\quad \\text{for all } i, j$$\n"
    )
    assert [s for s, _ in _steps(text.replace("RIGHT", "p_i (\\delta_{ij} - p_j)"))] == ["holds"]
    assert [s for s, _ in _steps(text.replace("RIGHT", "p_i (1 - p_j)"))] == ["holds only"]


TEMPERED = (
    "Let $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$. At inverse temperature $\\beta$ the tempered "
    "softmax is\n\n$$p_i^{\\beta} = \\frac{e^{\\beta z_i}}{\\sum_k e^{\\beta z_k}}$$\n\n"
    "$$\\frac{\\partial p_i^{\\beta}}{\\partial z_j} = RIGHT$$\n"
)


def test_a_greek_superscript_on_a_defined_name_stays_a_label():
    """Review 57b: reading every β superscript as a power made p_i^{β} = e^{βz_i}/Σ e^{βz_k}
    'fail' and its (correct) Jacobian too; p_i^{β} is the tempered softmax's entry."""
    right = "\\beta p_i^{\\beta}(\\delta_{ij} - p_j^{\\beta})"
    assert [s for s, _ in _steps(TEMPERED.replace("RIGHT", right))] == ["holds"]
    wrong = "p_i^{\\beta}(\\delta_{ij} - p_j^{\\beta})"
    assert [s for s, _ in _steps(TEMPERED.replace("RIGHT", wrong))] == ["fails"]


def test_a_case_line_does_not_reach_a_second_display_whose_case_follows_it():
    """Review 57b: 'If $i = j$:' ⏎ $$A$$ ⏎ $$-s_i s_j$$ ⏎ 'when $i \\neq j$.' flagged the second
    display (correct for i ≠ j) 'fails when i = j'."""
    text = (
        "Let $s_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$.\n\nIf $i = j$:\n"
        "$$\\frac{\\partial s_i}{\\partial z_j} = s_i(1 - s_j)$$\n"
        "$$\\frac{\\partial s_i}{\\partial z_j} = RIGHT$$\nwhen $i \\neq j$.\n"
    )
    assert "fails" not in [s for s, _ in _steps(text.replace("RIGHT", "-s_i s_j"))]
    # twin: a wrong entry there (wrong in every case) is still flagged
    assert [s for s, _ in _steps(text.replace("RIGHT", "s_i s_j"))] == ["holds", "fails"]
