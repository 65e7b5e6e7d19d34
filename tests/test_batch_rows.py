"""A batch loss ``\\sum_{n=1}^N \\sum_{c=1}^C t_{nc} \\log y_{nc}`` beside the loss of one
sample: n indexes the rows (samples), so N counts samples and C still counts the classes (the
gradient of the one-sample loss was "C has no meaning" before)."""

from __future__ import annotations

from symsoft.reading.document import check_document
from symsoft.reading.meaning.class_counts import class_count

ONE = "$$\\mathcal L = -\\sum_{c=1}^C t_c \\log y_c$$\n\nwhere $t$ is the one-hot label.\n\n"
BATCH = "$$\\mathcal L = -\\sum_{n=1}^N \\sum_{c=1}^C t_{nc} \\log y_{nc}$$\n\n"
DOCUMENT = (
    "$$y_i = \\frac{e^{x_i}}{\\sum e^{x_k}}, for~i=1,..., C$$\n\n"
    + ONE
    + BATCH
    + "$$\\frac{\\partial \\mathcal L}{\\partial x_i} = -\\sum_{c=1}^C t_c \\frac{1}{y_c}"
    "\\frac{\\partial y_c}{\\partial x_i} = {RESULT}$$\n"
)


def test_the_class_count_is_found_beside_a_batch_sum():
    assert class_count(ONE + BATCH) == "C"
    assert class_count(ONE + "$$\\sum_{n=1}^N a_n$$") is None  # N and C: two sizes


def test_the_gradient_of_the_one_sample_loss_holds():
    steps = check_document(DOCUMENT.replace("{RESULT}", "y_i - t_i")).steps
    assert [s.status for s in steps[-2:]] == ["holds", "holds"]


def test_its_twin_with_the_sign_flipped_fails():
    steps = check_document(DOCUMENT.replace("{RESULT}", "t_i - y_i")).steps
    assert steps[-1].status == "fails"
