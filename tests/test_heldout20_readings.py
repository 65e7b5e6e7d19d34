"""Readings of the twentieth round of real posts (a Chinese note on the softmax Jacobian): a
class count written in lowercase (``\\sum^k_{j=1}``, "总共有 $k$ 类"), the vector listed by its
entries (``\\sigma(z) = (\\sigma_1(z), \\cdots, \\sigma_k(z))``), the range of the free
indices after a row (``, \\ i \\in 1 \\cdots k``), a case row with letters outside i … n
(``if \\ s = i,``), and the product rule then the quotient rule in one letter ``h``.  Every
reading that holds has a twin with a slip that does not."""

from __future__ import annotations

import pytest

from symsoft.reading.document import check_document
from symsoft.reading.documents.counts import counted_letters


def statuses(text: str) -> dict[int, str]:
    return {s.line: s.summary.split(":")[0] for s in check_document(text).steps}


HEAD = (
    "softmax 把向量$z$ 变成概率\n\n"
    "$$\n\\sigma(z) = (\\sigma_1(z), \\cdots,\\sigma_k(z))\n$$\n\n"
    "$$\n\\sigma_i(z) = \\frac{e^{z_{i}}}{\\sum^k_{j=1} e^{z_{j}}}, \\ i \\in 1 \\cdots k\n$$\n\n"
    "- 总共有 $k$ 类\n\n"
)
DIAGONAL = (
    "$$\nif \\  s = i,  \\\\\n\n"
    "\\frac{\\partial \\sigma_i(z)}{\\partial z_{s}} = "
    "\\frac{ e^{z_{i}} * (\\sum^k_{j=1} e^{z_{j}}) - e^{z_{i}} * e^{z_{i}}  }"
    "{(\\sum^k_{j=1} e^{z_{j}})^2}  \\\\\n\n"
    "= \\sigma_i(z) * (1 - \\sigma_i(z))\n$$\n"
)


def test_a_lowercase_count_and_a_case_row_with_other_letters():
    found = statuses(HEAD + DIAGONAL)
    assert found[8] == "definition of \\sigma_i"  # the range after it is no part of it
    assert (found[16], found[18]) == ("holds when i = s", "holds")
    slipped = statuses(HEAD + DIAGONAL.replace("* (1 - \\sigma_i(z))", "* (1 + \\sigma_i(z))"))
    assert slipped[18].startswith("fails")
    # the case row is read: without it the same rows hold only on the diagonal, a flag
    uncased = statuses(HEAD + DIAGONAL.replace("if \\  s = i,  \\\\\n\n", ""))
    assert uncased[14].startswith("holds only when i = s")


def test_a_letter_is_a_count_only_where_it_is_never_an_index():
    assert counted_letters(r"\sum^k_{j=1} e^{z_j}, \sigma_1, \cdots, \sigma_k") == {"k"}
    assert counted_letters(r"\sum_{j=1}^{m} x_j / m") == {"m"}
    assert counted_letters(r"\sum_{j=1}^k e^{z_j} \text{ and } z_k") == frozenset()  # z_k
    assert counted_letters(r"\sum_{j=1}^q e^{z_j}, q_i") == frozenset()  # q is a vector
    # a row that starts with '=' after a row ending in k does not define k
    assert counted_letters("\\sum_{j=1}^k e^{z_j} \\in 1 \\cdots k\n\n= 1") == {"k"}


RULES = (
    "$$\nh(x) = f(x) g(x) \\\\\nh'(x) = f'(x)g(x) + f(x)g'(x)\n$$\n\n"
    "$$\nh(x) = \\frac{f(x)}{g(x)}  \\\\\nh'(x) = \\frac{f'(x)g(x) - g'(x)f(x)}{g(x)^2}\n$$\n"
)


def test_the_product_rule_then_the_quotient_rule_in_one_letter():
    """h = fg, then h = f/g in a display of its own: a new meaning, not a step fg = f/g."""
    found = statuses(RULES)
    assert found[2] == "definition of h(x)"
    assert found[7] == "definition of h(x) (a new meaning)"
    assert found[3] == found[8] == "holds"
    slipped = statuses(RULES.replace("{f'(x)g(x) - g'(x)f(x)}", "{f'(x)g(x) + g'(x)f(x)}"))
    assert slipped[8] == "fails"
    # in one display the second value is a step, and a wrong one
    joined = statuses(RULES.replace("\n$$\n\n$$\n", " \\\\\n"))
    assert joined[4] == "fails"


LAYERS = (
    "- **Capa de salida**: $z_2 = W_2 a_1$.\n"
    "- **Softmax**: $y_{\\text{pred}} = \\text{softmax}(z_2)$, donde:\n\n"
    "$$\ny_{\\text{pred}, i} = \\frac{e^{z_{2,i}}}{\\sum_{j=1}^k e^{z_{2,j}}}.\n$$\n"
)


def test_a_layers_vector_named_by_a_number_is_no_entry():
    """z_{2,i} written: z_2 is the vector of layer 2, so softmax(z_2) is no softmax at the
    entry 2 of z, and the entry definition after it is not judged against that reading (it
    was flagged); where the text writes no z_{2,i}, z_2 is the entry, and a slip is flagged."""
    # not judged against that reading: left unread, or (since entries of another number of
    # indices make a new meaning) read as the new definition it is
    # (or, since session 83, a new meaning or a restatement that fails: neither read)
    assert statuses(LAYERS)[5].startswith(
        ("not checked", "definition of y_pred_{i} (a new meaning")
    ), statuses(LAYERS)[5]
    plain = "Let $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$.\n\n"
    plain += "$$p_2 = \\frac{e^{z_2}}{\\sum_k e^{z_k}}$$\n"
    assert statuses(plain)[3] == "holds"
    assert statuses(plain.replace("{e^{z_2}}", "{e^{z_1}}"))[3] == "fails"


def test_a_quantity_named_in_a_message_is_whole_and_without_blanks():
    """The message says "y_{k} does not depend on z", not "y_{k" (cut at the first brace),
    and no run of blanks where a name was rewritten ("L           (a, y)")."""
    text = "Let $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$.\n\n"
    text += "$$\\frac{\\partial y_{k}}{\\partial z_j} = 0$$\n"
    assert (
        check_document(text)
        .steps[-1]
        .summary.startswith("not checked: y_{k} does not depend on z under the meanings read here")
    )
    fancy = check_document("$$\\frac{d\\mathfrak{L}(a, y)}{da} = -\\frac{y}{a}$$\n").steps[-1]
    assert fancy.summary.startswith("not checked: L(a, y) does not depend on a")


QUOTIENT = (
    "Let $p_i = \\frac{e^{z_{i}}}{\\sum_{j} e^{z_{j}}}$.\n\n"
    "$$\\frac{\\partial p_i}{\\partial z_s} = "
    "\\frac{ \\frac{\\partial}{\\partial z_{s}} e^{z_{i}} SIGN (\\sum_{j} e^{z_{j}}) "
    "- \\frac{\\partial}{\\partial z_{s}} (\\sum_{j} e^{z_{j}}) SIGN e^{z_{i}} }"
    "{(\\sum_{j} e^{z_{j}})^2}$$\n"
)


@pytest.mark.parametrize("sign", ["*", "\\cdot", "\\times"])
def test_an_explicit_product_sign_ends_a_derivative_operators_operand(sign: str) -> None:
    """The quotient rule written with operators, ``\\frac{\\partial}{\\partial z_s} e^{z_i} *
    (\\sum …)``: the operator applies to the factor before the sign, and the step holds;
    with the rule's sign slipped it is flagged; without a sign (juxtaposition) it stays open."""
    assert statuses(QUOTIENT.replace("SIGN", sign))[3] == "holds"
    slipped = QUOTIENT.replace("SIGN", sign).replace(") - \\frac", ") + \\frac")
    assert statuses(slipped)[3].startswith("fails")
    assert statuses(QUOTIENT.replace("SIGN", ""))[3] == "not checked"


CASE_CHAIN = (
    "Let $p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$.\n\n"
    "The case in which $i$ and $j$ are not equal:\n\n"
    "$$\\frac{\\partial p_i}{\\partial z_j} = "
    "\\frac{0 - e^{z_i} e^{z_j}}{(\\sum_k e^{z_k})^2}$$\n\n"
    "$$= -\\frac{e^{z_i}}{\\sum_k e^{z_k}} \\frac{e^{z_j}}{\\sum_k e^{z_k}}$$\n\n"
    "$$= -p_i p_j$$\n"
)


def test_a_chain_that_held_in_the_prose_case_alone_is_meant_for_it():
    """The derivative held only for i ≠ j, the case the prose announces: a later step of its
    chain that fails there (e^{z_i} for e^{z_j}) is flagged, though it holds when i = j; the
    right chain holds; a chain with no such derivative leaves the same slip ambiguous."""
    assert set(statuses(CASE_CHAIN).values()) == {"holds when i ≠ j"}
    slipped = CASE_CHAIN.replace(
        "\\frac{e^{z_j}}{\\sum_k e^{z_k}}$$", "\\frac{e^{z_i}}{\\sum_k e^{z_k}}$$"
    )
    assert statuses(slipped)[7] == "fails when i ≠ j"
    alone = slipped.replace("\\frac{\\partial p_i}{\\partial z_j} = ", "")
    assert statuses(alone)[7] == "not checked"


def test_a_case_said_after_a_rows_expression_with_plain_words():
    """``\\frac{\\partial \\sigma_i(z)}{\\partial z_s} \\quad if \\ s \\neq i, \\\\`` then rows
    led by ``=``: the chain is in the case s ≠ i (letters outside i … n, both subscripts), and a
    swapped index in it fails there; ``, \\ i, s \\in 1 \\cdots k`` after a row is a range."""
    text = HEAD + (
        "$$\n\\frac{\\partial \\sigma_i(z)}{\\partial z_s} \\quad if \\ s \\neq i, \\\\\n"
        "= \\frac{0 \\cdot \\sum^k_{j=1} e^{z_j} - e^{z_i} e^{z_s}}"
        "{(\\sum^k_{j=1} e^{z_j})^2} \\\\\n"
        "= -\\sigma_i(z)\\sigma_s(z)\n$$\n\n"
        "$$\n\\frac{\\partial \\sigma_i(z)}{\\partial z_s} = \\sigma_i(z)(\\delta_{is} - "
        "\\sigma_s(z)), \\ i, s \\in 1 \\cdots k\n$$\n"
    )
    found = statuses(text)
    assert (found[15], found[16], found[20]) == ("holds when i ≠ s", "holds when i ≠ s", "holds")
    swapped = statuses(text.replace("= -\\sigma_i(z)\\sigma_s(z)", "= -\\sigma_i(z)\\sigma_i(z)"))
    assert swapped[16] == "fails when i ≠ s"


CODE_SIGNS = (
    "Let $S_i = \\frac{e^{x_i}}{\\sum_k e^{x_k}}$ and $L = -\\sum_k y_k \\log S_k$.\n\n"
    "$$\\frac{\\partial L}{\\partial x_i} = -y_i(1 - S_i) + \\sum\\limits_{j!=i} y_j S_i$$\n\n"
    "$$\\frac{\\partial S_i}{\\partial x_j} = -S_i S_j \\quad (i != j)$$\n\n"
    "With $\\overrightarrow{w}$ and $\\overrightarrow{x}$ vectors, "
    "$z = \\overrightarrow{w}^T \\overrightarrow{x}$ and\n\n"
    "$$\\frac{\\partial z}{\\partial w_k} = x_k$$\n"
)


def test_code_unequal_signs_and_arrow_vectors():
    """``\\sum\\limits_{j!=i}`` and ``(i != j)`` as code writes ≠, ``\\overrightarrow{w}`` as
    ``\\vec{w}``: each reads, and a slip in each is flagged."""
    assert statuses(CODE_SIGNS) == {3: "holds", 5: "holds when i ≠ j", 9: "holds"}
    slipped = (
        CODE_SIGNS.replace("+ \\sum\\limits", "- \\sum\\limits")
        .replace("= -S_i S_j", "= S_i S_j")
        .replace("= x_k$$", "= w_k$$")
    )
    assert statuses(slipped) == {3: "fails", 5: "fails when i ≠ j", 9: "fails"}


def test_a_sum_over_one_letter_with_terms_in_another_is_not_read():
    """``\\sum\\limits_{j!=i}^{n}{-S_z S_i}`` (a post that derived the case z ≠ i, then summed
    it over j): read as written its terms do not depend on j, which the author did not mean;
    not read (it was flagged).  With the terms written in j, the step holds, and a slip fails."""
    head = "Let $S_i = \\frac{e^{x_i}}{\\sum_k e^{x_k}}$.\n\n"
    step = "$$S_i - S_i^2 + \\sum\\limits_{j!=i}^{N}{-S_L S_i}"
    step += " = S_i - \\sum\\limits_{j}^{N}{S_L S_i}$$\n"
    assert statuses(head + step.replace("L", "z"))[3] == "not checked"
    assert statuses(head + step.replace("L", "j"))[3] == "holds"
    assert statuses(head + step.replace("L", "j").replace("+ \\sum", "- \\sum"))[3] == "fails"
