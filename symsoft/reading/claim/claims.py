"""Check a formula the user believes, written in LaTeX: ``check_claim(text, n=…)``.

The left side names a derivative of a quantity the catalogue knows (``S``/``p``, ``log S``, the
loss ``L``, ``σ``, log-sum-exp); the right side is parsed by :mod:`symsoft.reading.grammar.latex` (a
real grammar, nothing executed) and becomes the closed form of a catalogue-shaped theorem. The
mechanical side is always symsoft's own derivative, never the user's. The verdict is given per
index case: holds for all i, j / holds only when i = j / holds only when i ≠ j / fails.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import sympy

from symsoft.catalogue import notation as nt
from symsoft.catalogue.shapes import SHAPES
from symsoft.catalogue.theorems import Entries, Kind, Sizes, Theorem
from symsoft.errors import InputError
from symsoft.reading.claim.claim_results import CaseVerdict, ClaimResult
from symsoft.reading.claim.claim_steps import _as_document_step, _at_an_entry
from symsoft.reading.grammar.forms import Claim, ClaimSyntaxError, Derivative
from symsoft.reading.grammar.latex import parse_claim
from symsoft.reading.lazy_regex import lazy
from symsoft.results import Verdict, combine

DEFAULT_SIZES = range(1, 7)  # checked when no --n is given and no proof for every N exists


def _kind(lhs: Derivative) -> Kind:
    """The kind of theorem whose derivative the claim's left side is."""
    for kind, shape in SHAPES.items():
        if (lhs.quantity, lhs.variable, lhs.order) in shape.claimed:
            return kind
    claimed = [derivative for shape in SHAPES.values() for derivative in shape.claimed]
    known = ", ".join(f"∂{q}/∂{v}" + ("²" if o == 2 else "") for q, v, o in claimed)
    raise InputError(
        f"no theorem differentiates {lhs.quantity!r} by {lhs.variable!r}"
        f"{' twice' if lhs.order == 2 else ''}; known: {known}"
    )


def _renaming(lhs: Derivative, kind: Kind) -> dict[sympy.Basic, sympy.Basic]:
    """The claim's own index names onto the catalogue's ``i`` (row) and ``j`` (column)."""
    shape = SHAPES[kind]
    if not shape.indices:
        return {}
    names = shape.claim_indices(lhs)
    if any(name is None for name in names):
        raise InputError("the derivative needs its indices, e.g. \\partial S_i / \\partial a_j")
    if any(not isinstance(name, sympy.Symbol) for name in names):
        raise InputError(
            f"concrete indices {names} are not supported; write symbolic ones (S_i, a_j) "
            "and the verdict says for which i, j the claim holds"
        )
    renaming: dict[sympy.Basic, sympy.Basic] = {}
    for name, ours in zip(names, (nt.i, nt.j), strict=False):
        renaming.setdefault(name, ours)
    return renaming


def _closed_form(rhs: sympy.Expr, lhs: Derivative, renaming: dict) -> sympy.Expr:
    """The right side in the catalogue's notation (``p, o`` read as ``S, a`` for a softmax
    claim, ``σ`` as the logistic function, the claim's indices as ``i, j``)."""
    rhs = rhs.xreplace(renaming)
    rhs = rhs.replace(
        lambda e: isinstance(e, sympy.Function) and e.func.__name__ == "sigma",
        lambda e: nt.sigmoid(e.args[0]),
    )
    if lhs.quantity in ("p", "log p"):
        rhs = rhs.replace(
            lambda e: isinstance(e, sympy.Indexed) and e.base.name in ("p", "o"),
            lambda e: (nt.S if e.base.name == "p" else nt.a)[e.indices],
        )
    if lhs.quantity != "sigma":  # x_k = e^{logit_k} and z = Σ_k x_k, as in the derivations
        logits = nt.o if lhs.variable == "o" else nt.a
        rhs = rhs.replace(
            lambda e: isinstance(e, sympy.Indexed) and e.base.name == "x",
            lambda e: sympy.exp(logits[e.indices]),
        ).xreplace(
            {sympy.Symbol("z", real=True): sympy.Sum(sympy.exp(logits[nt.k]), (nt.k, 1, nt.N))}
        )
    return rhs


def _hypotheses(assume: tuple[str, ...]) -> tuple[str, ...]:
    out = []
    for text in assume:
        if text.strip() in ("one-hot", "y is one-hot", r"y \text{ is one-hot}"):
            out.append("one-hot")
            continue
        claim = parse_claim(text)
        lhs, rhs = claim.lhs, claim.cases[0].rhs
        is_total = (
            isinstance(lhs, sympy.Sum)
            and len(lhs.limits) == 1
            and lhs.limits[0][1:] == (1, nt.N)
            and lhs.function == nt.y[lhs.limits[0][0]]
        )
        if len(claim.cases) == 1 and is_total and rhs == 1:
            out.append("sum-to-one")
            continue
        raise InputError(f"unsupported assumption {text!r}: use '\\sum_j y_j = 1' or 'one-hot'")
    return tuple(dict.fromkeys(out))


def _case_name(condition) -> str | None:  # type: ignore[no-untyped-def]
    if condition is None:
        return None
    pair = {condition.left, condition.right}
    if pair != {nt.i, nt.j}:
        raise InputError(
            f"a condition on {condition.left} and {condition.right}: only i = j "
            "and i ≠ j are understood"
        )
    return "i = j" if condition.relation == "eq" else "i ≠ j"


def check_claim(
    text: str,
    n: int | None = None,
    assume: tuple[str, ...] | list[str] = (),
    define: tuple[str, ...] | list[str] = (),
) -> ClaimResult:
    """Parse a LaTeX claim about a derivative and prove or refute it, case by case.

    Without ``n`` the claim is proved for every N where the general prover can, else checked
    for N = 1, …, 6.  ``define`` gives names their meanings (``'\\hat{y}_i = \\frac{e^{z_i}}
    {\\sum_k e^{z_k}}'``), as ``check --define`` does: the claim is then judged as one step of a
    document with those definitions.

    >>> check_claim(r"D_j S_i = -S_i S_j \\quad (i \\neq j)").summary
    'holds when i ≠ j'
    >>> check_claim(r"\\frac{\\partial S_i}{\\partial a_j} = -S_i S_j").summary
    'holds only when i ≠ j'
    """
    hypotheses = _hypotheses(tuple(assume))  # a bad --assume is its own error
    if define:
        read = _as_document_step(text, n, hypotheses, tuple(define))
        if isinstance(read, str):
            raise InputError(f"the claim is not read with these definitions: {read}")
        return read
    try:
        claim = parse_claim(_at_an_entry(text))
        result = _check(claim, text, n, tuple(assume))
    except (ClaimSyntaxError, InputError) as exc:
        # what the claim language cannot say, the document reader may: σ'(x), \hat{y}, S_1…
        read = _as_document_step(text, n, hypotheses)
        if isinstance(read, str):
            if _NO_MEANING.search(read):
                raise InputError(f"{read} (in a claim: with --define)") from None
            raise exc from None
        return read
    if result.status == "refuted" and not hypotheses and claim.lhs.quantity == "L":
        # as a document step says it: a gradient of the loss that is right once the targets
        # sum to one uses that hypothesis, whatever notation the claim is written in
        if _check(claim, text, n, (_SUM_TO_ONE,)).status == "proved":
            return replace(result, summary=_USES_SUM_TO_ONE)
    return result


_SUM_TO_ONE = r"\sum_j y_j = 1"
_USES_SUM_TO_ONE = "uses Σ_j y_j = 1, which the claim does not assume (--assume)"


_NO_MEANING = lazy(r"has no meaning here|nothing here is a function of")


def _check(claim: Claim, text: str, n: int | None, assume: tuple[str, ...]) -> ClaimResult:
    if not isinstance(claim.lhs, Derivative):
        raise InputError(
            "the left side must be a derivative, "
            "e.g. \\frac{\\partial S_i}{\\partial a_j} or D_j S_i"
        )
    kind = _kind(claim.lhs)
    hypotheses = _hypotheses(assume)
    renaming = _renaming(claim.lhs, kind)
    matrix = SHAPES[kind].indices == 2
    same_index = matrix and len(set(renaming.values())) == 1
    verdicts: list[CaseVerdict] = []
    for case in claim.cases:
        closed = _closed_form(case.rhs, claim.lhs, renaming)
        stated = (
            _case_name(
                case.condition.__class__(  # rename the condition's indices too
                    case.condition.relation,
                    case.condition.left.xreplace(renaming),
                    case.condition.right.xreplace(renaming),
                )
            )
            if case.condition is not None
            else None
        )
        if not matrix and stated is not None:
            raise InputError(f"a case condition on a {kind} claim, which has one index")
        names = [stated] if stated else (["i = j"] if same_index else ["i = j", "i ≠ j"])
        if not matrix:
            names = ["every i"]
        for name in names:
            entries: Entries = (
                ("scalar", "vector")[SHAPES[kind].indices]
                if not matrix
                else "diagonal"
                if name == "i = j"
                else "off-diagonal"
            )
            theorem = Theorem("claim", "claim", kind, entries, closed, text, hypotheses, text=text)
            verdict, checked = _decide(theorem, n)
            verdicts.append(
                CaseVerdict(_shown(name, renaming), verdict, stated is not None, checked)
            )
    status = combine(v.verdict.status for v in verdicts)
    places = list(dict.fromkeys(v.checked for v in verdicts))
    return ClaimResult(
        text=text,
        reading=_reading(claim),
        checked=places[0] if len(places) == 1 else "; ".join(places),
        cases=tuple(verdicts),
        summary=_summary(verdicts, matrix),
        status=status,
    )


def _decide(theorem: Theorem, n: int | None) -> tuple[Verdict, str]:
    from symsoft.verification.general import verify_general
    from symsoft.verification.verifier import check_n, verify_theorem

    if theorem.entries == "off-diagonal" and n == 1:
        raise InputError("N = 1 has no entries with i ≠ j")
    if n is not None:
        result = verify_theorem(theorem, Sizes(check_n(n)), derivations=False)
        return _first(result), f"N = {n}"
    general = verify_general(theorem)
    if general.status != "unknown":
        return general.checks[0].verdict, general.domain
    for size in DEFAULT_SIZES:
        if theorem.entries == "off-diagonal" and size == 1:
            continue
        result = verify_theorem(theorem, Sizes(size), derivations=False)
        if result.status != "proved":
            return _first(result), f"N = {size}"
    checked = f"N = {DEFAULT_SIZES.start}, …, {DEFAULT_SIZES.stop - 1}"
    reason = general.checks[0].verdict.reason
    return (
        Verdict(
            "proved",
            reason=f"proved at every N in {checked}; not proved for every N ({reason})",
            certificate="every entry's difference reduces to the zero rational function",
        ),
        checked,
    )


def _first(result) -> Verdict:  # type: ignore[no-untyped-def]
    for check in result.checks:
        if check.verdict.status != "proved":
            return check.verdict
    if result.checks:
        return result.checks[0].verdict
    return Verdict("proved", reason="no entries at this N")


def _summary(verdicts: list[CaseVerdict], matrix: bool) -> str:
    holds = {v.case: v.verdict.status == "proved" for v in verdicts}
    if any(v.verdict.status == "unknown" for v in verdicts):
        return "unknown"
    if all(v.stated for v in verdicts):
        parts = [("holds when " if ok else "fails when ") + case for case, ok in holds.items()]
        return "; ".join(parts)
    if not matrix:
        return "holds" if all(holds.values()) else "fails"
    if all(holds.values()):
        if len(holds) == 1:
            return f"holds when {verdicts[0].case}"
        first, _, second = verdicts[0].case.partition(" = ")
        return f"holds for all {first}, {second}"
    if not any(holds.values()):
        return "fails"
    good = next(case for case, ok in holds.items() if ok)
    return f"holds only when {good}"


def _shown(case: str, renaming: dict) -> str:
    """A case in the claim's own index names (``k = m`` for a claim about ``∂p_k/∂o_m``)."""
    back = {ours: theirs for theirs, ours in renaming.items()}
    if case == "every i" or not back:
        return case
    return case.replace("i", str(back.get(nt.i, nt.i)), 1).replace("j", str(back.get(nt.j, nt.j)))


def _reading(claim: Claim) -> str:
    lhs = claim.lhs
    parts = []
    for case in claim.cases:
        condition = (
            f"  if {case.condition.left} {'=' if case.condition.relation == 'eq' else '≠'} "
            f"{case.condition.right}"
            if case.condition
            else ""
        )
        parts.append(f"{sympy.sstr(case.rhs)}{condition}")
    quantity = lhs.quantity + (f"_{lhs.quantity_index}" if lhs.quantity_index is not None else "")
    variable_index = lhs.variable_index
    if isinstance(variable_index, tuple):
        variable = " ∂".join(f"{lhs.variable}_{x}" for x in variable_index)
    else:
        variable = lhs.variable + (f"_{variable_index}" if variable_index is not None else "")
    order = "²" if lhs.order == 2 else ""
    return f"∂{order}{quantity}/∂{variable} = " + " ; ".join(parts)


def check_claims_file(
    text: str,
    n: int | None = None,
    assume: tuple[str, ...] | list[str] = (),
    name: str = "",
    define: tuple[str, ...] | list[str] = (),
) -> list[ClaimResult]:
    """Every claim of a file: one per non-empty line, or one per display block."""
    return list(iter_claims_file(text, n, assume, name, define=define))


MAX_FILE_CLAIMS = 1_000
"""Claims judged from one file; the rest are reported "not checked" and not read."""
FILE_SECONDS = 60.0
"""Time spent judging the claims of one file (``claim --timeout``); later ones "not checked"."""
CLAIM_SECONDS = 10.0
"""Time one claim may take; one that needs more is "not checked: too large"."""


def iter_claims_file(
    text: str,
    n: int | None = None,
    assume: tuple[str, ...] | list[str] = (),
    name: str = "",
    timeout: float = FILE_SECONDS,
    define: tuple[str, ...] | list[str] = (),
) -> Iterator[ClaimResult]:
    """The verdict on each claim of a file as soon as it is reached (a caller prints them as
    they come).  After :data:`MAX_FILE_CLAIMS` claims, or ``timeout`` seconds, the rest are
    results whose summary starts "not checked"; a claim that takes longer than
    :data:`CLAIM_SECONDS` is "not checked: too large".

    >>> [r.summary for r in iter_claims_file("D_j S_i = S_i(\\\\delta_{ij} - S_j)\\n")]
    ['holds for all i, j']
    """
    from symsoft.reading.budget import OutOfTime, clock, time_limit
    from symsoft.reading.grammar.latex import iter_claim_texts

    _hypotheses(tuple(assume))  # a bad --assume is one error, before any claim
    deadline = clock() + timeout
    count = 0
    for line, start, written in iter_claim_texts(text):
        count += 1
        shown = " ".join(written.split())
        if count > MAX_FILE_CLAIMS:
            reason = f"more than {MAX_FILE_CLAIMS} claims in the file; the rest are not read"
            yield _not_checked(shown, reason, line)
            return
        left = deadline - clock()
        if left <= 0:
            reason = f"the time budget of {timeout:g} s for the file is spent"
            yield _not_checked(shown, reason, line)
            continue
        try:
            with time_limit(min(CLAIM_SECONDS, left)):
                # each claim read as `claim` reads it: the claim language, else a document step
                result = check_claim(written.strip(), n, assume, define)
        except OutOfTime:
            reason = (
                f"too large: not decided within {CLAIM_SECONDS:g} s"
                if left >= CLAIM_SECONDS
                else f"the time budget of {timeout:g} s for the file is spent"
            )
            yield _not_checked(shown, reason, line)
            continue
        except ClaimSyntaxError as exc:
            start += len(written) - len(written.lstrip())
            raise ClaimSyntaxError(exc.problem, text, start + exc.pos) from exc
        except InputError as exc:
            raise InputError(f"line {line}: {exc}") from exc
        yield replace(result, line=line)
    if count == 0:
        raise InputError(f"no claim found in {name or 'the text'}")


def _not_checked(text: str, reason: str, line: int) -> ClaimResult:
    return ClaimResult(text, "", "", (), f"not checked: {reason}", "unknown", line)
