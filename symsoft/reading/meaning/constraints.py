"""Constraints a text puts on its names that the reader does not use (``y \\in \\{0, 1\\}``,
``0 \\le q \\le 1``, ``\\sum_j z_j = 0``): a counterexample that gives them other values is no
flag; and labels given by value whose entries add up to one (:func:`given_totals`)."""

from __future__ import annotations

import re
from fractions import Fraction

from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.soft_totals import stated_totals

_BINARY = lazy(
    r"\$\s*(?:\\(?:mathbf|boldsymbol|bm)\s*\{?\s*)?([a-zA-Z])\s*\}?\s*(?:_\s*\{?\s*[a-z]\s*\}?\s*)?"
    r"\\in\s*\\\{\s*0\s*,\s*1\s*\\\}"
)


_ZERO_SUM = lazy(
    r"((?:\\sum_\s*\{?\s*[a-z]\s*(?:=\s*1)?\s*\}?(?:\^\s*\{?\s*\w+\s*\}?)?\s*[a-zA-Z]_\s*\{?\s*[a-z]\s*\}?"
    r"\s*=\s*)+)0(?![\d.])"
)


_UNIT_INTERVAL = lazy(  # $0 \le q \le 1$, $q \in [0, 1]$
    r"\$\s*0\s*\\leq?\s*([a-zA-Z])\s*\\leq?\s*1\s*\$"
    r"|\$\s*([a-zA-Z])\s*\\in\s*(?:\\left\s*)?\[\s*0\s*,\s*1\s*(?:\\right\s*)?\]\s*\$"
)


# "$y \in", "$\mathbf{y}_i \in": a name, bold or with an index, said to lie in a set
_MEMBER = (
    r"\$\s*+(?:\\(?:mathbf|boldsymbol|bm)\s*+\{?\s*+)?([a-zA-Z])\s*+\}?\s*+"
    r"(?:_\s*+\{?\s*+[a-z]\s*+\}?\s*+)?\\in"
)
_SIGNS = lazy(  # y \in \{-1, 1\}, \{-1, +1\}, \{\pm 1\}: labels of the other convention
    _MEMBER + r"\s*\\\{\s*(?:-\s*1\s*,\s*\+?\s*1|\+?\s*1\s*,\s*-\s*1|\\pm\s*1)\s*\\\}"
)
# any other statement of where a name's values lie: "$y \in \mathbb{R}$", "$y \in [a, b]$", "the
# target $y$ is any real number": the values said before it are no longer in force
_OTHER_DOMAIN = lazy(
    _MEMBER + r"(?![a-zA-Z])"
    r"|\$\s*+([a-zA-Z])\s*+\$\s++(?:is|are|takes?|can\s+be|may\s+be)\s++[^.$]{0,40}?"
    r"(?:(?:any|arbitrary)\s+(?:real|value|number)|real-valued|\bbetween\b)"
    r"|\$\s*+0\s*+<\s*+([a-zA-Z])\s*+<\s*+1\s*+\$",
    re.IGNORECASE,
)


def constraints_at(text: str, position: int) -> dict[str, str]:
    """The constraints of :func:`constraints_of` in force at ``position``: for each name, the
    last statement of its values before it (the first one after it when there is none before);
    a name whose last statement says other values (``y \\in \\{-1, +1\\}`` after ``y \\in \\{0,
    1\\}``, "the target $y$ is any real number") has none."""
    return in_force(statements_of(text), position)


Statements = dict[str, list[tuple[int, "str | None"]]]


def statements_of(text: str) -> Statements:
    """Where the text states each constrained name's values, in order: (where, the constraint,
    or None for values of another kind)."""
    said: Statements = {}
    for match in _OTHER_DOMAIN.finditer(text):
        name = match.group(1) or match.group(2) or match.group(3)
        said.setdefault(name, []).append((match.start(), None))
    for pattern, values in ((_BINARY, "∈ {0, 1}"), (_SIGNS, "∈ {-1, 1}"), (_UNIT_INTERVAL, "")):
        for match in pattern.finditer(text):
            name = match.group(1) or match.group(2)
            statements = said.setdefault(name, [])
            statements[:] = [(at, v) for at, v in statements if at != match.start()]
            statements.append((match.start(), f"{name} {values}" if values else f"0 ≤ {name} ≤ 1"))
    for name, constraint in constraints_of(text).items():
        said.setdefault(name, []).append((-1, constraint))  # (0 ≤ q ≤ 1, Σ z = 0: everywhere)
    return {name: sorted(found, key=lambda pair: pair[0]) for name, found in said.items()}


def in_force(said: Statements, position: int) -> dict[str, str]:
    """The constraint of each name at ``position`` (see :func:`constraints_at`)."""
    found = {}
    for name, statements in said.items():
        before = [value for at, value in statements if 0 <= at <= position]
        last = before[-1] if before else next((v for _, v in statements if v), None)
        if last is None:  # Σ z = 0 holds throughout, whatever the text says of z's values
            last = next((v for at, v in statements if at < 0 and v and v.startswith("Σ")), None)
        if last is not None:
            found[name] = last
    return found


# entries of one name tied by the text (two classes: \pi_2 = 1 - \pi_1): the reader
# takes the entries of a vector as free, so a counterexample may break the tie
_DIGIT = r"\s*+_\s*+(?:\{\s*+\d\s*+\}|\d)"
_ENTRY_RELATION = lazy(
    rf"(?<![\\a-zA-Z])(?P<left>(\\[a-zA-Z]+|[a-zA-Z]){_DIGIT})\s*+=(?:[^=$]*+=)*?\s*+"
    rf"(?P<tie>(?:[-+\d\s.]*+\2{_DIGIT})++[-+\d\s.]*+)(?=\$|[,;]|\.(?!\d)|\\\\|$)",
    re.MULTILINE,
)


def constraints_of(text: str) -> dict[str, str]:
    """Names the document constrains in ways the reader does not use (``y \\in \\{0, 1\\}``,
    ``\\sum_j z_j = 0``): a counterexample that gives them other values is no flag."""
    found: dict[str, str] = {}
    for match in _BINARY.finditer(text):
        found.setdefault(match.group(1), f"{match.group(1)} ∈ {{0, 1}}")
    for match in _SIGNS.finditer(text):
        found.setdefault(match.group(1), f"{match.group(1)} ∈ {{-1, 1}}")
    for match in _UNIT_INTERVAL.finditer(text):
        name = match.group(1) or match.group(2)
        found.setdefault(name, f"0 ≤ {name} ≤ 1")
    for match in _ENTRY_RELATION.finditer(text):  # \pi_2 = 1 - \pi_1
        tie = f"{match['left']} = {match['tie']}"
        found.setdefault(match.group(2).lstrip("\\"), re.sub(r"\s+", " ", tie.strip().rstrip(".")))
    for match in _ZERO_SUM.finditer(text):
        if re.search(r"[-+*/)}\w]\s*$", text[max(0, match.start() - 40) : match.start()]):
            continue  # \sum_i \hat{y}_i - \sum_i y_i = 0: a difference is zero, not the total
        for name in re.findall(r"([a-zA-Z])_\s*\{?\s*[a-z]\s*\}?\s*=", match.group(1)):
            found.setdefault(name, f"Σ {name} = 0")
    for name, total in stated_totals(text).items():  # \sum_k t_k = 5, "they add up to five"
        found.setdefault(name, total)
    return found


_NUMBER = r"\s*(?:\d+(?:\.\d*)?|\.\d+)\s*"
_GIVEN_ENTRIES = lazy(  # t = (0.1, 0.2, 0.7), \mathbf{y} = [0, 0, 1]^T: labels given by value
    r"(?<![\\A-Za-z])(?:\\(?:mathbf|boldsymbol|bm|vec)\s*)?\{?\s*([a-zA-Z])\s*\}?\s*=\s*"
    rf"(?:\\left\s*)?[(\[]({_NUMBER}(?:,{_NUMBER})+)(?:\\right\s*)?[)\]]"
)


def given_totals(text: str) -> dict[str, str]:
    """The names given as tuples of numbers that each add up to exactly 1 (``$t = (0.1, 0.2,
    0.7)$``, ``$y = [0, 0, 1]$``), with the first as written: an example of labels that sum
    to one, which may mean they always do; not a name also given a tuple that does not
    (``$y = (1, 1, 0)$``), nor in a text that speaks of multi-hot or multi-label targets.

    >>> given_totals("targets $t = (0.1, 0.2, 0.7)$ and $v = (1, 1)$")
    {'t': 't = (0.1, 0.2, 0.7)'}
    """
    if _MULTI_HOT.search(text):
        return {}
    found: dict[str, str] = {}
    others: set[str] = set()
    for m in _GIVEN_ENTRIES.finditer(text):
        if sum(Fraction(entry.strip()) for entry in m.group(2).split(",")) == 1:
            found.setdefault(m.group(1), " ".join(m.group(0).split()))
        else:
            others.add(m.group(1))
    return {name: written for name, written in found.items() if name not in others}


_MULTI_HOT = lazy(r"multi[- ]?(?:hot|label)", re.IGNORECASE)
