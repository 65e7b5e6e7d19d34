"""The one exception tree of symsoft.

Every error a user can provoke is a :class:`SymsoftError`; the command line catches
exactly this root and turns it into ``error: …`` on stderr with exit code 2.
"""


class SymsoftError(Exception):
    """Root of every error symsoft raises on purpose."""

    exit_code = 2


class InputError(SymsoftError, ValueError):
    """A value handed in by the user is not acceptable (``--n 0``, an unknown theorem…)."""


class UnsupportedExpression(SymsoftError, TypeError):
    """An expression lies outside the class the exact procedure decides.

    The prover turns this into an ``unknown`` verdict with the message as its reason.
    """


class TooLarge(UnsupportedExpression):
    """An exact computation would exceed the size bounds (terms, degree) checked before it
    starts, e.g. expanding ``(1 + S_i + S_j)^{100000}``.

    Like every :class:`UnsupportedExpression` the prover turns this into ``unknown``.
    """


class ReportError(SymsoftError, OSError):
    """A report could not be written: an unusable output path or a failed PDF build."""
