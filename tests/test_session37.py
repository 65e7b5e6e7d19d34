"""Session 37: readings of real posts met in rounds 38 to 39b. Each reading that proves a step
has a wrong twin that is refuted (or, where the reading only withholds a flag, a twin outside its
premise that is still flagged)."""

from __future__ import annotations

from tests.steps import judged as _steps

MENTIONED = (
    "**What each symbol means:**\n\n* $L$ : Loss (single number)\n* $z_i$ : the i-th logit\n\n"
    "$$\n\\mathcal{L} = -\\sum_{i=1}^{C} y_i \\log(\\hat{y}_i)\n$$\n\n"
    "where $\\hat{y}_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$ and y is one-hot.\n\n"
    "$$\n\\frac{\\partial \\mathcal{L}}{\\partial z_i} = RIGHT\n$$\n"
)


def test_a_bare_l_said_to_be_the_loss_leaves_the_calligraphic_loss_read_as_l():
    ((status, summary),) = _steps(MENTIONED.replace("RIGHT", "\\hat{y}_i - y_i"))
    assert status == "holds", summary
    ((status, summary),) = _steps(MENTIONED.replace("RIGHT", "y_i - \\hat{y}_i"))
    assert status == "fails", summary
    # $L$ named as the number of layers is another L: the calligraphic loss is left unread
    layers = MENTIONED.replace("$L$ : Loss (single number)", "$L$ : the number of layers")
    steps = _steps(layers.replace("RIGHT", "\\hat{y}_i - y_i"))
    assert [status for status, _ in steps] == ["not checked"] * 2, steps


CALLED_HAT = (
    "$$ L = - \\sum_i y_i \\log(\\hat{y}_i) $$\n\n"
    "$$\\hat{y}(\\mathbf{z})_i = \\frac{e^{z_i}}{\\sum_{k=1}^{n} e^{z_k}}$$\n\n"
    "with y one-hot.\n\n"
    "$$\\frac{\\partial \\hat{y}(\\mathbf{z})_k}{\\partial z_i} = RIGHT$$\n"
)


def test_a_prediction_named_with_its_vector_is_its_entry():
    right = "\\hat{y}_k(\\delta_{ki} - \\hat{y}_i)"
    ((status, summary),) = _steps(CALLED_HAT.replace("RIGHT", right))
    assert status == "holds", summary
    # the swapped index of the delta's partner is refuted
    wrong = "\\hat{y}_i(\\delta_{ki} - \\hat{y}_i)"
    ((status, summary),) = _steps(CALLED_HAT.replace("RIGHT", wrong))
    assert status == "holds only" and "fails when i ≠ k" in summary, summary


SMOOTHED = (
    "$$\n\\mathcal{L} = -\\sum_{k=1}^C q(k|x_i) \\log p(k|x_i)\n$$\n\n"
    "Here $q(k|x_i) = 1$ if $k$ is the correct class else 0. Label smoothing uses\n\n"
    "$$\nq'(k|x_i) = (1 - \\epsilon) q(k|x_i) + \\frac{\\epsilon}{C}\n$$\n\n"
    "Now, we substitute this to the original function:\n\n"
    "$$\n\\mathcal{L} = -\\sum_{k=1}^C q'(k|x_i) \\log p(k|x_i)\n$$\n\n"
    "$$\n\\mathcal{L} = -\\sum_{k=1}^C [(1-\\epsilon) q(k|x_i) + \\frac{\\epsilon}{C}] "
    "\\log p(k|x_i)\n$$\n\n"
    "$$\n\\mathcal{L} = RIGHT\n$$\n"
)


def test_a_redefinition_equal_to_the_meaning_in_force_is_a_step():
    # L = Σ q' log p, then the same with q' put in: equal to the meaning in force, a step
    right = (
        "(1-\\epsilon)[-\\sum_{k=1}^C q(k|x_i) \\log p(k|x_i)] + "
        "\\frac{\\epsilon}{C}[-\\sum_{k=1}^C \\log p(k|x_i)]"
    )
    plain = SMOOTHED.replace("Here $q(k|x_i) = 1$ if $k$ is the correct class else 0. ", "")
    assert [s for s, _ in _steps(plain.replace("RIGHT", right))] == ["holds", "holds"]
    # the smoothing term's sign lost: a new definition of L, or a wrong step? not flagged
    wrong = right.replace("+ \\frac{\\epsilon}{C}[-", "+ \\frac{\\epsilon}{C}[")
    assert [s for s, _ in _steps(plain.replace("RIGHT", wrong))] == ["holds"]
    # with the one-hot values given to q a step that holds for every q holds at them too
    assert [s for s, _ in _steps(SMOOTHED.replace("RIGHT", right))] == ["holds", "holds"]


ONE_HOT_TUPLE = (
    "- ideal output\n  $$\n  y = (y_1,...,y_K) = (0,...,1,...0)\n  $$\n\n"
    "- loss\n  $$\n  l = -\\sum_{k=1}^K y_k \\log \\hat{y}_k\n  $$\n\n"
    "with $\\hat{y}_j = \\frac{e^{z_j}}{\\sum_{k=1}^K e^{z_k}}$.\n\n"
    "$$\n\\hat{y}_i(\\sum_{k=1}^{K} y_k) - y_i = RIGHT\n$$\n"
)


def test_targets_written_as_zeros_and_a_one_after_their_entries_are_one_hot():
    (status, summary) = _steps(ONE_HOT_TUPLE.replace("RIGHT", "\\hat{y}_i - y_i"))[-1]
    assert status == "holds" and "given Σ_j y_j = 1" in summary, summary
    (status, summary) = _steps(ONE_HOT_TUPLE.replace("RIGHT", "y_i - \\hat{y}_i"))[-1]
    assert status == "fails", summary
    # a two among the zeros is no one-hot vector: the total of one is not stated
    two = ONE_HOT_TUPLE.replace("(0,...,1,...0)", "(0,...,2,...0)")
    (_, summary) = _steps(two.replace("RIGHT", "\\hat{y}_i - y_i"))[-1]
    assert "which the document does not state" in summary, summary


PRIMED_GROUPS = (
    "The **softmax function** is given by\n\n"
    "$$\\sigma (\\mathbf{z})_{i}={\\frac {e^{z_{i}}}{\\sum_{k=1}^{K}e^{z_{k}}}}$$\n\n"
    "if $$i \\neq j:$$\n"
    "$$\n\\frac{\\partial \\sigma(\\mathbf{z})_{i}}{\\partial \\mathbf{z}_{j}}\n=\n"
    "\\left(\\frac {e^{z_{i}}}{\\sum _{k=1}^{K}e^{z_{k}}}\\right)^{\\prime}\n=\n"
    "\\frac { \\left(\\sum_{k=1}^{K}e^{z_{k}}\\right) \\left(e^{z_{i}}\\right)^{\\prime} - "
    "\\left( \\sum_{k=1}^{K}e^{z_{k}} \\right)^{\\prime} e^{z_{i}} } "
    "{ \\left(\\sum_{k=1}^{K}e^{z_{k}}\\right)^2 }\n=\n"
    "\\frac { NUMERATOR } { \\left(\\sum_{k=1}^{K}e^{z_{k}}\\right)^2 }\n$$\n"
)


def test_a_primed_group_in_a_chain_is_its_derivative_by_the_chains_variable():
    steps = _steps(PRIMED_GROUPS.replace("NUMERATOR", "0 - e^{z_{j}}e^{z_{i}}"))
    assert [status for status, _ in steps] == ["holds"] * 3, steps
    # (e^{z_i})' taken as e^{z_i} although i ≠ j: the last step is refuted
    steps = _steps(PRIMED_GROUPS.replace("NUMERATOR", "e^{z_{i}} - e^{z_{j}}e^{z_{i}}"))
    assert [status for status, _ in steps] == ["holds", "holds", "fails"], steps


def test_a_primed_group_of_other_letters_is_not_read_by_the_chains_variable():
    # (σ(z))' in a chain by w: σ'(z), or its derivative by w? left unread, never judged
    text = (
        "Let $\\sigma(z) = \\frac{1}{1 + e^{-z}}$ and $z = w x$.\n\n"
        "$$\\frac{\\partial \\sigma(z)}{\\partial w} = (\\sigma(z))' x$$\n"
    )
    ((status, summary),) = _steps(text)
    assert status == "not checked", summary
    # a group of the variable alone is read: (e^{-w})' by w is -e^{-w}, not e^{-w}
    group = "$$\\frac{\\partial}{\\partial w} e^{-w} = (e^{-w})' = RIGHT$$\n"
    assert [s for s, _ in _steps(group.replace("RIGHT", "-e^{-w}"))] == ["holds", "holds"]
    assert [s for s, _ in _steps(group.replace("RIGHT", "e^{-w}"))] == ["holds", "fails"]


CENTRED = (
    "First, define the sigmoid function to be\n<br>\n"
    '<div align="center"><b> $g(z)=\\frac{1}{1+e^{-z}}$ </b></div>\n<br>\n\n'
    "The derivative of the sigmoid function is then\n<br>\n"
    '<div align="center"><b> $g\'(z)=RIGHT$ </b></div>\n<br>\n'
)


def test_a_formula_centred_in_html_tags_between_breaks_is_a_display():
    ((status, summary),) = _steps(CENTRED.replace("RIGHT", "\\frac{e^{-z}}{(1+e^{-z})^2}"))
    assert status == "holds", summary
    ((status, summary),) = _steps(CENTRED.replace("RIGHT", "\\frac{-e^{-z}}{(1+e^{-z})^2}"))
    assert status == "fails", summary
    # the same formula in a sentence with words around it stays inline math: no step
    worded = CENTRED.replace("<b> $g'(z)", "<b> so that $g'(z)")
    assert _steps(worded.replace("RIGHT", "\\frac{-e^{-z}}{(1+e^{-z})^2}")) == []


SOCRATIC = (
    "What is the derivative of #(e^x-e^-x)/(e^x+e^-x)#?\n\n"
    "You could write\n\n"
    "#y = (color(red)(e^x) * (1 - e^(-2x)))/"
    "(color(red)(e^x) * (1 + e^(-2x))) = (e^(2x) -1)/(e^(2x) + 1)#\n\n"
    "so that\n\n#y^' = RIGHT#\n"
)


def test_socratic_hash_math_reads_as_plain_mathematics():
    steps = _steps(SOCRATIC.replace("RIGHT", "(4e^(2x))/(e^(2x) + 1)^2"))
    assert [status for status, _ in steps] == ["holds", "holds"], steps
    (_, (status, summary)) = _steps(SOCRATIC.replace("RIGHT", "(2e^(2x))/(e^(2x) + 1)^2"))
    assert status == "fails", summary
    # a factor crossed out above and below the fraction bar is read as shown
    pairs = SOCRATIC.replace("color(red)(e^x)", "color(red)(cancel(color(black)(e^x)))")
    steps = _steps(pairs.replace("RIGHT", "(4e^(2x))/(e^(2x) + 1)^2"))
    assert [status for status, _ in steps] == ["holds", "holds"], steps
    # a line that crosses something out (kept, or removed?) is not read
    crossed = SOCRATIC.replace("#y^' = RIGHT#", "#y^' = 2e^(2x) + color(red)(cancel(5))#")
    assert [status for status, _ in _steps(crossed)] == ["holds"]
    # the same lines in a text that writes $…$ too are left as they are: no step of them
    assert _steps(SOCRATIC.replace("RIGHT", "(4e^(2x))/(e^(2x) + 1)^2") + "\n$a$\n") == []


def test_a_number_against_a_letter_in_a_plain_power_is_read_both_ways():
    text = "We have\n\ny = e^(2x)\n\ny = 2e^(2x)/2 = RIGHT\n"
    # e^2x: e^{2x} (what the author means) or e^{2} x (what AsciiMath shows): never flagged
    (_, (status, summary)) = _steps(text.replace("RIGHT", "e^2x"))
    assert status == "not checked" and "e^2x" in summary, summary
    # wrong under both readings: refuted
    (_, (status, summary)) = _steps(text.replace("RIGHT", "2e^2x"))
    assert status == "fails", summary


def test_red_team_other_losses_and_primes_said_in_words_are_not_read_so():
    # "$L$ the total loss" beside a per-sample \mathcal{L}: two losses, the fancy one unread
    total = MENTIONED.replace("$L$ : Loss (single number)", "$L$ : the total loss of the batch")
    steps = _steps(total.replace("RIGHT", "\\hat{y}_i - y_i"))
    assert [status for status, _ in steps] == ["not checked"] * 2, steps
    # a text that says what its primes mean: a group's prime is not read by the chain's variable
    said = "Here a prime always means $d/du$.\n\n" + PRIMED_GROUPS
    steps = _steps(said.replace("NUMERATOR", "0 - e^{z_{j}}e^{z_{i}}"))
    assert [status for status, _ in steps] == ["not checked"] * 3, steps


def test_a_text_that_says_what_its_primes_mean_reads_no_group_by_its_letter():
    chain = "$$\\frac{d}{dx}\\left(x^2\\right) = \\left(x^2\\right)' = RIGHT$$\n"
    assert [s for s, _ in _steps(chain.replace("RIGHT", "2x"))] == ["holds", "holds"]
    assert [s for s, _ in _steps(chain.replace("RIGHT", "x"))] == ["holds", "fails"]
    # "a prime denotes the derivative with respect to time t": (x^2)' is 2x x', not read
    said = "Here $x = x(t)$ and a prime denotes the derivative with respect to time $t$.\n\n"
    steps = _steps(said + chain.replace("RIGHT", "2x"))
    assert [s for s, _ in steps] == ["not checked", "not checked"], steps


def test_a_one_hot_y_is_not_said_of_a_loss_weighed_by_another_named_target():
    text = (
        "The ideal output $y$ is one-hot. A multi-hot target $q = (q_1, ..., q_K)$ has two "
        "entries equal to 1.\n\n$$\nl = -\\sum_{k=1}^K q_k \\log \\hat{y}_k\n$$\n\n"
        "with $\\hat{y}_j = \\frac{e^{z_j}}{\\sum_{k=1}^K e^{z_k}}$.\n\n"
        "$$\n\\frac{\\partial l}{\\partial z_i} = RIGHT\n$$\n"
    )
    # red team: ŷ_i − q_i "held" by y's one-hot; it needs Σ q = 1, which is not said of q
    (status, summary) = _steps(text.replace("RIGHT", "\\hat{y}_i - q_i"))[-1]
    assert "Σ_j q_j = 1, which the document does not state" in summary, summary
    # the gradient for any q holds, and its sign slip is refuted
    right = "\\hat{y}_i \\sum_{k=1}^K q_k - q_i"
    assert _steps(text.replace("RIGHT", right))[-1][0] == "holds"
    wrong = "q_i - \\hat{y}_i \\sum_{k=1}^K q_k"
    assert _steps(text.replace("RIGHT", wrong))[-1][0] == "fails"
    # said of q itself, it is said of the loss's targets
    said = text.replace("A multi-hot target", "A target")
    said = said.replace("has two entries equal to 1", "is one-hot")
    (status, summary) = _steps(said.replace("RIGHT", "\\hat{y}_i - q_i"))[-1]
    assert status == "holds", summary
