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
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.derivative_names import Candidate, chain_opening, operand


def _sub(braced: str, bare: str) -> str:
    """An index letter i … n as a subscript, braced or not, in the two groups named."""
    return rf"_\s*(?:\{{\s*(?P<{braced}>[i-n1-9])\s*\}}|(?P<{bare}>[i-n1-9]))"


# a letter, or one under an accent (\hat{y}, \hat y, \tilde{p}: the softmax output's names)
_ACCENTED = r"(?:\\(?:hat|tilde|bar|widehat)\s*(?:\{\s*[a-zA-Z]\s*\}|\s+[a-zA-Z])|[a-zA-Z])"
# \frac{\partial a_i}{\partial z_j}, \frac{\partial {a_{i}}}{\partial z_{j}}
_HEAD = lazy(
    r"\s*\\frac\s*\{\s*\\partial\s*(?:\{\s*)?(?P<name>"
    + _ACCENTED
    + r")\s*"
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


_OVER = lazy(r"\s*\\frac\s*\{\s*\\partial\s*(?=\\left\s*\(|\()")
_UNDER = lazy(r"\s*\}\s*\{\s*\\partial\s*(?P<by>[a-zA-Z])\s*" + _sub("vi", "vi2") + r"\s*\}\s*")


def _differentiated_whole(rhs: str) -> dict[str, str] | None:
    r"""``\frac{\partial \left( … \right)}{\partial z_1}`` written whole, as the fields of the
    operator (``by``, ``vi``, ``vi2``) and its bracketed operand (``rest``); None otherwise."""
    over = _OVER.match(rhs)
    if over is None or (closed := matching(rhs, over.end())) < 0:
        return None
    under = _UNDER.match(rhs, closed)
    if under is None or rhs[under.end() :].strip(" .,;\t\n"):
        return None
    return {**under.groupdict(), "rest": rhs[over.end() : closed]}


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
    operator = _OPERATOR.match(rhs) or _differentiated_whole(rhs)
    if head is None or operator is None:
        return None
    by, index = head["by"], head["ni"] or head["ni2"]
    variable_index = head["vi"] or head["vi2"]
    if operator["by"] != by or (operator["vi"] or operator["vi2"]) != variable_index:
        return None
    rest = rhs[operator.end() :] if isinstance(operator, re.Match) else operator["rest"]
    value = operand(rest) or _fraction(rest)
    name = re.sub(r"\s+", " ", head["name"])
    accent = re.fullmatch(r"\\(\w+)\s*\{?\s*([a-zA-Z])\s*\}?", name)
    name = rf"\{accent[1]}{{{accent[2]}}}" if accent else name  # (\hat y spelled \hat{y})
    if not value or name == by or not _softmax_of(value, by, index):
        return None  # (a typo, \sum_k e^{z_i}, would make a_i a constant: review 72c)
    everything = text.slice(0, len(text.chars))
    if _said_otherwise(everything, name) or _defined_twice(everything, name, value):
        return None
    headings = list(_HEADING.finditer(everything, 0, step.lhs.start))
    after = _HEADING.search(everything, step.lhs.start)
    end = after.start() if after else len(everything)  # (the whole section, after it too)
    section = everything[headings[-1].start() if headings else 0 : end]
    if _OTHER_FUNCTION.search(section):
        return None  # "### Sigmoid output layer", "the probit Φ": the operand is no definition
    line, _ = text.place(step.lhs.start)
    if index.isdigit():  # \hat{y}_1 = e^{z_1} / Σ_k e^{z_k}: every entry the softmax's, y_m
        letter = next(
            (x for x in "mnl" if not re.search(rf"(?<![\\A-Za-z]){x}(?![A-Za-z])", everything)), ""
        )
        bound = re.search(r"\\sum\s*(?:\\limits\s*)?_\s*\{?\s*([a-z])", value)
        if not letter or bound is None or bound[1] == letter:
            return None
        index, value = (
            letter,
            rf"\frac{{e^{{{by}_{letter}}}}}{{\sum_{bound[1]} e^{{{by}_{bound[1]}}}}}",
        )
    return (
        f"{name}_{index}",
        value,
        f"line {line}",
        (step.lhs.start, step.rhs.start),
        step.lhs.start,
    )


def _softmax_of(value: str, by: str, index: str) -> bool:
    """Whether ``value`` is the softmax of ``by`` at ``index``: ``\\frac{e^{z_i}}{\\sum_k
    e^{z_k}}``, with ``\\exp(…)`` or ``exp(…)`` for ``e^{…}``."""

    def exponential(entry: str) -> str:
        script = rf"{by}\s*_\s*(?:\{{\s*{entry}\s*\}}|{entry})"
        called = rf"\\?exp\s*(?:\\left\s*)?\(\s*{script}\s*(?:\\right\s*)?\)"
        return rf"(?:e\s*\^\s*\{{\s*{script}\s*\}}|{called})"

    top = rf"\s*\\frac\s*\{{\s*{exponential(index)}\s*\}}\s*\{{\s*"
    bottom = (
        r"\\sum\s*(?:\\limits\s*)?_\s*(?:\{\s*(?P<k>[a-z])[^{}]*\}|(?P<k2>[a-z]))"
        r"(?:\s*\^\s*(?:\{[^{}]*\}|\w))?\s*"
    )
    found = re.match(top + bottom, value)
    if found is None:
        return False
    bound = found["k"] or found["k2"]
    summand = rf"(?:\{{\s*{exponential(bound)}\s*\}}|{exponential(bound)})"  # \sum_k{e^{z_k}}
    return re.fullmatch(rf"{summand}\s*\}}\s*", value[found.end() :]) is not None


# the letter given a value or a meaning another way: "$\\mathbf{a} = \\sigma(\\mathbf{z})$",
# "$a_i \\equiv \\sigma(z_i)$", "Here $a_i$ is the sigmoid of $z_i$" (review 72c)
_WRAPPED = r"(?:\\(?:mathbf|boldsymbol|bm|vec|hat|tilde|bar)\s*\{{\s*{0}\s*\}}|{0})"
_DEFINED = (
    r"(?<![\\A-Za-z]){0}(?![A-Za-z])\s*(?:[_^]\s*(?:\{{[^{{}}]*\}}|[A-Za-z0-9])\s*)*"
    r"(?:=|:=|\\coloneqq|\\equiv|\\triangleq|\\stackrel|\\overset|\\defeq)"
)
_SAID = (
    r"\$\s*{0}(?![A-Za-z])[^$]{{0,20}}\$\s*(?:is|are|denotes?|represents?|be|means?)\s+"
    r"(?:(?!soft-?max)[\w-]+\s+){{0,4}}?(?:sigmoid|logistic|tanh|relu|softplus|gelu|swish|linear"
    r"|identity|mixture|uniform|affine|hyperbolic)"
)


def _said_otherwise(everything: str, name: str) -> bool:
    """Whether the text defines the letter, or a sentence that writes it in its math speaks of
    another function ("giving the activations $a_i$" after "the logistic function", "where $a_i$
    is $\\sigma(z_i)$", "at temperature $T$") or in words this reader does not know (review
    72d: French, Chinese)."""
    accent = re.fullmatch(r"\\(\w+)\{([a-zA-Z])\}", name)  # \hat{y}: that name alone, not y
    spelled = rf"\\{accent[1]}\s*(?:\{{\s*{accent[2]}\s*\}}|\s+{accent[2]})" if accent else ""
    written = spelled or _WRAPPED.format(re.escape(name))
    if re.search(_DEFINED.format(written), everything) or re.search(
        _SAID.format(written), everything, re.IGNORECASE
    ):
        return True
    inline = re.compile(rf"(?<![\\$])\$[^$]*(?<![\\A-Za-z]){written}(?![A-Za-z])[^$]*\$(?!\$)")
    for sentence in re.split(r"(?<=[.!?。])\s+|\n\s*\n", everything):
        if inline.search(sentence) and (
            _OTHER_FUNCTION.search(sentence) or re.search(r"[^\x00-\x7f∂σ∑Σ−]", sentence)
        ):
            return True
    return False


# a Markdown heading or a LaTeX section: where a section starts (data_words.HEADING is the same
# pattern, in a module above this one: importing it would make a cycle)
_HEADING = lazy(r"(?m)^\s*#+\s|\\(?:sub)*section\*?\{")
_OTHER_FUNCTION = lazy(
    r"(?i)sigmoid|logistic|tanh|relu|rectif|softplus|gelu|swish|linear|identity|temperature"
    r"|mixture|uniform|affine|probit|softsign|normali[sz]|\\Phi|\\sigma|\\max|\bmax\b"
    r"|\\exp\s*\(\s*-"
)


def _defined_twice(everything: str, name: str, value: str) -> bool:
    """Whether the text opens another chain ``\\frac{\\partial a_…}{…} = \\frac{\\partial}{…}``
    with another operand than ``value`` (a softmax head, then a sigmoid head)."""
    plain = re.sub(r"\s+", "", value)
    for found in _AGAIN.finditer(everything):
        same = re.sub(r"[\s{}]", "", found["name"]) == re.sub(r"[{}]", "", name)
        if same and not re.sub(r"\s+", "", everything[found.end() :]).startswith(plain):
            return True
    return False


_AGAIN = lazy(
    r"\\frac\s*\{\s*\\partial\s*(?:\{\s*)?(?P<name>"
    + _ACCENTED
    + r")\s*_[^{}]*?(?:\{[^{}]*\})?\s*(?:\}\s*)?\}"
    r"\s*\{\s*\\partial[^{}]*(?:\{[^{}]*\})?\s*\}\s*=\s*\\frac\s*\{\s*\\partial\s*\}"
    r"\s*\{\s*\\partial[^{}]*(?:\{[^{}]*\})?\s*\}"
)
