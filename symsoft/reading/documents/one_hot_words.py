"""Labels defined as one-hot at a class in words or cases, written as the Iverson bracket of the
claim language (``y_k = [k = c]``), the same length, so columns stay the file's:

- ``y_k = \\begin{cases} 1 & k = c \\\\ 0 & \\text{otherwise} \\end{cases}``;
- ``$y_k = 1 \\text{ if } k = c$ and $y_k = 0$ otherwise`` (the value said for the other
  entries is part of the definition, not a worked example's value);
- ``y = \\text{one\\_hot}(c)``, ``\\mathbf{y} = \\operatorname{onehot}(c)``.

Only with both values said (1 at the class, 0 elsewhere): ``y_k = 1 \\text{ if } k = c`` alone
leaves the other entries open and is left as it is."""

from __future__ import annotations

import re

from symsoft.reading.documents.spans import Text
from symsoft.reading.lazy_regex import lazy

_IF = r"(?:\\(?:text|mathrm|textrm)\s*\{\s*(?:if|when|for)\s*\}|\\quad|,|\s)*"
_CASES = lazy(
    r"\\begin\s*\{\s*cases\s*\}\s*1\s*,?\s*&\s*" + _IF + r"([a-z])\s*=\s*([a-z])\s*[,.]?\s*"
    r"\\\\\s*0\s*,?\s*&\s*(?:\\(?:text|mathrm|textrm)\s*\{\s*(?:otherwise|else|if\s+not)\s*\}"
    r"|(?:\\(?:text|mathrm)\s*\{\s*if\s*\}\s*)?[a-z]\s*(?:\\neq?|\\not\s*=|≠)\s*[a-z])"
    r"\s*[,.]?\s*\\end\s*\{\s*cases\s*\}"
)
# $y_k = 1 \text{ if } k = c$ and $y_k = 0$ otherwise
_SAID = lazy(
    r"(?<![\\A-Za-z])([a-zA-Z])\s*_\s*\{?\s*([a-z])\s*\}?\s*=\s*(1\s*" + _IF + r"([a-z])\s*=\s*"
    r"([a-z]))\s*\$(?P<between>[^$]{0,40}?)\$\s*\1\s*_\s*\{?\s*\2\s*\}?\s*=\s*0\s*\$"
    r"(?P<after>\s*(?:otherwise|else(?:where)?|for\s+(?:all|every)\s+other))"
)
_WORD = lazy(
    r"(?<![\\A-Za-z])((?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*)?[a-zA-Z]\s*\}?)\s*=\s*"
    r"\\(?:text|mathrm|operatorname|textrm)\s*\{\s*one\s*(?:\\_|_|-|\\text\s*\{\s*-\s*\})?\s*hot\s*\}"
    r"\s*(?:\\left\s*)?\(\s*([a-z])\s*(?:\\right\s*)?\)"
)


def _put(text: Text, start: int, end: int, written: str) -> None:
    text.blank(start, end)
    text.chars[start : start + len(written)] = list(written)


def spell_one_hot_words(text: Text) -> None:
    """Write every one-hot definition of the kinds above as ``[k = c]`` (see the module)."""
    source = text.slice(0, len(text.chars))
    for match in _CASES.finditer(source):
        index, label = match.group(1), match.group(2)
        _put(text, match.start(), match.end(), f"[{index} = {label}]")
    source = text.slice(0, len(text.chars))
    for match in _SAID.finditer(source):
        if re.search(r"\\|\$", match.group("between")):
            continue
        _put(text, match.start(3), match.end(3), f"[{match.group(4)} = {match.group(5)}]")
        zero = source.index("$", match.end("between")) + 1
        text.blank(zero, match.start("after") - 1)  # y_k = 0: said of the others, no value
    source = text.slice(0, len(text.chars))
    for match in _WORD.finditer(source):
        label = match.group(2)
        index = "k" if label != "k" else "j"
        name = re.sub(r"\\(?:mathbf|boldsymbol|bm|vec)|[\s{}]", "", match.group(1))
        written = f"{name}_{index} = [{index} = {label}]"
        if len(written) <= match.end() - match.start():
            _put(text, match.start(), match.end(), written)
