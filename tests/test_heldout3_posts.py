"""Notation met in round 3 of held-out real posts (vectors, matrices, the family): each rule has
a step that must hold and a plausible slip that must be flagged, or, where the text leaves the
reading open, a step that must not be flagged."""

from __future__ import annotations

from symsoft.reading.document import check_document


def by_line(text: str) -> dict[int, list]:
    out: dict[int, list] = {}
    for step in check_document(text).steps:
        out.setdefault(step.line, []).append(step)
    return out


ONE_HOT_AT_THE_CLASS = r"""
The softmax $\sigma_i(\mathbf{z}) = \frac{e^{z_i}}{\sum_{j=1}^{K} e^{z_j}}$ is followed by
the loss of the true class $c$:

$$L = -\log \sigma_c$$

Its gradient is

$$\frac{\partial L}{\partial z_j} = \sigma_j - \mathbb{1}[j = c] = \sigma_j - y_j$$

where $y_j$ is the one-hot encoding of the true class.

$$\frac{\partial L}{\partial z_j} = \sigma_j + y_j$$
"""


def test_targets_one_hot_at_the_named_class_are_its_indicator() -> None:
    """ "$y_j$ is the one-hot encoding of the true class" with the class named $c$: y_j = δ_jc.
    Before, y was read as any vector summing to one and the correct σ_j − 1[j = c] = σ_j − y_j
    was flagged (a false flag on a real post)."""
    steps = by_line(ONE_HOT_AT_THE_CLASS)
    assert [s.status for s in steps[9]] == ["holds", "holds"]
    assert steps[13][0].flagged  # the sign slip σ_j + y_j


def test_without_the_sentence_a_step_resting_on_y_is_not_flagged() -> None:
    """The class is named but nothing says y is one-hot at it: y_j = 1[j = c] is the author's
    meaning, which is not stated, so the step is not flagged (nor proved)."""
    sentence = "where $y_j$ is the one-hot encoding of the true class."
    text = ONE_HOT_AT_THE_CLASS.replace(sentence, "")
    steps = by_line(text)
    assert steps[9][1].status == "not checked"
    assert not steps[9][1].flagged


DEFINING_CHAIN = r"""
**Predicted probabilities:**

$$\hat{\pi}_k = \sigma(\mathbf{z})_k = \frac{e^{z_k}}{\sum_{j=1}^{K} e^{z_j}}$$

$$\frac{\partial \hat{\pi}_k}{\partial z_j} = \hat{\pi}_k(\delta_{kj} - \hat{\pi}_j)$$

$$\frac{\partial \hat{\pi}_k}{\partial z_j} = \hat{\pi}_k(\hat{\pi}_j - \delta_{kj})$$
"""


def test_a_defining_chain_takes_the_side_that_reads() -> None:
    r"""``\hat{\pi}_k = \sigma(\mathbf{z})_k = \frac{…}{…}``: σ(z)_k has no meaning here, the
    fraction has; the name is defined by the chain's last side."""
    steps = by_line(DEFINING_CHAIN)
    assert steps[4][0].status == "definition"
    assert steps[6][0].status == "holds"
    assert steps[8][0].flagged


NAMED_LOSSES = r"""
With $p_k = \frac{e^{z_k}}{\sum_{j=1}^{K} e^{z_j}}$ and labels that sum to one:

$$\mathcal{L} = -\sum_{k=1}^{K} y_k \log p_k$$

$$\frac{\partial \mathcal{L}}{\partial z_j} = p_j - y_j$$

$$\frac{\partial \mathcal{L}}{\partial z_j} = y_j - p_j$$

A regularized loss adds a penalty:

$$\mathcal{L}_{reg} = \mathcal{L}_{CE} + \lambda R$$
"""


def test_a_loss_with_a_named_subscript_is_another_name_not_an_index() -> None:
    r"""``\mathcal{L}_{reg}``, ``\mathcal{L}_{CE}`` are other losses: ``\mathcal{L}`` alone is
    still read as L (before, any subscript on it left every step unread)."""
    steps = by_line(NAMED_LOSSES)
    assert steps[6][0].status == "holds"
    assert steps[8][0].status == "fails"
    assert steps[12][0].status == "not checked"
    assert not steps[12][0].flagged


SAMPLES_AND_FEATURES = r"""
Logits $z_k = \sum_{d=1}^{D} w_{kd} x_d$, probabilities
$p_k = \frac{e^{z_k}}{\sum_{j=1}^{K} e^{z_j}}$, a batch $\{\mathbf{x}^{(i)}\}_{i=1}^{N}$
stacked in $\mathbf{X} \in \mathbb{R}^{N \times D}$.

$$\sum_{j=1}^{K} \frac{\partial p_k}{\partial z_j} = 0$$

$$\sum_{j=1}^{K} \frac{\partial p_k}{\partial z_j} = 1$$
"""


def test_k_counts_the_classes_beside_d_features_and_n_samples() -> None:
    """D counts features (as d does), N the samples x^{(i)} and the rows of X: K is the size."""
    steps = by_line(SAMPLES_AND_FEATURES)
    assert steps[6][0].status == "holds"
    assert steps[8][0].status == "fails"


PLAIN_TANH = r"""
$$\displaystyle \Huge \begin{eqnarray}
\dfrac{d(tanh(x))}{dx} &=& 1- tanh(x)^2
\end{eqnarray}$$

$$\displaystyle \Huge \begin{eqnarray}
\dfrac{d(tanh(x))}{dx} &=& 1 + tanh(x)^2
\end{eqnarray}$$
"""


def test_eqnarray_inside_dollars_and_a_plain_tanh() -> None:
    r"""An Obsidian note: ``eqnarray`` with ``&=&`` inside ``$$``, ``\Huge``, and ``tanh``
    written without its backslash (as plain ``log`` and ``exp`` are read)."""
    steps = by_line(PLAIN_TANH)
    assert steps[3][0].status == "holds"
    assert steps[7][0].status == "fails"


def test_a_one_digit_numerator_without_braces() -> None:
    r"""``\frac1{1+\exp(-x)}`` is TeX for 1/(1 + e^{-x})."""
    text = r"""
$$f(x)=\frac1{1+\exp(-x)}$$

$$f'(x) = f(x)(1 - f(x))$$

$$f'(x) = f(x)(1 + f(x))$$
"""
    steps = by_line(text)
    assert steps[2][0].status == "definition"
    assert steps[4][0].status == "holds"
    assert steps[6][0].status == "fails"


def test_the_max_shift_with_a_range_braces_and_the_logsumexp_name() -> None:
    r"""``b=\max_{i=1}^{n}x_{i}``, ``\max{x}`` and ``\text{LogSumExp}(x)`` (a Chinese note)."""
    text = r"""
Take the largest entry, $b=\max_{i=1}^{n}x_{i}$. Then

$$\text{LogSumExp}(x) = \log (\sum_{i} \exp (x_i - \max{x})) + \max{x}$$

$$\text{LogSumExp}(x) = \log (\sum_{i} \exp (x_i - \max{x})) - \max{x}$$
"""
    steps = by_line(text)
    assert steps[4][0].status == "holds"
    assert steps[6][0].status == "fails"


def test_a_bold_greek_letter_is_a_vector() -> None:
    r"""``\hat{\boldsymbol{\pi}}`` is the vector of the entries ``\hat{\pi}_k``."""
    text = r"""
With $\hat{\pi}_k = \frac{e^{z_k}}{\sum_{j=1}^{K} e^{z_j}}$,
$L = -\sum_{k=1}^{K} y_k \log \hat{\pi}_k$ and $\mathbf{y}$ one-hot:

$$\frac{\partial L}{\partial \mathbf{z}} = \hat{\boldsymbol{\pi}} - \mathbf{y}$$

$$\frac{\partial L}{\partial \mathbf{z}} = \mathbf{y} - \hat{\boldsymbol{\pi}}$$
"""
    steps = by_line(text)
    assert steps[5][0].status == "holds"
    assert steps[7][0].status == "fails"


DOTTED_SUMS = r"""
With $p_k = \frac{e^{z_k}}{\sum_{j=1}^{K} e^{z_j}}$:

$$\sum_{j=1}^{K} e^{z_j} = e^{z_1} + e^{z_2} + \dots + e^{z_K}$$

$$\frac{\partial}{\partial z_2} \left(e^{z_1} + e^{z_2} + \dots + e^{z_K}\right) = e^{z_2}$$

$$\sum_{j=1}^{K} e^{z_j} = e^{z_1} + e^{z_2} + \dots + e^{z_{K-1}}$$

$$\frac{\partial}{\partial z_2} \left(e^{z_1} + e^{z_2} + \dots + e^{z_K}\right) = e^{z_1}$$
"""


def test_a_sum_written_out_with_dots_up_to_the_class_count() -> None:
    r"""``e^{z_1} + e^{z_2} + \dots + e^{z_K}`` is the sum over the K classes; ending one term
    early (``e^{z_{K-1}}``) is not that sum, and is left unread rather than guessed."""
    steps = by_line(DOTTED_SUMS)
    assert steps[4][0].status == "holds"
    assert steps[6][0].status == "holds"
    assert steps[8][0].status == "not checked"
    assert steps[10][0].status == "fails"


def test_a_redefinition_written_as_a_chain_reads_in_its_section() -> None:
    """A later section's ``p_i = \\sigma_i(\\mathbf{z}) = \\frac{…}{…}`` is read by its fraction:
    the steps under it are judged with p the softmax, and one that holds only at N = 2 is not
    flagged (the text never fixes N)."""
    text = (
        "## Binary\n\nHere $p = \\sigma(z)$ with $\\sigma(x) = \\frac{1}{1 + e^{-x}}$, and\n\n"
        "$$\\frac{dp}{dz} = p(1 - p)$$\n\n"
        "## Several classes\n\nFrom here on $p$ is a vector with entries\n"
        "$$p_i = \\sigma_i(\\mathbf{z}) = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$$\n\n"
        "$$\\frac{\\partial p_i}{\\partial z_j} = p_i(\\delta_{ij} - p_j)$$\n\n"
        "$$\\frac{\\partial p_i}{\\partial z_j} = p_j(p_i - \\delta_{ij})$$\n"
    )
    steps = by_line(text)
    assert steps[5][0].status == "holds"
    assert steps[10][0].status == "definition"
    assert steps[12][0].status == "holds"
    assert steps[14][0].flagged
