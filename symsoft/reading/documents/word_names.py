"""Names that carry a word as a subscript or superscript: ``\\mathcal{L}_{KD}``, ``L_{CE}``,
``L_{\\text{CE}}``, ``\\ell_{\\rm smooth}``, ``p^{\\text{soft}}``, ``y_{\\text{smooth}, k}``,
``y_i^{\\text{hard}}`` (the index first).

A word written in a text command (``\\text``, ``\\mathrm``, ``\\rm``, ``\\operatorname``…) is
always a label. A bare group of letters is a label only when it cannot be read as indices: two
or more capitals, or four or more letters, with at least one letter the document never uses as
an index (never bound by a sum, never a subscript of its own); ``w_{kj}`` stays row k, column j.
A label becomes part of the name (``L_{CE}`` is the name ``L_CE``, not entry (C, E) of L); an
index written after it (``y_{\\text{smooth}, k}``, ``y^{\\text{LS}}_k``) stays an index.

The rewriting keeps the text's length, so columns stay the file's: the name is written as its
letter, the mark ``WORD_MARK`` and the word, which the grammar reads as one name.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
from contextvars import ContextVar
from typing import TypeVar

from symsoft.reading.documents.spans import Text
from symsoft.reading.documents.subscripts import sum_indices, whole_letters
from symsoft.reading.lazy_regex import lazy

WORD_MARK = "\ue001"
# a word written bare (Loss, MSE): its first letter becomes a mark that carries the letter
# (U+E100 + the letter's code), so the word keeps its length and reads as one name
_BARE_BASE = 0xE100
BARE_MARKS = "\ue141-\ue15a\ue161-\ue17a"  # the marks of A–Z and a–z
# a name as the patterns of function notation see it: one letter, or a word written alone
# (\text{CE} spelled as the mark and the word; a bare Loss as its marked first letter and the rest)
# Greek letters a text may define as functions: \zeta(z) = \log(1 + e^z) (softplus), \phi(x)
GREEK_FUNCTIONS = "zeta|phi|varphi|psi|xi|chi|rho|kappa|eta|Phi|Psi"
GREEK_FUNCTION = rf"\\(?:{GREEK_FUNCTIONS})(?![a-zA-Z])"
# Greek letters a text may write a function of: b(\theta), \ell(\alpha), f(\beta)
GREEK_VARIABLE = (
    r"\\(?:theta|alpha|beta|gamma|lambda|mu|eta|tau|omega|nu|xi|phi|psi|zeta)(?![a-zA-Z])"
)
LETTER_OR_WORD = rf"(?:[a-zA-Z]|\ue001[A-Za-z][A-Za-z0-9]*|[{BARE_MARKS}][A-Za-z0-9]+)"


def word_of(written: str) -> str:
    """The name a spelled word stands for: ``\ue001CE`` is CE, a bare ``Loss`` (its first
    letter marked) is Loss; ``L\ue001CE`` is L_CE."""
    if written and _BARE_BASE + 0x41 <= ord(written[0]) <= _BARE_BASE + 0x7A:
        return chr(ord(written[0]) - _BARE_BASE) + written[1:]
    return written.lstrip(WORD_MARK).replace(WORD_MARK, "_")


T = TypeVar("T")

# names the reader spells in its own way (P_cA for P(y=1|x), conditionals.py), each with what
# the text writes: messages show that
SPELLED_AS: ContextVar[dict[str, str] | None] = ContextVar("spelled_as", default=None)

_BASE = (
    r"(?P<base>\\math(?:cal|scr|rm)\s*(?:\{\s*[A-Za-z]\s*\}|[A-Za-z])|\\ell"
    r"|(?<![\\A-Za-z])[A-Za-z])"
)
_COMMAND = r"\\(?:text|textrm|mathrm|operatorname|textsf|mathsf|textit|mathit)\s*"
_WORD = r"[A-Za-z][A-Za-z0-9]*"
# after a word, one index (k) or two, a sample and a class (ik, i,k, nk'): Y_{\text{pred},ik}
_INDICES = r"[a-z](?:\s*'|\s*,?\s*[a-z]\s*'?)?"
# the script: its sign, then a word in a text command, {\rm word}, \rm word, or bare braces;
# after the word, optionally ", index" inside the same braces
_SCRIPT = lazy(
    r"\s*(?P<sign>[_^])\s*(?:"
    rf"\{{\s*{_COMMAND}\{{\s*(?P<w1>{_WORD})\s*\}}\s*(?:,\s*(?P<i1>{_INDICES})\s*)?\}}"
    rf"|{_COMMAND}\{{\s*(?P<w2>{_WORD})\s*\}}"
    rf"|\{{\s*\\rm\s+(?P<w3>{_WORD})\s*(?:,\s*(?P<i3>[a-z])\s*)?\}}"
    rf"|\\rm\s+(?P<w4>{_WORD})"
    rf"|\{{\s*(?P<w5>[A-Za-z]{{2,}})\s*(?:,\s*(?P<i5>[a-z])\s*)?\}}"
    # a Greek letter, a parameter the name is labelled with (\ell_\varepsilon): never an index
    r"|\{\s*\\(?P<w6>varepsilon|epsilon|lambda|alpha|beta|gamma|tau)\s*\}"
    r"|\\(?P<w7>varepsilon|epsilon|lambda|alpha|beta|gamma|tau)(?![a-zA-Z])"
    r")"
)
_BASE_AT = lazy(_BASE)
# a letter raised to a Greek letter in arithmetic, p^{\gamma - 1}, p^{1+\gamma}, or a group with
# the letter in it, (1-p)^{\gamma}: γ a number, so that letter's p^{\gamma} is a power too
_CALLED_WITH_BETA = lazy(r"(?<![\\A-Za-z])([a-z])\s*_\s*\{?\s*\\beta\s*\}?\s*(?:\\left\s*)?\(")
_GREEK_SCRIPT = r"\\(varepsilon|epsilon|lambda|alpha|beta|gamma|tau)(?![a-zA-Z])"
_GREEK_POWER = lazy(
    r"(?<![\\A-Za-z])([a-zA-Z])\s*\^\s*\{(?:[^{}$]*?(?:[-+]\s*|\d\s*)"
    + _GREEK_SCRIPT
    + r"|\s*"
    + _GREEK_SCRIPT
    + r"\s*[-+])"
    + r"|\(([^()$]*)(?:\)|\\[bB]igg?r?\s*\)|\\right\s*\))\s*\^\s*\{?\s*"
    + _GREEK_SCRIPT
)


def _greek_powers(source: str) -> set[tuple[str, str]]:
    """(letter, Greek letter) of each power of :data:`_GREEK_POWER`."""
    found: set[tuple[str, str]] = set()
    for m in _GREEK_POWER.finditer(source):
        if m.group(1):
            found.add((m.group(1), m.group(2) or m.group(3)))
        else:
            group = re.sub(r"\\[a-zA-Z]+", " ", m.group(4))  # (letters, not commands)
            found |= {(letter, m.group(5)) for letter in re.findall(r"[a-zA-Z]", group)}
    return found


_INDEX_FIRST = lazy(r"\s*_\s*(?:\{\s*([a-z])\s*\}|([a-z]))(?=\s*\^)")


# words of three letters or fewer that label a name (x_{max}, z_{min}, h_{out}): never indices
_SHORT_WORDS = frozenset({"max", "min", "avg", "out", "in", "new", "old", "tot", "net", "ref"})


def _bare_is_word(word: str, indices: set[str]) -> bool:
    """``{CE}``, ``{KD}``, ``{total}``: a label; ``{ij}``, ``{kj}``: indices."""
    if word.isupper():
        return any(letter not in indices for letter in word)
    long = len(word) >= 4 or word in _SHORT_WORDS
    return long and any(letter not in indices | set("ijklmn") for letter in word)


def spell_word_names(text: Text, words: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """Write every name with a word subscript or superscript as one name (same length), and
    every word written alone that the text defines, or ``words`` (the ones ``--define`` defines).

    Returns ``(as written, read as)`` for each name rewritten, in order, without repeats."""
    for pos, char in enumerate(text.chars):
        # written by the author: never read as the reader's own mark
        if char == WORD_MARK or _BARE_BASE <= ord(char) < _BARE_BASE + 0x80:
            text.chars[pos] = "\x00"
    source = text.slice(0, len(text.chars))
    indices = sum_indices(source) | whole_letters(source)
    spelled: dict[str, str] = {}
    powers = _greek_powers(source)
    parametrized = set(_CALLED_WITH_BETA.findall(source))  # h in h_\beta(x)
    reached = 0
    for base in _BASE_AT.finditer(source):
        if base.start() < reached:
            continue
        script = _SCRIPT.match(source, base.end())
        before = None  # y_i^{\text{hard}}: the index written before the word, y^{hard}_i
        if script is None and (before := _INDEX_FIRST.match(source, base.end())) is not None:
            script = _SCRIPT.match(source, before.end())
            if script is not None and (script.group("sign") != "^" or script.group("w5")):
                script = None  # x_i^{ab}: a power; y_i_{\text{x}}: not read
        if script is None:
            continue
        word = next(
            script.group(g) for g in ("w1", "w2", "w3", "w4", "w5", "w6", "w7") if script.group(g)
        )
        if script.group("w5") and not _bare_is_word(word, indices):
            continue
        greek = script.group("w6") or script.group("w7")
        if greek == "beta" and script.group("sign") == "_" and base.group() in parametrized:
            continue  # h_\beta(x): a hypothesis with its parameters, as h_\theta(x) (not a word)
        if greek and script.group("sign") == "^" and base.group() == "e" and before is None:
            continue  # e^{\beta}: a power of Euler's e (p_i^{\beta} may be a tempered p)
        if greek and script.group("sign") == "^" and (base.group()[-1:], greek) in powers:
            continue  # p^{\gamma} beside p^{\gamma - 1} or (1-p)^{\gamma}: a power
        index = script.group("i1") or script.group("i3") or script.group("i5")
        if before is not None:  # (x_i^{\mathrm{T}}: a transpose, no word)
            if len(word) < 2:
                continue
            index = before.group(1) or before.group(2)
        letter = re.sub(r"\\math(?:cal|scr|rm)|[\s{}]", "", base.group("base"))
        letter = "l" if letter == "\\ell" else letter
        index = re.sub(r"\s+", "", index or "")
        written = letter + WORD_MARK + word + (f"_{{{index}}}" if index else "")
        start, end = base.start(), script.end()
        if len(written) > end - start:
            continue
        text.blank(start, end)
        text.chars[start : start + len(written)] = list(written)
        reached = end
        spelled.setdefault(re.sub(r"\s+", "", source[start:end]), f"{letter}_{word}")
    spelled.update(spell_defined_words(text, words))
    return [(written, read) for written, read in spelled.items()]


# \text{CE}, \mathrm{BCE}, \operatorname{loss} standing alone: the name of a loss or a function
# the text defines (\text{CE} = -\sum_k y_k \log p_k, \text{MSE}(p, y) := …), one name
_ALONE = lazy(rf"(?<![_^{{A-Za-z]){_COMMAND}\{{\s*(?P<word>[A-Za-z][A-Za-z0-9]+)\s*\}}")
_DEFINED = lazy(
    r"\s*+(?:_\s*(?:\{\s*[a-z]\s*\}|[a-z]))?\s*+"  # \text{CE}_i; *+: linear in white space
    r"(?:(?:\\left\s*)?\([^()=]*(?:\\right\s*)?\))?\s*+"  # \text{CE}(p, y)
    r"(?::=|\\coloneqq|\\triangleq|\\equiv|=(?!=)"
    r"|\\(?:stackrel|overset)\s*\{(?:[^{}]|\{[^{}]*\})*\}\s*\{\s*=\s*\})"  # \overset{\text{def}}{=}
)
# words a text command writes that are no name of the text's own: the functions the reader
# knows by their word, and the words of prose
_NOT_NAMES = frozenset(
    "softmax Softmax sigmoid tanh sech cosh sinh lse LSE logsumexp LogSumExp log ln exp diag Diag"
    " max min argmax argmin sign sgn tr Tr trace det relu ReLU const and or if for when where with"
    " since because otherwise else so thus hence let Let def true false".split()
)


# \frac{\partial \text{CE}}{\partial z}: a word differentiated, a name (derivative_names.py)
_DIFFERENTIATED = lazy(r"\\partial\s*+$")
_BY = lazy(r"\s*+\}\s*+\{\s*+\\partial")


def defined_words(source: str) -> frozenset[str]:
    """The words written alone in a text command that ``source`` defines (``\\text{CE} = …``)
    or differentiates (``\\frac{\\partial \\text{CE}}{\\partial z}``)."""
    return frozenset(
        match.group("word")
        for match in _ALONE.finditer(source)
        if match.group("word") not in _NOT_NAMES
        and (
            _DEFINED.match(source, match.end())
            or (
                _DIFFERENTIATED.search(source, max(0, match.start() - 12), match.start())
                and _BY.match(source, match.end())
            )
        )
    )


def spell_defined_words(text: Text, words: frozenset[str] = frozenset()) -> dict[str, str]:
    """Each word of ``words``, and each the text defines, written alone as one name (the mark,
    then the word; same length). Returns ``{as written: read as}``."""
    source = text.slice(0, len(text.chars))
    words = words | defined_words(source)
    spelled: dict[str, str] = {}
    for match in _ALONE.finditer(source):
        word = match.group("word")
        if word not in words:
            continue
        written = WORD_MARK + word
        text.blank(match.start(), match.end())
        text.chars[match.start() : match.start() + len(written)] = list(written)
        spelled.setdefault(re.sub(r"\s+", "", match.group()), word)
    return spelled


# the words a text writes bare as the name of its loss (Loss = -\log(q_y), MSE = \frac{1}{N} …,
# \nabla_{z_i} Loss): one name, never a product of letters, once the text defines it
_BARE_WORDS = (
    "Loss loss LOSS Cost cost COST Error error Err err Risk risk Objective objective Obj obj "
    "CE BCE CCE SCE WCE MSE MAE RMSE SSE NLL KL KLD FL "
    "odds logit probability likelihood"  # a worked example's words: logit = -1.5 + 3 \cdot 1
).split()
# (also right after the d of a derivative, \frac{dLoss}{dx}: the word, differentiated)
_BARE = lazy(rf"(?:(?<![\\A-Za-z\ue000-\ue1ff])|(?<=\{{d))({'|'.join(_BARE_WORDS)})(?![A-Za-z0-9])")
_ROW_START = lazy(r"(?:^|\\\\|&|\n)\s*$")
# one sentence's $…$ (not a $$ … $$ display, nor a \$ of prose)
_INLINE_MATH = lazy(r"(?<![\\$])\$(?!\$)([^$\n]+?)(?<![\\$])\$(?!\$)")


def _outside(spans: list[tuple[int, int]], bodies: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans that start in none of ``bodies`` (one bisection each: 5,000 displays)."""
    ordered = sorted(bodies)
    starts = [start for start, _ in ordered]
    reach = list(itertools.accumulate((end for _, end in ordered), max))
    kept = []
    for start, end in spans:
        before = bisect.bisect_right(starts, start) - 1
        if before < 0 or reach[before] <= start:
            kept.append((start, end))
    return kept


def spell_bare_words(text: Text, bodies: list[tuple[int, int]]) -> list[str]:
    """Each word of _BARE_WORDS that the math of ``bodies`` (start, end of each display) or of a
    sentence's ``$…$`` defines at the start of a row (``Loss = -\\log(q_y)``, ``MSE(y, p) = …``,
    "the loss is ``$CE = -\\sum_k y_k \\log S_k$``"), and each capitalised word it defines there as
    a function (``Sig(x) = …``), written as one name wherever that math writes it (same length).
    Returns the words so spelled."""
    found, defined = [], set()
    source = text.slice(0, len(text.chars))
    # "The loss is $CE = -\sum_k y_k \log S_k$.": a sentence's math defines it as a display does
    inline = [(m.start(1), m.end(1)) for m in _INLINE_MATH.finditer(source)]
    for start, end in bodies + _outside(inline, bodies):
        body = text.slice(start, end)
        for match in _BARE.finditer(body):
            found.append((start + match.start(), match.group(1)))
            if _DEFINED.match(body, match.end()) and _ROW_START.search(body, 0, match.start()):
                defined.add(match.group(1))
        for match in _CALLED_WORD.finditer(body):
            word = match.group(1)
            found.append((start + match.start(), word))
            if word.lower() in _KNOWN_FUNCTIONS and word not in _CAPITALISED:
                continue  # (a capitalised Tanh is a name when the text defines it, else letters:
                # "$Tanh(x)$ is shorthand for $\tanh(x/2)$", a definition in words, review 64)
            if (
                _ROW_START.search(body, 0, match.start())
                and _OPENS.match(body, match.end())  # a function's definition: Sig(x) = …
                and _DEFINED.match(body, match.end())
            ):
                defined.add(word)
    for at, word in found:
        if word in defined:
            text.chars[at] = chr(_BARE_BASE + ord(word[0]))
    return sorted(defined) + _spell_named_lse(text, bodies)


# a capitalised word written bare as a function's name, Sig(x), Softplus(x), BCE(y, \hat y),
# LSE(\mathbf{x}) (also differentiated, {\delta Sig \over \delta x}, or squared, Tanh^2(x)):
# one name once the text defines it at the start of a row (Sig(x) = \frac{1}{1 + e^{-x}})
_CALLED_WORD = lazy(r"(?<![\\A-Za-z\ue000-\ue1ff])([A-Z][A-Za-z]*[a-zA-Z])(?![A-Za-z0-9])")
# a function the reader knows, capitalised: Tanh(x) = … a text's own function, never tanh
_CAPITALISED = frozenset("Tanh Exp Log Ln".split())
_OPENS = lazy(r"\s*+(?:\\left\s*+)?\(")
_KNOWN_FUNCTIONS = frozenset(
    "softmax sigmoid tanh sech cosh sinh sin cos tan exp log ln max min relu diag tr det sgn sign"
    " argmax argmin".split()
)


# log-sum-exp named bare in a text command, \mathrm{lse} = \log \sum_k e^{x_k}: a scalar the
# text defines, not the function (which is written at its vector, \mathrm{lse}(\mathbf{x}))
_NAMED_LSE = lazy(
    r"\\(?:mathrm|operatorname|text|textrm)\s*+\{\s*+(lse|LSE|logsumexp)\s*+\}"
    r"(?!\s*+(?:\\left\s*+|\\[bB]igg?l?\s*+)?[(\[])"
)


def _spell_named_lse(text: Text, bodies: list[tuple[int, int]]) -> list[str]:
    """``\\mathrm{lse}`` written alone as a name the math of ``bodies`` defines at the start
    of a row, spelled as a bare word wherever the text writes it alone (same length)."""
    source = text.slice(0, len(text.chars))
    definitions = [
        m.group(1)
        for start, end in bodies
        for m in _NAMED_LSE.finditer(source, start, end)
        if _DEFINED.match(source, m.end()) and _ROW_START.search(source[start : m.start()])
    ]
    defined = set(definitions)
    if len(definitions) != 1:
        return []  # (defined twice, "with a temperature we use instead": which one is meant?)
    for match in _NAMED_LSE.finditer(source):
        if match.group(1) in defined:
            word = match.group(1)
            written = " " * (match.end() - match.start() - len(word))  # (the message: "lse}")
            written += chr(_BARE_BASE + ord(word[0])) + word[1:]
            text.chars[match.start() : match.end()] = list(written)
    return sorted(defined)


def unmarked(item: T) -> T:
    """``item`` (a frozen dataclass of the results) with every text field as the author wrote the
    name: the mark becomes ``_`` (``L_CE``), so no message shows the reader's own character."""
    if isinstance(item, str):
        return _unmark(item)  # type: ignore[return-value]
    if isinstance(item, tuple) and not dataclasses.is_dataclass(item):
        return (
            type(item)(*(unmarked(part) for part in item))
            if hasattr(item, "_fields")
            else (
                tuple(unmarked(part) for part in item)  # type: ignore[return-value]
            )
        )
    if not dataclasses.is_dataclass(item):
        return item
    deep = bool(SPELLED_AS.get())  # P_cA in the point of a case's counterexample too
    changes = {
        f.name: unmarked(getattr(item, f.name))
        for f in dataclasses.fields(item)  # type: ignore[arg-type]
        if isinstance(getattr(item, f.name), str)
        or (deep and isinstance(getattr(item, f.name), tuple))
        or (deep and dataclasses.is_dataclass(getattr(item, f.name)))
    }
    return dataclasses.replace(item, **changes) if changes else item  # type: ignore[type-var]


def _unmark(written: str) -> str:
    # a word alone (\text{CE}) as written; the mark after a letter, and as repr() escapes it
    # inside a quoted piece of a message, as "_"
    written = _WORD_ALONE.sub(r"\\text{\1}", written)
    written = _BARE_MARK.sub(lambda m: chr(ord(m.group()) - _BARE_BASE), written)
    written = written.replace(WORD_MARK, "_").replace("\\ue001", "_")
    if spelled := SPELLED_AS.get():  # P_cA: P(y=1|x), as the text writes it
        pattern = "|".join(map(re.escape, sorted(spelled, key=len, reverse=True)))
        # logP_cA too; an entry's index after it: q_cB_{k}, q_cB_1
        index = r"(?:_(?:\{([A-Za-z0-9]+)\}|([A-Za-z0-9])))?"
        pattern = rf"(?<![0-9_])({pattern})(?![A-Za-z0-9]){index}"
        written = re.sub(pattern, _as_written, written)
    return written


def _as_written(match: re.Match[str]) -> str:
    # q_cB_k, the entry k of a distribution: q(k|x_i); q_cB_1: q(1|x_i)
    shown = (SPELLED_AS.get() or {})[match.group(1)]
    index = match.group(2) or match.group(3)
    if index is None:
        return shown
    if "(\\cdot|" in shown:
        return shown.replace("(\\cdot|", f"({index}|", 1)
    return f"{shown}_{{{index}}}"


_BARE_MARK = lazy(f"[{BARE_MARKS}]")


_WORD_ALONE = lazy(r"(?<![A-Za-z])(?:\ue001|\\ue001)([A-Za-z][A-Za-z0-9]*)")


def spelled_words(definition: str, words: frozenset[str]) -> str:
    """A ``--define`` with the words it defines alone (``\\text{CE}``) written as names."""
    text = Text.of(definition)
    spell_defined_words(text, words)
    return text.slice(0, len(text.chars))
