"""Session 80's readings; each rule that changes a verdict has a twin with a plausible wrong
formula (or without the words it reads) whose verdict is checked too."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document


def statuses(text: str) -> list[str]:
    return [step.status for step in check_document(text).steps]


LABEL_T = (
    r"Here $t$ is the label and $y = \sigma(z)$ is the prediction; the loss is "
    r"$E = -t \log y - (1 - t)\log(1 - y)$." + "\n\n{lead}\n\n"
    r"$$\frac{\partial E}{\partial y} = {grad}$$" + "\n"
)


@pytest.mark.parametrize(
    ("lead", "right", "wrong"),
    [
        ("When the label is 0,", r"\frac{1}{1 - y}", r"-\frac{1}{y}"),
        ("When the label is 1,", r"-\frac{1}{y}", r"\frac{1}{1 - y}"),
        ("For a negative example,", r"\frac{1}{1 - y}", r"\frac{1}{y}"),
    ],
)
def test_a_label_case_in_words_for_a_label_not_called_y(lead: str, right: str, wrong: str) -> None:
    text = LABEL_T.replace("{lead}", lead)
    assert statuses(text.replace("{grad}", right)) == ["holds"]
    wrong_text = text.replace("{grad}", wrong)
    assert statuses(wrong_text) == ["fails"]
    # the counterexample is shown in the case the words name
    value = "1" if "1" in lead else "0"
    assert f"t = {value}" in check_document(wrong_text).steps[0].summary
    # without the words that name the case, the step is refuted for a general t
    assert statuses(text.replace("{grad}", right).replace(lead, "Then")) == ["fails"]


def test_the_label_letter_is_never_a_defined_name() -> None:
    # y is the prediction (defined): the label is the one label letter left, t
    text = (
        r"Let $y = \sigma(z)$ and $E = -t \log y - (1 - t)\log(1 - y)$."
        "\n\nWhen the label is 0,\n\n"
        r"$$\frac{\partial E}{\partial y} = \frac{1}{1 - y}$$" + "\n"
    )
    assert statuses(text) == ["holds"]
    assert statuses(text.replace(r"\frac{1}{1 - y}$$", r"\frac{1}{y}$$")) == ["fails"]


DIAGONAL_THEN_OTHER = (
    r"Let $p_i = \frac{e^{z_i}}{\sum_k e^{z_k}}$." + "\n\n"
    r"$$\frac{\partial p_i}{\partial z_j} = {entry}$$" + "\n\n{remark}\n"
)


@pytest.mark.parametrize(
    "remark",
    [
        r"This is the diagonal case, $i = j$. Otherwise the result is $-p_i p_j$.",
        r"This is the diagonal case, $i = j$. For $i \neq j$ it is $-p_i p_j$.",
        r"This holds for $i = j$. In the other case we get $-p_i p_j$.",
        r"This is the diagonal case, $i = j$. In the off-diagonal case we get $-p_i p_j$.",
        "This is the diagonal case, $i = j$. Otherwise the result is\n\n$$-p_i p_j$$",
    ],
)
def test_a_remark_whose_paragraph_goes_on_with_the_other_case(remark: str) -> None:
    text = DIAGONAL_THEN_OTHER.replace("{remark}", remark)
    assert statuses(text.replace("{entry}", "p_i(1 - p_j)"))[0] == "holds"
    # a sign slip, and the other case's formula written for the diagonal, stay flagged
    assert statuses(text.replace("{entry}", "p_i(1 + p_j)"))[0] == "fails"
    assert statuses(text.replace("{entry}", "-p_i p_j"))[0] in ("fails", "holds only")


@pytest.mark.parametrize(
    "remark",
    [
        r"This is the diagonal case, $i = j$. Otherwise the result is the same.",
        r"This is the diagonal case, $i = j$. For $i = j$ it is $-p_i p_j$.",
        r"This is the diagonal case, $i = j$. For $i \neq j$ it is also this.",
        r"This is the diagonal case, $i = j$. For $k \neq j$ it is $-p_k p_j$.",
    ],
)
def test_a_remark_whose_paragraph_widens_or_names_another_case_is_not_read(remark: str) -> None:
    text = DIAGONAL_THEN_OTHER.replace("{remark}", remark)
    assert statuses(text.replace("{entry}", "p_i(1 - p_j)")) == ["holds only"]


SMOOTHED = (
    r"With $K$ classes, true class $c$ and smoothing $\varepsilon$, the targets are "
    r"$q_k = (1 - \varepsilon)\delta_{kc} + \frac{\varepsilon}{K}$, "
    r"$p = \mathrm{softmax}(z)$ and $L = -\sum_k q_k \log p_k$." + "\n\n{lead}\n\n"
    r"$$\frac{\partial L}{\partial z_k} = {grad}$$" + "\n"
)
OFF = r"p_k - \frac{\varepsilon}{K}"
ON = r"p_k - 1 + \varepsilon - \frac{\varepsilon}{K}"


@pytest.mark.parametrize(
    ("lead", "right", "wrong"),
    [
        ("Unless $k$ is the true class,", OFF, ON),
        ("For the true class itself,", ON, OFF),
        ("When it is the true class,", ON, r"p_k - 1 - \varepsilon + \frac{\varepsilon}{K}"),
    ],
)
def test_class_words_beside_smoothed_targets(lead: str, right: str, wrong: str) -> None:
    text = SMOOTHED.replace("{lead}", lead)
    assert statuses(text.replace("{grad}", right)) == ["holds"]
    assert statuses(text.replace("{grad}", wrong)) in (["fails"], ["holds only"])
    # the class letter not called the true class: the words are not tied to it
    unnamed = text.replace("true class $c$", "a class $c$").replace("{grad}", right)
    assert statuses(unnamed) == ["holds only"]


WRONG_CLASS = (
    r"With one-hot $y$ (true class $c$), $p = \mathrm{softmax}(z)$ and "
    r"$L = -\sum_j y_j \log p_j$:" + "\n\n"
    r"$$\frac{\partial L}{\partial z_k} = {grad}$$" + "\n\nThis is for a wrong class $k$. {rest}\n"
)


def test_a_class_remark_whose_paragraph_goes_on_with_the_true_class() -> None:
    """Review 79c: "This is for a wrong class $k$. For the true class we get …"."""
    text = WRONG_CLASS.replace("{rest}", "For the true class we get $p_c - 1$.")
    assert statuses(text.replace("{grad}", "p_k")) == ["holds"]
    assert statuses(text.replace("{grad}", "p_k - 1")) in (["fails"], ["holds only"])
    assert statuses(text.replace("{grad}", "-p_k")) == ["fails"]
    # a paragraph that widens the remark is not read
    same = WRONG_CLASS.replace("{rest}", "For the true class it is the same.")
    assert statuses(same.replace("{grad}", "p_k")) == ["holds only"]


def test_a_label_called_by_another_letter() -> None:
    """Review 80a: "Here $r$ is the label" with "When the label is 0,"."""
    text = LABEL_T.replace("$t$", "$r$").replace("-t", "-r").replace("(1 - t)", "(1 - r)")
    text = text.replace("{lead}", "When the label is 0,")
    assert statuses(text.replace("{grad}", r"\frac{1}{1 - y}")) == ["holds"]
    assert statuses(text.replace("{grad}", r"-\frac{1}{y}")) == ["fails"]


REMARKED_LABEL = (
    r"Let the label be $t$ and the output $y = \sigma(z)$, with "
    r"$L = -t \log y - (1 - t)\log(1 - y)$." + "\n\n"
    r"$$\frac{\partial L}{\partial z} = {grad}$$" + "\n\n{remark}\n"
)


@pytest.mark.parametrize(
    ("remark", "right", "wrong"),
    [
        ("This is the case $t = 1$.", "y - 1", "y"),
        ("This is for a positive example.", "y - 1", "1 - y"),
        ("(for $t = 0$)", "y", "y - 1"),
        ("This holds for a negative example.", "y", "-y"),
    ],
)
def test_a_label_value_named_in_a_remark_after_the_display(
    remark: str, right: str, wrong: str
) -> None:
    text = REMARKED_LABEL.replace("{remark}", remark)
    held = check_document(text.replace("{grad}", right)).steps[0]
    assert held.status == "holds"
    assert held.summary.endswith("as the words after it say")
    assert statuses(text.replace("{grad}", wrong)) == ["fails"]


@pytest.mark.parametrize(
    "remark",
    [
        "This is not the case $t = 1$.",
        "This is for a positive example, and also for a negative one.",
        "This is the case $t = 1$.\n\n$$L = -\\log y$$",
    ],
)
def test_a_remark_that_widens_or_leads_a_display_is_not_read(remark: str) -> None:
    text = REMARKED_LABEL.replace("{remark}", remark).replace("{grad}", "y - 1")
    assert statuses(text)[0] == "fails"


SOFTMAX_CE = (
    r"Let $p_i = \frac{e^{z_i}}{\sum_k e^{z_k}}$ and $\mathcal{L} = -\sum_i y_i \log(p_i)$."
    "\n\n{said} This means:\n$$\n\\mathcal{L} = {loss}\n$$\n"
)


@pytest.mark.parametrize(
    "written",
    [r"p_{\text{true class}}", r"p_{\text{correct}}", r"p_{\rm target}", r"p_{\mathrm{true}}"],
)
def test_the_true_class_written_as_a_word_in_a_subscript(written: str) -> None:
    """Round 95: "For a **one-hot** vector $\\mathbf{y}$ … $\\mathcal{L} = -\\log(p_{\\text{true
    class}})$" (bold markdown around the hypothesis, the class as a word)."""
    said = r"For a **one-hot** vector $\mathbf{y}$ the loss keeps one term."
    text = SOFTMAX_CE.replace("{said}", said)
    assert statuses(text.replace("{loss}", rf"-\log({written})")) == ["holds"]
    assert statuses(text.replace("{loss}", rf"\log({written})")) == ["fails"]
    assert statuses(text.replace("{loss}", rf"-\log(1 - {written})")) == ["fails"]
    # the targets not said one-hot: the true class is no reading of y, nothing is decided
    bare = SOFTMAX_CE.replace("{said}", "")
    assert statuses(bare.replace("{loss}", rf"\log({written})")) == ["not checked"]


def test_a_word_subscript_on_a_name_never_indexed_is_a_name() -> None:
    # y_{\text{true}} names the targets as a whole (no y_i anywhere): not an entry at a class
    text = (
        r"Let $\hat{y} = \sigma(z)$ and $L = -y_{\text{true}} \log \hat{y} - (1 - y_{\text{true}})"
        r" \log(1 - \hat{y})$, where $y_{\text{true}}$ is one-hot." + "\n\n"
        r"$$\frac{\partial L}{\partial z} = \hat{y} - y_{\text{true}}$$" + "\n"
    )
    assert statuses(text)[-1] == "holds"
    wrong = text.replace(r"\hat{y} - y_{\text{true}}$$", r"y_{\text{true}} - \hat{y}$$")
    assert statuses(wrong)[-1] == "fails"


@pytest.mark.parametrize(
    ("lead", "right"),
    [
        (
            "If $k$ is the true class, the target is $1 - \\varepsilon + \\varepsilon/K$; if not,",
            OFF,
        ),
        ("Not for the true class:", None),
        ("Not just for the true class:", None),
    ],
)
def test_class_words_turned_by_if_not_or_denied(lead: str, right: str | None) -> None:
    """Review 80a's false holds: "…; if not," is the other case; "Not for the true class:"
    names no case."""
    text = SMOOTHED.replace("{lead}", lead)
    if right is not None:
        assert statuses(text.replace("{grad}", right)) == ["holds"]
    assert statuses(text.replace("{grad}", ON if right == OFF else ON)) != ["holds"]


def test_an_index_case_turned_by_if_not_never_holds_in_the_first_case() -> None:
    text = (
        r"Let $p_i = \frac{e^{z_i}}{\sum_k e^{z_k}}$." + "\n\n"
        r"If $i = j$, the derivative of the numerator is $e^{z_i}$; if not," + "\n\n"
        r"$$\frac{\partial p_i}{\partial z_j} = p_i(1 - p_j)$$" + "\n"
    )
    assert statuses(text) != ["holds"]


OFF_DIAGONAL_FIRST = DIAGONAL_THEN_OTHER.replace("{entry}", "-p_i p_j")


@pytest.mark.parametrize(
    ("remark", "expected"),
    [
        (r"This is for $i \neq j$. The diagonal entries are $p_i(1 - p_i)$.", "holds"),
        (r"This is for $i \neq j$. The diagonal entries are the same.", "holds only"),
        (r"This is for $i \neq j$. On the diagonal we get $-p_i p_i$ as well.", "holds only"),
    ],
)
def test_a_remark_going_on_with_the_diagonal(remark: str, expected: str) -> None:
    text = OFF_DIAGONAL_FIRST.replace("{remark}", remark)
    assert statuses(text) == [expected]
    # the diagonal's formula written under the off-diagonal remark stays flagged
    wrong = text.replace("= -p_i p_j$$", "= p_i(1 - p_j)$$")
    assert statuses(wrong) in (["fails"], ["holds only"])


def test_class_words_beside_a_one_hot_label_with_no_letter_for_its_class() -> None:
    """Review 80a: smoothing of a one-hot $y$, "Unless $k$ is the true class," (y's class is
    the true class: y_k = δ_kc is the text's own reading)."""
    text = SMOOTHED.replace("true class $c$", "a one-hot label $y$").replace(r"\delta_{kc}", "y_k")
    unless = text.replace("{lead}", "Unless $k$ is the true class,")
    assert statuses(unless.replace("{grad}", OFF)) == ["holds"]
    assert statuses(unless.replace("{grad}", ON)) == ["holds only"]
    itself = text.replace("{lead}", "For the true class itself,")
    assert statuses(itself.replace("{grad}", ON)) == ["holds"]
    assert statuses(itself.replace("{grad}", OFF)) == ["holds only"]


def test_functions_listed_as_choices_for_one_name_are_definitions() -> None:
    """Round 99 (held out): a README lists the activation's choices, ``$g_i(x) = \\tanh(x) =
    …$<br>`` then ``$g_i(x) = \\sigma(x) = …$<br>``; the second was flagged against the first."""
    text = (
        r"$g_i(x) = \tanh(x) = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}$<br>" + "\n\n"
        r"$g_i(x) = \sigma(x) = \frac{1}{1 + e^{-x}}$<br>" + "\n\n"
        r"$g_i(x) = ReLU(x) = max(0, x)$<br>" + "\n"
    )
    result = check_document(text).steps
    assert [s.status for s in result][:4] == ["definition", "holds", "definition", "holds"]
    # words between them make the second a claim about the first: judged, and refuted
    claimed = text.replace("<br>\n\n$g_i(x) = \\sigma", "<br>\n\nso that\n\n$g_i(x) = \\sigma", 1)
    assert [s.status for s in check_document(claimed).steps][2] == "fails"


@pytest.mark.parametrize(
    ("head", "operator", "right", "wrong"),
    [
        (
            r"\frac{\partial \hat{y}_i}{\partial z_i}",
            r"\frac{\partial}{\partial z_i} \frac{e^{z_i}}{\sum_k e^{z_k}}",
            r"\hat{y}_i(1-\hat{y}_i)",
            r"\hat{y}_i(1+\hat{y}_i)",
        ),
        (
            r"\frac{\partial \hat{y}_1}{\partial z_1}",
            r"\frac{\partial}{\partial z_1} \frac{e^{z_1}}{\sum_k e^{z_k}}",
            r"\hat{y}_1(1-\hat{y}_1)",
            r"\hat{y}_1^2",
        ),
        (
            r"\frac{\partial \hat{y}_1}{\partial z_2}",
            r"\frac{\partial \left( \frac{e^{z_1}}{\sum_k{e^{z_k}}} \right)}{\partial z_2}",
            r"-\hat{y}_1\hat{y}_2",
            r"\hat{y}_1\hat{y}_2",
        ),
    ],
)
def test_an_output_under_an_accent_named_by_the_derivative_that_opens_a_chain(
    head: str, operator: str, right: str, wrong: str
) -> None:
    """Round 98: ``\\frac{\\partial \\hat{y}_1}{\\partial z_1} = \\frac{\\partial \\left(
    \\frac{e^{z_1}}{\\sum_k{e^{z_k}}} \\right)}{\\partial z_1} = …`` in a text that never writes
    what ŷ is: the operand names it (the softmax), at a concrete index every entry's."""
    text = f"$${head} = {operator} = {{rhs}}$$\n"
    assert statuses(text.replace("{rhs}", right)) == ["definition", "holds"]
    assert statuses(text.replace("{rhs}", wrong)) == ["definition", "fails"]
    # ŷ given another meaning in the text: the operand is no definition of it
    said = r"Here $\hat{y}_i = \sigma(z_i)$ is the logistic output." + "\n\n" + text
    assert "definition" not in statuses(said.replace("{rhs}", right))[1:]


COUNTS = (
    "{said} With $p = \\mathrm{softmax}(z)$ and $L = -\\sum_k y_k \\log p_k$,\n\n"
    r"$$\frac{\partial L}{\partial z_j} = p_j \sum_k y_k - y_j = p_j - y_j$$" + "\n"
)


@pytest.mark.parametrize(
    "said",
    [
        "The targets $y$ are _not_ one-hot: they are word counts.",
        "The targets $y$ are one-hot *only* in the toy example; here they are word counts.",
        "In the toy example the targets $y$ are one-hot. Here they are word counts.",
    ],
)
def test_one_hot_denied_in_emphasis_or_said_of_an_example_only(said: str) -> None:
    """Review 80b's false holds: the second step needs Σ y = 1, which these texts deny."""
    step = check_document(COUNTS.replace("{said}", said)).steps[1]
    assert step.status != "holds" or not step.hypothesis_stated  # (a flag, or not checked)
    # said of the whole text, the hypothesis holds it
    assert statuses(COUNTS.replace("{said}", "The targets $y$ are one-hot."))[1] == "holds"


@pytest.mark.parametrize(
    ("lead", "right", "wrong"),
    [("For a *positive* example,", "y - 1", "y"), ("For a _negative_ example,", "y", "y - 1")],
)
def test_a_label_case_in_emphasis(lead: str, right: str, wrong: str) -> None:
    text = LABEL_T.replace("{lead}", lead).replace(r"\frac{\partial E}{\partial y}", "E'(z)")
    text = text.replace("E'(z)", r"\frac{\partial E}{\partial z}")
    assert statuses(text.replace("{grad}", right)) == ["holds"]
    assert statuses(text.replace("{grad}", wrong)) == ["fails"]


def test_functions_listed_as_choices_in_displays() -> None:
    """Review 80b: ``$$g(x) = \\sigma(x)$$ $$g(x) = \\tanh(x)$$`` under "Common choices": a
    later step about g is not judged under either (not flagged under tanh)."""
    text = (
        "Common choices for the activation:\n\n$$g(x) = \\sigma(x)$$\n\n$$g(x) = \\tanh(x)$$\n\n"
        "For the sigmoid,\n\n$$g'(x) = g(x)(1 - g(x))$$\n"
    )
    assert statuses(text)[-1] == "not checked"
    # one definition only: the step is judged, and a slip refuted
    one = text.replace("$$g(x) = \\tanh(x)$$\n\n", "")
    assert statuses(one)[-1] == "holds"
    assert statuses(one.replace("(1 - g(x))", "(1 + g(x))"))[-1] == "fails"


@pytest.mark.parametrize(
    ("entry", "remark", "expected"),
    [
        ("-p_i p_j", "In the off-diagonal case we get this.", "holds"),
        ("p_i(1 - p_j)", "The diagonal entries are given by this formula.", "holds"),
        ("p_i(1 - p_j)", "In the off-diagonal case we get this.", "holds only"),
        ("-p_i p_j", "The diagonal entries are given by this formula.", "holds only"),
    ],
)
def test_a_remark_that_refers_back_to_the_display(entry: str, remark: str, expected: str) -> None:
    text = DIAGONAL_THEN_OTHER.replace("{entry}", entry).replace("{remark}", remark)
    assert statuses(text) == [expected]


@pytest.mark.parametrize(
    "rest", ["For $t = 0$ the gradient is just $y$.", "For a negative example it is $y$."]
)
def test_a_label_remark_going_on_with_the_other_value(rest: str) -> None:
    """Review 80b: "This is the case $t = 1$. For $t = 0$ the gradient is just $y$."."""
    text = REMARKED_LABEL.replace("{remark}", "This is the case $t = 1$. " + rest)
    assert statuses(text.replace("{grad}", "y - 1")) == ["holds"]
    assert statuses(text.replace("{grad}", "y")) == ["fails"]
    same = REMARKED_LABEL.replace("{remark}", "This is the case $t = 1$. For $t = 1$ too.")
    assert statuses(same.replace("{grad}", "y - 1")) == ["fails"]


def test_an_accented_letter_in_a_group_of_its_own() -> None:
    """Review 80b: ``{\\hat y}_k = {e^{z_k} \\over \\sum_j e^{z_j}}`` defines ŷ."""
    text = (
        r"Let ${\hat y}_k = {e^{z_k} \over \sum_j e^{z_j}}$ and $L = -\sum_k y_k \log {\hat y}_k$"
        " with one-hot $y$.\n\n$$\\frac{\\partial L}{\\partial z_k} = {\\hat y}_k - y_k$$\n"
    )
    assert statuses(text) == ["holds"]
    assert statuses(text.replace("= {\\hat y}_k - y_k$$", "= y_k - {\\hat y}_k$$")) == ["fails"]
    # a fraction's argument is no group of its own
    half = text.replace("$$\\frac{\\partial L}", "$$\\frac{\\hat y}{2} = \\frac{\\partial L}")
    assert statuses(half)[0] != "holds"


def test_an_index_case_after_where_inside_a_display() -> None:
    """Round 96: ``… \\text{ where }i = x`` in a display is the row's case, as ``\\text{if}``."""
    text = (
        r"Let $p_i = \frac{e^{z_i}}{\sum_k e^{z_k}}$." + "\n\n"
        r"$$\frac{\partial p_i}{\partial z_j} = p_i(1-p_j) \text{ where } i = j$$" + "\n"
    )
    assert statuses(text) == ["holds"]
    assert statuses(text.replace("i = j$$", r"i \neq j$$")) == ["fails"]
    assert statuses(text.replace("p_i(1-p_j)", "p_i(1+p_j)")) == ["fails"]


@pytest.mark.parametrize("name", ["S", "s", r"\phi"])
def test_a_function_of_a_vector_defined_at_a_dummy_letter(name: str) -> None:
    """Round 96's ``S(\\mathbf{x})`` defined, ``S(\\mathbf{z})_i`` used: x is a dummy."""
    text = (
        rf"$${name}(\mathbf{{x}})_i = \frac{{e^{{x_i}}}}{{\sum_k e^{{x_k}}}}$$" + "\n\n"
        rf"$$\frac{{\partial {name}(\mathbf{{z}})_i}}{{\partial z_j}} = "
        rf"{name}(\mathbf{{z}})_i(\delta_{{ij}} - {name}(\mathbf{{z}})_j)$$" + "\n"
    )
    assert statuses(text) == ["definition", "holds"]
    assert statuses(text.replace(r"(\delta_{ij} -", r"(\delta_{ij} +")) == ["definition", "fails"]


@pytest.mark.parametrize(
    ("chain", "slip"),
    [
        (
            r"\frac{d\hat y}{dz} = \frac{d}{dz}\frac{1}{1+e^{-z}} = \frac{e^{-z}}{(1+e^{-z})^2}"
            r" = \hat y(1-\hat y)",
            (r"(1+e^{-z})^2}", r"(1-e^{-z})^2}"),
        ),
        (
            r"\frac{\partial \hat{y}_1}{\partial z_2} = \frac{\partial}{\partial z_2}"
            r"\frac{e^{z_1}}{e^{z_1}+e^{z_2}+e^{z_3}} = -\frac{e^{z_1}e^{z_2}}"
            r"{(e^{z_1}+e^{z_2}+e^{z_3})^2} = -\hat y_1\hat y_2",
            (r"= -\frac{e^{z_1}e^{z_2}}", r"= \frac{e^{z_1}e^{z_2}}"),
        ),
    ],
)
def test_an_output_the_text_differentiates_is_never_free(chain: str, slip: tuple) -> None:
    """Review 80c: ŷ used in the loss's definition and differentiated by z, never defined: a
    step written in ŷ was refuted with ŷ free (ŷ = 7/2); it is withheld now."""
    loss = r"The loss is $L = -y\log\hat y - (1-y)\log(1-\hat y)$."
    text = f"$${chain}$$\n\n{loss}\n"
    assert "fails" not in statuses(text)
    # a slip between two sides in z alone is still refuted
    assert "fails" in statuses(text.replace(*slip))


@pytest.mark.parametrize(
    "said",
    [
        "We used one-hot labels last week; today $y$ is a bag-of-words count vector.",
        "The targets $y$ are one-hot vectors scaled by the sample weight $w$.",
    ],
)
def test_one_hot_said_of_another_time_or_scaled_is_no_hypothesis(said: str) -> None:
    """Review 80c's false holds."""
    step = check_document(COUNTS.replace("{said}", said)).steps[1]
    assert step.status != "holds" or not step.hypothesis_stated


@pytest.mark.parametrize(
    ("said", "right", "wrong"),
    [
        ("If the label is 1:", r"\hat y - 1", r"\hat y"),
        ("If the ground truth is one,", r"\hat y - 1", r"1 - \hat y"),
        ("For a negative label,", r"\hat y", r"\hat y - 1"),
    ],
)
def test_label_words_review_80c(said: str, right: str, wrong: str) -> None:
    """Review 80c: "$t$ the label" (no verb), "the ground truth is one", "a negative label"."""
    text = (
        r"Let $\hat y = \sigma(z)$ be the prediction and $t$ the label." + "\n"
        r"$$L = -t\log\hat y - (1-t)\log(1-\hat y).$$" + f"\n{said}\n"
        r"$$\frac{\partial L}{\partial z} = {grad}$$" + "\n"
    )
    assert statuses(text.replace("{grad}", right))[-1] == "holds"
    assert statuses(text.replace("{grad}", wrong))[-1] == "fails"


def test_the_ground_truth_class_in_words() -> None:
    text = SMOOTHED.replace("{lead}", "For the ground-truth class,")
    assert statuses(text.replace("{grad}", ON)) == ["holds"]
    assert statuses(text.replace("{grad}", OFF)) == ["holds only"]


@pytest.mark.parametrize(
    ("lead", "entry", "expected"),
    [
        ("When the logit we move is the numerator's own, we get", "p_i(1 - p_j)", "holds"),
        ("When the logit we move is the numerator's own, we get", "-p_i p_j", "holds only"),
        ("My first try at the numerator's own logit gave", "p_i(1 - p_j)", "holds only"),
    ],
)
def test_a_remark_after_a_lead_that_says_the_same_case_in_words(
    lead: str, entry: str, expected: str
) -> None:
    """Corpus s80_remark_after_display: a lead naming the equal case in words ("the
    numerator's own"), then the remark "This is the diagonal case, $i = j$."."""
    text = (
        r"Let $p_i = \frac{e^{z_i}}{\sum_k e^{z_k}}$." + f"\n\n{lead}\n\n"
        rf"$$\frac{{\partial p_i}}{{\partial z_j}} = {entry}$$" + "\n\n"
        "This is the diagonal case, $i = j$.\n"
    )
    assert statuses(text) == [expected]


@pytest.mark.parametrize(
    "said",
    [
        "The input $x$ is one-hot (a word index); the targets $y$ are counts of the next words.",
        "Here $y$ is twice a one-hot vector (the example has weight 2).",
        "Many tutorials assume $y$ is one-hot. We do not: $y$ is an arbitrary vector.",
        "The label $y$ is the one-hot vector $e_c$ multiplied by $-1$.",
        "The target $y$ is a one-hot vector minus the uniform vector $1/K$.",
        "Each $y$ is a sum of two one-hot vectors.",
        "The previous post used one-hot targets. This one uses count targets $y$.",
    ],
)
def test_one_hot_words_that_do_not_make_y_one_hot(said: str) -> None:
    """Review 80d's seven false holds: p_k - y_k "held given Σ y = 1"."""
    step = check_document(COUNTS.replace("{said}", said)).steps[1]
    assert step.status != "holds" or not step.hypothesis_stated


@pytest.mark.parametrize(
    "said",
    [
        "The targets $y$ are one-hot, and the gradient is $p$ minus the one-hot $y$.",
        "The labels $y$ are one-hot; the weights $W$ are learned.",
    ],
)
def test_one_hot_words_that_do_make_y_one_hot(said: str) -> None:
    step = check_document(COUNTS.replace("{said}", said)).steps[1]
    assert (step.status, step.hypothesis_stated) == ("holds", True)


def test_a_remark_naming_a_binary_label_value() -> None:
    """Review 80d: "$r \\in \\{0, 1\\}$", then "This is the case $r = 0$." after the display."""
    text = (
        r"Let $r \in \{0, 1\}$ be the label and $p = \sigma(x)$." + "\n"
        r"$$C = -r \log p - (1 - r)\log(1 - p)$$" + "\n"
        r"$$\frac{\partial C}{\partial x} = {grad}$$" + "\nThis is the case $r = 0$.\n"
    )
    assert statuses(text.replace("{grad}", "p")) == ["definition", "holds"]
    assert statuses(text.replace("{grad}", "p - 1")) == ["definition", "fails"]


def test_a_remark_naming_the_gradient_for_a_label_value() -> None:
    """Review 80d: "This is the gradient for a positive example." after the display."""
    text = REMARKED_LABEL.replace("{remark}", "This is the gradient for a positive example.")
    assert statuses(text.replace("{grad}", "y - 1")) == ["holds"]
    assert statuses(text.replace("{grad}", "y")) == ["fails"]


@pytest.mark.parametrize(
    "remark",
    [
        "This is the gradient for the other classes.",
        "This holds whenever $k$ is not the true class; otherwise the result is $s_k - 1$.",
    ],
)
def test_a_remark_for_the_other_classes_never_flags_their_formula(remark: str) -> None:
    text = (
        r"Let $s = \mathrm{softmax}(a)$, $y$ one-hot at the true class $c$, and "
        r"$L = -\sum_i y_i \log s_i$." + "\n"
        r"$$\frac{\partial L}{\partial a_k} = {grad}$$" + f"\n{remark}\n"
    )
    assert statuses(text.replace("{grad}", "s_k")) in (["holds"], ["not checked"])
    assert statuses(text.replace("{grad}", "s_k - 1")) == ["holds only"]
