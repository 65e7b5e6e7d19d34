"""The loss under its fancy names: ``\\mathcal{L}``, ``\\mathscr{L}``, ``\\mathfrak{L}``,
``\\ell``, read as the plain ``L`` where no formula also writes a plain ``L`` that could be
another name.  Same length: columns stay the file's."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable

from symsoft.reading.documents.macros import DOCUMENT_MACROS
from symsoft.reading.documents.spans import KRAMDOWN_INLINE, Display, Text
from symsoft.reading.lazy_regex import lazy

_LOSS_NAMES = lazy(
    r"\\math(?:cal|scr|frak)\s*(?:\{\s*L\s*\}|L(?![a-zA-Z]))|\\ell(?![a-zA-Z])"  # \mathcal L
)


# (not L_{CE}: word_names.py has made it the name L_CE, written with its mark after the L; not
# a_L, z_L: a layer's label written as a subscript)
_PRIME = lazy(r"\s*(?:'|\^\s*\{?\s*\\prime)")  # \mathcal{L}'(z): left as written, unread
_PLAIN_L = lazy(r"(?<![\\a-zA-Z{])(?<!_)(?<!_\s)L(?![a-zA-Z\ue001])")


# a subscript or superscript that names another loss (\mathcal{L}_{CE}, \mathcal{L}_{total},
# \mathcal{L}^{(i)}): not an index, and that name is left as written (unread)
_NAMED = lazy(r"\s*(?:_\s*\{\s*(?:\\text\s*\{)?[A-Za-z]{2,}|\^\s*\{?\s*\()")


# one index letter after the name: \mathcal{L}_i, \ell_{i} (no power, no second subscript after)
_SUBSCRIPT = lazy(r"\s*_\s*(\{\s*[a-z]\s*\}|[a-z])(?![a-zA-Z_^{])")


def rename_loss(text: Text, displays: list[Display]) -> None:
    """``\\mathcal{L}`` and ``\\ell`` read as the loss ``L``, when no display also writes a
    plain ``L`` (then the two could differ, and they are left unread)."""
    bodies = [text.slice(d.body.start, d.body.end) for d in displays]
    source = text.slice(0, len(text.chars))
    ordered = sorted(displays, key=lambda d: d.start)
    starts = [d.start for d in ordered]
    reach = list(itertools.accumulate((d.body.end + 2 for d in ordered), max))

    def in_a_display(at: int) -> bool:  # one look, not one per display (5,000 displays)
        found = bisect.bisect_right(starts, at) - 1
        return found >= 0 and reach[found] >= at

    inline = [  # "$\ell = \frac{1}{2} \sum_k (p_k - y_k)^2$": the loss defined in a sentence
        (match.start(match.lastindex or 1), match.group(match.lastindex or 1))
        for match in _INLINE.finditer(source)
        if not in_a_display(match.start())
    ]
    if any(_other_l(body) for body in bodies) or any(
        _other_l(body) and not _names_the_loss(source, at, body) for at, body in inline
    ):
        return
    names, spelled = _names()
    # a name with an index (\ell_i, one term of a sum) is not the loss; two names would be two
    written = {spelled(match.group()) for body in bodies for match in names.finditer(body)}
    indexed = {
        spelled(match.group())
        for body in bodies
        for match in names.finditer(body)
        if re.match(r"\s*_", body[match.end() :]) and not _NAMED.match(body[match.end() :])
    }
    loss = written - indexed
    subscripts = {
        re.sub(r"[\s{}]", "", found.group(1))
        for body in bodies
        for match in names.finditer(body)
        if (found := _SUBSCRIPT.match(body, match.end()))
    }
    # \mathcal{L}_i at every use, one index letter (CS231n's loss of the i-th observation): L_i
    sampled = not loss and len(indexed) == 1 and len(subscripts) == 1 and written == indexed
    sampled = sampled and not any("ell" in name for name in indexed)  # (\ell_i reads as itself)
    primed = {
        spelled(m.group())
        for body in bodies
        for m in names.finditer(body)
        if _PRIME.match(body, m.end())
    }
    if sampled and not primed:
        loss = indexed
    elif len(loss) != 1 or any("ell" in name for name in primed):
        return  # \ell'(z): a function of its own, differentiated (primes.py)
    spans = [(d.body.start, body) for d, body in zip(displays, bodies, strict=True)]
    spans += inline
    for offset, body in spans:
        for match in names.finditer(body):
            after = body[match.end() :]
            if spelled(match.group()) not in loss or (
                re.match(r"\s*[_^']", after) and not (sampled and _SUBSCRIPT.match(after))
            ):
                continue  # \ell_i in a sentence, \mathcal{L}_{CE}, \mathcal{L}^{(i)}: other names
            start = offset + match.start()
            text.blank(start, start + len(match.group()))
            # (after a command, \partial\mathcal{L}: at the name's end, or it would run on)
            glued = offset + match.start() > 0 and text.chars[start - 1].isalpha()
            text.chars[start + len(match.group()) - 1 if glued else start] = "L"


def _names() -> tuple[re.Pattern[str], Callable[[str], str]]:
    """The loss's fancy names, with the document's macros for them (``\\newcommand{\\Loss}
    {\\mathcal{L}}``), and how each is spelled once its spaces and macros are taken out."""
    macros = {
        name: body
        for name, body in (DOCUMENT_MACROS.get() or {}).items()
        if _LOSS_NAMES.fullmatch(body.strip())
    }
    if not macros:
        return _LOSS_NAMES, lambda name: re.sub(r"\s+", "", name)
    aliases = "|".join(re.escape(name) for name in sorted(macros, key=len, reverse=True))
    pattern = re.compile(rf"{_LOSS_NAMES.pattern}|\\(?:{aliases})(?![a-zA-Z])")
    return pattern, lambda name: re.sub(r"\s+", "", macros.get(name[1:], name))


_INLINE = lazy(  # $x$, and kramdown's $$x$$ in a line of text ("- $$x$$ : the loss")
    r"(?<![$\\])\$(?!\$)([^$]+)\$|" + KRAMDOWN_INLINE
)

# "$L$ : Loss (single number)", "$L$ 为损失": the plain L alone, said in its line to be the loss
_LOSS_WORD = lazy(
    r"\b(?:loss|cost|objective)\b|損失|损失|손실|Verlust|perte|pérdida", re.IGNORECASE
)


# "the total loss", "the average loss over the batch", "layers": L is another quantity
_QUALIFIED = lazy(
    r"\b(?:layers?|total|average|mean|batch|overall|regulari[sz]\w*)\b",
    re.IGNORECASE,
)
_FANCY_ALONE = lazy(r"\$\s*(?:\\math(?:cal|scr|frak)\s*\{?\s*L\s*\}?|\\ell)\s*\$")


def _names_the_loss(source: str, at: int, body: str) -> bool:
    """``$L$`` alone in a line that calls it the loss: a mention of the loss's name, not another
    L (``$L$ layers`` is one)."""
    if body.strip() != "L" or _FANCY_ALONE.search(source):
        return False  # "$\\mathcal{L}$ the loss of one sample": two losses, each in words
    start, end = source.rfind("\n", 0, at) + 1, source.find("\n", at)
    line = source[start : end if end >= 0 else len(source)]
    return _LOSS_WORD.search(line) is not None and not _QUALIFIED.search(line)


# \partial L, dL: a plain L only differentiated, never defined, is the loss \mathfrak{L} too
_DIFFERENTIATED_L = lazy(r"(?:\\partial|(?<![\\a-zA-Z])d)\s*$")


def _other_l(body: str) -> bool:
    """Whether ``body`` writes a plain ``L`` that may be another name than the fancy loss: not
    one only differentiated (``\\frac{\\partial L}{\\partial w_1}`` beside a defined
    ``\\mathfrak{L}(a, y)``, which a text calls "la fonction de perte L" in both spellings)."""
    plain = _LOSS_NAMES.sub(" ", body)
    return any(not _DIFFERENTIATED_L.search(plain[: m.start()]) for m in _PLAIN_L.finditer(plain))
