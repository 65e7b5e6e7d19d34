"""HTML for notebooks: a checked document or claim as one block with scoped styles, shown by
``DocumentResult._repr_html_`` and ``ClaimResult._repr_html_`` (and so by Jupyter).

Only the render side is imported here; the reading side imports this module, never the reverse.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from symsoft.reading.claim.claim_results import ClaimResult
    from symsoft.reading.judge.outcome import DocumentResult


def document_html(result: DocumentResult) -> str:
    """The annotated report of a checked document as one ``<div>`` with scoped styles.

    >>> from symsoft.reading.document import check_document
    >>> result = check_document("$$D_j S_i = S_i(1 - S_j)$$", conventions=True)
    >>> html = document_html(result)
    >>> html.startswith('<div class="symsoft-report">'), "badge refuted" in html
    (True, True)
    """
    from symsoft.render.annotation import _view
    from symsoft.render.environment import html_environment

    template = html_environment().get_template("document_fragment.html.j2")
    return template.render(document=_view(result)).strip()


def claim_html(result: ClaimResult) -> str:
    """A checked claim as HTML: its verdict, how it was read, each index case with its badge
    and its counterexample.

    >>> from symsoft.reading.claim.claims import check_claim
    >>> "badge proved" in claim_html(check_claim(r"D_j S_i = S_i(\\delta_{ij} - S_j)"))
    True
    """
    from symsoft.render.environment import html_environment
    from symsoft.render.values import _counterexample

    cases = [
        (
            case.case,
            case.verdict.status,
            case.verdict.reason,
            case.checked,
            None
            if case.verdict.counterexample is None
            else _counterexample(case.verdict.counterexample),
        )
        for case in result.cases
    ]
    template = html_environment().get_template("claim.html.j2")
    return template.render(claim=result, cases=cases).strip()
