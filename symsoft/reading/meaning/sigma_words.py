"""What the words around σ and the sentences of a document say about names: σ named the softmax in
words, σ defined at an entry (σ(z_i) = …), meanings stated in words ("p is the softmax of o").
"""

from __future__ import annotations

import re
from dataclasses import replace

import sympy

from symsoft.errors import SymsoftError
from symsoft.reading.grammar.latex import parse_expression
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.otherwise_words import said_otherwise
from symsoft.reading.meaning.prose import (
    NEGATION,
    sentences,
)
from symsoft.reading.meaning.table import Meanings

_WORDS = {
    "S": (r"softmax", r"(?<![a-zA-Z\\])a_"),
    "p": (r"softmax|probabilit", r"(?<![a-zA-Z\\])o_"),
    "L": (r"cross[- ]?entropy|log[- ]?likelihood|log[- ]loss", r"(?<![a-zA-Z\\])y_"),
    "Z": (r"partition|normali[sz]", r"(?<![a-zA-Z\\])a_"),
}


def _stated_in_words(meanings: Meanings, text: str) -> None:
    """A standard meaning the document states in words: ``S`` is a softmax of ``a`` when the text
    says "softmax" and writes ``a_…``; ``p`` when it speaks of a softmax or probabilities of
    ``o``; ``L`` when it names the cross-entropy of ``y`` (and p is stated).  Flags may rest on
    these; on a meaning not stated at all they may not."""
    defined = {name for name, m in meanings.table.items() if m.source != "standard"}
    for name, (words, letters) in _WORDS.items():
        meaning = meanings.table.get(name)
        if meaning is None or meaning.source != "standard":
            continue
        inputs = {str(e.base.label) for e in meaning.value.atoms(sympy.Indexed)}
        if name != "L" and inputs & defined:  # (L's inputs, p and y, are defined for it)
            continue  # Z = Σ_k e^{a_k} where the text defines a (a softmax's output): not said
        said = any(
            re.search(words, sentence, re.IGNORECASE) and not NEGATION.search(sentence)
            for sentence in sentences(text)
        )  # "instead of cross-entropy, our loss is …" says the opposite
        if said and re.search(letters, text) and not said_otherwise(name, text):
            p = meanings.table.get("p")  # (p may be a function the text defines: p(x) = …)
            if name != "L" or (p is not None and p.source != "standard"):
                meanings.table[name] = replace(meaning, source="the text")


def _names_sigma_the_softmax(sentence: str) -> bool:
    """Whether a sentence writes σ in its math and calls something the softmax, naming no
    logistic function and denying nothing ("The softmax, written $\\sigma$, …", "$\\sigma$:
    the softmax activation", "$\\sigma(z)$ is the softmax of $z$"): σ may be the softmax."""
    return bool(
        re.search(r"\$[^$]*\\sigma(?![a-zA-Z])[^$]*\$", sentence)
        # (not a comparison: "the same expression as for softmax regression")
        # (not another name's definition: "$h = \sigma(z_1)$ and $\hat{y} = \mathrm{softmax}(z_2)$")
        and re.search(
            r"(?<!as for )(?<!like )\bsoft-?max\b(?!\s+regression)",
            re.sub(r"(?<![$\\])\$(?!\$)(?:(?!\\sigma)[^$=])+=[^$]*(?<!\$)\$(?!\$)", " ", sentence),
            re.I,
        )
        and not re.search(r"\b(?:sigmoid|logistic)", sentence, re.IGNORECASE)
        and not NEGATION.search(sentence)
    )


# σ(z_i) = …: the document defines σ at an entry (its own σ, unless that is the logistic function)
_SIGMA_AT_AN_ENTRY = lazy(
    r"\\sigma\s*+(?:\\left)?\(\s*([a-zA-Z]_[^()$]*?)\s*(?:\\right)?\)\s*+(?:&\s*+)?(?::=|=|\\coloneqq)"
)
# σ of one plain letter set equal to a value: \sigma(z) = \frac{1}{1 + e^{-2z}} (a definition
# only where a row or a named row starts it, as for an entry)
_SIGMA_AT_A_LETTER = lazy(
    r"\\sigma\s*+(?:\\left)?\(\s*+([a-zA-Z])\s*+(?:\\right)?\)\s*+(?:&\s*+)?(?::=|=|\\coloneqq)"
)


# a name set equal between σ and its value: P_i, f(x) (an aligned row's & after it)
_NAME_BETWEEN = re.compile(r"\s*[A-Za-z](?:_\{?\w\}?)?(?:\s*\(\s*[a-z]\s*\))?\s*&?\s*")


def _through_defined(value: sympy.Expr, argument: sympy.Expr, text: str) -> bool:
    """Whether ``value`` is written in a name the text defines elsewhere (``u``, ``f(z)``),
    σ's ``argument`` aside."""
    names = {s.name for s in value.free_symbols - argument.free_symbols} | {
        str(f.func)
        for f in value.atoms(sympy.Function)
        if isinstance(f, sympy.core.function.AppliedUndef)
    }
    return any(
        re.search(rf"(?<![A-Za-z\\]){re.escape(name)}\s*(?:\([^()$]*\))?\s*=", text)
        for name in names
        if len(name) == 1
    )


def _start(match: re.Match[str]) -> int:
    return match.start()


# what a definition of σ follows: the start of the math or of a row, a word or clause before it
_ROW_START = lazy(r"(?:^|\$|\\[\[(]|\\\\|&|\\because|\\text\s*\{[^{}]*\}|(?<!\\)[:,]|\n)\s*$")
# a name set equal to it first: "p_i = \sigma(z_i) = \frac{1}{1 + e^{-z_i}}" defines σ too
_NAMED_ROW_START = lazy(
    r"(?:^|\$|\\[\[(]|\\\\|&|\\q?quad|(?<!\\)[:,]|\n)\s*"
    r"(?:\\(?:hat|tilde|bar)\s*\{\s*[A-Za-z]\s*\}|[A-Za-z])(?:_\{?\w\}?)?\s*=\s*$"
)
# where the value written after it ends: a row, the math, a clause beside it
_VALUE_END = lazy(
    r"\\\\|\$|\n|\\[\])]|\\(?:quad|qquad|text|because|tag|forall|end)\b|,\s|;|\\in(?![a-zA-Z])"
)


def _is_logistic(value: sympy.Expr, entry: sympy.Expr) -> bool:
    """Whether ``value`` is the logistic function of ``entry``."""
    return sympy.simplify(value - 1 / (1 + sympy.exp(-entry))) == 0


def _logistic(written: str, entry: sympy.Expr) -> bool:
    """Whether ``written`` reads as the logistic function of ``entry``."""
    try:
        value = parse_expression(written.strip(), open_names=True)
    except SymsoftError:
        return False
    return _is_logistic(value, entry)


# what σ's value means, said as a probability: "y = \sigma(w_0 x + w_1) = P(t=1|x)" (or that
# probability spelled as one name by documents/conditionals.py)
_SPELLED_NAME = lazy(r"\s*[A-Za-z][A-Za-z\ue001]+\s*[.,]?\s*")
_PROBABILITY = lazy(r"\s*(?:P|p|\\Pr)\s*\([^()|]*\|[^()]*\)\s*[.,]?\s*")


_SIGMA_AGAIN = lazy(r"\\sigma\s*(?:\\left\s*)?\([^()]*\)\s*(?:\\right\s*)?\)?")


def defines_sigma_otherwise(text: str) -> bool:
    """Whether the text defines σ at an entry, ``\\sigma(z_i) = …``, as anything but the logistic
    function of that entry: ``\\sigma(z_i) = P_i = \\frac{1}{1 + e^{-z_i}}`` is the σ symsoft
    reads (False); ``\\sigma(z_i) = \\frac{e^{z_i}}{\\sum_k e^{z_k}}``, or a value not read, is
    the text's own σ (True).

    >>> defines_sigma_otherwise(r"$\\sigma(z_i) = \\frac{1}{1 + e^{-z_i}}$")
    False
    >>> defines_sigma_otherwise(r"$\\sigma(z_i) = \\frac{e^{z_i}}{\\sum_k e^{z_k}}$")
    True
    """
    defined = False
    letters = list(_SIGMA_AT_A_LETTER.finditer(text))
    if letters and sigma_named_otherwise(text):
        letters = []
    at = sorted([*_SIGMA_AT_AN_ENTRY.finditer(text), *letters], key=_start)  # (named: said so)
    plain = {m.start() for m in letters}
    for match in at:
        before = text[max(0, match.start() - 80) : match.start()]
        if not _ROW_START.search(before) and not _NAMED_ROW_START.search(before):
            continue  # \frac{d}{dz_i}\sigma(z_i) = …: a step about σ, not its definition
        value_text = _VALUE_END.split(text[match.end() :], maxsplit=1)[0]
        members = _BLANKED_CUT.split(value_text, maxsplit=1)[0].split("=")  # (not past ⇒ \\)
        if len(members) == 1 and _SPELLED_NAME.fullmatch(members[0]):
            continue  # y = σ(w_0 x + w_1) = P(t=1|x), its probability spelled as one name
        if _SIGMA_AGAIN.fullmatch(members[-1].strip().rstrip(".,").strip()):
            continue  # σ(z_i) = σ(\mathbf{w}^\top \mathbf{x}_i): σ at the score's value, no value
        try:
            entry = parse_expression(match.group(1), open_names=True)
            value = parse_expression(members[-1].strip().rstrip(".").strip(), open_names=True)
        except SymsoftError:
            if match.start() in plain or _PROBABILITY.fullmatch("=".join(members)):
                continue  # σ(z) of a value not read, σ(w_0 x + w_1) = P(t=1|x): no evidence
            return True
        # σ(x) = \frac{1}{1 + e^{-x}} = \frac{e^x}{1 + e^x}: each value of the chain logistic
        named = [
            m for m in members[:-1] if not _NAME_BETWEEN.fullmatch(m) and not _logistic(m, entry)
        ]
        if match.start() in plain and not entry.free_symbols <= value.free_symbols:
            continue  # "it vanishes when σ(u) = p": a condition, no value written in u
        if match.start() in plain and _through_defined(value, entry, text):
            continue  # σ(z) = u^{-1} after u = 1 + e^{-z}: σ restated through the text's names
        if named or not _is_logistic(value, entry):
            return True  # a value the logistic function is not shown to be: the text's own σ
        defined = True
    # σ(z_i) = … only inside steps (after a derivative operator), never defined: its own σ
    return not defined and bool(_SIGMA_AT_AN_ENTRY.search(text))


# another function named for σ: "$\sigma$ is the ReLU activation", "the activation function
# $\sigma$ (a ReLU)", "Let $\sigma$ be the softplus function", "$\sigma$ denotes the hyperbolic
# tangent", "$\sigma$ is the standard deviation"
_OTHER_FUNCTION = (
    r"(?:leaky[- ])?re-?lu|tanh|hyperbolic\s+tangent|soft-?plus|gelu|silu|swish|\belu\b|"
    r"standard\s+deviation|std\b|step\s+function|identity|linear\s+activation"
    r"|(?:whatever|any|an?\s+(?:arbitrary|generic))\s+(?:activation|non-?linearity)"
    r"|쌍곡\s*탄젠트|하이퍼볼릭\s*탄젠트|双曲正切|双曲線正接|ハイパボリックタンジェント|гиперболическ\w*"
)
_SIGMA_IS_ANOTHER = lazy(
    r"(?:\$\s*\\sigma(?:\s*(?:\\left\s*)?\([^()$]*\))?\s*\$|(?<!\w)σ(?!\w))[^.$]{0,30}?"
    r"(?:\b(?:is|denotes|be|for|stands\s+for|means|as|a|an|the)\b|[(:,]"
    r"|表示|代表|为|是|は|とする|는|은|означает|обозначает|—)[^.$]{0,30}?(?:\$\s*\\?)?"
    rf"\b(?P<after>{_OTHER_FUNCTION})"
    rf"|\b(?P<before>{_OTHER_FUNCTION})\b[^.$]{{0,30}}?(?:\$\s*\\sigma\s*\$|(?<!\w)σ(?!\w))",
    re.IGNORECASE,
)
_NOT_THE_LOGISTIC = lazy(
    r"(?:而|并)?不是\s*(?:the\s+)?(?:logistic|sigmoid)|(?:시그모이드|sigmoid)\s*가?\s*아니라"
    r"|\(\s*(?:and\s+)?not\s+(?:the\s+|a\s+)?(?:logistic|sigmoid)[^()]*\)"
    r"|(?:\band\s+)?\b(?:not|instead\s+of|rather\s+than)\s+(?:the\s+|a\s+)?(?:logistic|sigmoid)"
    r"(?:\s+(?:sigmoid|function))?\b",
    re.IGNORECASE,
)
# \sigma(x) = …: σ of a plain letter defined in the text, its first value
_SIGMA_OF_A_LETTER = lazy(
    r"\\sigma\s*(?:\\left)?\(\s*([a-zA-Z])\s*(?:\\right)?\)\s*&?\s*(?::=|=|\\coloneqq)"
)
# \frac{d \sigma(x)}{d x} = \frac{d}{d x} \frac{1}{1+e^{-ax}}: the first row of a derivation
# differentiates σ's own value, which says what σ is (here a sigmoid with a gain a)
_D = r"(?:d|\\partial|\\mathrm\s*\{\s*d\s*\}|\\text\s*\{\s*d\s*\})"
_SIGMA_CALL = r"\\sigma\s*(?:\\left)?\(\s*([a-zA-Z])\s*(?:\\right)?\)"
_SIGMA_DIFFERENTIATED = lazy(
    rf"(?:\\frac\s*\{{\s*{_D}\s*{_SIGMA_CALL}\s*\}}\s*\{{\s*{_D}\s*([a-zA-Z])\s*\}}"
    rf"|\\frac\s*\{{\s*{_D}\s*\}}\s*\{{\s*{_D}\s*([a-zA-Z])\s*\}}\s*{_SIGMA_CALL})"
    rf"\s*&?\s*=\s*\\frac\s*\{{\s*{_D}\s*\}}\s*\{{\s*{_D}\s*(?P<by>[a-zA-Z])\s*\}}"
)


_LETTER_VALUE_END = lazy(
    r"\\\\|\$|\n|\\[\])]|\\(?:quad|qquad|text|tag|forall|end)\b|;|\\in(?![a-zA-Z])"
)


# a wide blank inside a value: a separator blanked before (\Rightarrow, a row break)
_BLANKED_CUT = lazy(r"(?<=\S)\s{6,}(?=\S)")


def sigma_named_otherwise(text: str) -> str | None:
    """What the text says σ is when it is not the logistic function: another function named in
    words beside ``$\\sigma$`` (not denied, no sigmoid named in that sentence), or a definition
    ``\\sigma(x) = …`` whose first value is not ``\\frac{1}{1 + e^{-x}}``, or, in a text that
    does not define σ, a first row ``\\frac{d\\sigma(x)}{dx} = \\frac{d}{dx} …`` that
    differentiates another value (a sigmoid with a gain); else None.

    >>> sigma_named_otherwise(r"Here $\\sigma$ is the ReLU activation.")
    'ReLU'
    >>> sigma_named_otherwise(r"The activation is $\\sigma(x) = \\tanh(x)$.")
    'defined as \\\\tanh(x)'
    >>> sigma_named_otherwise(r"with $\\sigma(x) = \\frac{1}{1 + e^{-x}}$ the sigmoid") is None
    True
    """
    for sentence in sentences(text):
        # "(not the logistic function)": the words deny the sigmoid, they do not name it
        sentence = _NOT_THE_LOGISTIC.sub(" ", sentence)
        found = _SIGMA_IS_ANOTHER.search(sentence)
        if (
            found
            and not re.search(r"\b(?:sigmoid|logistic)", sentence, re.IGNORECASE)
            # ("σ denotes the softplus instead": a new meaning, no denial; "instead of" one)
            and not NEGATION.search(re.sub(r"(?i)\binstead\b(?!\s+of)", " ", sentence))
        ):
            return found.group("after") or found.group("before")
    logistic = False
    for match in _SIGMA_OF_A_LETTER.finditer(text):
        if not _ROW_START.search(text[max(0, match.start() - 80) : match.start()]):
            continue  # \frac{d}{dz}\sigma(z) = …: a step about σ, not its definition
        written = _LETTER_VALUE_END.split(text[match.end() :], maxsplit=1)[0]
        written = _before_top_level_comma(written.split("=")[0]).strip()
        written = _BLANKED_CUT.split(written, maxsplit=1)[0]  # \Rightarrow \\ σ'(x): read apart
        written = written.rstrip(".").strip()
        if re.fullmatch(rf"[A-Za-z]\s*\(\s*{match.group(1)}\s*\)", written):
            continue  # \sigma(x) = f(x): a name for its value (f defined by what follows)
        if re.fullmatch(r"(?:\\left\s*)?[(\[]\s*\\sigma\s*_.*[)\]]", written, re.DOTALL):
            continue  # \sigma(z) = (\sigma_1(z), \cdots, \sigma_k(z)): its entries, listed
        if other := _not_logistic(match.group(1), written, text, match.end()):
            return other
        logistic = True  # defined: a derivative that starts from another value is a slip
    for match in _SIGMA_DIFFERENTIATED.finditer("" if logistic else text):
        letters = {letter for letter in match.groups() if letter}
        if len(letters) != 1 or not _ROW_START.search(
            text[max(0, match.start() - 80) : match.start()]
        ):
            continue  # by another letter (the chain rule), or not the first row: a step
        written = _LETTER_VALUE_END.split(text[match.end() :], maxsplit=1)[0]
        written = _before_top_level_comma(written.split("=")[0]).strip().rstrip(".").strip()
        if written and (other := _not_logistic(letters.pop(), written, text)):
            return f"{other} (the value its derivative starts from)"
    return None


def _not_logistic(letter_written: str, written: str, text: str, at: int = 0) -> str | None:
    """``"defined as …"`` when ``written``, σ's value at ``letter_written``, is not the logistic
    function (or cannot be read); None when it is, or when it only names σ's value."""
    written = _calls_through(written, letter_written, text, at)  # \frac{f(z)}{g(z)}, f(z) = 1
    try:
        letter = parse_expression(letter_written, open_names=True)
        value = parse_expression(written, open_names=True)
    except SymsoftError:
        return f"defined as {written}"
    if isinstance(value, sympy.Symbol | sympy.Indexed):
        return None  # \sigma(z) = p: a name for its value, not another function
    if value.is_number:
        return None  # "the z where $\sigma(z) = 1/2$": an equation at a point, no definition
    value = _through_names(value, letter, text)  # \sigma(z) = u^{-1}, u = 1 + e^{-z}
    if not _is_logistic(value, letter):
        return f"defined as {written}"
    return None


def _one_value(written: str, text: str) -> str | None:
    """The one value the text gives what the pattern ``written`` matches (``u = …``,
    ``f(z) = …``), up to the end of its equation; None if it gives none, or several."""
    given = {
        _LETTER_VALUE_END.split(found.group(1), maxsplit=1)[0].split("=")[0].strip(" ,.")
        for found in re.finditer(rf"(?<![\\\w]){written}\s*=(?!=)([^\n]{{1,200}})", text)
    }
    return given.pop() if len(given) == 1 else None


def _calls_through(written: str, letter: str, text: str, after: int = 0) -> str:
    """``written`` with each call ``f(z)`` of a letter at ``letter`` put as the one value the
    text gives it (``f(z) = 1``, ``g(z) = 1 + e^{-z}``), or else the first value it gives after
    ``after`` (the quotient rule's g and h in each of its sections); a call given none stays."""
    at = re.escape(letter)

    def value(call: re.Match[str]) -> str:
        pattern = rf"{call.group(1)}\s*\(\s*{at}\s*\)"
        given = _one_value(pattern, text)
        if given is None and (
            first := re.search(rf"(?<![\\\w]){pattern}\s*&?\s*=(?!=)", text[after:])
        ):
            given = _one_value(pattern, text[after + first.start() : after + first.end() + 200])
        return call.group() if given is None else f"({given})"

    return re.sub(rf"(?<![\\\w])([a-zA-Z])\s*\(\s*{at}\s*\)", value, written)


def _through_names(value: sympy.Expr, letter: sympy.Expr, text: str) -> sympy.Expr:
    """``value`` with each other letter in it put as the one value the text gives it, when that
    value is written with ``letter`` (``u = 1 + e^{-z}`` beside ``\\sigma(z) = u^{-1}``: σ
    restated through u, not another function); a letter given no value, or several, stays."""
    for name in sorted(value.free_symbols - {letter}, key=str):
        if not isinstance(name, sympy.Symbol) or len(name.name) != 1:
            continue
        given = _one_value(name.name, text)
        if given is None:
            continue
        try:
            meant = parse_expression(given, open_names=True)
        except SymsoftError:
            continue
        if letter in meant.free_symbols and name not in meant.free_symbols:
            value = value.xreplace({name: meant})
    return value


def _before_top_level_comma(written: str) -> str:
    """``\\frac{1}{1 + e^{-z}}, \\sigma(-z)``: the value before a comma outside every group
    (the next equation of the line follows it); ``\\max(0, x)`` keeps its comma."""
    depth = 0
    for at, char in enumerate(written):
        depth += (char in "({[") - (char in ")}]")
        if char == "," and depth == 0:
            return written[:at]
    return written


# \text{softmax}(A) = \sigma(A), \sigma(\mathbf{z}) = \mathrm{softmax}(\mathbf{z}): σ set equal to
# the softmax of the same argument in an equation
_SOFTMAX_WORD = r"(?:\\(?:text|textrm|mathrm|operatorname)\s*\{\s*[sS]oftmax\s*\}|[sS]oftmax)"
_ARGUMENT = r"(?:\\left)?\(\s*([^()$=]{1,40}?)\s*(?:\\right)?\)"
_SIGMA_EQUALS_SOFTMAX = lazy(
    rf"{_SOFTMAX_WORD}\s*{_ARGUMENT}\s*=\s*\\sigma\s*{_ARGUMENT}"
    rf"|\\sigma\s*{_ARGUMENT}\s*=\s*{_SOFTMAX_WORD}\s*{_ARGUMENT}"
)
# what the logistic σ is written with: σ', σ(x)(1 - σ(x)), 1/(1 + e^{-x}), "sigmoid", "logistic"
_LOGISTIC_SIGNS = lazy(
    r"\\sigma\s*(?:'|\^\s*\{?\s*\\prime)"
    r"|\\frac\s*\{?\s*1\s*\}?\s*\{\s*1\s*\+\s*(?:e\s*\^|\\exp)"
    r"|1\s*-\s*\\sigma\s*(?:\\left)?\(\s*[a-zA-Z]\s*(?:\\right)?\)(?!\s*_)",
    re.IGNORECASE,
)


_SIGMA_ENTRY_DEFINED = lazy(
    r"\\sigma\s*(?:\\left\s*)?\((?:[^()$]*\)\s*(?:\\right\s*\))?\s*_\s*\{?\s*[a-zA-Z]\s*\}?"
    r"|\s*[a-zA-Z]\s*_[^()$]*\)\s*(?:\\right\s*\))?)\s*&?\s*(?::=|=(?!=)|\\coloneqq)"
)


def sigma_is_the_softmax(text: str, said_in_words: bool) -> bool:
    """Whether σ is the document's name for the softmax, with one reading: an equation sets
    ``\\sigma(A)`` equal to ``\\text{softmax}(A)`` of the same argument (or the words say σ is
    the softmax, ``said_in_words``), and nothing in the text writes the logistic σ (``σ'``,
    ``1 - σ(x)`` of a plain letter, ``\\frac{1}{1 + e^{-x}}``, "sigmoid" or "logistic" in a sentence
    that writes σ). Then ``\\sigma(z)_i`` is the softmax
    entry and ``\\sigma(z_i)`` entry i of the softmax of z, as ``\\mathrm{softmax}(z_i)`` is.

    >>> sigma_is_the_softmax(r"$$\\text{softmax}(A) = \\sigma(A) = \\frac{…}{…}$$", False)
    True
    >>> sigma_is_the_softmax(r"$\\sigma(z) = \\text{softmax}(z)$ and $\\sigma'(x)$", False)
    False
    """
    if any(
        _ROW_START.search(text[max(0, m.start() - 80) : m.start()])
        for m in _SIGMA_ENTRY_DEFINED.finditer(text)
    ):
        return False  # σ(z)_j = …, σ(z_j) = …: the text's own definition, read as a name
    if _LOGISTIC_SIGNS.search(text) or any(
        re.search(r"\\sigma(?![a-zA-Z])", sentence)
        and re.search(r"\bsigmoid|\blogistic", sentence, re.IGNORECASE)
        for sentence in sentences(text)
    ):  # "so we got something close to the sigmoid derivatives" names no σ
        return False
    for match in _SIGMA_EQUALS_SOFTMAX.finditer(text):
        first, second = (g for g in match.groups() if g is not None)
        if re.sub(r"\s+", "", first) == re.sub(r"\s+", "", second):
            return True
    return said_in_words


_SIGMA_ENTRIES = lazy(r"\\sigma\s*(?:_\s*\{?\s*[a-z]|\([^()$]*\)\s*_)")


def sigma_said_softmax(text: str) -> bool:
    """Whether the words say σ is the softmax ("here $\\sigma$ denotes the softmax"), denying
    nothing."""
    return any(
        not re.search(r"\b(?:not|never|rather than|instead of)\b", said.group(0), re.I)
        for said in _SIGMA_SAID_SOFTMAX.finditer(text)
    ) or any(_names_sigma_the_softmax(sentence) for sentence in sentences(text))


_SIGMA_SAID_SOFTMAX = lazy(
    r"\$\s*\\sigma\s*\$[^.$]{0,40}?\b(?:is|denotes|be|for|stands\s+for|means|as)\b[^.$]{0,25}?"
    r"\bsoft-?max\b"
)


_SIGMA_CALLED = lazy(r"\\sigma\s*(?:\\left\s*)?\(|σ\s*\(")


def unread_through_sigma(meanings: Meanings) -> None:
    """Once σ is no logistic function here (the text defines it or names it otherwise), a
    definition written with it (``a = \\sigma(z)`` after "Let $\\sigma(z) = \\tanh(z)$",
    read before that was known) is not read either: what depends on it is not judged (review
    84a: ``\\frac{da}{dz} = a(1 - a)`` held and ``1 - a^2`` failed)."""
    if "sigma" not in meanings.unreadable:
        return
    for name, meaning in list(meanings.table.items()):
        written = _SIGMA_CALLED.search(meaning.latex.partition("=")[2])
        if name != "sigma" and written and _logistic_in(meaning.value):
            del meanings.table[name]
            meanings.unreadable[name] = meaning.source
            meanings.unreadable_from.setdefault(name, 0)


def _logistic_in(value: sympy.Expr) -> bool:
    """Whether ``value`` holds the logistic function as this reader writes it, 1/(1 + e^{-u})."""
    return any(
        power.exp == -1
        and power.base.is_Add
        and any(isinstance(t, sympy.exp) for t in power.base.args)
        for power in value.atoms(sympy.Pow)
    )
