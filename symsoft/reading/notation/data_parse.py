"""The sides of a step about a model fitted to a data matrix, read into a small tree.

The notation is the one of logistic and linear regression over m samples: per-sample vectors
``x^{(i)}`` or ``x_i``, their entries ``x_j^{(i)}``, labels ``y^{(i)}``, a parameter vector
``\\theta`` (or ``w`` and a bias ``b``), the data matrix ``X`` with ``X\\theta`` and ``X^T``,
sums over the samples, ``h_\\theta(x^{(i)})``, ``\\sigma``, ``\\log``, and derivatives
(``\\frac{\\partial J}{\\partial \\theta_j}``, ``\\frac{\\partial}{\\partial \\theta_j} (…)``,
``\\nabla_\\theta J``).  The tree knows no meanings: :mod:`data_model` gives them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from symsoft.reading.notation.batches import _normalized as _matrix_normalized
from symsoft.reading.notation.descent import Descent, _NotRead


@dataclass(frozen=True)
class Term:
    """A node: ``kind`` is one of name, number, ones, apply, log, exp, diff, sum, plus, neg,
    product, frac, pow, transpose, score (``θ_0 + θ_1 x``: one feature and an intercept)."""

    kind: str
    parts: tuple = ()
    name: str = ""  # a name's letter, a function's name, a derivative's variable
    sub: str = ""  # the subscript letters of a name (``x_{ij}``: "ij"), or a variable's index
    tag: str = ""  # the sample letter of ``x^{(i)}``
    upper: str = ""  # the upper limit of a sum


def normalized(text: str) -> str:
    """The side without spacing, bold and sizes; θ, ŷ and ' (a transpose) as one character."""
    text = re.sub(r"\\(?:mathbf|boldsymbol|bm|textbf|vec)\s*\{\s*(\\[a-zA-Z]+)\s*\}", r"\1", text)
    text = re.sub(r"\\(?:boldsymbol|bm)\s*(\\[a-zA-Z]+)", r"\1", text)  # \boldsymbol\beta
    text = re.sub(r"\\textbf\s*\{\s*([A-Za-z])\s*\}", r"\1", text)
    text = re.sub(r"\\(?:mathbf|boldsymbol|bm)\s*\{\s*\\hat\s*\{\s*y\s*\}\s*\}", "ŷ", text)
    text = re.sub(r"\\hat\s*\{\s*\\(?:mathbf|boldsymbol|bm)\s*\{\s*y\s*\}\s*\}", "ŷ", text)
    text = re.sub(r"\\hat\s*\{\s*y\s*\}|\\hat\s+y(?![a-zA-Z])", "ŷ", text)
    # p̂, \hat{\mathbf{p}}: the predicted probabilities, as one character (ṗ)
    text = _HAT_P.sub("ṗ", text)
    text = re.sub(r"\\theta(?![a-zA-Z])", "θ", text)
    text = re.sub(r"\^\(([a-z])\)", r"^{(\1)}", text)  # y^{i} beside y^{(i)}, respelled y^(i)
    text = re.sub(r"\\beta(?![a-zA-Z])", "β", text)
    text = re.sub(r"\\ln(?![a-zA-Z])", r"\\log", text)
    text = re.sub(r"\\limits(?![a-zA-Z])", "", text)
    text = re.sub(r"\\(?:big|Big|bigg|Bigg)[lr]?(?![a-zA-Z])", "", text)
    text = re.sub(r"\\ell(?![a-zA-Z])", "ℓ", text)
    text = re.sub(r"\\mathcal\s*\{\s*J\s*\}", "J", text)
    # \tilde{\mathbf{w}}: the augmented vector (bias folded in), the model's w when the text
    # writes no other w (data_model_of checks)
    text = _TILDE_BOLD.sub(r"\1", text)
    # J_{MCE}, J_{\text{CE}}: the loss with a label, when the text labels it one way only
    text = _LOSS_LABEL.sub(r"\1", text)
    text = re.sub(r"^\s*\\text\s*\{\s*(?:Let|let)\s*\}", "", text)  # \text{Let } L^{(i)} = …
    # \mathcal{L}(a^{(i)}, y^{(i)}): the loss of sample i, as L^{(i)} (its definition its value)
    text = _SAMPLE_CALL.sub(_sample_loss, _matrix_normalized(text))
    # Ng's \text{Cost}(h_\theta(x^{(i)}), y^{(i)}): the cost of sample i, one name (ℭ^{(i)})
    return _COST_CALL.sub(_cost, text)


def _cost(found: re.Match[str]) -> str:
    same = found.group(1) in (found.group(2), found.group(3))
    return f"ℭ^{{({found.group(1)})}}" if same else found.group()


def _sample_loss(found: re.Match[str]) -> str:
    first = found.group(2) or found.group(3) or found.group(4)
    second = found.group("tag") or found.group("braced") or found.group("plain")
    return f"{found.group(1)}^{{({first})}}" if first == second else found.group()


_HAT_P = re.compile(
    r"\\(?:mathbf|boldsymbol|bm)\s*\{\s*\\hat\s*\{\s*p\s*\}\s*\}"
    r"|\\hat\s*\{\s*(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*p\s*\}|p)\s*\}|\\hat\s+p(?![a-zA-Z])"
)
_TILDE_BOLD = re.compile(
    r"\\(?:tilde|widetilde)\s*\{\s*\\(?:mathbf|boldsymbol|bm)\s*\{\s*([A-Za-z])\s*\}\s*\}"
)
_SAMPLE_CALL = re.compile(  # L(a^{(i)}, y^{(i)}), L(ŷ_{i}, y_{i}): one sample letter in both
    r"([JLℓ])\([a-zŷṗ](?:\^\{\(([a-z])\)\}|_\{([a-z])\}|_([a-z])),"
    r"y(?:\^\{\((?P<tag>[a-z])\)\}|_\{(?P<braced>[a-z])\}|_(?P<plain>[a-z]))\)"
)
_COST_CALL = re.compile(
    r"\\(?:text|mathrm|operatorname)\{Cost\}\(h(?:_\{[θβ]\}|_[θβ])?\(x\^\{\(([a-z])\)\}\),"
    r"y(?:\^\{\(([a-z])\)\}|_\{([a-z])\})\)"  # y^{(i)}, respelled y_{i} by the reader
)
_LOSS_LABEL = re.compile(
    r"(?<![\\A-Za-ce-z])([JL])(?:_\{\s*(?:\\(?:text|mathrm)\s*\{\s*[A-Z]{2,4}\s*\}|[A-Z]{2,4})\s*\}"
    r"|\ue001[A-Z]{2,4}(?![A-Za-z]))"
)


_VARIABLE = r"(θ|β|w|b)(?:_(?:\{([a-z0-9])\}|([a-z0-9])))?"
_PARTIAL = r"\\partial~?"
_UPRIGHT_D = r"(?:\\mathrm\{d\}|d)~?"  # \frac{dJ}{dw}: a derivative written with d
_LOSS_CALL = r"(?:\((?:θ|β|w|w,b|ŷ,y|[θβw]_0,[θβw]_1|[θβw]_\{0\},[θβw]_\{1\})\))?"
_BASES = "ŷŶθβℓℭṗς"


def parse(text: str) -> Term | None:
    """The tree of a normalized side, or None when it says anything not read here."""
    parser = _Parser(text)
    try:
        term = parser.sum()
    except (_NotRead, RecursionError):
        return None
    return _scored(_extended(term)) if parser.pos == len(text) else None


def _scored(term: Term) -> Term:
    """``term`` with every linear form of one feature and an intercept, ``θ_0 + θ_1 x^{(i)}``
    (``w_0 + w_1 x``, in any order, or negated: ``-θ_0 - θ_1 x``), as one ``score`` node of
    its sample: the entry of ``Xθ`` where X has a column of ones and the feature."""
    parts = tuple(_scored(part) for part in term.parts)
    if term.kind == "plus":
        for sign in (False, True):
            found = _linear_form(parts, sign)
            if found is not None:
                at, score = found
                rest = tuple(p for k, p in enumerate(parts) if k not in at)
                score = Term("neg", (score,)) if sign else score
                return Term("plus", (*rest, score)) if rest else score
    return Term(term.kind, parts, term.name, term.sub, term.tag, term.upper)


def _linear_form(parts: tuple, negated: bool) -> tuple[tuple[int, int], Term] | None:
    """The places of ``θ_0`` and ``θ_1 x`` among the parts of a sum, and the score they make."""
    unsigned = [
        (p.parts[0] if p.kind == "neg" else None) if negated else (None if p.kind == "neg" else p)
        for p in parts
    ]
    for name in ("θ", "β", "w"):
        intercept = [k for k, p in enumerate(unsigned) if p == Term("name", name=name, sub="0")]
        slope = [k for k, p in enumerate(unsigned) if p is not None and _slope(p, name)]
        if len(intercept) == 1 and len(slope) == 1:
            feature = next(q for q in unsigned[slope[0]].parts if q.name == "x")
            return (intercept[0], slope[0]), Term("score", (feature,), name=name)
    return None


def _slope(term: Term, name: str) -> bool:
    """``θ_1 x^{(i)}`` or ``x θ_1``: the slope times the one feature of a sample."""
    if term.kind != "product" or len(term.parts) != 2:
        return False
    weight = Term("name", name=name, sub="1")
    return weight in term.parts and any(  # (x_i: the sample i, as the reader spells x^{(i)})
        p.kind == "name" and p.name == "x" and (not p.sub or (p.sub.isalpha() and len(p.sub) == 1))
        for p in term.parts
    )


def _extended(term: Term) -> Term:
    """``term`` with every sum that terms after it go on using the index of (``\\sum_{i=1}^m
    y^{(i)} \\log h(x^{(i)}) + (1 - y^{(i)}) \\log(1 - h(x^{(i)}))``, free in i otherwise)
    taken over them too: the sum's scope as such texts mean it."""
    parts = tuple(_extended(part) for part in term.parts)
    if term.kind == "plus":
        for k, part in enumerate(parts):  # (never after a minus: -\\sum_i a_i + b_i)
            rest = parts[k + 1 :]
            if part.kind == "sum" and rest and all(_free_in(p, part.name) for p in rest):
                body = Term("plus", (part.parts[0], *rest))
                summed = Term("sum", (body,), name=part.name, upper=part.upper)
                return Term("plus", (*parts[:k], summed)) if k else summed
    return Term(term.kind, parts, term.name, term.sub, term.tag, term.upper)


def _free_in(term: Term, letter: str) -> bool:
    """Whether ``term`` writes ``letter`` as an index outside any sum over it."""
    if term.kind == "sum" and term.name == letter:
        return False
    if term.kind == "name" and (letter in term.sub or term.tag == letter):
        return True
    return any(_free_in(part, letter) for part in term.parts)


class _Parser(Descent):
    SUM, NEGATE, STOP = "plus", "neg", r"[-+)}\],]"

    def node(self, kind: str, parts: tuple) -> Term:
        return Term(kind, parts)

    def factor(self) -> Term:
        term = self.atom()
        while True:
            if self.take("'"):
                term = Term("transpose", (term,))
            elif power := self.take(r"\^(?:\{(-?\d+)\}|(\d))"):
                term = Term("pow", (term, Term("number", name=power.group(1) or power.group(2))))
            else:
                return term

    def atom(self) -> Term:  # noqa: C901 - one branch per notation
        if found := self.take(rf"\\frac\{{{_PARTIAL}\}}\{{{_PARTIAL}{_VARIABLE}\}}"):
            return Term("diff", (self.operand(),), name=found.group(1), sub=_index(found))
        if derivative := self._upright_derivative():
            return derivative
        if self.take(rf"\\frac\{{{_PARTIAL}(?!\}})"):
            operand = self.sum()
            found = self.take(rf"\}}\{{{_PARTIAL}{_VARIABLE}\}}")
            if not found:
                raise _NotRead
            return Term("diff", (operand,), name=found.group(1), sub=_index(found))
        if found := self.take(rf"\\nabla_(?:\{{{_VARIABLE}\}}|{_VARIABLE})"):
            groups = found.groups()
            name = groups[0] or groups[3]
            sub = groups[1] or groups[2] or groups[4] or groups[5] or ""
            return Term("diff", (self.factor(),), name=name, sub=sub)
        if found := self.take(
            r"\\sum_(?:\{([a-z])=1\}|\{([a-z])\}|([a-z]))(?:\^(?:\{(\w)\}|(\w)))?"
        ):
            letter = found.group(1) or found.group(2) or found.group(3)
            return Term(
                "sum", (self.product(),), name=letter, upper=found.group(4) or found.group(5) or ""
            )
        if self.take(r"\\frac\{"):
            top = self.sum()
            if not self.take(r"\}\{"):
                raise _NotRead
            bottom = self.sum()
            if not self.take(r"\}"):
                raise _NotRead
            return Term("frac", (top, bottom))
        if found := self.take(r"\\frac(\d)(\w)"):
            return Term("frac", (Term("number", name=found.group(1)), _letter(found.group(2))))
        if opened := self.take(r"[(\[]|\\\{"):
            inner = self.sum()
            closing = {"(": r"\)", "[": r"\]", "\\{": r"\\\}"}[opened.group()]
            if not self.take(closing):
                raise _NotRead
            return inner
        if self.take(r"\{(?!\s*[-+])"):  # ({-(1 - y) \log(1 - h)}, a struck term: no factor)
            inner = self.sum()
            if not self.take(r"\}"):
                raise _NotRead
            return inner
        if self.take(r"\\log~?"):
            return Term("log", (self.factor(),))
        if self.take(r"\\exp~?"):
            return Term("exp", (self.factor(),))
        if self.take(r"\\sigma~?"):
            return Term("apply", (self.factor(),), name="σ")
        if self.take("𝟙"):
            return Term("ones")
        if found := self.take(r"\d+(?![\d.])"):
            return Term("number", name=found.group())
        if found := self.take(r"e\^(?=\{?-|\{[^(])"):
            return Term("exp", (self.factor_after_caret(),))
        return self.name()

    def operand(self) -> Term:
        """What a derivative operator applies to: the factor after it when the product ends
        there; the rest of the product after a constant factor (``\\frac{\\partial}{\\partial
        θ_j} \\frac{-1}{m} \\sum …``: the derivative of the constant alone is no one's
        meaning); else not read (does it apply to the factor or to the product?)."""
        first = self.factor()
        if self.pos >= len(self.text) or self.peek(self.STOP):
            return first
        if not _constant(first):
            raise _NotRead
        return Term("product", (first, self.product()))

    def _upright_derivative(self) -> Term | None:
        """``\\frac{d}{dw}(…)``, ``\\frac{dJ}{dw}``: by the parameter vector, as with ∂; anything
        else after ``\\frac{d`` is a fraction (``\\frac{d}{m}``), read from the start again."""
        start = self.pos
        if found := self.take(rf"\\frac\{{{_UPRIGHT_D}\}}\{{{_UPRIGHT_D}{_VARIABLE}\}}"):
            return Term("diff", (self.operand(),), name=found.group(1), sub=_index(found))
        if self.take(rf"\\frac\{{{_UPRIGHT_D}(?=[A-Za-zθβℓŷṗ])"):
            try:
                operand = self.sum()
                found = self.take(rf"\}}\{{{_UPRIGHT_D}{_VARIABLE}\}}")
            except _NotRead:
                found = None
            if found:
                return Term("diff", (operand,), name=found.group(1), sub=_index(found))
        self.pos = start
        return None

    def factor_after_caret(self) -> Term:
        if self.take(r"\{"):
            inner = self.sum()
            if not self.take(r"\}"):
                raise _NotRead
            return inner
        return self.atom()

    def name(self) -> Term:
        found = self.take(rf"[A-Za-z{_BASES}]")
        if not found:
            raise _NotRead
        base, sub, tag = found.group(), "", ""
        while True:
            if scripted := self.take(r"_(?:\{([a-zθβ,]+|\d)\}|([a-zθβ\d]))"):
                if sub:
                    raise _NotRead
                sub = (scripted.group(1) or scripted.group(2)).replace(",", "")
            elif scripted := self.take(r"\^(?:\{\(([a-z])\)\}|\(([a-z])\))"):
                if tag:
                    raise _NotRead
                tag = scripted.group(1) or scripted.group(2)
            else:
                break
        term = Term("name", name=base, sub=sub, tag=tag)
        if base in "JL" and not tag and self.take(_LOSS_CALL):
            return term
        if base == "ℓ" and self.take(r"\((?:θ|β|w)\)"):
            return term
        if self.text.startswith("(", self.pos) and base in "hgfσ":
            return Term("apply", (self.factor(),), name=base + sub)
        return term


def _constant(term: Term) -> bool:
    """A number, or numbers and the sample count over one another (``\\frac{-1}{m}``)."""
    if term.kind == "number" or (term.kind == "name" and term.name in "mnMN" and not term.sub):
        return True
    return term.kind in ("frac", "neg", "product") and all(_constant(p) for p in term.parts)


def _index(found: re.Match[str], first: int = 2) -> str:
    return found.group(first) or found.group(first + 1) or ""


def _letter(text: str) -> Term:
    return Term("number", name=text) if text.isdigit() else Term("name", name=text)


def sum_limit(term: Term) -> str:
    if term.kind == "sum" and term.upper:
        return term.upper
    for part in term.parts:
        if found := sum_limit(part):
            return found
    return ""


def mentions(term: Term, letter: str) -> bool:
    if term.kind == "name" and term.name == letter:
        return True
    return any(mentions(part, letter) for part in term.parts)


def scored(term: Term, letter: str) -> bool:
    """Whether the side writes ``θ_0 + θ_1 x`` (a ``score`` of the parameter ``letter``)."""
    if term.kind == "score" and term.name == letter:
        return True
    return any(scored(part, letter) for part in term.parts)


def mentions_vector(term: Term, letter: str) -> bool:
    """Whether the side writes the parameter ``letter`` as a whole vector (``θ^T x``)."""
    if term.kind == "name" and term.name == letter and not term.sub:
        return True
    return any(mentions_vector(part, letter) for part in term.parts)


def mentions_generic_x(term: Term) -> bool:
    if term.kind == "name" and term.name == "x" and not term.sub and not term.tag:
        return True
    return any(mentions_generic_x(part) for part in term.parts)


__all__ = [
    "Term",
    "mentions",
    "mentions_generic_x",
    "mentions_vector",
    "normalized",
    "parse",
    "scored",
    "sum_limit",
]
