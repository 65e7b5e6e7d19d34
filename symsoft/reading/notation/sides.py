"""Read one side of a written step into SymPy, its derivative notation computed by SymPy.

The derivatives (``\\frac{\\partial S_i}{\\partial a_j}``, ``\\frac{\\partial}{\\partial o_i}
\\left(…\\right)``, ``\\partial L / \\partial o_i``) are cut out of the text first: what is
differentiated is read by :func:`symsoft.reading.grammar.latex.parse_expression`, its names
replaced by their meanings except the variable's own, and differentiated with ``sympy.diff``.
The rest is parsed with a placeholder ``\\uE000_{0,n}`` where the n-th derivative stood.
Nothing is evaluated from the text; what cannot be read without a guess raises Unreadable."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import sympy
from sympy.tensor.indexed import IndexException

from symsoft.errors import UnsupportedExpression
from symsoft.reading.documents.brackets import matching
from symsoft.reading.documents.macros import bare_sigma, expand
from symsoft.reading.documents.own_functions import standard_hyperbolic
from symsoft.reading.documents.subscripts import subscript_letters, sum_scripts_in_order
from symsoft.reading.documents.word_names import GREEK_FUNCTIONS, LETTER_OR_WORD, word_of
from symsoft.reading.grammar.characters import spelled_out
from symsoft.reading.grammar.diagnostics import MAX_CLAIM_LENGTH
from symsoft.reading.grammar.forms import ClaimSyntaxError
from symsoft.reading.grammar.latex import parse_expression
from symsoft.reading.judge.names import Unreadable, below_one, check_names, check_one_meaning
from symsoft.reading.judge.symbolic import (
    absent_entries,
    evaluate,
    expand_logs,
    fresh_bounds,
    name_of,
    resolve,
)
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.arbitrary_losses import second_derivative
from symsoft.reading.meaning.arguments import CALLED
from symsoft.reading.meaning.euler import writes_bare_e
from symsoft.reading.meaning.other_arguments import called_at, unread_call, written_with_arguments
from symsoft.reading.meaning.primed import written_as_calls
from symsoft.reading.meaning.shorthand import expand_shorthand
from symsoft.reading.meaning.table import Meanings
from symsoft.reading.notation import derivatives
from symsoft.reading.notation.derivatives import _WORD_CALL, _Cut, _find_derivatives, _reach
from symsoft.reading.notation.physics import physics_spelled
from symsoft.reading.notation.primed_names import _PLACEHOLDER, CUT, check_written, primed_names
from symsoft.reading.notation.through_names import check_entries_read, expanded_by, through_scaled
from symsoft.reading.notation.vectors import entrywise

MAX_DERIVATIVE_NESTING = 4

_BARE_SUM = lazy(r"\\sum(?![a-zA-Z])(\s*\\(?:limits|nolimits|displaystyle)(?![a-zA-Z]))*")
_EXCLUDING_SUM = lazy(
    r"\\sum\s*_\s*\{\s*([a-z])\s*(?:\\neq?(?![a-zA-Z])|\\not\s*=|\u2260)\s*\{?([a-zA-Z0-9])\}?\s*\}"
    r"((?:\s*\\(?:limits|nolimits)(?![a-zA-Z]))?\s*\^\s*(?:\{[^{}]*\}|[A-Za-z0-9]))?"
    r"(\s*[-+\u2212](?![-+]))?"  # \sum_{k \neq i} -p_k y_k: the sign is the summand's
)
_SINGLE_SUM = lazy(r"\\sum\s*_\s*\{\s*([i-n])\s*=\s*([i-n])\s*\}(?!\s*(?:\\limits\s*)?\^)")


_TEMPERED = lazy(r"\\sigma\s*_\s*$")
_SIGMA_PRIMED = lazy(r"\\sigma\s*(?:'|\^\s*\{?\s*(?:'|\\prime))")  # σ'(x)


def _single_terms(text: str) -> str:
    """``\\sum_{j=i}`` beside ``\\sum_{j \\neq i}`` is the single term j = i (read as a sum
    with a Kronecker delta); alone, without an upper bound, it is ambiguous."""
    for match in _SINGLE_SUM.finditer(text):
        index, other = match.groups()
        beside = re.search(
            rf"\\sum\s*_\s*\{{\s*{index}\s*(?:\\neq?(?![a-zA-Z])|\\not\s*=|≠)\s*{other}\s*\}}", text
        )
        if beside is None:
            raise Unreadable(
                f"ambiguous {match.group()!r}: the single term {index} = {other}, or a sum from "
                f"{other} to N?",
                match.start(),
            )
    return _SINGLE_SUM.sub(
        lambda m: f"\\sum_{{{m.group(1)}}} \\delta_{{{m.group(1)}{m.group(2)}}}".ljust(
            len(m.group())
        ),
        text,
    )


_SUM_SCRIPT = lazy(r"\\sum\s*_\s*(?:\{[^{}]*\}|[a-zA-Z])")


def _reversed_exclusions(text: str) -> None:
    """``-\\frac{t_i}{y_i} - \\sum_{i \\ne j} \\frac{t_j}{y_j}``: the letter before the sign is
    a free index the side wrote before the sum and the letter after it is new, so the author
    may sum over that one (j, all but i): which one? not read (summing over i would flag a
    correct step)."""
    for match in _EXCLUDING_SUM.finditer(text):
        letter, other = match.group(1), match.group(2)
        before = _SUM_SCRIPT.sub(" ", text[: match.start()])  # not another sum's own letter
        written = {
            found
            for found in (letter, other)
            if re.search(rf"_\s*\{{?[^{{}}=]*?(?<![a-zA-Z\\]){found}(?![a-zA-Z])", before)
        }
        if written == {letter}:  # i written before, j new: the text's j runs over the sum
            raise Unreadable(
                f"ambiguous {match.group().strip()!r}: {letter} is a free index before it; "
                f"a sum over {letter}, or over {match.group(2)} (all but {letter})?",
                match.start(),
            )


_EMPTY_SCRIPT = lazy(r"[_^]\s*\{\s*\}")
_MBOX = lazy(r"\\mbox(?![a-zA-Z])")  # plain TeX's \mbox{…} is \text{…}, same length


def _indexed_calls(text: str) -> str:
    """``\\text{softmax}(y)[k]`` (Stan's docs) written ``\\text{softmax}(y)_k``: an entry of
    the vector a named function returns, when the bracket holds one index letter."""
    out, pos = [], 0
    for call in _WORD_CALL.finditer(text):
        end = matching(text, call.end())
        if end < 0 or not re.match(r"\[\s*[i-n]\s*\]", text[end:]):
            continue
        close = text.index("]", end)
        letter = text[end + 1 : close].strip()
        out += [text[pos:end], ("_" + letter).ljust(close + 1 - end)]
        pos = close + 1
    return "".join(out) + text[pos:]


_FUNCTION_CALL = lazy(
    rf"(?<![\\a-zA-Z])(\\(?:sigma|ell|{GREEK_FUNCTIONS})(?![a-zA-Z])|\\?(?:tanh|sinh|cosh)(?![a-zA-Z])"
    rf"|{LETTER_OR_WORD})"
    r"\s*((?:'|\^\s*\{?\s*\\prime\s*\}?)*)\s*"
    r"(?:\\left\s*)?\(((?:[^()]|\([^()]*\))*)(?:\\right\s*)?\)"
)  # f'(g(x)): one level of parentheses inside the argument
_ARGUMENT_NAME = (  # w, \mathbf{x}, w_1, w_{12}: a parameter a function of several is written of
    r"\s*(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{?\s*)?[a-zA-Z]\s*\}?"
    r"(?:\s*_\s*(?:\{\s*[a-zA-Z0-9]{1,3}\s*\}|[a-zA-Z0-9]))?\s*"
)
_INDEXED_CALL = lazy(  # an indexed name applied to names, g_1(x_1), f_{2}(x, y) (not g_i(x))
    r"(?<![\\a-zA-Z])([a-zA-Z]\s*_\s*(?:\{\s*[a-zA-Z0-9]{1,3}\s*\}|[0-9]))\s*(?:\\left\s*)?\("
    rf"({_ARGUMENT_NAME}(?:,{_ARGUMENT_NAME})*)(?:\\right\s*)?\)"
)
_ACCENTED_ARGUMENT = (  # \hat{y} among several: L(\hat{y}, y) (alone, y(\hat{y}) may be a product)
    r"\s*\\(?:hat|tilde|bar)\s*(?:\{\s*(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*[a-zA-Z]\s*\}|[a-zA-Z])"
    r"\s*\}|[a-zA-Z](?![a-zA-Z]))\s*"
)
_SEVERAL = rf"(?:{_ARGUMENT_NAME}|{_ACCENTED_ARGUMENT})"
_BARE_NAMES = lazy(rf"{_ARGUMENT_NAME}(?:,{_ARGUMENT_NAME})*|{_SEVERAL}(?:,{_SEVERAL})+")
_INDEXED_NAME = lazy(r"\s*[a-zA-Z]\s*(?:_\s*(?:\{\s*[a-zA-Z0-9]+\s*\}|[a-zA-Z0-9])|\ue001\w)\s*")
_X = sympy.Symbol("x", real=True)
_SIGMOID = 1 / (1 + sympy.exp(-_X))
_HYPERBOLIC = standard_hyperbolic(_X)  # (none the text defines its own way)


def _logistic(expr: sympy.Expr) -> sympy.Expr:
    """``σ(z)`` is the logistic function ``1 / (1 + e^{-z})``, its one reading."""
    return expr.replace(
        lambda e: isinstance(e, sympy.core.function.AppliedUndef) and e.func.__name__ == "sigma",
        lambda e: _SIGMOID.xreplace({_X: e.args[0]}),
    )


def _order(primes: str) -> int:
    return primes.count("'") + primes.count("\\prime")


def _logistic_derivative(argument: sympy.Expr, order: int) -> sympy.Expr:
    return sympy.diff(_SIGMOID, _X, order).xreplace({_X: argument})


def _bind_bare_sums(text: str) -> str:
    """``\\sum body`` without an index, read as a sum over the one index its body uses
    (``\\sum e^{a_k}`` is ``\\sum_k e^{a_k}``, ``\\sum e^{x_d}`` is ``\\sum_d e^{x_d}``).  When the
    body uses several, the ones also written outside the sum on the same side are the side's
    own indices (``\\sum e^{x_d} \\cdot e^{x_i} - e^{x_i}``: the sum is over d; the factor
    without d is the same inside the sum or before it); two or none left: an error, never a
    guess."""
    bare = [m for m in _BARE_SUM.finditer(text) if not re.match(r"\s*[_^]", text[m.end() :])]
    outside = text  # the side without the bodies of its bare sums
    for match in bare:
        reach = _reach(text, match.end())
        outside = outside[: match.end()] + " " * len(reach) + outside[match.end() + len(reach) :]
    out, pos = [], 0
    for match in bare:
        after = match.end()
        letters = subscript_letters(_reach(text, after))
        if len(letters) > 1:
            own = subscript_letters(outside)
            if len(letters - own) == 1:
                letters -= own
        if len(letters) != 1:
            which = ", ".join(sorted(letters)) or "none"
            raise Unreadable(
                f"\\sum without an index, and its terms use {which}: write \\sum_k", match.start()
            )
        out.append(text[pos:after] + "_" + letters.pop())
        pos = after
    return "".join(out) + text[pos:]


@dataclass
class Reader:
    """Reads sides of steps into SymPy, derivatives computed under ``meanings``."""

    meanings: Meanings
    cache: dict[tuple[str, object], tuple[sympy.Expr, frozenset[str]]] = field(default_factory=dict)
    depth: int = 0  # derivatives inside the derivative being read
    layout: str = "numerator"  # a reading of vectors.READINGS: Jacobian layout, row vectors
    operands: str = "strict"  # what a derivative operator applies to: see _operand

    def expression(self, text: str) -> sympy.Expr:
        """The side written in ``text``, its derivatives evaluated.

        >>> Reader(Meanings.standard()).expression(r"\\frac{\\partial}{\\partial a_j} S_i")
        ... # doctest: +NORMALIZE_WHITESPACE
        -exp(a[i])*exp(a[j])/Sum(exp(a[_k]), (_k, 1, N))**2
        + exp(a[i])*KroneckerDelta(i, j)/Sum(exp(a[_k]), (_k, 1, N))
        """
        spelled = spelled_out(text)
        if spelled.text != text:  # ∂p_j/∂z_i: unicode read as the commands it stands for
            try:
                return self.expression(spelled.text)
            except Unreadable as exc:
                raise Unreadable(exc.reason, spelled.written(exc.pos)) from None
        text = physics_spelled(expand(bare_sigma(text), self.meanings.macros))  # \\pdv; σ' = …
        text = sum_scripts_in_order(_EMPTY_SCRIPT.sub(lambda m: " " * len(m.group()), text))
        text = _indexed_calls(_MBOX.sub(r"\\text", text))
        key = (text, self.meanings.prime_by, self.meanings.prime_text)  # g' by (prime_heads)
        if key not in self.cache:
            before, self.meanings.used = self.meanings.used, set()
            try:
                self.cache[key] = (self._read(text), frozenset(self.meanings.used))
            finally:
                self.meanings.used = before | self.meanings.used
        value, used = self.cache[key]
        self.meanings.used |= used
        return value

    @property
    def entry_vectors(self) -> frozenset[str]:
        """The letters the document defines entry by entry (``S_i = \\frac{e^{a_i}}{\\sum_k
        e^{a_k}}``, ``p_i = …``): a bold capital so written is that vector (another bold capital
        may be a matrix, and is not read), and so is such a plain letter differentiated by a
        vector (``\\frac{\\partial p}{\\partial \\mathbf{z}}``, the Jacobian)."""
        return frozenset(
            name
            for name, meaning in self.meanings.table.items()
            if len(name) == 1
            and name.isalpha()
            and meaning.index is not None
            and meaning.source not in ("standard", "--define")
            and not meaning.unread
        )

    def _read(self, text: str) -> sympy.Expr:
        if len(text) > MAX_CLAIM_LENGTH:
            raise Unreadable(f"a side of {len(text)} characters; at most {MAX_CLAIM_LENGTH}")
        if self.meanings.euler_name and writes_bare_e(text):
            raise Unreadable(
                f"ambiguous: e may be Euler's number or the name the text defines "
                f"({self.meanings.euler_name})"
            )
        entries = entrywise(text, self.layout, self.entry_vectors) if self.depth == 0 else None
        if entries is not None and entries.size is not None:
            raise Unreadable("a matrix written out: judged entry by entry only in a step")
        if entries is not None:  # vector notation, read at one entry
            try:
                return self._read_indices(entries.text)
            except Unreadable as exc:
                raise Unreadable(f"{exc.reason} (read entry by entry: {entries.text})") from None
        return self._read_indices(text)

    def _read_indices(self, text: str) -> sympy.Expr:
        check_written(text, self.meanings)  # U+E000 is reserved; N(z) beside the count N
        values: dict[sympy.Expr, sympy.Expr] = {}  # u' of u = e^x: its derivative
        text = primed_names(written_as_calls(text, self.meanings.functions), self.meanings, values)
        pieces, pos = [], 0
        functions = frozenset(self.meanings.functions)
        for start, end, cut in _find_derivatives(text, self.operands, functions):
            placeholder = f"{CUT}_{{0,{len(values) + 1}}}"
            pieces.append(text[pos:start] + placeholder.ljust(end - start))
            values[_PLACEHOLDER[0, len(values) + 1]] = self._derivative(cut, text)
            pos = end
        rewritten = self._functions("".join(pieces) + text[pos:], values)
        try:
            rewritten = _single_terms(rewritten)
            _reversed_exclusions(text)  # as written: a derivative cut out still shows its index
            rewritten = _EXCLUDING_SUM.sub(r"\\sum_{\1}\3 \4(1 - \\delta_{\1,\2})", rewritten)
            rewritten = expand_shorthand(rewritten, *self.meanings.shorthand, text)
            expr = parse_expression(_bind_bare_sums(rewritten), open_names=True)
        except ClaimSyntaxError as exc:
            raise Unreadable(exc.problem, exc.pos) from None
        expr = expr.xreplace(values)
        if "sigma" in self.meanings.unreadable and (
            expr.atoms(sympy.core.function.AppliedUndef) or _SIGMA_PRIMED.search(text)
        ):
            raise Unreadable(
                f"σ is defined by the document ({self.meanings.unreadable['sigma']}), not read here"
            )
        return _logistic(expr)

    def _functions(self, text: str, values: dict[sympy.Expr, sympy.Expr]) -> str:
        """Each ``g(x)``, ``f'(x)``, ``\\sigma'(z)`` of a function the document defines (or uses
        in a definition) replaced by a placeholder ``CUT_{1,n}`` whose value is computed."""
        functions = self.meanings.functions
        for call in _INDEXED_CALL.finditer(text):  # g_1(x_1): g_1 · x_1, or a function g_1?
            raise Unreadable(
                f"ambiguous {call.group().strip()!r}: a product, or {call.group(1).strip()} as "
                f"a function of {call.group(2).strip()}? the document does not say",
                call.start(),
            )
        if not _FUNCTION_CALL.search(text):
            return text
        out, pos = [], 0
        for match in _FUNCTION_CALL.finditer(text):
            name, primes, argument = match.group(1), match.group(2), match.group(3)
            hyper = _HYPERBOLIC.get(name.lstrip("\\")) if name not in functions else None
            greek = name[1:] in GREEK_FUNCTIONS.split("|") and name not in functions  # \phi(1-p)
            if greek or (name == "\\sigma" or hyper is not None) and not primes:
                continue  # \sigma(z), \tanh(z), cosh(z) are read by the grammar, as \phi·(1 - p)
            if (
                _TEMPERED.search(text, 0, match.start())
                and not primes
                and re.match(r"\s*_", text[match.end() :])
            ):
                continue  # \sigma_T(z)_i: the grammar reads it (a name the document defines)
            if name != "\\sigma" and hyper is None and name not in functions:
                if not primes and name in CALLED.get():  # L(\hat{y}_i, y_i) beside L(\hat{y}, y)
                    value = called_at(match, CALLED.get()[name], self.meanings)
                elif (
                    not primes
                    and _INDEXED_NAME.fullmatch(argument)
                    and not re.search(r"[_^]\s*$", text[: match.start()])
                ):  # p(x_k): p·x_k, or p as a function of x_k, p(x_k) an entry of softmax?
                    raise Unreadable(
                        f"ambiguous {match.group().strip()!r}: a product, or {name} as a "
                        f"function of {argument.strip()}? the document does not say",
                        match.start(),
                    )
                elif not primes and (defined := written_with_arguments(match, self.meanings)):
                    value = called_at(match, defined, self.meanings)  # L(\hat{y}_i, y_i)
                elif primes or not _BARE_NAMES.fullmatch(match.group(3)):
                    continue  # p(1 - p) is a product
                elif re.search(r"[_^]\s*$", text[: match.start()]):  # \sigma_T(z_i): a script
                    raise Unreadable(
                        f"ambiguous '…_{match.group().strip()}': a product, or a function "
                        f"written with a script, applied to {argument.strip()}? not read",
                        match.start(),
                    )
                elif (bare := word_of(name).lstrip("\\")) in self.meanings.table or (
                    bare in self.meanings.leaves
                ):
                    value = parse_expression(name, open_names=True)  # L(\mathbf{o}) is L
                else:
                    raise Unreadable(
                        f"ambiguous {match.group().strip()!r}: a product, or {name} as a "
                        f"function of {match.group(3).strip()}? the document does not say",
                        match.start(),
                    )
                placeholder = f"{CUT}_{{1,{len(values) + 1}}}"
                values[_PLACEHOLDER[1, len(values) + 1]] = value
                out.append(text[pos : match.start()] + placeholder.ljust(len(match.group())))
                pos = match.end()
                continue
            if why := unread_call(match.group(), argument, name, primes):
                raise Unreadable(why, match.start())  # f(), or p(1 - p) beside p(z) = σ(z)
            if _FUNCTION_CALL.search(argument):  # f'(g(x)): g(x) read first
                argument = self._functions(argument, values)
            try:
                at = parse_expression(argument, open_names=True).xreplace(values)
            except ClaimSyntaxError as exc:
                raise Unreadable(exc.problem, match.start(3) + exc.pos) from None
            if name == "\\sigma":
                value = _logistic_derivative(at, _order(primes))
            elif hyper is not None:  # \tanh'(x), sinh'(x): as the grammar reads \tanh, by x
                value = sympy.diff(hyper, _X, _order(primes)).xreplace({_X: at})
            else:
                value = functions[name].at(at, _order(primes))
            placeholder = f"{CUT}_{{1,{len(values) + 1}}}"
            values[_PLACEHOLDER[1, len(values) + 1]] = value
            out.append(text[pos : match.start()] + placeholder.ljust(match.end() - match.start()))
            pos = match.end()
        return "".join(out) + text[pos:]

    def _function_derivative(self, cut: _Cut) -> sympy.Expr | None:
        """``\\frac{dg}{dx}`` of a function ``g(x) = …`` the document defines: ``g'(x)``; and
        ``\\frac{d\\sigma}{dz}`` where the document writes ``\\sigma(z)``: ``σ'(z)`` (by another
        letter, σ(z(w)) perhaps: not read)."""
        variables = {written.strip() for written in cut.variables}
        if (
            cut.quantity.strip() == "\\sigma"
            and "sigma" not in self.meanings.unreadable
            and "sigma" not in self.meanings.table
            and len(variables) == 1
            and next(iter(variables)) in self.meanings.sigma_arguments  # σ(z) written: not σ(z(w))
        ):
            variable = sympy.Symbol(next(iter(variables)), real=True)
            return _logistic_derivative(variable, len(cut.variables))
        function = self.meanings.functions.get(cut.quantity.strip())
        if function is None or function.value is None:
            return None
        if any(written.strip().lstrip("\\") != function.variable.name for written in cut.variables):
            return None
        try:
            value = self.meanings.expand(function.value, frozenset({function.variable.name}))
        except UnsupportedExpression as exc:
            raise Unreadable(str(exc), cut.pos) from None
        return sympy.diff(value, function.variable, len(cut.variables))

    def _derivative(self, cut: _Cut, text: str) -> sympy.Expr:
        if self.depth >= MAX_DERIVATIVE_NESTING:
            raise Unreadable("derivatives nested too deeply", cut.pos)
        if (value := self._function_derivative(cut)) is not None:
            return value
        self.depth += 1
        try:
            quantity = self.expression(cut.quantity)
        except Unreadable as exc:
            raise Unreadable(exc.reason, cut.quantity_pos + exc.pos) from None
        finally:
            self.depth -= 1
        variables = []
        for written in cut.variables:
            try:
                variable = parse_expression(written, open_names=True)
            except ClaimSyntaxError as exc:
                raise Unreadable(f"variable {written!r}: {exc.problem}", cut.pos) from None
            if not isinstance(variable, sympy.Indexed | sympy.Symbol):
                raise Unreadable(f"cannot differentiate by {written!r}", cut.pos)
            variables.append(variable)
        try:
            check_one_meaning([quantity, *variables], " in this derivative")
        except Unreadable as exc:
            raise Unreadable(exc.reason, cut.pos) from None
        if re.fullmatch(r"\s*\d+\s*", cut.quantity):  # \frac{d}{dz_i}(1): never e, nor π
            return sympy.Integer(0)
        keep = frozenset(name_of(v) for v in variables)  # type: ignore[misc]
        written = {name_of(e) for e in quantity.atoms(sympy.Indexed, sympy.Symbol)}
        for name in keep:
            known = set(self.meanings.table) | self.meanings.arguments() | written
            if name not in known | self.meanings.capital_inputs():
                if why := self.meanings.shaped(name):
                    raise Unreadable(
                        f"{name} is a matrix or a vector ({why}): a derivative by "
                        "it, written as one letter, is not read here",
                        cut.pos,
                    )
                if name in self.meanings.unread_inputs:
                    raise Unreadable(
                        f"{name} enters only through the definition of "
                        f"{self.meanings.unread_inputs[name]}, which is not read here",
                        cut.pos,
                    )
                raise Unreadable(
                    f"nothing here is a function of {name}: define what depends on it "
                    f"(e.g. p_i = \\frac{{e^{{{name}_i}}}}{{\\sum_k e^{{{name}_k}}}})",
                    cut.pos,
                )
        try:
            size = self.meanings.sizes()
            expr = expanded_by(
                self.meanings, fresh_bounds(quantity.xreplace(size)), keep, variables
            )
            expr = expr.xreplace(size)
            check_names([expr], self.meanings)
            present = {name_of(e) for e in expr.atoms(sympy.Indexed, sympy.Symbol)}
            present |= {name_of(e) for f in expr.atoms(sympy.Function) for e in f.free_symbols}
            if why := self.meanings.through_maximum(present) or below_one(variables, expr):
                raise Unreadable(why, cut.pos)
            through = through_scaled(expr, keep - present, variables, self.meanings)
            if through is not None:  # q_i of z, by u_k = z_k / T
                expr, present = through, present | keep
            for name in [*sorted(keep - present), *absent_entries(expr, variables)]:
                written = derivatives.quantity_written(text, cut.quantity_pos)
                raise Unreadable(
                    f"{written} does not depend on {name} under the meanings read here: "
                    "a derivative by it would be 0 — not checked, the reading may be wrong",
                    cut.pos,
                )
            check_entries_read(expr, variables, cut.pos)
            expr = expand_logs(expr, products=True)  # -\log \prod_n …: a sum of logarithms
            for n, variable in enumerate(variables):
                # of a loss read as any function (its gradient, g_i = ∂L/∂s_i, in the operand)
                second_derivative(expr if n or not isinstance(quantity, sympy.Symbol) else quantity)
                expr = sympy.diff(expr, variable)
            return resolve(evaluate(expr))
        except UnsupportedExpression as exc:
            raise Unreadable(str(exc), cut.pos) from None
        except IndexException:  # y[k] by y[b, h]: one name with one and with two indices
            raise Unreadable(
                "a name written with one index and with two: not read", cut.pos
            ) from None


__all__ = ["Reader", "matching"]
