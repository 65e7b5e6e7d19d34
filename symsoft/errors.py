"""The one exception tree of symsoft: every exception a caller or the command line may see.

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


class ClaimSyntaxError(SymsoftError, ValueError):
    """A claim that cannot be read without guessing.

    ``problem`` names what is wrong and quotes the input; ``line`` and ``column`` count from 1;
    ``context`` shows the offending line with a ``^`` under the offending character.
    """

    def __init__(self, problem: str, text: str, pos: int) -> None:
        self.problem = problem
        self.pos = pos = max(0, min(pos, len(text)))
        line_start = text.rfind("\n", 0, pos) + 1
        self.line = text.count("\n", 0, pos) + 1
        self.column = pos - line_start + 1
        self.context = caret_context(text, pos, line_start)
        super().__init__(f"{problem} at line {self.line}, column {self.column}")


def caret_context(text: str, pos: int, line_start: int, span: int = 40) -> str:
    """The line around ``pos`` (unprintable characters as ``?``) with a ``^`` under it."""
    line_end = text.find("\n", pos)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    start = max(0, pos - line_start - span)
    shown = "".join(c if c.isprintable() else "?" for c in line[start : pos - line_start + span])
    return f"{shown}\n{' ' * (pos - line_start - start)}^"


class Unreadable(SymsoftError, ValueError):
    """A side that cannot be read without guessing; ``pos`` is its offset in the side's text."""

    def __init__(self, reason: str, pos: int = 0) -> None:
        super().__init__(reason)
        self.reason, self.pos = reason, pos


class WorkerFailed(SymsoftError, RuntimeError):
    """A worker ended without delivering its results (killed, e.g. out of memory, or an error
    inside it); the command line reports it in one line."""


class UsageError(SymsoftError):
    """A usage error: the command line prints it as one line and exits with 2."""
