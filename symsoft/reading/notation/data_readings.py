"""The data model's readings of a side's shape: whether it speaks of one sample, the hypothesis
written alone under a derivative, and whether a loss's names were defined again after it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from symsoft.reading.notation.data_parse import Term

if TYPE_CHECKING:
    from symsoft.reading.notation.data_model import _Definition


class _Readings:
    """Methods of :class:`DataModel` (``in_force``, ``_restates``, ``definitions`` are its)."""

    def _from_x(self, term: Term, position: int, depth: int = 0) -> bool:
        """Whether the side is defined from the one sample x (through the names it uses)."""
        if depth > 8:
            return False
        if term.kind == "name" and not term.sub and not term.tag:
            if term.name == "x":
                return True
            found = self.in_force(term.name, position)
            if found is not None and (
                found.letter == "@x"
                or found.kind == "sample"  # a of a^{(i)} = σ(z^{(i)}): a of the one sample
                or found.kind == "vector"
                and self._from_x(found.term, position, depth + 1)
            ):
                return True
        return any(self._from_x(part, position, depth + 1) for part in term.parts)

    def _stale(self, loss: _Definition, position: int) -> bool:
        """Whether a name the loss is written in was defined again after it (``h_\\theta``
        redefined in a later section, the loss changed in words only: which loss is meant?)."""
        names, seen = _names(loss.term), set()
        while names - seen:  # the names of the names it uses too (J through Cost, Cost of h)
            name = (names - seen).pop()
            seen.add(name)
            if (through := self.in_force(name, loss.position)) is not None:
                names |= _names(through.term)
        for name in seen:
            found = self.in_force(name, position)
            if found is None or found.position <= loss.position:
                continue
            every = self.definitions.get(name, [])
            if found not in every or every.index(found) == 0:
                continue  # the name's first definition, after the loss: the loss's own meaning
            before = every[every.index(found) - 1]
            if not (before.term == found.term or self._restates(before, found)):
                return True  # a new meaning, not the same one said again under a new heading
        return False

    def bare_call(self, term: Term, position: int) -> Term | None:
        """``h_\\theta`` written alone where a derivative takes it (``\\frac{\\partial
        h_\\theta}{\\partial \\theta_0}``): the hypothesis the text defines, at the one sample
        x; None for any other side."""
        if term.kind != "name" or term.tag or len(term.name) != 1:
            return None
        definition = self.in_force(term.name + term.sub, position)
        if definition is None or definition.kind != "function":
            return None
        return Term("apply", (Term("name", name="x"),), name=term.name + term.sub)

    def has_bare_call(self, term: Term, position: int) -> bool:
        if term.kind == "diff" and self.bare_call(term.parts[0], position) is not None:
            return True
        return any(self.has_bare_call(part, position) for part in term.parts)

    def generic(self, term: Term, position: int) -> bool:
        """Whether the side speaks of one sample without its index: x, or z defined from x."""
        if term.kind == "diff" and self.bare_call(term.parts[0], position) is not None:
            return True
        if term.kind == "name" and not term.sub and not term.tag:
            if term.name == "x":
                return True
            definition = self.in_force(term.name, position)
            if definition is not None and definition.letter == "@x":
                return True
        return any(self.generic(part, position) for part in term.parts)


def _names(term: Term) -> set[str]:
    if term.kind == "name":
        return {term.name}
    found = {term.name} if term.kind == "apply" else set()
    return found.union(*(_names(part) for part in term.parts))
