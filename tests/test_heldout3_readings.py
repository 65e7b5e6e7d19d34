"""Readings met on held-out real posts (round 3, index notation), each with its wrong twin:
kramdown's escaped backslashes in one-line ``$…$`` displays, ``p(x_k)`` with ``p`` undefined,
entries with a superscript index (``Y_{\\text{pred}}^{(j)}``, ``Z_2^{(i)}``), letters the
grammar reserves used for something else (``e^{Z_j}``, ``l = -\\sum …``), a label's values in a
sentence (``$y_j = 0, \\quad i \\neq j$``), ``\\sum y_i = 1`` and the softmax of the one letter
differentiated by."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document

SOFTMAX = "Softmax is\n\n$S_i = \\frac{e^{x_i}}{\\sum_j e^{x_j}}$\n\n"
ESCAPED_CASES = (
    "The Jacobian is $J = \\begin{cases} S_i(1-S_i) & i = k \\\\\\\\ -S_i S_k & i \\neq k "
    "\\end{cases}$ as a whole.\n\n"
)
OFF_DIAGONAL = (
    "2) $k \\neq i$\n\n$\\frac{\\partial S_i}{\\partial x_k} = \\frac{0 \\\\ - \\\\ e^{x_i} "
    "\\\\ \\frac{\\partial}{\\partial x_k}\\sum_j e^{x_j}}{(\\sum_j e^{x_j})^2} = "
    "- \\frac{e^{x_i}}{\\sum_j e^{x_j}} \\\\ \\frac{e^{x_k}}{\\sum_j e^{x_j}} = {last}$\n"
)


def _steps(text: str):
    return check_document(text).steps


def test_escaped_backslashes_are_a_space_when_the_document_shows_the_escape() -> None:
    steps = _steps(SOFTMAX + ESCAPED_CASES + OFF_DIAGONAL.replace("{last}", "-S_i \\\\ S_k"))
    assert [s.status for s in steps[-3:]] == ["holds", "holds", "holds"]


def test_escaped_backslashes_wrong_twin_sign_flip_is_flagged() -> None:
    steps = _steps(SOFTMAX + ESCAPED_CASES + OFF_DIAGONAL.replace("{last}", "S_i \\\\ S_k"))
    assert steps[-1].status == "fails" and steps[-1].flagged
    assert [s.status for s in steps[-3:-1]] == ["holds", "holds"]


def test_a_backslash_pair_cutting_an_expression_without_the_escape_is_not_read() -> None:
    # no ``\\\\`` anywhere: ``a \\ b`` is a line break or an escaped space, never a new row
    steps = _steps(SOFTMAX + OFF_DIAGONAL.replace("{last}", "S_i \\\\ S_k"))
    assert all(s.status == "not checked" and not s.flagged for s in steps[1:])
    assert "Markdown's escape" in steps[-1].summary


def test_a_row_break_before_an_equals_sign_is_still_a_row() -> None:
    text = SOFTMAX + "$\\frac{\\partial S_i}{\\partial x_i} = S_i - S_i^2 \\\\ = S_i(1 - S_i)$\n"
    assert [s.status for s in _steps(text)[1:]] == ["holds", "holds"]
    wrong = text.replace("(1 - S_i)", "(1 + S_i)")
    assert _steps(wrong)[-1].status == "fails"


@pytest.mark.parametrize("argument", ["x_k", "x_{k}", "z_1"])
def test_an_undefined_letter_applied_to_an_entry_is_ambiguous(argument: str) -> None:
    text = (
        f"$$\\frac{{\\partial p({argument})}}{{\\partial x_k}} = p({argument})(1 - p({argument}))$$"
    )
    (step,) = _steps(text)
    assert step.status == "not checked" and "a product, or p as a function" in step.summary


@pytest.mark.parametrize("call", ["g_3(x_3)", "g_{3}(x_3)", "f_1(x, y)"])
def test_an_indexed_name_applied_to_names_is_ambiguous(call: str) -> None:
    # 令 $x_2 = g_3(x_3) = x_3 + c_2$ (a Chinese note's chain rule): g_3(x_3) read as g_3 · x_3
    # made d g_3(x_3) / d x_3 = 1 "fail" at g_3 = 7/2
    text = f"Let $L = {call}$.\n\n$$\\frac{{\\partial {call}}}{{\\partial x_3}} = 1$$"
    (step,) = [s for s in _steps(text) if s.status != "definition"]
    assert step.status == "not checked" and "a product, or" in step.summary
    # an indexed name times a bracket that is no list of names is still a product
    softmax = "Let $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$.\n\n"
    (right,) = _steps(softmax + "$$\\frac{\\partial p_1}{\\partial z_1} = p_1(1 - p_1)$$")
    (twin,) = _steps(softmax + "$$\\frac{\\partial p_1}{\\partial z_1} = p_1(1 + p_1)$$")
    assert (right.status, twin.status) == ("holds", "fails")


def test_a_letter_times_a_bracket_is_still_a_product() -> None:
    (step,) = _steps("Let $p$ be a number.\n\n$$p(1 - p) = p - p^2$$")
    assert step.status == "holds"
    (twin,) = _steps("Let $p$ be a number.\n\n$$p(1 - p) = p + p^2$$")
    assert twin.status == "fails"


SUPERSCRIPTS = (
    "$$\nY_{{\\text{{pred}}}}^{{(j)}} = \\frac{{e^{{Z_2^{{(j)}}}}}}{{\\sum_{{c=1}}^{{C}} "
    "e^{{Z_2^{{(c)}}}}}}\n$$\n\nso\n\n$$\n\\frac{{\\partial Y_{{\\text{{pred}}}}^{{(j)}}}}"
    "{{\\partial Z_2^{{(i)}}}} = {right}\n$$\n"
)


def test_superscript_entries_with_a_label() -> None:
    right = "Y_{\\text{pred}}^{(j)} \\left( \\delta_{ij} - Y_{\\text{pred}}^{(i)} \\right)"
    steps = _steps(SUPERSCRIPTS.format(right=right))
    assert steps[0].status == "definition" and steps[1].status == "holds"


def test_superscript_entries_wrong_twin_swapped_index_is_flagged() -> None:
    right = "Y_{\\text{pred}}^{(j)} \\left( \\delta_{ij} - Y_{\\text{pred}}^{(j)} \\right)"
    steps = _steps(SUPERSCRIPTS.format(right=right))
    assert steps[1].flagged


def test_a_superscript_beside_a_class_subscript_is_not_an_entry() -> None:
    # y_k^{(i)}: sample i, class k; the letter also takes another subscript
    text = "$$\nL = -\\sum_k y_k^{(i)} \\log s_k^{(i)}\n$$\n"
    assert all(s.status != "holds" or "definition" in s.summary for s in _steps(text))


LOGITS = "$$\nY_j = \\frac{{e^{{Z_j}}}}{{\\sum_{{c=1}}^{{C}} e^{{Z_c}}}}\n$$\n\n$$\n{step}\n$$\n"


def test_z_with_an_index_at_every_use_is_the_logits() -> None:
    step = "\\frac{\\partial Y_j}{\\partial Z_i} = Y_j(\\delta_{ij} - Y_i)"
    assert _steps(LOGITS.format(step=step))[-1].status == "holds"
    twin = "\\frac{\\partial Y_j}{\\partial Z_i} = Y_j(\\delta_{ij} + Y_i)"
    assert _steps(LOGITS.format(step=twin))[-1].status == "fails"


def test_z_also_the_partition_sum_is_not_renamed() -> None:
    text = LOGITS.format(step="Z = \\sum_c e^{Z_c}")
    assert not any(s.status == "holds" for s in _steps(text))


LOSS_L = (
    "The one-hot vector $y$ has $y_i=1$, and $y_j=0, \\quad i \\neq j$, that is "
    "$\\sum y_i=1$.\n\n$$l=-\\sum_{{i=1}}^{{C}}y_i\\log{{p_i}}$$\n$${step}$$\n"
)


def test_l_only_written_as_a_quantity_is_the_loss() -> None:
    steps = _steps(LOSS_L.format(step="\\frac{\\partial l}{\\partial p_i}=-y_i\\frac{1}{p_i}"))
    assert steps[-1].status == "holds"
    defined = "$$p_i = \\frac{e^{z_i}}{\\sum_{k=1}^{C} e^{z_k}}$$\n\n"
    twin = _steps(
        defined + LOSS_L.format(step="\\frac{\\partial l}{\\partial p_i}=y_i\\frac{1}{p_i}")
    )
    assert twin[-1].status == "fails" and twin[-1].flagged


def test_l_as_an_index_is_not_renamed() -> None:
    text = "$$l = 2$$\n\n$$\\sum_{l=1}^{C} y_l = 1$$\n"
    assert not any("definition of L" in s.summary for s in _steps(text))


def test_the_sum_to_one_said_inline_without_the_sum_index() -> None:
    step = "\\frac{\\partial l}{\\partial z_i}=p_i-y_i"
    text = "We use the Softmax.\n\n" + LOSS_L.format(step=step)
    assert _steps(text)[-1].summary == "holds given Σ_j y_j = 1"
    unstated = text.replace(", that is $\\sum y_i=1$", "").replace("one-hot vector", "vector")
    last = _steps(unstated)[-1]  # the hypothesis is then not stated (nor p: ambiguous)
    assert last.status == "not checked" and "Σ_j y_j = 1, which the document" in last.summary


def test_the_softmax_by_default_of_the_one_letter_differentiated_by_is_a_default() -> None:
    # a wrong step that fails only under the default p = softmax(z): ambiguous, no flag
    step = "\\frac{\\partial l}{\\partial z_i}=2p_i-y_i"
    text = "We use the Softmax.\n\n" + LOSS_L.format(step=step)
    (last,) = _steps(text)[-1:]
    assert last.status == "not checked" and "which the document does not state" in last.summary


QUOTIENT = (
    "For functions $f(x)$ and $g(x)$:\n\n$$\n\\frac{{d}}{{dx}} \\left( \\frac{{f(x)}}{{g(x)}} "
    "\\right) = \\frac{{f'(x) \\cdot g(x) {sign} f(x) \\cdot g'(x)}}{{[g(x)]^2}}\n$$\n"
)


def test_functions_said_in_a_sentence_make_the_quotient_rule_calculus() -> None:
    (step,) = _steps(QUOTIENT.format(sign="-"))
    assert step.status == "holds"
    (twin,) = _steps(QUOTIENT.format(sign="+"))
    assert twin.status == "fails" and twin.flagged


def test_without_the_sentence_the_primes_make_f_and_g_functions() -> None:
    # f'(x) · g(x): letters written primed and multiplied, the unknowns of a rule (primed.py)
    said = "For functions $f(x)$ and $g(x)$:"
    (step,) = _steps(QUOTIENT.format(sign="-").replace(said, ""))
    assert step.status == "holds"
    (twin,) = _steps(QUOTIENT.format(sign="+").replace(said, ""))
    assert twin.status == "fails" and twin.flagged


def test_without_the_sentence_and_the_primes_f_of_x_stays_ambiguous() -> None:
    text = "$$\\frac{d}{dx} \\left( \\frac{f(x)}{g(x)} \\right) = \\frac{f(x)}{g(x)^2}$$\n"
    (step,) = _steps(text)
    assert step.status == "not checked" and "ambiguous" in step.summary


ALIAS = (
    "$\\text{{Softmax}}(x_i) = \\frac{{e^{{x_i}}}}{{\\sum_j e^{{x_j}}}}$\n\n"
    "여기서 $p(x_i)$는 $\\text{{Softmax}}(x_i)$를 의미합니다.\n\n"
    "$\\frac{{\\partial p(x_k)}}{{\\partial x_k}} = {right}$\n"
)


def test_the_softmax_word_on_an_entry_and_a_letter_said_to_mean_it() -> None:
    steps = _steps(ALIAS.format(right="p(x_k)(1 - p(x_k))"))
    assert steps[-1].status == "holds"
    twin = _steps(ALIAS.format(right="p(x_k)(1 + p(x_k))"))
    assert twin[-1].status == "fails" and twin[-1].flagged


def test_without_the_definition_the_softmax_word_on_an_entry_is_not_rewritten() -> None:
    text = ALIAS.format(right="p(x_k)(1 - p(x_k))").replace(
        "\\frac{e^{x_i}}{\\sum_j e^{x_j}}", "\\frac{e^{x_i / T}}{\\sum_j e^{x_j / T}}"
    )
    assert _steps(text)[-1].status == "not checked"


BATCH = (
    "\\[\ny_{{n,k}} = \\frac{{e^{{a_{{n,k}}}}}}{{\\sum_{{m=1}}^{{K}} e^{{a_{{n,m}}}}}}\n\\]\n\n"
    "\\[\nE_n = -\\sum_{{k=1}}^{{K}} t_{{n,k}} \\ln y_{{n,k}}\n\\]\n\n{said}\n\n\\[\n{step}\n\\]\n"
)


def test_a_definition_with_two_indices_is_not_judged_with_its_name_free() -> None:
    steps = _steps(BATCH.format(said="", step="E_n = E_n"))
    # the softmax sums over k: n is the sample, and the definition is about its one row
    assert not steps[0].flagged and steps[0].status == "definition"
    mixed = _steps(BATCH.format(said="", step="E_n = E_n").replace("a_{n,m}", "a_{p,m}"))
    assert not mixed[0].flagged and "not read here" in mixed[0].summary  # two rows: not read


def test_a_stated_sum_to_one_is_not_applied_to_two_index_targets_so_no_flag() -> None:
    step = "\\sum_{k=1}^{K} t_{n,k} y_{n,j} - t_{n,j} = y_{n,j} - t_{n,j}"
    loss_only = BATCH[BATCH.index("\\[\nE_n") :]
    said = "The targets $t$ are one-hot."
    last = _steps(loss_only.format(said=said, step=step))[-1]
    assert not last.flagged and "two indices" in last.summary
    assert _steps(loss_only.format(said="", step=step))[-1].flagged  # unstated: still a flag


def test_one_index_targets_said_one_hot_still_flag_a_wrong_step() -> None:
    text = (
        "The targets $t$ are one-hot.\n\n$$p_k = \\frac{e^{z_k}}{\\sum_{m=1}^{K} e^{z_m}}$$\n\n"
        "$$\nL = -\\sum_{k=1}^{K} t_k \\log p_k\n$$\n\n"
        "$$\n\\sum_{k=1}^{K} t_k p_j - t_j = p_j + t_j\n$$\n"
    )
    assert _steps(text)[-1].flagged
