"""The max shift of log-sum-exp: steps with ``m = \\max_k z_k`` (or ``\\max_k z_k`` itself) judged
at concrete sizes.

``\\log \\sum_k e^{z_k} = m + \\log \\sum_k e^{z_k - m}`` holds for every number m, so the maximum
is read as one atom ``m``: a step that holds for every m holds for the maximum.  A step that does
not reduce to 0 is flagged only at a point where m is the maximum of the z_k, with both sides
evaluated there; otherwise it is "not checked".  A side is read by a small grammar of its own
(``\\log``, ``\\sum_k``, ``e^{…}``, ``\\exp``, ``\\frac``, entries ``z_k``, ``m``, numbers);
anything else is not read here (None).
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

import mpmath
import sympy

from symsoft.reading.budget import OutOfTime, time_limit
from symsoft.reading.grammar.builder import OWN_LSE, OWN_SOFTMAX
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.table import Meanings

SIZES = (2, 3)
_POINTS = ((0, 1, -2), (3, -1, 2), (1, 1, 0))  # entries z_k at a counterexample (integers)


_BOLD = r"\\(?:mathbf|boldsymbol|bm|vec)\s*(?:\{\s*(?P<w>[a-z])\s*\}|(?P<u>[a-z]))"
_DOTS = r"(?:\\[lc]?dots|\.\.\.)"
_OPERATOR = (  # \max, \max\limits, \operatorname{max}, \underset{k}{\max} (or {max})
    r"(?:\\max(?:\s*\\limits)?|\\operatorname\s*\{\s*max\s*\})"
)
_MAXIMA = (
    # \max_k z_k, \max_{k} z_k, \max_k (z_k), \underset{k}{\max} z_k
    lazy(
        rf"(?:{_OPERATOR}\s*_\s*(?:\{{\s*(?P<k>[a-z])\s*(?:=\s*1\s*)?\}}|(?P<k2>[a-z]))"
        r"(?:\s*\^\s*(?:\{\s*[nNKCd]\s*\}|[nNKCd]))?"  # \max_{i=1}^{n} x_i: over every entry
        r"|\\underset\s*\{\s*(?P<k3>[a-z])\s*\}\s*\{\s*\\?max\s*\})"
        r"\s*(?P<open>\(\s*)?(?P<v>[a-z])_(?:\{\s*(?P<i>[a-z])\s*\}|(?P<i2>[a-z])(?![a-zA-Z]))"
        r"\s*(?(open)\))"
    ),
    # \max(z_1, z_2, \dots, z_n): the first entries, then dots (and perhaps the last)
    lazy(
        rf"{_OPERATOR}\s*(?:\\left\s*)?\(\s*(?P<v>[a-z])_\{{?1\}}?\s*,"
        rf"(?:\s*(?P=v)_\{{?\d\}}?\s*,)*\s*{_DOTS}\s*(?:,\s*(?P=v)_(?:\{{[^{{}}]*\}}|[a-zA-Z]))?"
        r"\s*(?:\\right\s*)?\)"
    ),
    # \max(\mathbf z), \max(z): the whole vector
    lazy(rf"{_OPERATOR}\s*(?:\\left\s*)?\(\s*(?:{_BOLD}|(?P<v>[a-z]))\s*(?:\\right\s*)?\)"),
    # \max{x}: the argument in braces
    lazy(rf"{_OPERATOR}\s*\{{\s*(?:{_BOLD}|(?P<v>[a-z]))\s*\}}"),
)


def _maxima(text: str) -> list[tuple[re.Match[str], str]]:
    """Each maximum over every entry of a vector that the text writes, with the vector's letter
    (``\\max_k z_k`` gives z; ``\\max_k z_j`` is not one)."""
    out = []
    for pattern in _MAXIMA:
        for found in pattern.finditer(text):
            groups = found.groupdict()
            bound = groups.get("k") or groups.get("k2") or groups.get("k3")
            if bound and bound != (groups.get("i") or groups.get("i2")):
                continue
            out.append((found, groups.get("v") or groups.get("w") or groups.get("u")))
    return out


def _maximized(text: str) -> set[str]:
    """The letters whose maximum the text takes: {"z"} for ``\\max_k z_k``."""
    return {letter for _, letter in _maxima(text)}


def _normalized(text: str) -> str:
    text = re.sub(r"\s+(?=[_^])", "", text)  # \sum \limits_{i}: the blanked \limits
    text = re.sub(r"\\(?:left|right|[bB]igg?[lr]?)(?![a-zA-Z])", "", text)
    text = re.sub(r"\\[dt]frac(?![a-zA-Z])", r"\\frac", text)
    text = re.sub(r"\\[,;:! ]|\\q?quad(?![a-zA-Z])|\\cdot(?![a-zA-Z])", " ", text)
    for found, _ in sorted(_maxima(text), key=lambda f: -f[0].start()):
        text = text[: found.start()] + "m" + text[found.end() :]
    text = re.sub(r"\\limits(?![a-zA-Z])", "", text)
    text = re.sub(
        r"\\sum_\{\s*([a-z])\s*=\s*1\s*\}\s*\^\s*(?:\{\s*[A-Zn]\s*\}|[A-Zn])", r"\\sum_\1", text
    )
    text = re.sub(r"\\sum_\{\s*([a-z])\s*\}", r"\\sum_\1", text)
    text = re.sub(r"_\{\s*([a-z])\s*\}", r"_\1", text)
    text = re.sub(r"(\\[a-zA-Z]+)\s+(?=[a-zA-Z])", r"\1~", text)  # \log e: not \loge
    return re.sub(r"\s+", "", text).rstrip(".,")


class Shift(NamedTuple):
    """A document's maximum: ``m = \\max_k z_k`` is Shift("z", "m")."""

    letter: str  # the vector whose maximum is taken
    name: str = "m"  # the number the document writes for it (m, a, c, M, \alpha, …)
    at: int = -1  # where the document defines it


# m, M, \alpha (not an index, nor in braces: x_i = \max(x) is a case); a letter with a word
# (x_{max}, spelled with the reader's mark: x\ue001max); an accented letter, \bar{x}, \hat z; a
# starred one, x^*
_NAMES = (
    r"(?<![a-zA-Z\\_^{])([a-df-zA-Z](?:\ue001[A-Za-z]+)?|\\alpha|\\beta|\\gamma|\\mu"
    r"|\\(?:bar|hat|tilde)\s*(?:\{\s*[a-z]\s*\}|[a-z])|[a-z]\s*\^\s*(?:\{\s*\*\s*\}|\*))(?![a-zA-Z])"
)


def shifted(document: str) -> Shift | None:
    """The maximum the document defines (``m = \\max_k z_k``, ``a = \\max(x_1, x_2, \\dots)``,
    ``c = \\max(\\mathbf z)``; one such definition), else None."""
    found: set[Shift] = set()
    for definition in re.finditer(_NAMES + r"\s*(?:=|:=|\\coloneqq)\s*", document):
        name = definition.group(1)
        rest = document[definition.end() : definition.end() + 200]
        maxima = [f for f, _ in _maxima(rest) if f.start() == 0]
        if not maxima:
            continue  # (c = m = \max_i x_i: c is m's alias, see free_maximum)
        tail = rest[maxima[0].end() :]
        if not re.match(r"\s*(?:\$|\\\)|\\\]|[.,;]|\\\\|\\end|\\quad|\n|$)", tail):
            continue  # m = \max_k z_k + 1 is not the maximum
        letter = _maximized(rest[: maxima[0].end()]).pop()
        if name != letter:
            found.add(Shift(letter, name, definition.start()))
    if len({(shift.letter, shift.name) for shift in found}) != 1:
        return None
    return min(found, key=lambda shift: shift.at)


def free_maximum(meanings: Meanings, document: str) -> Shift | None:
    """The maximum the document defines (:func:`shifted`).  When the reader could not read its
    definition (``x_{max} = \\max(x)``), the name (and an alias, ``c = m = …``) is read as a free
    number: a step that holds for every value of it holds for the maximum; one that does not is
    not decided (``Meanings.maxima``, see ``steps.judge``)."""
    if (shift := shifted(document)) is None:
        return None
    line = f"line {document.count(chr(10), 0, shift.at) + 1}"
    keys = {shift.name.replace("\ue001", "_"), shift.name.lstrip("\\")}
    alias = rf"{_NAMES}\s*=\s*{re.escape(shift.name)}$"
    if found := re.search(alias, document[max(0, shift.at - 40) : shift.at + len(shift.name)]):
        keys.add(found.group(1).lstrip("\\"))
    for key in keys:
        for table in (meanings.table, meanings.unreadable):
            value = table.get(key)
            if value == line or getattr(value, "source", None) == line and key != shift.name:
                del table[key]
                meanings.maxima[key] = f"max_k {shift.letter}_k"
    return shift


_SIGMA_SOFTMAX_DEFINED = lazy(  # e^{z_j}, \exp(z_j), \exp(\mathbf{z})_j; =, :=, \equiv, \coloneqq
    r"\\sigma\((?:\\mathbf\{(?P<v>[a-z])\}|(?P<w>[a-z]))\)_(?P<j>[a-z])(?::=|=|\\equiv|\\coloneqq)"
    r"\\frac\{(?:e\^\{?(?P<v2>[a-z])_(?P=j)\}?|\\exp\((?P<x2>[a-z])_(?P=j)\)"
    r"|\\exp\(\\mathbf\{(?P<x3>[a-z])\}\)_(?P=j))\}"
    r"\{\\sum(?:_(?P<k>[a-z])|_\{(?P<k2>[a-z])=1\}\^\{?[A-Za-z]\}?|\^\{?[A-Za-z]\}?_\{(?P<k3>[a-z])=1\})"
    r"(?:e\^\{?(?P=v2)_(?P<k4>[a-z])\}?|\\exp\((?:(?P=x2)|(?P=x3))_(?P<k5>[a-z])\))\}"
)
_SIGMA_LOGISTIC = lazy(r"\\sigma\([^()]*\)(?::=|=)\\frac\{1\}\{1\+e\^")


_SIGMA_CALL = lazy(r"\\sigma\s*\(")
_SIGMA_PRIME = lazy(r"\\sigma\s*'")


def softmax_sigma(document: str) -> str | None:
    """The letter z when the document defines σ as the softmax of z,
    ``\\sigma(\\mathbf{z})_j = \\frac{e^{z_j}}{\\sum_{k=1}^K e^{z_k}}``, and never writes the
    logistic σ (``\\sigma(x) = \\frac{1}{1 + e^{-x}}``, ``\\sigma'``); else None."""
    if _SIGMA_PRIME.search(document):
        return None
    found = set()
    for call in _SIGMA_CALL.finditer(document):  # each σ( with a short window: linear
        window = _normalized(document[call.start() : call.start() + 300])
        if _SIGMA_LOGISTIC.match(window):
            return None  # σ also written as the logistic function: no single reading
        m = _SIGMA_SOFTMAX_DEFINED.match(window)
        logits = m and (m.group("v2") or m.group("x2") or m.group("x3"))
        summed = m and (m.group("k") or m.group("k2") or m.group("k3"))
        if m and (m.group("v") or m.group("w")) == logits and summed in m.group("k4", "k5"):
            found.add(logits)
    return found.pop() if len(found) == 1 else None


class _NotRead(Exception):
    pass


class _Side:
    """A side at size n, free index ``index`` (None: no free index) as a SymPy expression."""

    def __init__(
        self, text: str, letter: str, n: int, values: dict[str, int], sigma: bool = False
    ) -> None:
        self.text, self.letter, self.n, self.values, self.pos = text, letter, n, values, 0
        self.m = sympy.Symbol("m", real=True)
        self.sigma = sigma  # the document defines \sigma(\mathbf{z})_j as the softmax of z

    def take(self, pattern: str) -> re.Match[str] | None:
        found = re.compile(pattern).match(self.text, self.pos)
        if found:
            self.pos = found.end()
        return found

    def whole(self) -> sympy.Expr:
        value = self.sum()
        if self.pos != len(self.text):
            raise _NotRead
        return value

    def sum(self) -> sympy.Expr:
        sign = self.take(r"[-+]")
        total = self.product() * (-1 if sign and sign.group() == "-" else 1)
        while sign := self.take(r"[-+]"):
            total += self.product() * (-1 if sign.group() == "-" else 1)
        return total

    def product(self) -> sympy.Expr:
        value = sympy.Integer(1)
        found = False
        while self.pos < len(self.text) and not re.match(r"[-+)}]", self.text[self.pos]):
            if self.take("~"):
                continue
            if self.take(r"\\(?:log|ln)(?![a-zA-Z])"):
                if self.text.startswith("(", self.pos):
                    value *= sympy.log(self.factor())
                else:
                    value *= sympy.log(self.product())
                found = True
                continue
            summed = self.take(r"\\sum_([a-z])")
            if summed:
                index = summed.group(1)
                if index in self.values:
                    raise _NotRead
                start, terms = self.pos, []
                for k in range(1, self.n + 1):
                    self.pos = start
                    self.values[index] = k
                    terms.append(self.product())
                del self.values[index]
                value *= sympy.Add(*terms)
                found = True
                continue
            value *= self.factor()
            found = True
        if not found:
            raise _NotRead
        return value

    def factor(self) -> sympy.Expr:
        if self.take(r"e\^"):
            return sympy.exp(self.script())
        if self.take(r"\\exp\("):
            inner = self.sum()
            if not self.take(r"\)"):
                raise _NotRead
            return sympy.exp(inner)
        if self.take(r"\\frac\{"):
            top = self.sum()
            if not self.take(r"\}\{"):
                raise _NotRead
            bottom = self.sum()
            if not self.take(r"\}"):
                raise _NotRead
            return top / bottom
        softmax = self.take(
            (r"(?:\\sigma|" if self.sigma else r"(?:")
            + r"\\(?:mathrm|operatorname|text|textrm)\{[sS]oftmax\}|[sS]oftmax)"
            + rf"\((?:{self.letter}|\\mathbf\{{{self.letter}\}})\)_([a-z])"
        )
        if softmax:  # \mathrm{softmax}(\mathbf z)_j: e^{z_j} / Σ_k e^{z_k}
            own = OWN_SOFTMAX.get() and not softmax.group().startswith("\\sigma")
            if softmax.group(1) not in self.values or own:  # the text's own softmax: not read
                raise _NotRead
            entries = [sympy.Symbol(f"{self.letter}_{k}", real=True) for k in range(1, self.n + 1)]
            at = self.values[softmax.group(1)]
            return sympy.exp(entries[at - 1]) / sympy.Add(*map(sympy.exp, entries))
        opened = self.take(r"[({]")
        if opened:
            inner = self.sum()
            if not self.take(r"\)" if opened.group() == "(" else r"\}"):
                raise _NotRead
            return inner
        lse = self.take(  # \text{LogSumExp}(x): log Σ_k e^{x_k}
            r"\\(?:mathrm|operatorname|text|textrm|mathsf|textsf)\{(?:LSE|lse|logsumexp|LogSumExp)\}"
            rf"\((?:{self.letter}|\\mathbf\{{{self.letter}\}})\)"
        )
        if lse:
            if OWN_LSE.get():
                raise _NotRead  # the text's own log-sum-exp
            return sympy.log(
                sympy.Add(
                    *(
                        sympy.exp(sympy.Symbol(f"{self.letter}_{k}", real=True))
                        for k in range(1, self.n + 1)
                    )
                )
            )
        number = self.take(r"\d+(?![\d_])")
        if number:
            return sympy.Integer(number.group())
        if self.take(r"m(?![_a-zA-Z])"):
            return self.m
        entry = self.take(rf"{self.letter}_([a-z])")
        if entry:
            index = entry.group(1)
            if index not in self.values:
                raise _NotRead
            return sympy.Symbol(f"{self.letter}_{self.values[index]}", real=True)
        raise _NotRead

    def script(self) -> sympy.Expr:
        if self.take(r"\{"):
            inner = self.sum()
            if not self.take(r"\}"):
                raise _NotRead
            return inner
        return self.factor()


def _letter(text: str) -> str | None:
    letters = set(re.findall(r"(?<![a-zA-Z\\])([a-z])_[a-z]", text))
    return letters.pop() if len(letters) == 1 else None


def judge(
    lhs: str, rhs: str, shift: Shift | str | None, sigma: str | None = None
) -> tuple[str, str] | None:
    """(status, summary) of a step about the max shift, or None when it is not one; ``shift``
    is the maximum the document defines (:func:`shifted`; a letter z: ``m = \\max_k z_k``),
    ``sigma`` the letter z when the document defines ``\\sigma(\\mathbf{z})_j`` as the softmax
    (:func:`softmax_sigma`)."""
    if isinstance(shift, str):
        shift = Shift(shift)
    if shift is not None and lhs.strip() == shift.name and _normalized(rhs) == "m":
        return "definition", f"definition of {shift.name} as max_k {shift.letter}_k"
    if shift is not None and shift.name != "m":
        if re.search(r"(?<![\\a-zA-Z])m(?![a-zA-Z])", lhs + rhs):
            return None  # m is something else here
        name = _name_pattern(shift.name)
        lhs, rhs = (re.sub(r"(?<![\\a-zA-Z])" + name, "m", side) for side in (lhs, rhs))
    own = (OWN_SOFTMAX.get(), OWN_LSE.get())  # the text's own softmax, lse: part of the key
    judged = _judged(lhs, rhs, shift.letter if shift is not None else None, sigma, own)
    if judged is None or shift is None or shift.name == "m":
        return judged
    status, summary = judged
    return status, re.sub(
        r"(?<![a-zA-Z])m(?= = max| \(the max|,)|(?<=every )m", lambda _: shift.name, summary
    )


def restated(
    sides: list[str], defined: str, shift: Shift | None, sigma: str | None, seconds: float = 10.0
) -> tuple[str, str]:
    """(status, summary) of a step the reader took for a definition: a name defined again with
    the max shift (``\\sigma(x)_i = \\frac{\\exp(x_i - \\bar{x})}{\\sum_j \\exp(x_j - \\bar{x})}``
    after its definition) that agrees with the first for every shift holds, whether or not it
    was meant as a definition; anything else stays the definition ``defined`` says."""
    if "(a new meaning" not in defined or shift is None:
        return "definition", defined
    try:
        with time_limit(seconds):
            judged = judge(*sides, shift, sigma)
    except OutOfTime:
        return "definition", defined
    return judged if judged is not None and judged[0] == "holds" else ("definition", defined)


def _name_pattern(name: str) -> str:
    """The name of the maximum in any of its spellings: ``\\bar{x}`` is also ``\\bar x``,
    ``x^*`` also ``x^{*}``."""
    accented = re.fullmatch(r"\\(bar|hat|tilde)\s*\{?\s*([a-z])\s*\}?", name)
    if accented:
        accent, letter = accented.groups()
        return rf"\\{accent}\s*(?:\{{\s*{letter}\s*\}}|{letter}(?![a-zA-Z]))"
    starred = re.fullmatch(r"([a-z])\s*\^.*", name)
    if starred:
        return rf"{starred.group(1)}\s*\^\s*(?:\{{\s*\*\s*\}}|\*)"
    return re.escape(name) + r"(?![a-zA-Z])"


@functools.lru_cache(maxsize=256)
def _judged(  # entrywise: a step between softmax vectors (vector_softmax.py), m or not
    lhs: str, rhs: str, defined: str | None, sigma: str | None, _own: tuple, entrywise=False
) -> tuple[str, str] | None:
    if lhs.count("\\sum") + rhs.count("\\sum") > 6 or len(lhs) + len(rhs) > 2000:
        return None  # every sum is written out: keep the sizes small
    try:
        return _shift_step(lhs, rhs, defined, sigma, entrywise)
    except (RecursionError, ArithmeticError, TypeError, ValueError):
        return None  # nested too deep, or a division by 0: not read here


def _shift_step(
    lhs: str, rhs: str, defined: str | None, sigma: str | None = None, entrywise: bool = False
) -> tuple[str, str] | None:
    texts = [_normalized(side) for side in (lhs, rhs)]
    raw = lhs + rhs
    bare = re.search(r"(?<![\\a-zA-Z])m(?![a-zA-Z_])", raw)
    if not _maxima(raw) and not (defined and (bare or entrywise)):
        return None
    letter = _letter(f"{texts[0]} {texts[1]}")  # (apart: p_k then z_k is no "kz_k")
    if letter is None or (bare and letter != defined) or _maximized(raw) - {letter}:
        return None
    if re.search(r"_\s*\{?\s*m(?![a-zA-Z])", raw):
        return None  # m is an index here too
    if re.search(r"\\max(?![a-zA-Z])|\\underset", "".join(texts)):
        return None  # a maximum not read as the atom
    free = sorted(
        set(re.findall(rf"(?<![a-zA-Z\\]){letter}_([a-z])", f"{texts[0]} {texts[1]}"))
        - set(re.findall(r"\\sum_([a-z])", f"{texts[0]} {texts[1]}"))
    )
    if len(free) > 1:
        return None
    failures, wrong_at_the_maximum = [], False
    for n in SIZES:
        for at in range(1, n + 1) if free else [None]:
            values = {free[0]: at} if free else {}
            try:
                sides = [_Side(t, letter, n, dict(values), sigma == letter).whole() for t in texts]
            except (_NotRead, ZeroDivisionError):
                return None
            if _zero(sides[0] - sides[1], letter, n):
                continue
            failure = _counterexample(sides, letter, n)
            if failure is None:
                return "not checked", "not checked: undecided (the max shift)"
            where = f", {free[0]} = {at}" if free else ""
            failures.append(f"N = {n}{where}: {failure}")
            if free and _at_the_maximum(sides, letter, n, at):
                wrong_at_the_maximum = True
    if failures and free and not wrong_at_the_maximum:
        # e^{x_i - \max(x)} = 1: true whenever x_i is the largest entry, which the text may
        # mean in words this reader does not read ("let i be the top class")
        return "not checked", (
            f"not checked: ambiguous: fails at {failures[0]}; it holds whenever "
            f"{letter}_{free[0]} is the largest entry, which the text may mean"
        )
    if failures:
        return "fails", f"fails at {failures[0]}"
    sizes = ", ".join(map(str, SIZES))
    return "holds", f"holds at N = {sizes} for every m, so for m = max_k {letter}_k"


def _zero(difference: sympy.Expr, letter: str, n: int) -> bool:
    """Whether the difference is 0 once e^{z_k} = u_k, e^m = v and every log is expanded."""
    u = [sympy.Symbol(f"u_{k}", positive=True) for k in range(1, n + 1)]
    v = sympy.Symbol("v", positive=True)
    z = [sympy.Symbol(f"{letter}_{k}", real=True) for k in range(1, n + 1)]
    m = sympy.Symbol("m", real=True)
    expanded = sympy.expand(difference, power_exp=True, log=False)
    expanded = expanded.replace(
        sympy.exp, lambda arg: sympy.exp(sympy.expand(arg)).rewrite(sympy.exp)
    )
    expanded = sympy.powsimp(sympy.expand(expanded, power_exp=True), combine="base")
    table = dict(zip([sympy.exp(t) for t in z], u, strict=True)) | {sympy.exp(m): v}
    table |= {sympy.exp(-t): 1 / w for t, w in zip(z, u, strict=True)} | {sympy.exp(-m): 1 / v}
    rational = expanded.xreplace(table)
    rational = rational.replace(sympy.log, lambda arg: sympy.log(sympy.factor(sympy.cancel(arg))))
    logs = sympy.expand_log(rational, force=True)
    back = dict(zip([sympy.log(w) for w in u], z, strict=True)) | {sympy.log(v): m}
    result = sympy.expand(logs.xreplace(back))
    return result == 0 or sympy.cancel(sympy.together(result)) == 0  # (u v) / (u v + w v) - …


def _at_the_maximum(sides: list[sympy.Expr], letter: str, n: int, at: int) -> bool:
    """Whether the sides differ at some integer point where ``letter_at`` is the maximum."""
    m = sympy.Symbol("m", real=True)
    for point in _POINTS:
        entries = list(point[:n])
        entries[at - 1] = max(entries) + 1
        values = {sympy.Symbol(f"{letter}_{k}", real=True): entries[k - 1] for k in range(1, n + 1)}
        values[m] = entries[at - 1]
        left, right = (side.xreplace(values) for side in sides)
        with mpmath.workdps(50):
            if abs(sympy.N(left - right, 50)) > sympy.Float("1e-30"):
                return True
    return False


def _counterexample(sides: list[sympy.Expr], letter: str, n: int) -> str | None:
    """Both sides at integer z_k with m their maximum, if they differ there."""
    m = sympy.Symbol("m", real=True)
    for point in _POINTS:
        values = {sympy.Symbol(f"{letter}_{k}", real=True): point[k - 1] for k in range(1, n + 1)}
        values[m] = max(point[:n])
        left, right = (side.xreplace(values) for side in sides)
        with mpmath.workdps(50):
            gap = abs(sympy.N(left - right, 50))
        if gap > sympy.Float("1e-30"):
            shown = ", ".join(f"{letter}_{k} = {point[k - 1]}" for k in range(1, n + 1))
            return (
                f"{shown}, m = max = {max(point[:n])}: left side {left} ≈ {sympy.N(left, 6)}, "
                f"right side {right} ≈ {sympy.N(right, 6)}"
            )
    return None


__all__ = ["SIZES", "Shift", "judge", "restated", "shifted", "softmax_sigma"]
