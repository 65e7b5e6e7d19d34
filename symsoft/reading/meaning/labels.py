"""The class label as an index, in the notation of the CS231n notes and the posts that follow
them: ``L_i = -\\log \\frac{e^{f_{y_i}}}{\\sum_j e^{f_j}}``, where ``y_i`` is the index of the
correct class of example ``i``, and ``\\mathbb{1}(k = y_i)`` is 1 on that class.

Read as one example with its correct class ``m`` (a letter the text leaves free): ``f_{y_i}``
is ``f_m``, ``L_i`` is the loss ``L`` (of that example), ``\\mathbb{1}(k = y_i)`` is
``\\mathbb{1}(k = m)``, and ``m`` is a parameter of the loss, so the steps are judged in the
cases ``k = m`` and ``k ≠ m``.  Every rewrite keeps the
text's length, so columns stay those of the file.
"""

from __future__ import annotations

import re

import sympy

from symsoft.reading.documents.spans import Display, Text
from symsoft.reading.grammar.symbols import index_symbol
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.prose import sentences
from symsoft.reading.meaning.table import Meaning
from symsoft.reading.meaning.target_hints import one_hot_said

_LABEL_SUBSCRIPT = lazy(r"_\s*\{\s*([a-zA-Z])\s*_\s*\{?\s*([a-z])\s*\}?\s*\}")
# the correct class in Korean, Japanese and Chinese (정답 클래스, 正解クラス, 真实类别)
_CJK_CLASS = r"정답\s*(?:클래스|레이블|라벨)|正解(?:クラス|ラベル)|(?:正确|真实)(?:类别|类|标签)"
_CORRECT_CLASS = lazy(
    r"\b(?:correct|true|target|right|proper|actual|ground[- ]truth)\s+(?:class|label|category)"
    r"|\bclass\s+label\b|\blabel\s+(?:of|for)\s+(?:the\s+)?(?:example|sample|input)"
    r"|" + _CJK_CLASS,
    re.IGNORECASE,
)
_FRESH = "mlc"  # index letters (i to n) first: prose may announce a case "k = m"


def _put(text: Text, start: int, end: int, written: str) -> None:
    """``written`` in place of ``text[start:end]``, padded with blanks to the same length."""
    assert len(written) <= end - start
    text.blank(start, end)
    for offset, char in enumerate(written):
        text.chars[start + offset] = char


def label_index(text: Text, displays: list[Display]) -> str | None:
    """Rewrite ``y_i`` used as an index (the correct class of example ``i``) as a fresh index
    letter, and ``L_i`` as ``L``, when the prose says ``y_i`` is a class label and ``y`` is not
    also a vector of targets (``y_k`` with another index).  Returns the letter, or None."""
    everything = text.slice(0, len(text.chars))
    bodies = [text.slice(d.body.start, d.body.end) for d in displays]
    found = {
        (m.group(1), m.group(2))
        for body in bodies
        for m in _LABEL_SUBSCRIPT.finditer(body)
        if not re.search(r"\\(?:nabla|partial)\s*$", body[: m.start()])  # \nabla_{w_k}: a variable
    }
    if len(found) != 1:
        return None
    ((label, example),) = found
    written = set(re.findall(rf"(?<![a-zA-Z\\]){label}\s*_\s*\{{?\s*([a-z0-9])", everything))
    if written != {example}:
        return None  # y_k, y_j as well: y is a vector of targets, not a class label
    if not _CORRECT_CLASS.search(everything) and not _only_as_index(bodies, label, example):
        return None
    letter = next(
        (x for x in _FRESH if not re.search(rf"(?<![a-zA-Z\\]){x}(?![a-zA-Z])", everything)),
        None,
    )
    if letter is None:
        return None
    use = re.compile(rf"(?<![a-zA-Z\\]){label}\s*_\s*(?:\{{\s*{example}\s*\}}|{example})(?![a-z])")
    for match in list(use.finditer(everything)):
        _put(text, match.start(), match.end(), letter)
    loss = re.compile(rf"(?<![a-zA-Z\\])(L|J|E|\\ell)\s*_\s*(?:\{{\s*{example}\s*\}}|{example})")
    for match in list(loss.finditer(text.slice(0, len(text.chars)))):
        _put(text, match.start(), match.end(), match.group(1))
    return letter


def _only_as_index(bodies: list[str], label: str, example: str) -> bool:
    r"""Every ``y_i`` the displays write is an index: a subscript (``s_{y_i}``, ``\sum_{j \neq
    y_i}``) or compared with an index letter (``\mathbb{1}(j = y_i)``, ``\mathbb{1}(y_i =
    k)``), never a value (``y_i \log p_i``, ``y_i = 1``).  The prose need not name the class
    then."""
    use = re.compile(rf"(?<![a-zA-Z\\]){label}\s*_\s*(?:\{{\s*{example}\s*\}}|{example})(?![a-z])")
    seen = False
    for body in bodies:
        for match in use.finditer(body):
            before, after = body[: match.start()].rstrip(), body[match.end() :]
            compared = _COMPARED_AFTER.match(after)  # \mathbb{1}(y_i = k): with an index too
            if not re.search(_SUBSCRIPT_OR_COMPARED, before) and not compared:
                return False
            seen = True
    return seen


_SUBSCRIPT_OR_COMPARED = r"_\s*\{$|(?<![a-zA-Z\\])[a-z]\s*(?:=|\\neq?|\\not\s*=|≠)$"
_COMPARED_AFTER = lazy(r"\s*(?:=|\\neq?(?![a-zA-Z])|\\not\s*=|≠)\s*[a-z](?![a-zA-Z_^{(])")


_NAMED_CLASS = lazy(  # "the loss for target class $c$", "the true class $c$"
    r"\b(?:correct|true|target|right|ground[- ]truth)\s+(?:class|label|category)\s+"
    # "the true class is $c$", "the true class label occurs at index $j=c$"
    r"(?:(?:label\s+)?(?:is|occurs\s+at|is\s+at)\s+(?:(?:the\s+)?(?:index|position)\s+)?)?"
    r"(?:index\s+)?(?:\$\s*(?:[a-z]\s*=\s*)?([a-zA-Z])\s*\$|([a-zA-Z])(?![a-zA-Z]))"
    r"|(?:정답\s*클래스|正解クラス|(?:正确|真实)(?:类别|类))\s*\$\s*([a-zA-Z])\s*\$",
    re.IGNORECASE,
)


def named_class(text: Text) -> str | None:
    r"""The letter the prose names as the index of the correct class ("the loss for target
    class $c$"), used as a subscript in the math (``\log s_c``): a parameter of the loss, like
    CS231n's ``y_i``.  None when no single such letter is named, or the letter is also a
    vector written with a subscript of its own (``c_k``)."""
    everything = text.slice(0, len(text.chars))
    letters = {a or b or c for a, b, c in _NAMED_CLASS.findall(everything)}
    if len(letters) != 1:
        return None
    (letter,) = letters
    if re.search(rf"(?<![a-zA-Z\\]){letter}\s*_", everything):
        return None
    if not re.search(rf"_\s*(?:\{{\s*{letter}\s*\}}|{letter}(?![a-zA-Z]))", everything):
        return None
    return letter


_ONE_HOT_OF_THE_CLASS = lazy(r"one[- ]hot|원[- ]?핫|独热|ワンホット", re.IGNORECASE)
# $y$, $y_j$, or the one entry that is one, $y_c = 1$
_TARGETS_Y = lazy(
    r"\$\s*(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*y\s*\}|y)(?:\s*_\s*\w)?\s*(?:=\s*1\s*)?\$"
)


def one_hot_at_class(text: str, letter: str) -> bool:
    r"""The text says the targets ``y`` are the one-hot encoding of the class it names by
    ``letter`` ("with true class $c$ (one-hot encoded as $\mathbf{y}$)", "where $y_j$ is the
    one-hot encoding of the true class"): then ``y_k = \delta_{k c}``, exactly."""
    named = re.compile(rf"\$\s*(?:[a-z]\s*=\s*)?{letter}\s*\$")  # $c$, "at index $j=c$"
    everything = " ".join(sentences(text))
    if not named.search(everything):
        return False
    return any(
        _ONE_HOT_OF_THE_CLASS.search(sentence)
        and _TARGETS_Y.search(sentence)
        and (
            _CORRECT_CLASS.search(sentence)
            # "Suppose the true class is $c$. Since $y$ is a one-hot vector, …": the class
            # named in the sentence before, in the same paragraph
            or (at > 0 and _CORRECT_CLASS.search(said[at - 1]))
        )
        and not re.search(r"\bnot\b|n't\b|\breplac(?:e|es|ed|ing)\b|\binstead\b", sentence)
        for paragraph in re.split(r"\n[ \t]*+\n", text)
        for said in [sentences(paragraph)]
        for at, sentence in enumerate(said)
    )


def one_hot_meaning(letter: str, where: str, name: str = "y") -> Meaning:
    r"""``y_m = \delta_{m c}``: the targets one-hot at the class ``letter``."""
    m = sympy.Dummy("m", integer=True, positive=True)
    value = sympy.KroneckerDelta(m, index_symbol(letter))
    return Meaning(name, m, value, where, rf"{name}_m = \delta_{{m {letter}}}")


# the targets' values said in a sentence: "so $y_k = 1$ and $y_i = 0$ for $i \neq k$", "we set
# $y_c = 1$, and $y_k = 0$ for every other $k$"
_BY_VALUES = lazy(
    r"\$\s*([a-zA-Z])\s*_\s*\{?\s*([a-z])\s*\}?\s*=\s*1\s*\$\s*,?\s*and\s+\$\s*\1\s*_\s*\{?\s*"
    r"([a-z])\s*\}?\s*=\s*0\s*\$\s*(?:for\s+(?:every|all|each|any)\s+other\b"
    r"|for\s+(?:(?:every|all|each|any)\s+)?\$\s*\3\s*(?:\\neq?|\\not\s*=|≠)\s*\2\s*\$"
    r"|otherwise\b|elsewhere\b)"
)


def one_hot_class(text: str, label: str | None, worded: bool = False) -> tuple[str, str] | None:
    """The targets' name and the class letter they are one-hot at: the correct class ``label``
    the text encodes one-hot (:func:`one_hot_at_class`), or the values a sentence about the
    correct class gives ("the correct class $k$, so $y_k = 1$ and $y_i = 0$ for …"; never in a
    case, an example, a wish or a negated sentence).

    >>> one_hot_class("the correct class $k$, so $y_k = 1$ and $y_i = 0$ for $i \\\\neq k$.", None)
    ('y', 'k')
    """
    if label is not None and one_hot_at_class(text, label):
        return "y", label
    if worded and label is not None and one_hot_said(text):
        return "y", label  # "y is one-hot", then $-\log p_{\text{true}}$: the class written
    if _NOT_ONE_HOT.search(text):
        return None  # "y is a multi-hot vector", "need not sum to one" elsewhere (review 4)
    found = {
        (m.group(1), m.group(2))
        for paragraph in re.split(r"\n[ \t]*+\n", text)
        for said in [sentences(paragraph)]
        for at, sentence in enumerate(said)
        if not _SPECIAL.search(sentence)
        and (_CORRECT_CLASS.search(sentence) or (at > 0 and _CORRECT_CLASS.search(said[at - 1])))
        for m in _BY_VALUES.finditer(sentence)
    }
    found |= {  # "where $y_k = 1$ if $k = c$ and $0$ otherwise": one-hot at c, said whole
        (m.group(1), m.group(group))
        for sentence in sentences(text)
        for pattern, group in _BY_CASES
        if not _SPECIAL.search(pattern.sub(" ", sentence))  # (its own "if" is no case)
        for m in pattern.finditer(sentence)
    }
    return found.pop() if len(found) == 1 else None


_ENTRY_IS = r"\$\s*([a-zA-Z])\s*_\s*\{?\s*([a-z])\s*\}?\s*"  # "$y_k", its letter and index
_UNEQUAL_TO = r"\s*(?:\\neq?|\\not\s*=|≠)\s*"
# the targets one-hot at a class, said by their values in words: each with the group of the class
_BY_CASES = (
    (  # "$y_k = 1$ if $k = c$ and $0$ otherwise", "$y_k$ equals $1$ if $k = c$, else $0$"
        lazy(
            _ENTRY_IS + r"(?:=\s*1\s*\$|\$\s*equals\s*\$?\s*1\s*\$?)\s*,?\s*(?:if|when|for)\s+"
            r"\$\s*\2\s*=\s*([a-z])\s*\$\s*,?\s*(?:and\s+)?(?:\$?\s*0\s*\$?\s*(?:otherwise|else)"
            r"|(?:otherwise|else)\s*\$?\s*0)\b"
        ),
        3,
    ),
    (  # "$y_k = 1$ when $k$ is the true class $c$, else $0$"
        lazy(
            _ENTRY_IS
            + r"=\s*1\s*\$\s*(?:if|when)\s+\$\s*\2\s*\$\s+is\s+the\s+(?:true|correct|target)"
            r"\s+class\s+\$\s*([a-z])\s*\$\s*,?\s*(?:and\s+)?(?:else|otherwise)\b"
        ),
        3,
    ),
    (  # "$y_k = 1$ for $k = c$ and $y_k = 0$ for $k \neq c$"
        lazy(
            _ENTRY_IS + r"=\s*1\s*\$\s*(?:if|when|for)\s+\$\s*\2\s*=\s*([a-z])\s*\$\s*,?\s*and\s+"
            r"\$\s*\1\s*_\s*\{?\s*\2\s*\}?\s*=\s*0\s*\$\s*(?:if|when|for)\s+\$\s*\2"
            + _UNEQUAL_TO
            + r"\3\s*\$"
        ),
        3,
    ),
    (  # "$y_c = 1$ and all other $y_k = 0$", "$y_c = 1$ and $y_k = 0$ for $k \neq c$"
        lazy(
            _ENTRY_IS
            + r"=\s*1\s*\$\s*,?\s*and\s+(?:(?:all\s+)?(?:the\s+)?other\s+\$\s*\1\s*_\s*\{?\s*[a-z]"
            r"\s*\}?\s*=\s*0\s*\$|\$\s*\1\s*_\s*\{?\s*([a-z])\s*\}?\s*=\s*0\s*\$\s*(?:for|if|when)\s+"
            r"\$\s*\3" + _UNEQUAL_TO + r"\2\s*\$)"
        ),
        2,
    ),
    (  # "$y$ is one-hot at class $k$", "$\mathbf{y}$ is a one-hot vector with its 1 at index $c$"
        lazy(
            r"\$\s*(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*)?([a-zA-Z])\s*\}?\s*\$\s+(?:is|be)\s+"
            r"(?:(?:a\s+|the\s+)?one[- ]?hot(?:\s+(?:vector|encoded|encoding|label|target))?"
            r"\s*,?\s*"
            r"(?:with\s+(?:a|its|the)\s+(?:single\s+)?\$?\s*1\s*\$?\s+)?"
            # "$y$ is all zero except a one at position $k$" (review 79c)
            r"|all\s+zeros?\s+except\s+(?:for\s+)?(?:a|one|the|a\s+single)\s+\$?(?:1|one)\$?\s+)"
            r"(?:at|for|of|on|in)\s+"
            r"(?:the\s+)?(?:(?:true|correct|target)\s+)?(?:class|index|position|label|category|entry)"
            r"\s+\$\s*([a-z])\s*\$"
        ),
        2,
    ),
    (  # "$y$ is the indicator vector of the true class $c$"
        lazy(
            r"\$\s*([a-zA-Z])\s*\$\s+is\s+the\s+(?:indicator|one-hot)\s+(?:vector\s+)?(?:of|for)\s+the\s+"
            r"(?:true|correct|target)\s+class\s+\$\s*([a-z])\s*\$"
        ),
        2,
    ),
)


# words anywhere in the text that the targets may be other than one-hot
_NOT_ONE_HOT = lazy(
    r"(?i)multi[- ]?hot|not\s+(?:be\s+|necessarily\s+)?one[- ]?hot|need\s+not\s+sum|counts?\b"
    r"|soft\s+(?:labels?|targets?)|smooth\w*|drop\w*\s+the\s+one[- ]?hot|distribution"
)
# a sentence that gives the values in a case, an example or a wish, not as the targets' meaning
# ("For a hard label, …", "When the target is a single class, …", "in the special case")
_SPECIAL = lazy(
    r"(?i)\bnot\b|n't\b|\b(?:mistake\w*|wrong|error|incorrect\w*|misconception|tempting|myth"
    r"|pitfall|trap)\b"  # "A common mistake is to assume $y$ is one-hot at class $c$"
    r"|\b(?:if|when|whenever|were|would|could|suppose|say|e\.g|example"
    r"|instance|special|case|hard|single|only|unless)\b|\?"
)
