r"""A quantity written as a function of its input, ``h(x) = \sigma(z)``, ``L(y, h(x)) =
-[y \log h(x) + …]``, that the text then differentiates by (``\frac{\partial L}{\partial h}``,
``d/dh``): ``h(x)`` is the quantity h, its value at the one input the text writes, and the chain
rule ``\frac{\partial L}{\partial h} \frac{\partial h}{\partial z}`` reads as it does for
``\hat{y} = \sigma(z)``.  Only where every call of the letter has the same argument, one plain
letter, and the text writes no prime of it (``h'(x)`` is the derivative of a function of x).
The argument is blanked (same length: columns stay the file's)."""

from __future__ import annotations

import re

from symsoft.reading.documents.spans import Text

_BEFORE = r"(?<![\\a-zA-Z_^0-9])"  # the letter alone: not W_h, e^h


def blank_called_quantities(text: Text) -> None:
    """Read ``h(x)`` as ``h`` where the text differentiates by h (see the module)."""
    everything = text.slice(0, len(text.chars))
    by = set(
        re.findall(r"(?:\}\s*\{|/)\s*(?:\\partial|∂|d)\s*([a-zA-Z])(?![a-zA-Z(_^])", everything)
    )
    by |= set(re.findall(r"\\frac\s*\{\s*d\s*\}\s*\{\s*d\s*([a-zA-Z])\s*\}", everything))
    for letter in sorted(by):
        calls = list(re.finditer(rf"{_BEFORE}{letter}\s*\(\s*([a-zA-Z])\s*\)", everything))
        if not calls or len({call.group(1) for call in calls}) != 1:
            continue
        if calls[0].group(1) == letter or re.search(
            rf"{_BEFORE}{letter}\s*(?:'|’|\^\s*\{{?\s*\\prime)", everything
        ):
            continue  # h'(x): a function of x
        opened = len(
            re.findall(rf"{_BEFORE}{letter}\s*(?:\\left\s*|\\[bB]igg?l?\s*)?[(\[]", everything)
        )
        if opened != len(calls):
            continue  # h(x + 1), h(2): a function applied elsewhere
        for call in calls:
            text.blank(call.start() + call.group().index("("), call.end())
    blank_loss_arguments(text)  # l(\mathbf{y}, \hat{\mathbf{y}}) = …: the loss l
    spell_bare_sigma(text)  # (1 + e^{-x})\sigma = 1, \frac{d\sigma}{dx}: σ is σ(x)


# d2l's ``l(\mathbf{y}, \hat{\mathbf{y}}) = -\sum_j y_j \log \hat{y}_j``: a loss written with its
# arguments, a label and a prediction (bold, hatted or plain letters)
_ARGUMENT = r"(?:\\(?:mathbf|boldsymbol|bm|hat|tilde|bar|vec)\s*\{?\s*)*[a-zA-Z]\s*\}?\s*\}?"
_LOSS_CALL = re.compile(
    rf"{_BEFORE}(l|L|J|E|C|\\ell)\s*\(\s*({_ARGUMENT}\s*,\s*{_ARGUMENT})\s*\)(?!\s*\()"
)


# the arguments of one sample, l(\mathbf{y}^{(i)}, \hat{\mathbf{y}}^{(i)}): left as written
_PER_SAMPLE = r"[^()]*\^\s*\{\s*\("


def blank_loss_arguments(text: Text) -> None:
    """``l(\\mathbf{y}, \\hat{\\mathbf{y}})`` read as the loss ``l`` where the text defines it so
    (the call opens an equation) and writes no prime of it nor another pair of plain arguments:
    the arguments, the label and the prediction, are the ones its definition names."""
    everything = text.slice(0, len(text.chars))
    for name in sorted({m.group(1) for m in _LOSS_CALL.finditer(everything)}):
        calls = [m for m in _LOSS_CALL.finditer(everything) if m.group(1) == name]
        starts = {call.start() for call in calls}
        written = {re.sub(r"\s+", "", call.group(2)) for call in calls}
        primed = re.search(rf"{_BEFORE}{re.escape(name)}\s*(?:'|\^\s*\{{?\s*\\prime)", everything)
        opened = list(re.finditer(rf"{_BEFORE}{re.escape(name)}\s*\(", everything))
        others = [everything[m.end() : m.end() + 60] for m in opened if m.start() not in starts]
        if len(written) != 1 or primed or any(not re.match(_PER_SAMPLE, o) for o in others):
            continue  # \ell(z_b, t_b) beside \ell(z, t), or l'(z): not one quantity
        # (l(\mathbf{y}^{(i)}, …) of one sample stays as written, unread)
        if not re.match(r"\s*(?:&\s*)?=", everything[calls[0].end() :]):
            continue  # never defined by an equation it opens: a function of its arguments
        for call in calls:
            text.blank(call.start(2) - 1, call.end())


# \sigma written without an argument, as a value: before an operator, a closing or the end
_BARE_SIGMA = re.compile(
    r"\\sigma(?![a-zA-Z])(?=\s*(?:[=.)\]}+\-,$&|]|\\(?:cdot|times|right|\\)(?![a-zA-Z])|$))"
)
_SIGMA_CALL = re.compile(r"\\sigma\s*(?:\\left\s*)?\(\s*([a-zA-Z])\s*(?:\\right\s*)?\)")
_SIGMA_NAMED = re.compile(r"(?<!\$)\$\s*\\sigma\s*\$(?!\$)")  # $\sigma$ named in a sentence


def spell_bare_sigma(text: Text) -> None:
    """``\\sigma`` written without its argument (``(1 + e^{-x})\\sigma = 1``,
    ``\\frac{d\\sigma}{dx} = \\sigma(1 - \\sigma)``) is ``\\sigma(x)`` where the text calls σ
    only on the one letter x (``\\sigma(x) = \\frac{1}{1 + e^{-x}}``), differentiates σ itself
    by x (``\\frac{d\\sigma}{dx}``), writes σ with no subscript or power (σ_i, σ^2: other
    things) and names no ``$\\sigma$`` in its sentences (a scale, "σ for σ(z_i)"): the value at
    the one variable there is.  Spelled ``σ(x)`` and two blanks: columns stay the file's."""
    everything = text.slice(0, len(text.chars))
    calls = list(_SIGMA_CALL.finditer(everything))
    letters = {call.group(1) for call in calls}
    if len(letters) != 1:
        return
    (letter,) = letters
    opened = re.findall(r"\\sigma\s*(?:\\left\s*|\\[bB]igg?l?\s*)?[(\[]", everything)
    if len(opened) != len(calls) or re.search(r"\\sigma\s*[_^{]", everything):
        return  # σ(x + 1), σ_i, σ^2: σ applied or written otherwise too
    by = rf"\}}\s*\{{\s*(?:\\partial|d)\s*{letter}\s*\}}"  # …}{dx}: by x
    if not re.search(rf"\\frac\s*\{{\s*(?:\\partial|d)\s*\\sigma\s*{by}", everything):
        return  # σ itself never differentiated by x (\frac{d\sigma}{dx}): σ may be another thing
    if _SIGMA_NAMED.search(everything):
        return  # "writing $\sigma$ for σ(z_i)", "the scale $\sigma$": the words give σ a role
    for bare in _BARE_SIGMA.finditer(everything):
        text.chars[bare.start() : bare.end()] = list(f"σ({letter})  ")
