"""The regression a document defines, read from its steps and its sentences: the definitions in
document order, the values the text gives the sample count, the letters it renames."""

from __future__ import annotations

import re
from dataclasses import replace

from symsoft.reading.lazy_regex import lazy
from symsoft.reading.notation.data_model import _LOGISTIC_ENTRY, DataModel
from symsoft.reading.notation.data_parse import normalized, parse
from symsoft.reading.notation.data_words import (
    loss_labels_differ,
    said_again,
    said_with_leads,
    sigma_otherwise,
    signed_labels,
    tilde_beside_plain,
)

_G_DEFINED = lazy(r"(?<![\\A-Za-z])g\s*\(\s*[a-z]\s*\)\s*=\s*([^$\n&=]*)")
_G_SAID = lazy(r"\$\s*g\s*\$\s+(?:is|denotes|stands|becomes|here|now)\b")
_COST_DEFINED = lazy(r"\\(?:text|mathrm|operatorname)\s*\{\s*Cost\s*\}\s*\([^=$]*\)\s*=")
_SAMPLE_COST = lazy(r"ℭ\^\{\([a-z]\)\}=")


def _g_logistic(document: str) -> bool:
    """Whether every definition of g the text writes is the logistic function (``g(z) =
    \\frac{1}{1 + e^{-z}}``) and no sentence says what g is otherwise ("$g$ is the identity")."""
    for found in _G_DEFINED.finditer(document):
        value = normalized(found.group(1).strip().rstrip(".,").strip())
        if not re.fullmatch(r"\\frac\{1\}\{1\+e\^\{-[a-z]\}\}", value):
            return False
    return _G_SAID.search(document) is None


# a name given a value in a sentence's math, whatever leads it: $σ_i := …$, \( h \equiv … \)
_ANY_SAID = lazy(
    r"(?:(?<!\$)\$(?!\$)|\\\()\s*((?:\\hat\s*\{\s*[a-z]\s*\}|\\sigma|\\ell|[a-zA-Z])\s*(?:_\s*(?:\{[^{}$]*\}|[a-z\\]\w*)"
    r"|\^\s*\{\s*\(\s*[a-z]\s*\)\s*\})?\s*(?:\([^()$]*\))?)\s*"
    r"(?::=|\\coloneqq|\\equiv|\\triangleq|=)\s*((?:(?!\\\)|\$)[^=])+?)\s*(?:\$|\\\)|=)"
)
_VALUED = lazy(r"\$\s*([a-zA-Z])\s*=\s*(\d+)\s*\$")  # "we write $m = 2$": a number


def data_model_of(
    texts: list[tuple[tuple[int, int], str, str]],
    document: str,
    renamed: list[tuple[str, str]] = (),
) -> DataModel | None:
    """The regression a document defines, from its steps ``((lhs start, rhs start), lhs, rhs)``,
    or None when it defines no loss summed over its samples.  ``renamed``: the letters the
    document's reader renamed, ``(as written, read as)``; a definition of ``L^{(i)}`` read as
    ``W_{i}`` is the one of L (a side may still write ``\\frac{dL^{(i)}}{dw}``)."""
    if tilde_beside_plain(document) or loss_labels_differ(document) or signed_labels(document):
        return None  # \tilde{x} beside x, J_{CE} beside J_{MSE}; labels ±1 (the model's are 0, 1)
    model = DataModel(document)
    model.written_as = {spare: letter for letter, spare in renamed}
    leads = said_with_leads(document)
    said = [((at, at), lhs, rhs) for at, lhs, rhs, _ in leads]
    entries = {
        found.group(2)
        for _, lhs, rhs in texts
        if (found := _LOGISTIC_ENTRY.fullmatch(f"{normalized(lhs)}={normalized(rhs)}"))
    }
    if len(entries) == 1:  # σ defined on the entries of one vector, before or after its uses
        model.sigma_entries = entries.pop()
    model.said = {at for at, _, _, lead in leads if lead.lower() in ("where", ",", "and")}
    for key, lhs, rhs in sorted(texts + said, key=lambda t: t[0][0]):
        model.read(key, lhs, rhs)
    model.keys -= {key for key, _, _ in said}
    for found in _ANY_SAID.finditer(document):  # σ_i := …, \equiv, "in which $σ_i = …$"
        name = model._named(model.spelled(normalized(found.group(1))))
        if name in model.definitions:
            term = parse(model.spelled(normalized(found.group(2))))
            same = term is not None and any(
                model._same(d, replace(d, position=found.start(), term=term))
                for d in model.definitions[name]
            )  # (a restatement in other names: p̂_i = σ(z_i) beside σ(w^T x_i))
            if not same:
                model.again.setdefault(name, []).append(found.start())
    if not _g_logistic(document):
        model.logistic_names = ()  # g defined otherwise too, or said to be something: unread
    for found in _COST_DEFINED.finditer(document):
        if not _SAMPLE_COST.match(normalized(found.group())):  # Cost(h(x), y) = …: not read
            model.conflicts.setdefault("ℭ", found.start())
    model.sigma_logistic = not sigma_otherwise(document)
    for at, letter in said_again(document):  # "now let $J$ denote the mean instead"
        model.redefined.setdefault(letter, []).append(at)
    counts = {d.letter for ds in model.definitions.values() for d in ds if d.kind == "loss"}
    valued = [(at, lhs, rhs) for (at, _), lhs, rhs in texts]
    valued += [
        (found.start(), found.group(1), found.group(2)) for found in _VALUED.finditer(document)
    ]
    for at, lhs, rhs in valued:
        letter, number = lhs.strip(), rhs.strip()
        if letter in counts and number.isdigit():
            model.valued.setdefault(letter, []).append((at, int(number)))
            model.redefined.setdefault(letter, []).append(at)
    return model if model.ready else None


__all__ = ["data_model_of"]
