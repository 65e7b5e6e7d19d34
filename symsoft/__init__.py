"""symsoft: mechanical proofs of the softmax Jacobian, the cross-entropy gradient and kin.

>>> import symsoft
>>> symsoft.verify(3).status
'proved'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "CATALOGUE",
    "Counterexample",
    "CrossEntropy",
    "Derivation",
    "EntryCheck",
    "OneHot",
    "Run",
    "Softmax",
    "SymsoftError",
    "Theorem",
    "TheoremResult",
    "Verdict",
    "ClaimResult",
    "DocumentResult",
    "StepResult",
    "check_claim",
    "check_document",
    "cross_entropy",
    "notation",
    "one_hot",
    "prove",
    "softmax",
    "sum_to_one",
    "verify",
]

# Names resolve lazily so that `import symsoft` stays cheap (SymPy loads on first use).
_WHERE = {
    "CATALOGUE": "catalogue.theorems",
    "Theorem": "catalogue.theorems",
    "Counterexample": "results",
    "Derivation": "results",
    "EntryCheck": "results",
    "Run": "results",
    "TheoremResult": "results",
    "Verdict": "results",
    "CrossEntropy": "catalogue.functions",
    "Softmax": "catalogue.functions",
    "cross_entropy": "catalogue.functions",
    "softmax": "catalogue.functions",
    "OneHot": "algebra.prover",
    "one_hot": "algebra.prover",
    "prove": "algebra.prover",
    "sum_to_one": "algebra.prover",
    "verify": "verification.api",
    "SymsoftError": "errors",
    "ClaimResult": "reading.claim.claims",
    "check_claim": "reading.claim.claims",
    "DocumentResult": "reading.document",
    "StepResult": "reading.document",
    "check_document": "reading.document",
    "load_ipython_extension": "notebook",  # %load_ext symsoft
}


def __getattr__(name: str) -> Any:
    from importlib import import_module

    if name == "notation":
        return import_module(".catalogue.notation", __name__)
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'symsoft' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


if TYPE_CHECKING:
    from symsoft.algebra.prover import OneHot, one_hot, prove, sum_to_one
    from symsoft.catalogue import notation
    from symsoft.catalogue.functions import CrossEntropy, Softmax, cross_entropy, softmax
    from symsoft.catalogue.theorems import CATALOGUE, Theorem
    from symsoft.errors import SymsoftError
    from symsoft.reading.claim.claim_results import ClaimResult
    from symsoft.reading.claim.claims import check_claim
    from symsoft.reading.document import check_document
    from symsoft.reading.judge.outcome import DocumentResult, StepResult
    from symsoft.results import Counterexample, Derivation, EntryCheck, Run, TheoremResult, Verdict
    from symsoft.verification.api import verify
