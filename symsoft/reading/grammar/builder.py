"""The transformer from the parse tree of latex.lark to SymPy: one method named after each grammar
rule, so every SymPy object the reader makes is built here and nowhere else.
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from typing import NamedTuple

import sympy
from lark import Token, v_args

from symsoft.reading.grammar.forms import Case, Claim, Condition, Derivative
from symsoft.reading.grammar.labels import braced_label, braced_parentheses, power_problem
from symsoft.reading.grammar.name_rules import _check_pair, _Name, _NameRules
from symsoft.reading.grammar.symbols import (
    _OTHERWISE,
    INDEX_NAMES,
    MAX_NUMBER_DIGITS,
    _condition_value,
    _derivative,
    _exp,
    _index,
    _power,
    _Quantity,
    _quantity,
    _quoted,
    _Rejection,
    _single_digit,
    _symbol,
    index_symbol,
    summed_cases,
)

MAX_SUM_TERMS = 1_000


OWN_SOFTMAX: ContextVar[bool] = ContextVar("own_softmax", default=False)
"""True while a document that defines its own softmax (``softmax(x_j) = \\frac{e^{x_j / T}}{…}``)
is read: the word applied to an entry then has no conventional reading."""

OWN_HYPERBOLIC: ContextVar[frozenset[str]] = ContextVar("own_hyperbolic", default=frozenset())
# (the hyperbolic functions a document defines its own way: documents/own_functions.py)
OWN_LSE: ContextVar[bool] = ContextVar("own_lse", default=False)
"""True while a document that defines log-sum-exp its own way (``lse(z) = \\frac{1}{2} \\log
\\sum_k e^{2 z_k}``) is read: ``lse(…)`` then has no conventional reading."""

SIGMA_SOFTMAX: ContextVar[bool] = ContextVar("sigma_softmax", default=False)
"""True while a document whose σ is its name for the softmax (``\\text{softmax}(A) = \\sigma(A)``,
"here $\\sigma$ denotes the softmax") is read: ``\\sigma(z)_i`` is then the softmax entry and
``\\sigma(z_i)`` entry i of the softmax of z."""


class _Range(NamedTuple):
    index: sympy.Symbol
    lower: sympy.Expr


class _Variable(NamedTuple):
    name: str
    index: sympy.Expr | tuple[sympy.Expr, ...] | None
    power: int


@v_args(inline=True)
class _Builder(_NameRules):
    """One method per alias of ``latex.lark``, building the SymPy object it names."""

    def __init__(self, text: str, open_names: bool = False) -> None:
        super().__init__()
        self.text = text
        self.open_names = open_names

    # claims
    def claim(self, lhs, cases):
        return Claim(self.text.strip(), lhs, cases)

    def single_case(self, rhs, condition=None):
        return (Case(rhs, condition),)

    @v_args(meta=True, inline=True)
    def cases(self, meta, *rows):
        conditions = [row.condition for row in rows]
        if _OTHERWISE in conditions[:-1] or len(rows) < 2:
            raise _Rejection("'otherwise' must be the last of two or more cases", meta.start_pos)
        if conditions[-1] is _OTHERWISE:
            other = conditions[0] if len(rows) == 2 else None
            complement = {"eq": "ne", "ne": "eq"}
            otherwise = other and Condition(complement[other.relation], other.left, other.right)
            rows = (*rows[:-1], Case(rows[-1].rhs, otherwise))
        return tuple(rows)

    def case_row(self, rhs, condition):
        return Case(rhs, condition)

    def otherwise_row(self, rhs):
        return Case(rhs, _OTHERWISE)

    def condition(self, *children):
        if len(children) == 3:
            _check_pair(children[0], children[2])
            return children[1]
        return children[0]

    def equal(self, left, right):
        return Condition("eq", left, right)

    def not_equal(self, left, right):
        return Condition("ne", left, right)

    # derivatives
    @v_args(meta=True, inline=True)
    def partial_fraction(self, meta, *children):
        *order, quantity, variables = children
        return _derivative(quantity, variables, order[0] if order else 1, meta.start_pos)

    @v_args(meta=True, inline=True)
    def partial_operator(self, meta, *children):
        *order, variables, quantity = children
        return _derivative(quantity, variables, order[0] if order else 1, meta.start_pos)

    @v_args(meta=True, inline=True)
    def total_fraction(self, meta, *children):
        *order, quantity, variable = children
        return _derivative(quantity, [variable], order[0] if order else 1, meta.start_pos)

    @v_args(meta=True, inline=True)
    def total_operator(self, meta, *children):
        *order, variable, quantity = children
        return _derivative(quantity, [variable], order[0] if order else 1, meta.start_pos)

    def partial_slash(self, quantity, slash, variable):
        return _derivative(quantity, [variable], 1, slash.start_pos)

    @v_args(meta=True, inline=True)
    def nabla_operator(self, meta, variable, quantity):
        # the gradient by one entry (\nabla_{z_i} L) is the partial derivative by it; by a
        # whole vector (\nabla_{w} L, w written plain) it is not one entry: not read here
        if variable.index is None:
            raise _Rejection(
                "a gradient by a whole vector: write the entry, \\nabla_{w_i}", meta.start_pos
            )
        return _derivative(quantity, [variable], 1, meta.start_pos)

    def d_operator(self, index, quantity):
        return Derivative(quantity.name, quantity.index, "a", index)

    @v_args(meta=True, inline=True)
    def sigma_prime(self, meta, *children):
        *primes, opening, argument, closing = children
        _check_pair(opening, closing)
        if not isinstance(argument, sympy.Symbol):
            raise _Rejection("\\sigma' takes a plain variable, as in \\sigma'(z)", meta.start_pos)
        return Derivative("sigma", None, argument.name, None, len(primes))

    def order(self, number):
        if number not in set("123456789"):
            raise _Rejection(f"order {_quoted(str(number))} is not 1 to 9", number.start_pos)
        return int(number)

    def partials(self, *variables):
        return list(variables)

    @v_args(meta=True, inline=True)
    def variable(self, meta, named, power=None):
        quantity = _quantity(named, meta.start_pos)
        return _Variable(quantity.name, quantity.index, self.order(power) if power else 1)

    @v_args(meta=True, inline=True)
    def quantity(self, meta, value):
        return _quantity(value, meta.start_pos)

    @v_args(meta=True, inline=True)
    def quantity_of_tail(self, meta, function, argument):
        return _quantity(function(argument), meta.start_pos)

    def sigma_quantity(self):
        return _Quantity("sigma", None)

    def lse_quantity(self, token):
        if OWN_LSE.get():
            raise _Rejection("lse in a text that defines its own lse: not read", token.start_pos)
        return _Quantity("lse", None)

    # expressions
    def expression(self, *children):
        terms, sign = [], 1
        for child in children:
            if isinstance(child, Token):
                sign *= -1 if child == "-" else 1
            else:
                terms.append(sign * child)
                sign = 1
        return sympy.Add(*terms)

    def product(self, *children):
        factors, operator = [], None
        for child in children:
            if isinstance(child, Token):
                operator = child
                continue
            if operator is not None and operator.type == "SLASH":
                if child == 0:
                    raise _Rejection("division by zero", operator.start_pos)
                child = sympy.Pow(child, -1)
            factors.append(child)
            operator = None
        return sympy.Mul(*factors)

    def negated(self, sign, factor):
        return -factor if sign == "-" else factor

    def summation(self, limits, *body):
        sign, term = body if len(body) == 2 else ("+", body[0])
        return sympy.Sum(-term if sign == "-" else term, limits)

    @v_args(meta=True, inline=True)
    def summed_cases(self, meta, limits, first, second):
        """``\\sum_i \\begin{cases} A & i = j \\\\ B & i \\neq j \\end{cases}`` (see
        :func:`symbols.summed_cases`)."""
        return summed_cases(limits, first, second, meta.start_pos)

    def multiplication(self, limits, *body):
        """``\\prod_{i=1}^{N} f_i``: a product over the index, with the bounds and index rules
        of a sum (a likelihood ``\\prod_i p_i^{y_i} (1 - p_i)^{1 - y_i}``)."""
        sign, term = body if len(body) == 2 else ("+", body[0])
        factors = sympy.Mul.make_args(-term if sign == "-" else term)
        # \prod_i a_i \prod_i b_i: the product of two products, as the author means, never
        # ∏_i (a_i ∏_k b_k) = (∏_k b_k)^N ∏_i a_i, which the reach of the first would make it
        apart = [
            f for f in factors if isinstance(f, sympy.Product) and limits[0] not in f.free_symbols
        ]
        kept = sympy.Mul(*(f for f in factors if f not in apart))
        if kept == 1:  # \prod_{n=1}^{3} \prod_k p_k^{y_k}: nested, (∏_k p_k^{y_k})^3
            return sympy.Product(sympy.Mul(*factors), limits)
        return sympy.Mul(sympy.Product(kept, limits), *apart)

    @v_args(meta=True, inline=True)
    def sum_range(self, meta, *children):
        (summation_range,) = [c for c in children if isinstance(c, _Range)]
        upper = [c for c in children if not isinstance(c, _Range)] or [index_symbol("N")]
        count = upper[0] - summation_range.lower + 1
        if count.is_Integer and count > MAX_SUM_TERMS:
            raise _Rejection(
                f"a sum of {count} terms; at most {MAX_SUM_TERMS} with numeric bounds",
                meta.start_pos,
            )
        return (summation_range.index, summation_range.lower, upper[0])

    def sum_index(self, token, lower=None):
        index = _index(token, self.open_names)
        if str(index) not in INDEX_NAMES and not (self.open_names and str(index).islower()):
            raise _Rejection(
                f"summation index '{index}' is not one of i j k l m n", token.start_pos
            )
        return _Range(index, sympy.Integer(1) if lower is None else lower)

    @v_args(meta=True, inline=True)
    def bound(self, meta, value):
        if isinstance(value, Token):
            _single_digit(value)
            value = _index(value, self.open_names)
        if isinstance(value, sympy.Symbol) and value.name == "D":
            # \sum_{d=1}^{D} w_{kd} x_d: features, beside the classes; not read (a logit
            # defined by such a sum leaves the class count unclear)
            raise _Rejection("a sum up to D (features?) is not read here", meta.start_pos)
        return value

    def size_d(self):
        return index_symbol("d")

    @v_args(meta=True, inline=True)
    def power(self, meta, base, exponent):
        if problem := power_problem(self.text, meta.start_pos, meta.end_pos, base, exponent):
            raise _Rejection(problem, meta.start_pos)  # w^T x, x^{(i)}, b^0 (labels.py)
        return _power(base, exponent, meta.start_pos)

    @v_args(meta=True, inline=True)
    def scripted_group(self, meta, group, script):
        written = self.text[meta.start_pos : meta.end_pos]
        named = isinstance(group, sympy.Symbol | sympy.Indexed) and not braced_label(written)
        if named or braced_parentheses(written):  # {y_n}^{t_n}, {(\frac{1}{S})}^2 (labels.py)
            return self.power(meta, group, script)
        if re.match(r"\{\s*-\s*(?:[a-zA-Z]|\\[a-zA-Z]+)\s*\}", written):
            # { -e }^{ -x } prints as -e^{-x}: the minus before the power, as a reader reads it
            return -self.power(meta, -group, script)
        raise _Rejection(
            "a script on a brace group is ambiguous (braces do not print); use \\left( … \\right)",
            meta.start_pos,
        )

    @v_args(meta=True, inline=True)
    def exponential(self, meta, exponent):
        return _exp(exponent, meta.start_pos)

    def euler_number(self):
        return sympy.E

    def bare_application(self, function, argument):
        return function(argument)

    application = bare_application

    @v_args(meta=True, inline=True)
    def function_power(self, meta, function, exponent, argument):
        """``\\tanh^2(x)`` is ``(\\tanh x)^2``, as TeX writes it; ``\\tanh^{-1}(x)`` is
        not read: most texts mean the inverse function (artanh), some the reciprocal."""
        if exponent.is_number and exponent.is_negative:
            raise _Rejection(
                "ambiguous: a function to a negative power (\\tanh^{-1}) may be its inverse "
                "function or a reciprocal",
                meta.start_pos,
            )
        if function is sympy.exp and not exponent.is_number:
            raise _Rejection(  # \exp^{x_i}(1 - S_j): e^{x_i} times (…), or exp(…) to x_i?
                r"ambiguous: \exp to a power before a group may be e to that power times the "
                "group, or a power of exp of the group",
                meta.start_pos,
            )
        return _power(function(argument), exponent, meta.start_pos)

    def function_name(self, token):
        hyperbolic = {"tanh": sympy.tanh, "cosh": sympy.cosh, "sinh": sympy.sinh}
        hyperbolic["sech"] = lambda x: 1 / sympy.cosh(x)
        hyperbolic["coth"], hyperbolic["csch"] = sympy.coth, sympy.csch
        hyperbolic["cosech"] = sympy.csch
        named = re.search(r"cosech|tanh|cosh|sinh|sech|coth|csch", token)
        if named and named.group() in OWN_HYPERBOLIC.get():  # (own_functions.py)
            raise _Rejection(f"{named.group()} is the text's own: not read", token.start_pos)
        if named:  # \tanh, \cosh, \sinh, \sech, \text{sech}, \coth, \text{csch}, cosech
            return lambda x: hyperbolic[named.group()](x).rewrite(sympy.exp)
        return sympy.exp if token.lstrip("\\") == "exp" else sympy.log

    @v_args(meta=True, inline=True)
    def softmax_entry(self, meta, _name, argument, indices):
        return self._softmax(meta, argument, indices)

    def _softmax(self, meta, argument, indices):
        if OWN_SOFTMAX.get():
            raise _Rejection(
                "softmax(…)_i in a text that defines its own: not read", meta.start_pos
            )
        vector, scale = _scaled_vector(argument)
        if vector is not None and len(indices) == 1:  # softmax(z)_i, softmax(z/T)_i
            logits = sympy.IndexedBase(vector.name)
            k = sympy.Dummy("k", integer=True, positive=True)
            total = sympy.Sum(sympy.exp(scale * logits[k]), (k, 1, index_symbol("N")))
            return sympy.exp(scale * logits[indices[0]]) / total
        raise _Rejection("softmax(…)_i takes one vector name and one index", meta.start_pos)

    @v_args(meta=True, inline=True)
    def softmax_of_entry(self, meta, _name, argument):
        """``\\mathrm{softmax}(x_j)``, ``Softmax(x_i - b)``: entry i of the softmax of the vector
        whose entry i is the argument (the softmax of one number is 1, which nobody writes) — when
        every indexed name in it carries the same one index, and nothing else does."""
        if OWN_SOFTMAX.get():
            raise _Rejection(
                "softmax(…) of an entry, in a text that defines its own softmax: not read",
                meta.start_pos,
            )
        indexed = argument.atoms(sympy.Indexed) if isinstance(argument, sympy.Expr) else set()
        indices = {x.indices for x in indexed}
        written = self.text[meta.start_pos : meta.end_pos]
        if re.search(r"\\(?:mathbf|boldsymbol|bm|vec|pmb)(?![a-zA-Z])", written):
            # softmax(\mathbf{z}_i): the vector of example i, or entry i of z?
            raise _Rejection(
                "softmax(…) of a bold letter with an index is not read", meta.start_pos
            )
        if len(indices) == 1 and len(next(iter(indices))) == 1:
            (i,) = next(iter(indices))
            k = sympy.Dummy("k", integer=True, positive=True)
            entry_k = argument.replace(lambda e: isinstance(e, sympy.Indexed), lambda e: e.base[k])
            if i not in entry_k.free_symbols and not argument.atoms(sympy.Sum):
                total = sympy.Sum(sympy.exp(entry_k), (k, 1, index_symbol("N")))
                return sympy.exp(argument) / total
        if any(len(x.indices) > 1 for x in indexed):
            problem = "softmax(…) of an entry with two indices: by rows or by columns? not read"
        else:
            problem = "softmax(…) without an entry index is a vector, not read here (softmax(z)_i)"
        raise _Rejection(problem, meta.start_pos)

    def log_sum_exp(self, _function, opening, vector, closing):
        """``\\mathrm{lse}(\\mathbf{x})``: log-sum-exp ``\\log \\sum_k e^{x_k}``: one reading."""
        if OWN_LSE.get():
            raise _Rejection(
                "lse(…) in a text that defines its own lse: not read", opening.start_pos
            )
        _check_pair(opening, closing)
        k = sympy.Dummy("k", integer=True, positive=True)
        terms = sympy.exp(sympy.IndexedBase(vector.text)[k])
        return sympy.log(sympy.Sum(terms, (k, 1, index_symbol("N"))))

    @v_args(meta=True, inline=True)
    def tempered_entry(self, meta, token, argument, indices):
        """``\\sigma_T(z)_i``: entry i of σ with a label (a temperature) applied to the vector z:
        a name, ``sigma_T(z)``, that the document defines (else it has no meaning)."""
        label = re.sub(r"[^A-Za-z]", "", str(token).removeprefix("\\sigma"))
        if isinstance(argument, sympy.Symbol) and not argument.is_integer and len(indices) == 1:
            return sympy.IndexedBase(f"sigma_{label}({argument.name})")[indices[0]]
        raise _Rejection(
            "\\sigma_T(…)_i takes one label, one vector name, one index", meta.start_pos
        )

    @v_args(meta=True, inline=True)
    def function_entry(self, meta, argument, indices):
        """``\\sigma(\\mathbf{a})_i``: entry i of σ applied to the vector a. The logistic function
        entry-wise or a softmax: the document says which, so it is a name, ``sigma(a)`` (the
        softmax entry when the document's σ is the softmax)."""
        if SIGMA_SOFTMAX.get():
            return self._softmax(meta, argument, indices)
        if isinstance(argument, sympy.Symbol) and not argument.is_integer and len(indices) == 1:
            return sympy.IndexedBase(f"sigma({argument.name})")[indices[0]]
        raise _Rejection("\\sigma(…)_i takes one vector name and one index", meta.start_pos)

    @v_args(meta=True, inline=True)
    def softmax_entry_index_first(self, meta, name, indices, argument):
        """``\\operatorname{softmax}_i(\\mathbf{z})``, the index written before the argument."""
        return self._softmax(meta, argument, indices)

    def signed_script(self, sign, token):
        value = self.number(token) if token.type == "NUMBER" else self.script_token(token)
        return -value if sign == "-" else value

    @v_args(meta=True, inline=True)
    def sigma_entry(self, meta, indices):
        """``\\sigma_i``: in a document, a name like any other (often the softmax output)."""
        return _symbol(_Name("sigma", meta.start_pos), indices, self.open_names)

    @v_args(meta=True, inline=True)
    def sigmoid(self, meta, argument):
        if SIGMA_SOFTMAX.get():  # σ(z_i) where σ is the softmax: entry i of the softmax of z
            return self.softmax_of_entry(meta, None, argument)
        return sympy.Function("sigma")(argument)

    def number(self, token):
        if len(token) > MAX_NUMBER_DIGITS:
            raise _Rejection(f"number {_quoted(str(token))} too long", token.start_pos)
        return sympy.Rational(str(token)) if "." in token else sympy.Integer(int(token))

    @v_args(meta=True, inline=True)
    def kronecker(self, meta, indices):
        if len(indices) == 1 and self.open_names:
            # \delta_j in a document: a name (backpropagation's error term, defined there)
            return _symbol(_Name("delta", meta.start_pos), indices, self.open_names)
        if len(indices) != 2:
            raise _Rejection(f"\\delta needs two indices, got {len(indices)}", meta.start_pos)
        return sympy.KroneckerDelta(*indices)

    def indicator(self, *children):
        if isinstance(children[0], Token) and children[0] != "1":
            raise _Rejection(
                f"indicator must be 1_{{…}}, not {children[0]}_{{…}}", children[0].start_pos
            )
        return _condition_value(children[-1])

    def indicator_set(self, *children):
        """``1\\{k = i\\}``, ``\\mathbb{1}\\{k = i\\}``, ``\\mathbb{1}(k = i)``."""
        return _condition_value(children[-2])

    def iverson(self, _opening, relation, _closing):
        return _condition_value(relation)

    @v_args(meta=True, inline=True)
    def fraction(self, meta, numerator, denominator):
        if denominator == 0:
            raise _Rejection("division by zero", meta.start_pos)
        return numerator / denominator

    @v_args(meta=True, inline=True)
    def digit_fraction(self, meta, token, denominator):
        """``\\frac1{1+e^{-x}}``, ``\\frac12``: TeX takes one digit as the numerator (and one
        as the denominator: ``\\frac123`` is 1/2 then 3, which is not read)."""
        if isinstance(denominator, Token):
            if len(denominator) != 1:
                raise _Rejection(
                    f"ambiguous {_quoted(token + denominator)}: TeX reads one digit a side; "
                    "write \\frac{…}{…}",
                    meta.start_pos,
                )
            denominator = sympy.Integer(int(denominator))
        return self.fraction(meta, sympy.Integer(int(token[-1])), denominator)


def _scaled_vector(argument: object) -> tuple[sympy.Symbol | None, sympy.Expr]:
    """``z`` or ``z/T``, ``\\beta z``: a vector name times a number or a parameter (the
    temperature of ``\\text{softmax}(z/T)_i``), as (z, 1/T); (None, 1) for anything else."""
    if isinstance(argument, sympy.Symbol) and not argument.is_integer:
        return argument, sympy.S.One
    if isinstance(argument, sympy.Mul):
        vectors = [f for f in argument.args if isinstance(f, sympy.Symbol) and not f.is_integer]
        for vector in vectors:
            scale = argument / vector
            if all(s.name in ("T", "tau", "beta") for s in scale.free_symbols):
                return vector, scale
    return None, sympy.S.One
