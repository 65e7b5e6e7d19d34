"""``\\sum_{i \\ne j}`` after a free index i (a README writes ``-\\frac{t_i}{y_i}\\frac{\\partial
y_i}{\\partial x_i} - \\sum_{i\\ne j}^C \\frac{t_j}{y_j}\\frac{\\partial y_j}{\\partial x_i}`` and
sums over j): a sum over i, or over j? not read; ``\\sum_{j \\ne i}`` is read and judged."""

from __future__ import annotations

from symsoft.reading.document import check_document

DOCUMENT = (
    "$$y_i = \\frac{e^{x_i}}{\\sum_{k=1}^C e^{x_k}}$$\n\n"
    "$$\\mathcal L = -\\sum_{c=1}^C t_c \\log y_c$$\n\n"
    "$$\\frac{\\partial \\mathcal L}{\\partial x_i} = -\\sum_{c=1}^C t_c\\frac{1}{y_c}"
    "\\frac{\\partial y_c}{\\partial x_i} = -\\frac{t_i}{y_i}\\frac{\\partial y_i}{\\partial x_i}"
    " {SIGN} \\sum_{{SUM}}^C \\frac{t_j}{y_j}\\frac{\\partial y_j}{\\partial x_i}$$\n"
)


def _last(sign: str, under: str):
    text = DOCUMENT.replace("{SIGN}", sign).replace("{SUM}", under)
    return check_document(text).steps[-1]


def test_a_sum_excluding_a_free_index_written_first_is_not_read():
    step = _last("-", "i\\ne j")
    assert step.status == "not checked"
    assert "a sum over i, or over j (all but i)?" in step.summary


def test_the_same_sum_written_j_ne_i_holds():
    assert _last("-", "j\\ne i").status == "holds"


def test_its_twin_with_a_sign_slip_fails():
    assert _last("+", "j\\ne i").status == "fails"
