"""What the words of a regression document say about its names: a sentence that gives a letter
another meaning, σ said to be something else, a short name given in a sentence, and a tilde
letter beside the plain one.
"""

from __future__ import annotations

import re

from symsoft.reading.lazy_regex import lazy

_BOLD_OPEN = r"(?:\\(?:mathbf|boldsymbol|bm)\s*+\{\s*+)?+"
_T = r"\s*+\}?+\s*+\^\s*+\{?+\s*+(?:T|\\top|\\intercal)\s*+\}?+\s*+"  # possessive: linear
_SAMPLE_VECTORS = lazy(
    r"x_[a-z]\s*\\in\s*\\mathbb\{R\}|\(\s*x_([a-z]),\s*y_\1\s*\)|\(\s*y_([a-z]),\s*x_\2\s*\)"
)
# w^T x_i, \theta^\top \mathbf{x}_i, x_i^T w: a sample's vector times the parameters (read so
# only in a text that says nothing of columns: x_i may be the i-th column of X)
_PRODUCT_SAMPLES = lazy(
    rf"{_BOLD_OPEN}(?:w|\\theta|\\beta){_T}{_BOLD_OPEN}x\s*+\}}?+\s*+_\s*+\{{?+\s*+[a-z]\s*+\}}?+(?![_^])"
    rf"|{_BOLD_OPEN}x\s*+\}}?+\s*+_\s*+\{{?+\s*+[a-z]{_T}{_BOLD_OPEN}(?:w|\\theta|\\beta)(?![a-zA-Z])"
)
_ANY_COLUMN = lazy(r"(?i)\bcolumn|\bSpalte|\bcolonne|столб|列|열")
# "the rows of the design matrix $X$ are the $x^{(i)T}$", X \in \mathbb{R}^{m \times n}
_ROWS = lazy(
    r"\brows\b[^.]{0,40}\$\s*X\s*\$|\$\s*X\s*\$[^.]{0,40}\b(?:rows|one row per)\b"
    r"|X\s*\\in\s*\\mathbb\s*\{?R\}?\^\{\s*[mN]\s*\\times"
)
_COLUMNS = lazy(  # "columns of the matrix $X$", X is $n \times m$, shape (n_x, m)
    r"\bcolumns?\b[^.]{0,40}\$\s*X\s*[$=]|\$\s*X\s*\$[^.]{0,60}\b(?:columns|one column per)\b"
    r"|X\s*\\in\s*\\mathbb\s*\{?R\}?\^\{[^{}]*\\times\s*[mN]\s*\}"
    r"|\$\s*X\s*\$ (?:is|has shape) \$?\(?\s*n(?:_x)?\s*(?:\\times|,)\s*m\b"
    r"|\$\s*X\s*=[^$]*\$,? (?:is )?a matrix of (?:shape|size|dimension) "
    r"\$\(?\s*n(?:_x)?\s*(?:\\times|,)\s*m\b"
)


def sample_subscripts(document: str) -> bool:
    """Whether ``x_i`` is the vector of sample i: the text says so (``x_i \\in \\mathbb{R}^d``,
    pairs ``(x_i, y_i)``), or writes ``w^T x_i`` and nothing of columns."""
    return bool(_SAMPLE_VECTORS.search(document)) or bool(
        _PRODUCT_SAMPLES.search(document) and not _ANY_COLUMN.search(document)
    )


def layout_said(document: str) -> tuple[bool, bool]:
    """(rows, columns): whether the text says X has one row per sample, one column per sample."""
    return bool(_ROWS.search(document)), bool(_COLUMNS.search(document))


# a Markdown or LaTeX heading: a section's edge (the one definition; an earlier "^#+ " was
# rebound by this one, so every use already read it)
HEADING = lazy(r"(?m)^[ \t]*(?:#{1,6}[ \t]|\\(?:sub)*section\*?\s*\{)")
_ONE_EXAMPLE = lazy(
    r"(?i)\bfor\s+(?:one|a\s+single|one\s+single|a(?=\s+training))\s+(?:training\s+|data\s+)?"
    r"(?:example|sample|data\s+point|observation|instance)\b(?!\s+of\b)"
)
_CONDITION = lazy(r"(?i)\b(?:if|when|whenever|where|for|with)\s+\$[^$]*=")  # "If $y = 1$:"
_EVERY_EXAMPLE = lazy(  # words after it that speak of every example: the step may be the sum's
    r"(?i)\b(?:sum\w*|all|every|each|batch|full|whole|total|average\w*|mean|over\s+the\s+"
    r"(?:training\s+)?(?:set|data))\b"
)


def one_example_before(document: str, position: int) -> bool:
    """Whether the words of the section before ``position`` say its steps are about one
    example ("for one training example $(x, y)$", "for a single sample"), and none after
    them speak of all of them ("summing over all m examples", "the batch gradient")."""
    before = document[:position]
    headings = list(HEADING.finditer(before))
    section = before[headings[-1].end() if headings else 0 :]
    said = list(_ONE_EXAMPLE.finditer(section))
    after = section[said[-1].end() :] if said else ""
    return bool(said) and not (_EVERY_EXAMPLE.search(after) or _CONDITION.search(after))


def tilde_beside_plain(document: str) -> bool:
    """Whether a letter the text writes as ``\\tilde{\\mathbf{w}}`` (read as w) is also written
    bold without the tilde, or (w, X) plain in its math: then the two are different things."""
    letters = set(_TILDE_LETTER.findall(document))
    if not letters:
        return False
    math = " ".join(a or b for a, b in _MATH.findall(document))
    if any(_PLAIN.get(letter) and _PLAIN[letter].search(math) for letter in letters):
        return True
    for letter in letters:
        bold = rf"\\(?:mathbf|boldsymbol|bm)\s*\{{\s*{letter}\s*\}}"
        for found in re.finditer(bold, document):
            if not re.search(
                r"\\(?:wide)?tilde\s*\{\s*$", document[max(0, found.start() - 12) : found.start()]
            ):
                return True
    return False


def loss_labels_differ(document: str) -> bool:
    """Whether the text writes J (or L) with two labels (``J_{CE}`` and ``J_{MSE}``): then a label
    is no decoration of the one loss."""
    labels: dict[str, set[str]] = {}
    for found in _LABELLED_LOSS.finditer(document):
        labels.setdefault(found.group(1), set()).add(found.group(2) or found.group(3))
    return any(len(written) > 1 for written in labels.values())


_LABELLED_LOSS = lazy(
    r"(?<![\\A-Za-ce-z])([JL])(?:_\s*\{\s*(?:\\(?:text|mathrm)\s*\{\s*)?([A-Z]{2,4})\s*\}"
    r"|\ue001([A-Z]{2,4})(?![A-Za-z]))"
)
_MATH = lazy(r"\$\$(.+?)\$\$|\$(.+?)\$", re.DOTALL)
_PLAIN = {
    "w": re.compile(r"(?<![\\A-Za-z{])w(?![A-Za-z}])"),
    "X": re.compile(r"(?<![\\A-Za-z{])X(?![A-Za-z}])"),
}
_TILDE_LETTER = lazy(r"\\(?:wide)?tilde\s*\{\s*\\(?:mathbf|boldsymbol|bm)\s*\{\s*([A-Za-z])\s*\}")


def sigma_otherwise(document: str) -> bool:
    """Whether the text makes σ anything but the logistic function (the tanh, the softmax, its
    own definition), as the document's reader finds: then σ is not read here."""
    from symsoft.reading.meaning.sigma_words import (
        defines_sigma_otherwise,
        sigma_is_the_softmax,
        sigma_named_otherwise,
        sigma_said_softmax,
    )

    return (
        defines_sigma_otherwise(document)
        or sigma_named_otherwise(document) is not None
        or sigma_is_the_softmax(document, False)
        or sigma_said_softmax(document)
    )


def said_again(document: str) -> list[tuple[int, str]]:
    """(where, letter) of a role or loss letter a sentence gives another meaning in words, as
    the document's reader finds it ("Now let $J$ denote the mean over the examples instead")."""
    from symsoft.reading.meaning.meanings import _ABBREVIATION, _LET_AGAIN
    from symsoft.reading.meaning.redefinitions import REDEFINED_WORDS

    found = []
    for sentence in _SENTENCE.finditer(document):
        text = sentence.group()
        again = _LET_AGAIN.search(text) or REDEFINED_WORDS.search(text)
        if not again or _ABBREVIATION.search(text):
            continue
        for math in _INLINE_LETTER.finditer(text):
            letter = {"\\theta": "θ", "\\ell": "ℓ"}.get(math.group(1), math.group(1))
            found.append((sentence.start() + math.start(), letter))
    return found


_SENTENCE = lazy(r"[^.!?\n]+(?:[.!?]|\n|$)")
_INLINE_LETTER = lazy(r"\$\s*([JLXYxywbm]|\\theta|\\ell)\s*\$")
# a letter, or a hypothesis named with its parameters as a script (h_\theta(x), h_{w}(x))
_SAID_NAME = (
    # z^{(i)}, \hat{y}^{(i)}: a sample's score or prediction (then a plain letter)
    r"(?:\\hat\s*\{\s*[yp]\s*\}|\\sigma|[a-z])\s*(?:\^\s*\{\s*\(\s*[a-z]\s*\)\s*\}|_\s*(?:\{\s*[a-z]\s*\}|[a-z]))|[a-z]|[a-z]\s*_\s*(?:\\theta|\\beta|\{\s*\\theta\s*\}|\{?\s*(?:\\mathbf\s*\{\s*w\s*\}|w)\s*\}?)"
    r"\s*\([^()$]*\)"
    r"|g\s*\(\s*z\s*\)"  # the logistic function as the course names it: g(z) = \frac{1}{1 + e^{-z}}
    # the loss: "the loss is $\mathcal{L}(a, y) = -(y \log a + …)$", "$J = \frac{1}{m} \sum …$"
    r"|(?:\\mathcal\s*\{\s*[LJ]\s*\}|[LJ](?![a-zA-Z])|\\ell(?![a-zA-Z]))\s*(?:\([^()$]*\))?"
)
_WHERE = lazy(  # (in a chain, the first value: "$h_\theta(x) = \sigma(\theta^T x) = …$")
    rf"(?P<lead>[Ww]here|[Ww]ith|and|[Ll]et|,|\b(?:is|are|be|by|becomes))\s+"
    rf"(?:\$|\\\()\s*({_SAID_NAME})\s*=\s*((?:\{{[^{{}}$]*\}}|(?!\\\))[^$=])+?)"  # (\sum_{i=1})
    r"\s*(?:=(?:(?!\\\))[^$])*)?(?:\$|\\\))"
)


_LABEL_CASE = lazy(
    r"\$\s*y\s*(?:\^\s*\{\s*\(\s*[a-z]\s*\)\s*\}|_\s*\{?\s*[a-z]\s*\}?)?\s*=\s*([01])\s*\$"
)


def label_case_before(document: str, position: int) -> bool:
    """Whether the section of ``position`` (its heading too) takes one label's case before it
    ("## Case $y^{(i)} = 1$", "for an example with $y = 0$"): its steps may hold there only."""
    headings = list(HEADING.finditer(document, 0, position))
    start = headings[-1].start() if headings else 0
    # ("For $y = 1$ … and for $y = 0$ …. Both cases in one formula:": both cases, no one case)
    return len({m.group(1) for m in _LABEL_CASE.finditer(document, start, position)}) == 1


_SIGMA_MATH = r"(?:\$|\\\()\s*\\(?:boldsymbol|mathbf|bm)?\s*\{?\s*\\sigma"
# "a known standard deviation $\sigma_i$", "let $\sigma$ denote the slopes"
_SIGMA_OTHERWISE = lazy(
    r"(?i)\b(?:standard\s+deviation|variance|deviation|noise|slope|weight|denote\w*|let|call)\b"
    rf"[^.$]{{0,40}}{_SIGMA_MATH}(?:(?!\$|\\\)|=).)*(?:\$|\\\))"
    r"|\bstandard\s+deviation|\bvariance\b"
    # "$\sigma_i$ now holds the residual": σ_i alone in a sentence's math says what it is in words
    r"|(?:\$|\\\()\s*\\sigma\s*_\s*\{?\s*[a-z]\s*\}?\s*(?:\$|\\\))\s+"
    r"(?:is|are|now|holds|denotes|stands|here|means|becomes)\b"
)
_SIGMA_VECTOR = lazy(  # "$\boldsymbol{\sigma}$ is the vector of predicted probabilities"
    r"(?i)\\(?:boldsymbol|mathbf|bm)\s*\{?\s*\\sigma\s*\}?\s*(?:\$|\\\))\s*(?:is|denotes)\s+"
    r"(?:the\s+)?(?:column\s+)?vector\s+of\s+(?:the\s+)?(?:predicted|fitted|estimated)?\s*"
    r"(?:probabilities|predictions|\$\s*\\sigma_)"
    # "the vector $\boldsymbol{\sigma}$ of the $\sigma_i$"
    r"|vector\s+(?:\$|\\\()\s*\\(?:boldsymbol|mathbf|bm)\s*\{?\s*\\sigma\s*\}?\s*(?:\$|\\\))\s+"
    r"of\s+(?:the\s+)?(?:\$|\\\()\s*\\sigma_"
)


def sigma_names(document: str) -> tuple[bool, bool]:
    """(σ_i, bold σ): whether ``\\sigma_i`` may be a name the text defines (no sentence gives σ
    another meaning: a standard deviation, "let $\\sigma$ denote …"), and whether a bold σ is
    the vector of them (a sentence says so)."""
    names = _SIGMA_OTHERWISE.search(document) is None
    return names, names and _SIGMA_VECTOR.search(document) is not None


def said_definitions(document: str) -> list[tuple[int, str, str]]:
    """``where $h = h_\\theta(x^{(i)})$``: a short name given in a sentence; also the hypothesis,
    ``with $h_\\theta(x) = \\sigma(\\theta^T x)$``."""
    return [(at, lhs, rhs) for at, lhs, rhs, _ in said_with_leads(document)]


def said_with_leads(document: str) -> list[tuple[int, str, str, str]]:
    """The definitions said in sentences, each with the word that leads it ("where", "is", …)."""
    return [
        (m.start(2), m.group(2), m.group(3), m.group("lead"))
        for m in _WHERE.finditer(document)
        # (not a value: "every prediction is $h(x) = \sigma(0)$"; a loss of a and y is one)
        if _OF_DATA.search(m.group(3))
        or (_LOSS_SAID.match(m.group(2)) and _LOSS_VALUE.search(m.group(3)))
    ]


_LOSS_SAID = lazy(r"\\mathcal|[LJ]|\\ell")
_LOSS_VALUE = lazy(r"(?<![\\a-zA-Z])y(?![a-zA-Z])")  # a loss of the label: -y \log a, (a - y)^2


_OF_DATA = lazy(r"\\theta|θ|\\beta|(?<![\\a-zA-Z])[xXwz](?![a-zA-Z])|\^\s*\{\s*\(")


# a bias declared a vector: b \in \mathbb{R}^m, \mathbf{b}, \vec{b}
_BIAS_VECTOR = lazy(
    r"(?<![A-Za-z\\])b\s*\\in\s*\\mathbb\s*\{?\s*R\s*\}?\s*\^"
    r"|\\(?:mathbf|boldsymbol|bm|vec)\s*\{?\s*b(?![A-Za-z])"
)
# labels in {-1, +1}, ±1
_SIGNED_LABELS = lazy(r"\{\s*-\s*1\s*,\s*\+?\s*1\s*\}|\{\s*\+?1\s*,\s*-\s*1\s*\}|\\pm\s*1|±\s*1")


def bias_vector(document: str) -> bool:
    """Whether the text declares the bias a vector (``b \\in \\mathbb{R}^m``, ``\\mathbf{b}``)."""
    return _BIAS_VECTOR.search(document) is not None


def signed_labels(document: str) -> bool:
    """Whether the text's labels are -1 and +1 (``y \\in \\{-1, +1\\}``, ``\\pm 1``)."""
    return _SIGNED_LABELS.search(document) is not None


__all__ = [
    "bias_vector",
    "label_case_before",
    "loss_labels_differ",
    "said_again",
    "said_definitions",
    "said_with_leads",
    "sigma_names",
    "sigma_otherwise",
    "signed_labels",
    "tilde_beside_plain",
]
