"""A chain that differentiates a defined name by a variable its definition does not depend on
(``\\frac{\\partial a}{\\partial z}`` where the text set ``a = wx + b`` a section before, and now
means ``a = \\sigma(z)`` without saying so): the chain speaks of another meaning of the name,
and a flag on a later step of it, which rests on the definition read, is withheld."""

from __future__ import annotations

from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.prose import defined_name
from symsoft.reading.meaning.scopes import reached
from symsoft.reading.meaning.table import Meanings

# \frac{\partial a}{\partial z}, \frac{\partial{a}}{\partial{z}}, \frac{da}{dz}: a name by a name
_DERIVATIVE = lazy(
    r"\\[dt]?frac\s*+\{\s*+(?:\\partial|d)\s*+(\{[^{}]{1,30}\}|\\?[a-zA-Z]+(?:\{[a-zA-Z]\})?"
    r"(?:_\{?[a-z0-9]\}?)?)\s*+\}\s*+\{\s*+(?:\\partial|d)\s*+(\{[^{}]{1,30}\}|\\?[a-zA-Z]+"
    r"(?:\{[a-zA-Z]\})?(?:_\{?[a-z0-9]\}?)?)\s*+\}"
)


def meant_otherwise(chain: str, meanings: Meanings) -> str:
    """Why the chain ``chain`` (its text up to the step) may use another meaning of a name than
    the one read: it differentiates the name by a variable the name's definition does not
    reach; "" when it does not."""
    for match in _DERIVATIVE.finditer(chain):
        top, by = (defined_name(part.strip("{} ")) for part in match.groups())
        if top is None or by is None or top[0] == by[0]:
            continue
        name, variable = top[0], by[0]
        meaning = meanings.table.get(name)
        if meaning is None or meaning.source == "standard" or variable in meanings.table:
            continue
        if variable in meanings.arguments():
            continue  # an input of some definition: perhaps reached in a way not traced here
        if variable not in reached(meanings, {name}):
            return (
                f"the chain differentiates {name} by {variable}, which the definition of {name} "
                f"read here ({meaning.latex}) does not depend on: {name} may mean something else "
                "in it"
            )
    return ""
