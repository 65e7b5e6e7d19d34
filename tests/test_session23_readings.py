"""Readings added in the twenty-third session's rounds of real posts. Every reading that holds
has a twin with a slip that does not."""

from __future__ import annotations

from symsoft.reading.document import check_document


def summaries(text: str) -> dict[int, str]:
    """The summary of the first step on each line."""
    found: dict[int, str] = {}
    for step in check_document(text).steps:
        found.setdefault(step.line, step.summary)
    return found


NOW_DENOTE = (
    "Now denote $u = e^x$ and $v = e^{-x}$. Then\n\n"
    "$$y = \\frac{u - v}{u + v}$$\n\n"
    "$$\\frac{dy}{dx} = \\frac{4}{(u+v)^2}$$\n"
)


def test_now_denote_is_an_order_to_name_not_a_change_of_meaning():
    # "Now denote $u = …$" defines u (an imperative); "$y$ now denotes the label" changes y
    assert summaries(NOW_DENOTE)[5] == "holds"
    assert summaries(NOW_DENOTE.replace("{4}", "{2}"))[5].startswith("fails")
    changed = NOW_DENOTE.replace("Then", "Later $u$ now denotes the label.")
    assert summaries(changed)[5].startswith("not checked")


GLUED_LOG = (
    "Let $a = \\frac{1}{1+e^{-z}}$.\n\n"
    "$$\\frac{\\partial}{\\partial a}(-yloga-(1-y)log(1-a)) = -\\frac{y}{a}+\\frac{1-y}{1-a}$$\n"
)


def test_a_letter_glued_to_log_is_that_letter_times_the_log():
    # a Chinese note writes the binary cross-entropy as -yloga-(1-y)log(1-a)
    assert summaries(GLUED_LOG)[3] == "holds"
    flipped = GLUED_LOG.replace("+\\frac{1-y}{1-a}", "-\\frac{1-y}{1-a}")
    assert summaries(flipped)[3].startswith("fails")
    # two letters before log (q is no name of the text), or a longer word after it: not read
    assert summaries(GLUED_LOG.replace("yloga", "qyloga"))[3].startswith("not checked")
    assert summaries(GLUED_LOG.replace("yloga", "ylogit"))[3].startswith("not checked")
