"""Letters read under another name: an entry written with its index in a superscript
(``Z_2^{(i)}``), a letter the grammar keeps for one thing that the document uses for another
(``e^{Z_j}``: logits, not the partition sum; ``l = -\\sum …``: the loss, not an index).
Every renaming keeps the text's length, so columns stay the file's.
"""

from __future__ import annotations

import re

from symsoft.reading.documents.spans import Display, Span, Text
from symsoft.reading.documents.word_names import SPELLED_AS
from symsoft.reading.lazy_regex import lazy

# Y_{\text{pred}}^{(j)}, Z_2^{(i)}, a^{(k)}: a letter, a label of its own (a word, a layer's
# digit) and its index in a parenthesised superscript
_LABEL = r"_\s*(?:\{\s*\\(?:text|mathrm|textrm|rm)\s*\{\s*[A-Za-z]+\s*\}\s*\}|\{\s*\d\s*\}|\d)"
_SUPERSCRIPT_ENTRY = lazy(
    rf"(?<![\\A-Za-z])([A-Za-di-z])\s*({_LABEL})?\s*"  # not e, nor f, g, h: functions
    r"\^\s*\{\s*\(\s*([a-z](?:\s*,\s*[a-z])?)\s*\)\s*\}(?!\(|\s*_)"  # f^{(n)}(x): an order
)


def spell_superscript_entries(text: Text) -> None:
    """``Y_{\\text{pred}}^{(j)}`` and ``Z_2^{(i)}`` are the entries ``Y_{j}`` and ``Z_{i}``: a
    letter every use of which is written with one label (a word, a digit: the layer) and an
    index in a parenthesised superscript, or with the label alone (``g(Z_2)``, the vector),
    is an entry written upside down.  Not when the letter also takes another subscript
    (``y_k^{(i)}``: a sample and a class), another label, or an argument after its superscript
    (``f^{(n)}(x)``, a derivative's order).  Same length: columns stay the file's."""
    everything = text.slice(0, len(text.chars))
    found = list(_SUPERSCRIPT_ENTRY.finditer(everything))
    labels: dict[str, set[str]] = {}
    for match in found:
        labels.setdefault(match.group(1), set()).add(re.sub(r"\s+", "", match.group(2) or ""))
    for letter, written in labels.items():
        if len(written) != 1:
            continue  # Y_{\text{pred}} and Y_{\text{true}}: two names
        (label,) = written
        entries = [m for m in found if m.group(1) == letter]
        uses = list(re.finditer(rf"(?<![\\A-Za-z]){letter}(?![A-Za-z])", everything))
        bare = re.compile(rf"{letter}\s*{_LABEL}(?!\s*\^)") if label else None
        alone = [m for m in uses if bare is not None and bare.match(everything, m.start())]
        if len(uses) != len(entries) + len(alone):
            continue  # the letter written otherwise too: Z_k, y_k^{(i)}, plain Y
        for match in entries:
            index = re.sub(r"\s+", "", match.group(3))
            spelled = f"{letter}_{{{index}}}"
            text.chars[match.start() : match.end()] = list(spelled.ljust(len(match.group())))
        for use in alone:
            end = bare.match(everything, use.start()).end()
            text.chars[use.start() : end] = list(letter.ljust(end - use.start()))


# letters no document math of ours uses for itself, for a renamed letter to take
_SPARE_LETTERS = "WUVQRBGH"  # not D: the grammar reads it as an operator


# math in a sentence: $…$ and \(…\) (a $$…$$ is a display)
_INLINE_MATH = lazy(r"(?<![\\$])\$(?!\$)([^$]+?)(?<![\\$])\$(?!\$)|\\\((.+?)\\\)", re.DOTALL)


# a^L_i, a^{L-1}_k (layer_superscripts.py): the L is a layer's label, not the letter
_LAYER_LABEL = lazy(r"(?<=[A-Za-z]\^)[Ll](?=\s*_)|(?<=[A-Za-z]\^\{)[Ll](?=[-+][0-9]\}\s*_)")


_INDEXED = lazy(r"\s*_")


def _letter_uses(letter: str, everything: str, after_d: bool = False) -> list[re.Match[str]]:
    after = r"|(?<=(?<![\\A-Za-z])d)" if after_d else ""  # \frac{dL_i}{d\hat{y}_i} uses L
    return [
        m
        for m in re.finditer(rf"(?:(?<![\\A-Za-z]){after}){letter}(?![A-Za-z])", everything)
        if not _LAYER_LABEL.match(everything, m.start())
    ]


def spare_letter(everything: str, taken: set[str]) -> str | None:
    """A letter of ``_SPARE_LETTERS`` that ``everything`` never writes, and not ``taken``."""
    for letter in _SPARE_LETTERS:
        if letter not in taken and not _letter_uses(letter, everything):
            return letter
    return None


def rename_reserved(text: Text, displays: list[Display]) -> list[tuple[str, str]]:
    """Letters the grammar keeps for one thing, used by the document for another, read under a
    spare letter (a renaming, never a merge): ``Z``, ``L``, ``T`` written with an index at every
    use (``e^{Z_j}``: the logits, not the partition sum, the loss or the temperature; ``g(Z)``,
    the whole vector as an argument, too), and an
    index letter (``l``) that the document only ever writes as a quantity (``l = -\\sum_i …``,
    ``\\frac{\\partial l}{\\partial z_i}``), never as an index, a bound or an index's value.
    Returns the renamings, ``(as written, read as)``."""
    source = text.slice(0, len(text.chars))
    spans = [d.body for d in displays] + [
        Span(m.start(g), m.end(g))
        for m in _INLINE_MATH.finditer(source)
        for g in (1 if m.group(1) is not None else 2,)
    ]
    everything = "\n".join(source[span.start : span.end] for span in spans)
    renamed: list[tuple[str, str]] = []
    for letter in "ZLT":
        uses = _letter_uses(letter, everything)
        indexed = [m for m in uses if re.match(r"\s*_", everything[m.end() :])]
        vector = [  # g(Z): the whole vector, the argument of a function
            m
            for m in uses
            if re.search(r"[A-Za-z]\s*\(\s*$", everything[: m.start()])
            and re.match(r"\s*\)", everything[m.end() :])
        ]
        if not indexed or len(indexed) + len(vector) != len(uses):
            continue
        if (spare := spare_letter(everything, {new for _, new in renamed})) is not None:
            renamed.append((letter, spare))
    for letter in "l":
        uses = _letter_uses(letter, everything)
        as_index = re.search(
            rf"[_^]\s*(?:\{{[^{{}}]*)?(?<![\\A-Za-z]){letter}(?![A-Za-z])"  # z_l, \sum_{{l=1}}
            rf"|(?<![\\A-Za-z]){letter}\s*(?:=\s*\d|\\(?:neq?|in)(?![a-zA-Z])|[<>,])",
            everything,
        )
        quantity = re.search(
            rf"(?:^|\\\\|&)\s*{letter}\s*&?\s*=|\\partial\s*(?:_\s*\{{[^{{}}]*\}}\s*)?{letter}(?![A-Za-z])",
            everything,
            re.M,
        )
        if not uses or as_index or not quantity:
            continue
        taken = {new for _, new in renamed}
        spare = "L" if not _letter_uses("L", everything) and "L" not in taken else None
        if (spare := spare or spare_letter(everything, taken)) is not None:
            renamed.append((letter, spare))
    if renamed:  # messages show each as the text writes it: L_{i}, not the spare letter
        SPELLED_AS.set({**(SPELLED_AS.get() or {}), **{spare: old for old, spare in renamed}})
    for span in spans:
        body = source[span.start : span.end]
        for letter, spare in renamed:
            for use in _letter_uses(letter, body, after_d=letter in "ZLT"):
                if body[use.start() - 1 : use.start()] == "d" and not _INDEXED.match(
                    body, use.end()
                ):
                    continue  # a differential's dL_i goes with L_i; dL^{(i)} is not read here
                text.chars[span.start + use.start()] = spare
    return renamed


# \text{softmax}, and the bare word: softmax(x_j), {softmax}(x_j)
_SOFTMAX_NAME = (
    r"(?:\\(?:text|operatorname|mathrm)\s*\{\s*[Ss]oftmax\s*\}"
    r"|(?<![\\A-Za-z])(?:\{[Ss]oftmax\}|[Ss]oftmax(?![A-Za-z])))"
)


def _term(x: str, k: str) -> str:
    """``e^{x_k}`` or ``\\exp(x_k)``: a term of the standard softmax, as a pattern."""
    entry = rf"{x}\s*_\s*\{{?\s*{k}\s*\}}?"
    return rf"(?:e\s*\^\s*\{{\s*{entry}\s*\}}|\\exp\s*\(\s*{entry}\s*\))"


# \text{Softmax}(x_i): the softmax word applied to an entry
_SOFTMAX_OF_ENTRY = lazy(
    rf"({_SOFTMAX_NAME})\s*\(\s*([a-zA-Z])\s*(_\s*(?:\{{\s*[a-zA-Z0-9]\s*\}}|[a-zA-Z0-9]))\s*\)"
)
# "$p(x_i)$는 $\text{Softmax}(x)_i$를 의미합니다", "$p(x_i)$ means $\text{Softmax}(x)_i$"
_ALIAS = lazy(
    r"\$\s*([a-zA-Z])\s*\(\s*([a-zA-Z])\s*_\s*([a-z])\s*\)\s*\$\s*"
    r"(?:는|은|means|denotes|stands\s+for|is)\s*"
    rf"\$\s*({_SOFTMAX_NAME}\s*\(\s*\2\s*\)\s*_\s*\3)\s*\$"
)


def _defined_otherwise(everything: str, vector: str) -> bool:
    """Some ``softmax(x_k) = …`` opens a formula and is no identity of the word (its value
    does not write the word again): the text defines its own softmax (``e^{x_k / T}``)."""
    opening = re.compile(
        # the entry alone as the argument: softmax(z_i - b) = … is an identity of the shift
        rf"(?:^|\$|\\\[|\\\\|&)\s*{_SOFTMAX_NAME}\s*\(\s*{vector}\s*_\s*(?:\{{[^{{}}]*\}}|\w)\s*\)"
        r"\s*&?\s*(?::=|=)",
        re.MULTILINE,
    )
    for match in opening.finditer(everything):
        value = re.split(r"\$|\\\]|\\\\|\n\s*\n", everything[match.end() :], maxsplit=1)[0]
        if not re.search(_SOFTMAX_NAME, value):
            return True
    return False


def spell_softmax_entries(text: Text) -> bool:
    """``\\text{Softmax}(x_i) = \\frac{e^{x_i}}{\\sum_j e^{x_j}}``: the softmax word applied to
    an entry, defined so by the document, is the entry ``\\text{Softmax}(x)_i`` wherever it is
    applied to an entry of that one vector; with no definition of the text's own (a
    ``softmax(x_k) = …`` whose value does not write the word again) it is the convention.
    A letter a sentence says means it (``$p(x_i)$는 $\\text{Softmax}(x_i)$를 의미합니다``) is
    then that entry too: the sentence reads as the definition ``p_i = \\text{Softmax}(x)_i``
    and every ``p(x_k)`` of the math as ``p_k``.  Same length: columns stay the file's.
    True when the text defines a softmax of its own (the word then keeps no conventional
    reading: see :data:`symsoft.reading.grammar.builder.OWN_SOFTMAX`)."""
    everything = text.slice(0, len(text.chars))
    entries = list(_SOFTMAX_OF_ENTRY.finditer(everything))
    vectors = {m.group(2) for m in entries}
    if len(vectors) != 1:
        return any(_defined_otherwise(everything, v) for v in vectors)
    (vector,) = vectors
    first = r"\1"
    defined = re.compile(
        rf"{_SOFTMAX_NAME}\s*\(\s*{vector}\s*_\s*\{{?\s*([a-z])\s*\}}?\s*\)\s*=\s*\\frac\s*"
        rf"\{{\s*{_term(vector, first)}\s*\}}\s*"
        rf"\{{\s*\\sum\s*(?:_\s*(?:\{{[^{{}}]*\}}|[a-z]))?(?:\^\s*(?:\{{[^{{}}]*\}}|\w))?\s*"
        rf"{_term(vector, '([a-z])')}\s*\}}"
    )
    if not defined.search(everything) and _defined_otherwise(everything, vector):
        return True  # a softmax entry of the document's own: the word is left as it is
    for match in entries:
        start, end = match.start(2), match.end()
        moved = f"{vector}){match.group(3).replace(' ', '')}"
        text.chars[start:end] = list(moved.ljust(end - start))
    everything = text.slice(0, len(text.chars))
    for alias in _ALIAS.finditer(everything):
        letter, index = alias.group(1), alias.group(3)
        calls = re.compile(
            rf"(?<![\\A-Za-z]){letter}\s*\(\s*{vector}\s*_\s*(?:\{{\s*([a-z0-9])\s*\}}|([a-z0-9]))\s*\)"
        )
        if re.search(rf"(?<![\\A-Za-z]){letter}\s*_", everything):
            continue  # p_i written too: two names
        spelled = f"${letter}_{{{index}}} = {alias.group(4)}$"
        text.chars[alias.start() : alias.end()] = list(spelled.ljust(len(alias.group())))
        everything = text.slice(0, len(text.chars))
        for call in list(calls.finditer(everything)):
            entry = f"{letter}_{{{call.group(1) or call.group(2)}}}"
            text.chars[call.start() : call.end()] = list(entry.ljust(len(call.group())))
        everything = text.slice(0, len(text.chars))
    return False


# y_i(x), \sigma_k(z), \sigma_i(\mathbf{z}): an entry written with the vector it is a function of
_ENTRY_OF_VECTOR = lazy(
    r"(\\sigma(?![a-zA-Z])|(?<![\\A-Za-z])[A-Za-z])\s*_\s*(?:\{\s*[a-z0-9]\s*\}|[a-z0-9])\s*"
    r"((?:\\left\s*)?\(\s*(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*([a-zA-Z])\s*\}|([a-zA-Z]))"
    r"\s*(?:\\right\s*)?\))"
)
_DEFINED_AS = lazy(r"\s*&?\s*(?::=|=|\\coloneqq)([^\n]*)")


def spell_entries_of_vectors(text: Text) -> None:
    """``y_i(x)``, ``\\sigma_i(z)``: the entry ``y_i`` written with the vector it is a function
    of, when the document defines it so (``y_i(x) = \\frac{\\exp(x_i)}{\\sum_j \\exp(x_j)}``, a
    value written with entries of that vector) and writes the name with an index and a
    parenthesis after it nowhere with another argument: every ``y_k(x)`` is then ``y_k``.
    ``h_m(i)`` with no such definition (an index as an argument) is left as written.
    Same length: columns stay the file's."""
    everything = text.slice(0, len(text.chars))
    found = list(_ENTRY_OF_VECTOR.finditer(everything))
    arguments: dict[str, set[str]] = {}
    defined: set[str] = set()
    for match in found:
        name, vector = match.group(1), match.group(3) or match.group(4)
        arguments.setdefault(name, set()).add(vector)
        value = _DEFINED_AS.match(everything, match.end())
        if value and re.search(rf"(?<![A-Za-z\\]){vector}\s*_", value.group(1)):
            defined.add(name)
    for match in found:
        name = match.group(1)
        if name in defined and len(arguments[name]) == 1:
            start, end = match.span(2)
            text.chars[start:end] = [" "] * (end - start)
    _spell_functions_of_vectors(text)


# N(z), Z(\mathbf{x}): a capital letter applied to a vector (the partition function, a loss)
_CAPITAL_OF_VECTOR = lazy(
    r"(?<![\\A-Za-z])([A-Z])(?![A-Za-z])\s*"
    r"((?:\\left\s*)?\(\s*(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*([a-z])\s*\}|([a-z]))"
    r"\s*(?:\\right\s*)?\))"
)


def _spell_functions_of_vectors(text: Text) -> None:
    """``N(z) = \\sum_{k=1}^n e^{z_k}``, ``J(z) = -\\sum_i t_i \\log \\sigma_i(z)``: a capital
    letter the document defines as a function of one vector, with a value that writes that
    vector (its entries, or a call with it), and writes nowhere else but applied to that same
    vector (never alone, with a prime, a script or another argument): every ``N(z)`` is the
    name ``N`` (spelled ``Z`` where N, K or M would be a count to the grammar and the text
    writes no Z).  Same length: columns stay the file's."""
    everything = text.slice(0, len(text.chars))
    found = list(_CAPITAL_OF_VECTOR.finditer(everything))
    for name in sorted({match.group(1) for match in found}):
        calls = [match for match in found if match.group(1) == name]
        vectors = {match.group(3) or match.group(4) for match in calls}
        if len(vectors) != 1:
            continue
        (vector,) = vectors
        written = re.findall(rf"(?<![\\A-Za-z]){name}(?![A-Za-z])", everything)
        if len(written) != len(calls):
            continue  # N alone, N', N_k, N(x): not one function of z only
        definition = any(
            (value := _DEFINED_AS.match(everything, match.end()))
            and re.search(rf"(?<![A-Za-z\\]){vector}\s*(?:_|\)|\\right)", value.group(1))
            for match in calls
        )
        spelled = name
        if name in "NKM":  # a count to the grammar: the name of the partition sum instead
            if re.search(r"(?<![\\A-Za-z])Z(?![A-Za-z])", everything):
                continue
            spelled = "Z"
        if not definition:
            continue
        for match in calls:
            start, end = match.span(2)
            text.chars[start:end] = [" "] * (end - start)
            text.chars[match.start(1)] = spelled


# k' in a subscript: \sum_{k'}, e^{z_{k'}}, z_{ic'}, \sum_{k'=1}^{K}, \sum_{k' \neq k}
_PRIMED = lazy(r"(?<!\\)\b([A-Za-z]*)([a-z])\s*'")  # the letters before: a command?
_SPARE_INDICES = "mlqrtuvwgh"  # m, l first: an index letter to every reader (i to n)


def _in_subscript(body: str, at: int) -> bool:
    """Whether ``body[at]`` lies inside a ``_{…}`` group."""
    depth, pos = 0, at
    while pos > 0:
        pos -= 1
        if body[pos] == "}":
            depth += 1
        elif body[pos] == "{":
            if depth == 0:
                return bool(re.search(r"_\s*$", body[:pos]))
            depth -= 1
    return False


_RELATED = lazy(
    r"\s*(?:=|\\neq?(?![a-zA-Z])|<|>|\\[lg]eq?(?![a-zA-Z]))\s*[a-z0-9]\s*(?:$|[,.;)]|\\)"
)


# k = k' (the prime last): `\text{although}\; k=k'`
_RELATED_BEFORE = lazy(r"(?<![\\A-Za-z])[a-z]\s*(?:=|\\neq?(?![a-zA-Z]))\s*$")


def _quantity(letter: str, everything: str) -> bool:
    """Whether the math writes ``letter`` as a quantity: with an index, a power or an argument."""
    return bool(re.search(rf"(?<![\\A-Za-z_{{,]){letter}\s*'?\s*[_^(]", everything))


def rename_primed_indices(text: Text, displays: list[Display]) -> list[tuple[str, str]]:
    """A primed index, ``k'`` of ``\\frac{e^{z_k}}{\\sum_{k'} e^{z_{k'}}}``, is an index letter of
    its own: read under a lower-case letter no math of the document writes (``q``; messages show
    it), when every ``k'`` of the math stands in a subscript or, for a letter never written as a
    quantity, in a relation with an index (``$k' = j$``) (never ``f'(x)``, ``y'``: a
    derivative), and the document writes ``k`` as an index too.  Returns the renamings."""
    source = text.slice(0, len(text.chars))
    spans = [d.body for d in displays] + [
        Span(m.start(g), m.end(g))
        for m in _INLINE_MATH.finditer(source)
        for g in (1 if m.group(1) is not None else 2,)
    ]
    bodies = [(span, source[span.start : span.end]) for span in spans]
    everything = "\n".join(body for _, body in bodies)
    primed: dict[str, list[tuple[int, int]]] = {}
    elsewhere: set[str] = set()
    for span, body in bodies:
        for match in _PRIMED.finditer(body):
            letter = match.group(2)
            if match.start() > 0 and body[match.start() - 1] == "\\":
                continue  # a command's last letter
            start, end = span.start + match.start(2), span.start + match.end()
            related = _RELATED.match(body, match.end()) or _RELATED_BEFORE.search(
                body, 0, match.start(2)
            )  # k' = j, k' \neq k, k = k': an index's value
            mention = body.strip() == match.group(2) + "'"  # "the dummy variable $k'$"
            if _in_subscript(body, match.start(2)) or (
                (related or mention) and not _quantity(letter, everything)
            ):
                primed.setdefault(letter, []).append((start, end))
            else:
                elsewhere.add(letter)
    renamed: list[tuple[str, str]] = []
    for letter, places in primed.items():
        as_index = re.search(
            rf"_\s*(?:\{{[^{{}}]*)?(?<![\\A-Za-z]){letter}(?![A-Za-z'])", everything
        )
        if letter in elsewhere or not as_index:
            continue
        taken = {new for _, new in renamed}
        spare = next(
            (c for c in _SPARE_INDICES if c not in taken and not _letter_uses(c, everything)), None
        )
        if spare is None:
            continue
        for start, end in places:
            text.chars[start] = spare
            text.blank(start + 1, end)  # the prime: same length, columns stay the file's
        renamed.append((f"{letter}'", spare))
    return renamed
