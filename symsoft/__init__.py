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
    "CATALOGUE": "theorems",
    "Theorem": "theorems",
    "Counterexample": "results",
    "Derivation": "results",
    "EntryCheck": "results",
    "Run": "results",
    "TheoremResult": "results",
    "Verdict": "results",
    "CrossEntropy": "functions",
    "Softmax": "functions",
    "cross_entropy": "functions",
    "softmax": "functions",
    "OneHot": "prover",
    "one_hot": "prover",
    "prove": "prover",
    "sum_to_one": "prover",
    "verify": "verifier",
    "SymsoftError": "errors",
    "ClaimResult": "claims",
    "check_claim": "claims",
    "DocumentResult": "document",
    "StepResult": "document",
    "check_document": "document",
}


def __getattr__(name: str) -> Any:
    from importlib import import_module

    if name == "notation":
        return import_module(".notation", __name__)
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'symsoft' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


if TYPE_CHECKING:
    from . import notation
    from .claims import ClaimResult, check_claim
    from .document import DocumentResult, StepResult, check_document
    from .errors import SymsoftError
    from .functions import CrossEntropy, Softmax, cross_entropy, softmax
    from .prover import OneHot, one_hot, prove, sum_to_one
    from .results import Counterexample, Derivation, EntryCheck, Run, TheoremResult, Verdict
    from .theorems import CATALOGUE, Theorem
    from .verifier import verify
