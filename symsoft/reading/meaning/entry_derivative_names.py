r"""An entry the text defines only by the derivative that opens a chain.

"$$\frac{\partial a_i}{\partial z_j} = \frac{\partial}{\partial z_j}
\frac{e^{z_i}}{\sum_k e^{z_k}}$$" in a text that never writes what a is (the softmax shown in a
figure, or said in words): the first step puts a_i's value under the operator, and says a_i is
that value up to a constant of z.  Read so, a_i means the operand (a definition, the chain's
first step), when

- a has no definition anywhere in the text (never on the left of ``=`` with or without its
  index);
- the operand is one fraction, or wrapped whole in brackets, whose only free index is a's
  index (``i``), and it writes the variable's letter with an index (it depends on z);
- the step opens its chain.
"""

from __future__ import annotations

import re

from symsoft.reading.documents.brackets import matching
from symsoft.reading.documents.chains import Step
from symsoft.reading.documents.spans import Text
from symsoft.reading.documents.subscripts import subscript_letters, sum_indices
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.derivative_names import Candidate, chain_opening, operand


def _sub(braced: str, bare: str) -> str:
    """An index letter i … n as a subscript, braced or not, in the two groups named."""
    return rf"_\s*(?:\{{\s*(?P<{braced}>[i-n])\s*\}}|(?P<{bare}>[i-n]))"


# \frac{\partial a_i}{\partial z_j}, \frac{\partial {a_{i}}}{\partial z_{j}}
_HEAD = lazy(
    r"\s*\\frac\s*\{\s*\\partial\s*(?:\{\s*)?(?P<name>[a-zA-Z])\s*"
    + _sub("ni", "ni2")
    + r"\s*(?:\}\s*)?\}\s*\{\s*\\partial\s*(?P<by>[a-zA-Z])\s*"
    + _sub("vi", "vi2")
    + r"\s*\}\s*"
)
_OPERATOR = lazy(
    r"\s*\\frac\s*\{\s*\\partial\s*\}\s*\{\s*\\partial\s*(?P<by>[a-zA-Z])\s*"
    + _sub("vi", "vi2")
    + r"\s*\}\s*"
)


def _fraction(rhs: str) -> str | None:
    """``rhs`` when it is one ``\\frac{…}{…}`` and nothing after it."""
    rhs = rhs.rstrip(" .,;\t\n")
    opening = re.match(r"\s*\\frac\s*(?=\{)", rhs)
    if opening is None:
        return None
    top_end = matching(rhs, opening.end())
    if top_end is None:
        return None
    below = re.match(r"\s*(?=\{)", rhs[top_end:])
    end = matching(rhs, top_end + below.end()) if below else None
    return rhs.strip() if end == len(rhs) else None


def named_by_its_entry_derivative(text: Text, step: Step, steps: list[Step]) -> Candidate | None:
    """The definition of a_i that the first step of a chain ``\\frac{\\partial a_i}{\\partial
    z_j} = \\frac{\\partial}{\\partial z_j} …`` gives (see the module's rules)."""
    if (sides := chain_opening(text, step, steps)) is None:
        return None
    if "(" in text.original[step.lhs.start : step.lhs.end]:
        return None  # S(\\mathbf{x})_j: an entry of a call, read by what it calls (session 40)
    head, rhs = _HEAD.fullmatch(sides[0]), sides[1]
    operator = _OPERATOR.match(rhs)
    if head is None or operator is None:
        return None
    by, index = head["by"], head["ni"] or head["ni2"]
    variable_index = head["vi"] or head["vi2"]
    if operator["by"] != by or (operator["vi"] or operator["vi2"]) != variable_index:
        return None
    rest = rhs[operator.end() :]
    value = operand(rest) or _fraction(rest)
    name = head["name"]
    if not value or name == by or subscript_letters(value) - sum_indices(value) != {index}:
        return None
    if not re.search(rf"(?<![\\A-Za-z]){by}\s*_", value):
        return None  # nothing of z in it
    everything = text.slice(0, len(text.chars))
    letter = rf"(?<![\\A-Za-z]){name}(?![A-Za-z])"
    defined = rf"{letter}\s*(?:_\s*(?:\{{[^{{}}]*\}}|[A-Za-z0-9]))?\s*(?:=|:=|\\coloneqq)"
    if re.search(defined, everything):
        return None
    line, _ = text.place(step.lhs.start)
    return (
        f"{name}_{index}",
        value,
        f"line {line}",
        (step.lhs.start, step.rhs.start),
        step.lhs.start,
    )
