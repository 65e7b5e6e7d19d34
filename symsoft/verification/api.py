"""``verify(n)``: every theorem of the catalogue (or those chosen) at one size N, or for
every N at once, the one entry point that picks the path.

A fixed N goes to :mod:`symsoft.verification.verifier` (the ring path, SymPy where the ring
cannot express an entry); ``n="all"`` to :mod:`symsoft.verification.general` (symbolic N and
indices).  Both return the same :class:`~symsoft.results.Run`.
"""

from __future__ import annotations

import time
from collections.abc import Iterable

import flint
import sympy

from symsoft import __version__
from symsoft.catalogue import theorems as catalogue
from symsoft.catalogue.theorems import Sizes, Theorem
from symsoft.errors import InputError
from symsoft.results import Run, TheoremResult, combine
from symsoft.verification.verifier import Progress, check_n, verify_theorems


def verify(
    n: int | str,
    theorems: Iterable[Theorem | str] | None = None,
    *,
    method: str = "ring",
    seed: int = 0,
    progress: Progress | None = None,
    derivations: bool = True,
    witness: bool = False,
    hypotheses: bool = True,
    jobs: int | None = None,
    samples: int = 2,
    features: int = 2,
    classes: int = 3,
) -> Run:
    """Prove or refute every entry of each theorem (default: the whole catalogue) at size ``n``,
    or with ``n="all"`` for every N at once (symbolic N and indices, see
    :mod:`symsoft.verification.general`).

    ``method``: "ring" (the fast exact path) or "sympy" (``sympy.diff`` per entry).
    ``derivations``: record a step-by-step derivation of a representative entry per theorem.
    ``samples``, ``features``, ``classes``: M, D and K of the batched softmax regression.
    ``witness``: run the numeric witness next to each symbolic verdict.
    ``hypotheses``: say for each hypothesis whether it is needed.
    ``jobs``: processes for large theorems (default: every core).

    >>> run = verify(3)
    >>> [(r.theorem, r.status) for r in run.results][:2]
    [('softmax-jacobian-diagonal', 'proved'), ('softmax-jacobian-offdiagonal', 'proved')]
    """
    if n != "all":
        check_n(n)
    for name, value in (("samples", samples), ("features", features), ("classes", classes)):
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 16:
            raise InputError(f"{name} must be an integer from 1 to 16, got {value!r}")
    sizes = Sizes(n if isinstance(n, int) else 2, samples, features, classes)
    chosen = [
        catalogue.find(t) if isinstance(t, str) else t for t in (theorems or catalogue.CATALOGUE)
    ]
    start = time.perf_counter()
    if n == "all":
        from symsoft.verification.general import verify_general

        results = tuple(verify_general(t, Sizes(2, samples, features, classes)) for t in chosen)
        return _run("all", results, start)
    results = verify_theorems(
        chosen,
        sizes,
        method=method,
        seed=seed,
        progress=progress,
        derivations=derivations,
        witness=witness,
        hypotheses=hypotheses,
        jobs=jobs,
    )
    return _run(n, results, start)


def _run(n: int | str, results: tuple[TheoremResult, ...], start: float) -> Run:
    versions = (
        ("symsoft", __version__),
        ("sympy", sympy.__version__),
        ("python-flint", flint.__version__),
    )
    return Run(
        n=n,
        results=results,
        versions=versions,
        status=combine(r.status for r in results),
        seconds=time.perf_counter() - start,
    )
