"""A claim that the claim language does not read, judged as a step of a one-display document: its
bare vectors made bold, a claim about one entry of a vector or matrix written at that entry.
"""

from __future__ import annotations

import re

from symsoft.errors import InputError
from symsoft.reading.claim.claim_results import CaseVerdict, ClaimResult
from symsoft.reading.lazy_regex import lazy
from symsoft.results import Status

_ASSUMED = {"one-hot": "The targets $y$ are one-hot.", "sum-to-one": "The targets sum to one."}


def _as_document_step(
    text: str, n: int | None, hypotheses: tuple[str, ...], define: tuple[str, ...] = ()
) -> ClaimResult | str:
    """The claim judged as the one step of a document written in symsoft's notation (and the
    ``define`` definitions), or why the document reader does not judge it either."""
    from symsoft.reading.document import check_document

    if "$" in text or "\n\n" in text.strip():
        return "a claim is one formula, without '$' or blank lines"
    prose = "".join(_ASSUMED[h] + "\n\n" for h in hypotheses)
    result = check_document(
        f"{prose}$$\n{text.strip()}\n$$\n", n=n, conventions=True, define=define
    )
    if len(result.steps) != 1:
        return "not one equality"
    (step,) = result.steps
    if step.status in ("not checked", "definition"):
        reason = step.summary.removeprefix("not checked: ")
        return re.sub(r" \(column \d+\)$", "", reason)
    stated = step.condition is not None
    cases = tuple(CaseVerdict(c.case, c.verdict, stated, c.where) for c in step.cases)
    status: Status = "proved" if step.status in ("holds", "hypothesis") else "unknown"
    if step.flagged:
        status = "refuted"
    given = f" with {'; '.join(define)}" if define else ""
    return ClaimResult(
        text=text.strip(),
        reading=f"{step.lhs} = {step.rhs}, as a step of a document in symsoft's notation{given}",
        checked=f"N = {n}" if n is not None else "every N",
        cases=cases,
        summary=step.summary.replace(
            "which the document does not state", "which the claim does not assume (--assume)"
        ),
        status=status,
    )


_VECTORS = frozenset({"S"})  # the claim language's capital vector: S = softmax(a)


_BARE = lazy(r"(?<![\\a-zA-Z])([Sapoy])(?![a-zA-Z]|\s*_|\s*')")


_VECTOR_MARKS = lazy(
    r"\\(?:operatorname|text|mathrm)\s*\{\s*diag\s*\}|\\diag(?![a-zA-Z])|\\nabla(?![a-zA-Z])(?!\s*_\s*\{\s*(?:\\[a-zA-Z]+|[A-Za-z])\s*_)"
    r"|\\odot(?![a-zA-Z])|\\oslash(?![a-zA-Z])|\^\s*\{?\s*(?:T|\\top|\\intercal)(?![a-zA-Z])"
)


def _bold_vectors(side: str, claim: str) -> str:
    """A side of a claim in vector notation (``\\operatorname{diag}(S) - S S^T``) with the
    catalogue's vectors ``S, a, p, o, y`` written without an index made bold; any other side
    unchanged."""
    if re.search(r"\\(?:mathbf|boldsymbol|bm|vec)(?![a-zA-Z])", claim):
        return side  # the claim says itself which letters are vectors
    if not _VECTOR_MARKS.search(claim) and not re.search(
        r"\\frac\s*\{\s*\\partial\s*[SapoyL]\s*\}\s*\{\s*\\partial\s*[ao]\s*\}", claim
    ):
        return side
    return _BARE.sub(lambda m: rf"\mathbf{{{m.group(1)}}}", side)


def _at_an_entry(text: str) -> str:
    """A claim in vector notation (``\\nabla_{\\mathbf{o}} L = \\mathbf{p} - \\mathbf{y}``) at
    entry i (a matrix at i, j), in the claim language; any other claim unchanged."""
    from symsoft.reading.notation.written_out import _marked

    depth, split = 0, -1
    for pos, char in enumerate(text):
        depth += 1 if char in "{([" else -1 if char in "})]" else 0
        if char == "=" and depth == 0:
            split = pos
            break
    if split < 0:
        return text
    lhs, rhs = _bold_vectors(text[:split], text), _bold_vectors(text[split + 1 :], text)
    if (lhs, rhs) != (text[:split], text[split + 1 :]) and re.search(
        r"(?<![\\a-zA-Z])[SapoyL]\s*_", text
    ):
        raise InputError(f"a claim that writes both vectors and their entries: {text!r}")
    if not _marked(lhs) and not _marked(rhs):
        return text  # no vector notation: what entrywise says first (the reader stays unloaded)
    from symsoft.reading.judge.names import Unreadable
    from symsoft.reading.notation.vectors import entrywise, mismatch

    try:
        sides = [entrywise(lhs, vectors=_VECTORS), entrywise(rhs, vectors=_VECTORS)]
    except Unreadable as exc:
        raise InputError(f"{exc.reason}: {text!r}") from None
    if sides == [None, None]:
        return text
    problem = mismatch(lhs, rhs, _VECTORS)
    if problem is not None or any(s is not None and s.size is not None for s in sides):
        raise InputError(f"{problem or 'a matrix written out: check it in a document'}: {text!r}")
    if re.search(r"(?<![\\a-zA-Z])[ijk](?![a-zA-Z])", text):
        raise InputError(f"a claim in vector notation that also uses i, j or k: {text!r}")
    letters = {"r": "i", "c": "j", "g": "k"}
    written = [s.text if s is not None else side for s, side in zip(sides, (lhs, rhs), strict=True)]
    renamed = [
        re.sub(
            r"(?<![\\a-zA-Z])[rcg](?![a-zA-Z])",
            lambda m: letters[m.group()],
            re.sub(
                r"\\delta_\{([rcg])([rcg])\}",
                lambda m: rf"\delta_{{{letters[m.group(1)]}{letters[m.group(2)]}}}",
                side,
            ),
        )
        for side in written
    ]
    from symsoft.reading.documents.brackets import matching

    left = renamed[0].strip()
    while left.startswith("(") and matching(left, 0) == len(left):
        left = left[1:-1].strip()  # the claim language wants the derivative bare
    return f"{left} = {renamed[1]}"
