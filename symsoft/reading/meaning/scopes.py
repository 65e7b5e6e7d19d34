"""Where each meaning of a name holds: a name defined again after a heading or a "from here on"
opens a new scope, and the same meaning written twice is one definition; the sizes a document
states.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import sympy

from symsoft.errors import SymsoftError
from symsoft.reading.budget import OutOfTime, time_limit
from symsoft.reading.documents.spans import Text
from symsoft.reading.documents.word_names import WORD_MARK
from symsoft.reading.judge.names import Unreadable
from symsoft.reading.judge.steps import judge
from symsoft.reading.judge.symbolic import name_of
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.prose import HEADING, INLINE_MATH
from symsoft.reading.meaning.table import AFTER_HEADING, Meaning, Meanings
from symsoft.reading.meaning.variables import variables_of

STEP_SECONDS = 10.0


STATED_SIZE = lazy(r"\$\s*[NKCMn]\s*=\s*(\d{1,2})\s*\$")


_SIZE_WORDS = {"two": 2, "three": 3, "four": 4, "2": 2, "3": 3, "4": 4}


_SIZE_IN_WORDS = lazy(  # "has only two classes", "the sum runs over the two classes"
    r"\b(?:with|only|has|have|over|just|are|for)\s+(?:the\s+|only\s+)?(two|three|four|[234])\s+"
    r"(?:classes|categories|outputs|labels|output\s+(?:neurons|units|nodes))\b",
    re.IGNORECASE,
)


def stated_sizes(text: str) -> set[int]:
    """The numbers of classes the text states: ``$K = 3$``, "with only two classes"."""
    sizes = {int(size) for size in STATED_SIZE.findall(text)}
    return sizes | {_SIZE_WORDS[w.lower()] for w in _SIZE_IN_WORDS.findall(text)}


def scopes_of(
    text: Text,
    redefined: dict[str, list[tuple[int, Meaning, tuple[int, int] | None]]],
    meanings: Meanings,
    stated: bool,
    n: int | None,
    definitions: dict[tuple[int, int], str],
) -> dict[str, list[tuple[int, Meaning]]]:
    """The names the document defines twice with different values ("S" the softmax in one
    section, the logistic function in the next), each with its definitions by position.  A
    later definition with the same value is a step, judged as any other; one with a new value
    is a definition, and the steps that use the name are judged under each."""
    scopes: dict[str, list[tuple[int, Meaning]]] = {}
    for name, found in redefined.items():
        if name not in meanings.table:
            continue  # not read at all (a sentence made it unreadable)
        first_at, first, _ = found[0]
        kept = [(first_at, first)]
        for position, meaning, key in sorted(found[1:], key=lambda found: found[0]):
            if meaning.source.endswith(AFTER_HEADING):
                kept.append((position, meaning))  # the first value again, past a case's heading
                continue
            if not meaning.unread and len(kept) > 1 and not kept[-1][1].unread:
                if _same_meaning(kept[-1][1], meaning, meanings, stated, n):
                    continue  # the meaning in force, restated: a step
            if not meaning.unread and _same_meaning(first, meaning, meanings, stated, n):
                if len(kept) > 1 and kept[-1][1].unread:  # the first meaning again after one
                    kept.append((position, first))  # not read: in force from here on (a read
                    # other meaning stays: the first written again may be a comparison)
                continue
            line, _ = text.place(kept[-1][0])  # (the meaning in force before it)
            written = meaning.latex.partition("=")[0].strip()
            if position in meanings.guessed:  # a new meaning, or a restatement that fails?
                why = f"a new meaning, or a restatement of line {line} that does not hold?"
                kept.append((position, replace(meaning, unread=why)))
                if key is not None:
                    definitions[key] = f"definition of {written} ({why} which one a later step"
                    definitions[key] += " uses is not read)"
                continue
            kept.append((position, meaning))
            if key is not None:
                definitions[key] = (
                    f"definition of {written} (a new meaning: line {line} defines it differently)"
                )
        if len(kept) > 1:
            scopes[name] = kept
    return scopes


def _same_meaning(
    first: Meaning, other: Meaning, meanings: Meanings, stated: bool, n: int | None
) -> bool:
    """Whether two definitions of one name agree (proved equal in every index case)."""
    if (first.index is None) != (other.index is None):
        return False
    index = first.index
    value = other.value if index is None else other.value.xreplace({other.index: index})
    try:
        with time_limit(STEP_SECONDS):
            checks = judge(first.value, value, meanings, None, stated, n)
    except (
        OutOfTime,
        Unreadable,
        SymsoftError,
        RecursionError,
        ValueError,
        TypeError,
        ArithmeticError,
        NotImplementedError,
    ):
        return False
    return bool(checks) and all(check.verdict.status == "proved" for check in checks)


# a name alone, or after a differential's d (\frac{du}{dx} uses u)
_NAME_START = r"(?:(?<![a-zA-Z\\])|(?<=(?<![a-zA-Z\\])d))"
_VAR = {"epsilon": "(?:var)?epsilon"}  # \varepsilon is the name epsilon too
# the names the grammar gives Greek letters (\gamma_j is gamma[j], \varepsilon is epsilon)
_GREEK_NAMES = frozenset(
    "epsilon tau alpha beta gamma eta lambda theta phi psi mu nu rho omega xi kappa zeta chi"
    " Sigma Gamma Delta Theta Phi Psi Omega Lambda".split()
)


def scoped_in(
    scopes: dict[str, list[tuple[int, Meaning]]],
    written: str,
    table: dict[str, Meaning] | None = None,
) -> list[str]:
    """The names defined more than once (``scopes``) that ``written`` uses: those it writes,
    and those their definitions write in turn (``p_i = e^{a_i} / S`` with S defined again in
    the same sentence as p: S too), and those the definitions in ``table`` of the names it
    writes reach (``J = L + \\frac{\\lambda}{2} a^2`` with L defined twice: L)."""
    table = table or {}
    names = {
        name
        for name in {*scopes, *table}
        if re.search(rf"{_NAME_START}{re.escape(name)}(?![a-zA-Z])", written)
        or ("_" in name and name.replace("_", WORD_MARK, 1) in written)  # a word: l\ue001oss
        or writes_accented(written, name)
        or name in _GREEK_NAMES
        and re.search(rf"\\{_VAR.get(name, name)}(?![a-zA-Z])", written)
    }
    todo = list(names)
    while todo:
        name = todo.pop()
        if name not in scopes:  # one meaning: what its value writes
            value = table[name].value
            for atom in value.atoms(sympy.Indexed, sympy.Symbol) if value is not None else ():
                found = name_of(atom)
                if found in {*scopes, *table} and found not in names:
                    names.add(found)
                    todo.append(found)
            continue
        for _, meaning in scopes[name]:
            for atom in meaning.value.atoms(sympy.Indexed, sympy.Symbol):
                found = name_of(atom)
                if found in {*scopes, *table} and found not in names:
                    names.add(found)
                    todo.append(found)
    return sorted(names & scopes.keys())


def differentiates_by(written: str, name: str) -> bool:
    """Whether ``written`` differentiates by the name (``\\partial \\boldsymbol{\\theta}``,
    ``\\partial{a_j}``)."""
    return bool(
        re.search(
            rf"\\partial\s*\{{?\s*(?:\\[a-zA-Z]+\s*\{{\s*)?\\?{re.escape(name)}(?![a-zA-Z])",
            written,
        )
    )


def writes(written: str, name: str) -> bool:
    """Whether ``written`` writes the name (``theta`` also as ``\\theta``, ``yhat`` as
    ``\\hat{y}``)."""
    if writes_accented(written, name):
        return True
    return bool(re.search(rf"(?<![a-zA-Z]){re.escape(name)}(?![a-zA-Z])", written))


def writes_accented(written: str, name: str) -> bool:
    """Whether ``written`` writes the accented name (``yhat`` as ``\\hat{y}``, ``\\hat y``)."""
    accented = _ACCENTED_NAME.fullmatch(name)
    if not accented:
        return False
    letter, accent = accented.groups()
    accents = {"hat": "hat|widehat", "tilde": "tilde|widetilde", "bar": "bar|overline"}
    pattern = rf"\\(?:{accents.get(accent, accent)})\s*\{{?\s*\\?{letter}(?![a-zA-Z])"
    return bool(re.search(pattern, written))


_ACCENTED_NAME = lazy(r"([a-zA-Z]+?)(hat|tilde|bar|dot|ddot|check|breve|acute|grave)")


def differentiated_by(written: str, name: str) -> bool:
    """Whether ``written`` takes a derivative by the name, below the bar (``\\frac{\\partial
    z_i}{\\partial{a_j}}``, ``/ \\partial a_j``): not ``\\partial L`` above it."""
    by = r"(?:\}\s*\{|/|\\over)\s*\\partial\s*\{?\s*(?:\\[a-zA-Z]+\s*\{\s*)?\\?"
    return re.search(by + re.escape(name) + r"(?![a-zA-Z])", written) is not None


def left_free(meanings: Meanings, written: str, at: int) -> set[str]:
    """The names defined in a way not read that a step at ``at`` reads free: those it writes
    in an earlier section than their definition (\\theta = Uh + b_2 in a later one)."""
    return {
        name
        for name, start in meanings.unreadable_from.items()
        if name in meanings.unreadable and at < start and writes(written, name)
    }


def read_free(
    meanings: Meanings, written: str, at: int, text_by: tuple[set[str], set[str]]
) -> tuple[set[str], set[str]]:
    r"""The names defined in a way not read that a step at ``at`` reads free: those of
    :func:`left_free`, and those (``\mathbf{o} = \mathbf{W}\mathbf{x} + \mathbf{b}``) the text
    (``text_by``: the names it differentiates by, and those it differentiates) only
    differentiates by, in a step that differentiates by them and nothing else: a derivative by
    o needs no value of o (a step without one, ``o_j = \sum_k W_{jk} x_k``, may need it).  The
    second set: those last names, on which no flag may rest (o = exp(Wx) is positive)."""
    variables, differentiated = text_by
    names = {
        name
        for name in meanings.unreadable
        if name in variables and name not in differentiated and writes(written, name)
    }
    by = variables_of(written)[0]
    loose = names if by and by <= names else set()
    return left_free(meanings, written, at) | loose, loose


def names_used(meanings: Meanings, written: str) -> set[str]:
    """The defined names ``written`` uses, itself or through the definitions it uses (``J``
    by ``y``)."""
    used = {name for name in meanings.table if writes(written, name)}
    return used | (reached(meanings, used) & meanings.table.keys())


def reached(meanings: Meanings, names: set[str]) -> set[str]:
    """Every name the definitions of ``names`` write, and those their definitions write in
    turn (``z_i = \\sum_j w_{ij} x_j + b``: w, x, b, and j's size and indices)."""
    seen: set[str] = set()
    todo = list(names)
    while todo:
        meaning = meanings.table.get(todo.pop())
        if meaning is None:
            continue
        for atom in meaning.value.atoms(sympy.Indexed, sympy.Symbol):
            found = name_of(atom)
            if found is not None and found not in seen:
                seen.add(found)
                todo.append(found)
    return seen


# the prose that makes a definition a new choice rather than the "where Z = …" of a formula
# above it: "Now take $c = …$", "from now on", "instead", "choose"
_NEW_CHOICE = lazy(
    r"\b(?:now|from\s+now\s+on|henceforth|instead|choose|chose|choice|pick|in\s+the\s+rest)\b",
    re.IGNORECASE,
)


def defined_after(text: Text, meanings: Meanings, at: int, used: set[str]) -> dict[str, int]:
    """The names among ``used`` whose definition comes after ``at`` in a later section (a
    heading between them) or as a new choice ("now let $c = …$"), each with its line: at
    ``at`` the name may still be free, or mean something else."""
    later = [name for name in sorted(used) if meanings.defined_at.get(name, -1) > at]
    if not later:
        return {}  # the common case, without a copy of the whole text for each step
    source = text.slice(0, len(text.chars))
    return {
        name: text.place(meanings.defined_at[name])[0]
        for name in later
        if (
            comes_later(source, at, meanings.defined_at[name])
            or _a_number(meanings.table.get(name))
        )
        and _said_before(source, name, meanings.defined_at[name], meanings.table.get(name))
    }


def _a_number(meaning: Meaning | None) -> bool:
    """Whether a definition gives a name one number (``w = \\frac{300}{100} = 3``, ``\\text{loss}
    = 3 \\log 2``): after a text's general steps, a worked example's value (red team 74)."""
    return meaning is not None and meaning.index is None and bool(meaning.value.is_number)


def _said_before(source: str, name: str, end: int, meaning: Meaning | None = None) -> bool:
    """Whether the text may give ``name`` another meaning before its definition at ``end``: a
    name of symsoft's defaults (p, S, L, stated in words), or one the prose writes in its math
    ("$c$ is a constant"). A name that only the displays before it use has no meaning but the
    later definition (a post that derives with y and defines y in its last section), unless
    the definition is said to be another choice ("we instead use") or is a sigmoid where the
    words before it speak of a softmax (or the reverse): two output layers, one section each."""
    if name in ("p", "S", "L"):
        return True
    before = re.sub(r"(?:\$\$|\\\[|\\begin\{[a-z*]+\})\s*$", "", source[max(0, end - 300) : end])
    lead = re.split(r"\$\$|\\\]|\\end\{[a-z*]+\}|[.!?](?:\s|$)", before)[-1]
    if _NEW_CHOICE.search(lead) or _ANOTHER_CHOICE.search(lead):
        return True
    if meaning is not None and meaning.value is not None:
        normalized = bool(meaning.value.atoms(sympy.Sum))
        words = _SIGMOID_WORDS if normalized else _SOFTMAX_WORDS
        if words.search(source, 0, end):
            return True
    return any(
        writes(match.group(), name) or writes_accented(match.group(), name)
        for match in INLINE_MATH.finditer(source, 0, end)
    )


_ANOTHER_CHOICE = lazy(
    r"\b(?:alternative(?:ly)?|another|rather|in\s+contrast|multi-?label|otherwise)\b", re.I
)
_SOFTMAX_WORDS = lazy(r"softmax|normali[sz]ed\s+exponential", re.IGNORECASE)
_SIGMOID_WORDS = lazy(r"sigmoid|logistic", re.IGNORECASE)


def comes_later(source: str, at: int, start: int) -> bool:
    """Whether a definition at ``start`` comes after ``at`` in a later section or as a new
    choice ("Now take $c = …$"), rather than as the "where" of a formula before it."""
    if start <= at:
        return False
    before = source[max(at, start - 160) : start]
    lead = re.split(r"\$\$|\\\]|\\end\{[a-z*]+\}|[.!?](?:\s|$)", before)[-1]
    return bool(HEADING.search(source, at, start) or _NEW_CHOICE.search(lead))


def in_force(ordered: list[tuple[int, Any]], at: int) -> tuple[int, Any]:
    """Of the definitions ``ordered`` (position, meaning), the one in force at ``at``: the last
    one before it, else the first."""
    return max((d for d in ordered if d[0] <= at), key=lambda d: d[0], default=ordered[0])
