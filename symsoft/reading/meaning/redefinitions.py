"""A name defined again without words that announce it: whether the new value is a new
meaning rather than a restatement to judge."""

from __future__ import annotations

import re
from dataclasses import replace

import sympy

from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.lead import REWRITING_WORDS, lead_sentence
from symsoft.reading.meaning.listed_aliases import aliases_listed
from symsoft.reading.meaning.prose import HEADING
from symsoft.reading.meaning.restatements import right_after
from symsoft.reading.meaning.table import AFTER_HEADING, FunctionMeaning, Meaning, Meanings

# words before a function's second definition that say the letter is reused ("Another
# exercise, reusing the letters:", "this time", "now let")
_REUSED = lazy(
    r"\b(?:reus\w*|another|this\s+time|instead|redefin\w*|new\s+(?:function|example|exercise)s?"
    r"|different|now|next\s+(?:example|exercise)|later|take|choose|consider|replac\w*|switch\w*"
    r"|rather|stattdessen|à\s+la\s+place|en\s+cambio|em\s+vez|betracht\w*|considér\w*)\b"
    r"|(?:^|\n)[ \t]*\(?[a-h]\)[ \t]",  # "e) Wir betrachten die Funktion": an exercise's part
    re.IGNORECASE,
)


# "Let $s(x) = …$" again: the word that leads into the math defines (review 74b)
_DEFINING_LEAD = lazy(  # a sentence that opens with it (not "If instead we let", "Some let")
    r"(?i)(?:^|[.!?]\s+|\n)\s*(?:(?:next|now|then)\s*,?\s+)?(?:let|define|set|denote|write|put)"
    r"\s*\$?\s*$"
)


def announced_again(prose: str, first: int, position: int) -> bool:
    """Whether the words just before a second definition of a function (after the first one)
    say the letter is reused: ``g(x) = x^2`` after "Another exercise, reusing the letters:" is
    a new definition, not a step judged under the first ``g(x) = 1 + e^{-x}``.

    >>> text = "$g(x) = 1 + e^{-x}$ … Another exercise, reusing the letters: $g(x) = x^2$"
    >>> announced_again(text, 0, text.rindex("$g"))
    True
    >>> announced_again(text.replace("Another exercise, reusing", "With"), 0, 40)
    False
    """
    before = prose[max(first + 1, position - 300) : position]
    paragraphs = re.split(r"\n\s*\n", before)
    lead = paragraphs[-1]
    # (a display's opening line alone, "$$", "\\[", "\\begin{align}": the words are before it)
    opener = re.sub(r"(?:\\\[|\\begin\s*\{\w+\*?\})\s*$", "", lead)
    if not opener.strip(" \t\n*-$") or re.match(r"\s*(?:[-*+]|\d+[.)])\s", lead):
        lead = " ".join(paragraphs[-2:])  # a list: the words that lead into it
    if lead.rfind("(") > lead.rfind(")"):
        return False  # "(If instead we let $g(x) = x^3$, …) Back to our g": an aside
    return bool(_REUSED.search(lead) or _DEFINING_LEAD.search(lead))


def instead_after(prose: str, position: int) -> bool:
    """ "For $f(x) = …$ instead," (also "For $g(x) = …$ and $h(x) = …$ instead,"): the word after
    the definitions' math; not in an aside in parentheses, nor a supposition ("instead, one
    would have")."""
    found = _INSTEAD_AFTER.match(prose, position + 1)
    if found is None or _WOULD_AFTER.match(prose, found.end()):
        return False
    start = max(prose.rfind(".", 0, position), prose.rfind("\n\n", 0, position))
    return prose.count("(", start + 1, position) <= prose.count(")", start + 1, position)


_INSTEAD_AFTER = lazy(
    r"[^$\n]{0,300}?\$(?:\s*(?:,|and|,\s*and)\s*\$[^$\n]{0,300}?\$)*\s*,?\s*"
    r"(?:instead|rather|stattdessen|à\s+la\s+place|en\s+cambio|em\s+vez\s+disso)\b",
    re.IGNORECASE,
)
_WOULD_AFTER = lazy(r"[^.\n]{0,60}\b(?:would|could|might)\b", re.IGNORECASE)


# words before a list of definitions of one name: "The MSE and cross-entropy losses:"
_SEVERAL = lazy(
    r"\b(?:losses|functions|definitions|choices|options|alternatives|candidates|variants"
    r"|activations|models|compar(?:e|ed|ing))\b"
    # or two in turn: "we tried the sigmoid first and then the tanh", "the first … the second"
    r"|\b(?:tried|versus|vs|either|respectively|alternatively)\b"
    r"|\bfirst\b[^.:]{0,120}?\b(?:then|second|next|later)\b",
    re.IGNORECASE,
)

# "both forms of the same loss", "equivalent definitions": one meaning written twice
_SAME = lazy(
    r"(?i)\b(?:equivalent|forms?|replac\w*|differentiat\w*|deriv\w*|" + REWRITING_WORDS + r")\b"
)


REDEFINED_WORDS = lazy(
    r"\bnow\s+(?:denotes|denote(?!\s*\$)|means?|stands?\s+for|is|are|refers?)\b|\bin\s+this\s+section\b"
    r"|\bfrom\s+now\s+on\b|\bredefin|\binstead\s+denotes?\b|\b(?:in|for)\s+the\s+rest\s+of\b"
    r"|\b(?:ab\s+jetzt|stattdessen|désormais|à\s+la\s+place|dorénavant|a\s+partir\s+de\s+ahora"
    r"|en\s+lugar\s+de|de\s+agora\s+em\s+diante|em\s+vez\s+de|теперь|вместо)\b|从现在起|改为|代わりに",
    re.IGNORECASE,
)


# the words before a second value of a name whose first is not read that say it again (a step):
# "With the scores …, this is $$J = …$$", "so $$J = …$$", "which simplifies to"
RESTATED_WORDS = lazy(
    r"(?i)(?:\b(?:this|which|it)\s+(?:is|becomes|gives|reads)|\b(?:so|thus|hence|therefore)"
    r"|equivalently|(?:re)?written\s+as|simplifies\s+to|we\s+(?:get|have|obtain))[\s,:]*"
    r"(?:\$\$|\\\[|\\begin\s*\{[a-z*]+\})?\s*$"
)


def listed(prose: str, first: int, position: int) -> bool:
    """Whether a second definition of a name stands in the display right after the first one's,
    after words that announce several (``\\[ L = \\frac{1}{2}(a - y)^2 \\]`` then ``\\[ L =
    -y \\log a - … \\]`` after "The MSE and cross-entropy losses:"): a list of meanings, no
    step claiming the two equal.

    >>> text = "The two losses: $$L = (a - y)^2$$ $$L = 1 - a$$"
    >>> listed(text, text.index("L ="), text.rindex("L ="))
    True
    >>> listed(text.replace("two losses", "loss"), 16, text.rindex("L =") - 4)
    False
    """
    if aliases_listed(prose, first, position):
        return True
    if not right_after(prose, first, position):
        return False
    lead = lead_sentence(prose, first)
    return bool(_SEVERAL.search(lead)) and not _SAME.search(lead)


_IN_ONE_CASE = "its value in one case the text states; which case a later step is in is not read"


def again_after_heading(
    first: Meaning, prose: str, position: int, why: str
) -> list[tuple[int, Meaning, None]]:
    """The first definition again where a value the text states in one case (``why``:
    :func:`set_apart`'s reason; "- If $y = 0$: $\\ell = …$") stops holding: at the next heading
    that names no case of its own ("## 4.3 The gradient", not "## When $y = 1$"); [] when it
    holds to the end."""
    if why != _IN_ONE_CASE:
        return []
    heading = HEADING.search(prose, position)
    if heading is None or "$" in heading.group() or _CASE_WORDS.search(heading.group()):
        return []
    return [(heading.start(), replace(first, source=first.source + AFTER_HEADING), None)]


_CASE_WORDS = lazy(r"(?i)\b(?:if|when|case|cases|only|label|labels|class|positive|negative)\b")


def heading_between(prose: str, first: int, position: int) -> bool:
    """Whether a heading starts between ``first`` and ``position``, also a Setext heading whose
    line holds ``position`` (``$f(x) = \\tanh(x)$`` over ``---``: its underline is after it)."""
    end = prose.find("\n", prose.find("\n", position) + 1)
    window = prose[first : end if end > position else len(prose)]
    return any(m.start() < position - first for m in HEADING.finditer(window))


# a heading or a bold label that names a label's value ("### Positive examples ($y = 1$)",
# "**Case $y = 0$.**"; not an index case, "#### Case 2: $i \\neq j$", whose definitions restate)
_CASE_LABEL = lazy(
    r"(?i)\$[^$=\n]{1,20}=\s*-?\s*\d[^$=\n]{0,6}\$|\b(?:positive|negative|labels?|targets?)\b"
)
_LABEL_LINE = lazy(r"(?m)^[ \t]{0,3}\*\*[^*\n]{1,60}\*\*[ \t]*$")


def case_heading(prose: str, first: int, position: int) -> bool:
    """Whether the last heading, or bold label on a line of its own, between ``first`` and
    ``position`` names a case (``### Positive examples ($y = 1$)``, ``**Case $y = 0$.**``): a
    definition under it is the value in that case, not a new meaning for the steps after."""
    window = prose[first:position]
    labels = [*HEADING.finditer(window), *_LABEL_LINE.finditer(window)]
    if not labels:
        return False
    last = max(labels, key=lambda m: m.start())
    return _CASE_LABEL.search(last.group()) is not None


def set_apart(prose: str, first: int, position: int) -> str:
    """How the text sets a second definition of a name apart from the first: "heading" for a
    heading between them; for a list of meanings (:func:`listed`) or a case of its own
    (:func:`conditioned`), why the steps after it are not judged (which value a step uses is
    not read); "" when it does not."""
    if case_heading(prose, first, position):
        return _IN_ONE_CASE  # "### Positive examples ($y = 1$)", "**Case $y = 0$.**"
    if heading_between(prose, first, position):
        return "heading"
    if listed(prose, first, position):
        return (
            "one of several values the text lists for it; which one a later step uses is not read"
        )
    if conditioned(prose, position):
        return _IN_ONE_CASE
    if _SUPPOSED.search(lead_sentence(prose, position)):
        return "a value the text supposes, not its own; which value a later step uses is not read"
    return ""


# "if we had used the squared error, the loss would have been": a value supposed, no claim
# ("would be" alone supposes only beside an "if": "Expanded, it would be" is a step)
_SUPPOSED = lazy(
    r"\b(?:would\s+have\s+(?:been|read)|had\s+we|if\s+we\s+had|if\s+we\s+were\s+to"
    r"|were\s+we\s+to|if\b.{0,80}?\bwould\s+(?:be|become|read))\b",
    re.IGNORECASE | re.DOTALL,
)


# a list item or paragraph that opens with its condition: "2. if `x>=0 && y==0`" (a code span
# blanked in the prose: a run of blanks), "- When $y = 0$"; not "When we expand it"
_CONDITION_FIRST = lazy(
    r"(?:\d{1,2}[.)]|[-*+])?[ \t]*(?:\*\*)?(?:(?:if|when|whenever|case)(?:[ \t]*[`$][^`$\n]{0,40}?"
    r"(?:[<>=!]=|[<>=]|\\[gl]eq?(?![a-z])|\\neq?(?![a-z]))|[ \t]{3,})|(?:otherwise|else)\b)",
    re.IGNORECASE,
)


def conditioned(prose: str, position: int) -> bool:
    """Whether a second definition of a name stands in a paragraph or list item that opens with
    a condition (Caffe's loss under four conditions on ``x`` and ``y``, each item "if `x>=0 &&
    y==0`" then ``loss=x+log(1+exp(-x))``): the value under that case, no step claiming it
    equal to the value under the first case.

    >>> text = "1. if `y==1`\\n`loss=log(1+exp(-x))`\\n2. if `y==0`\\n`loss=x+log(1+exp(-x))`"
    >>> conditioned(text, text.rindex("loss"))
    True
    >>> conditioned("The loss is\\n`loss=x+log(1+exp(-x))`", 13)
    False
    """
    start = max(prose.rfind("\n\n", 0, position), 0)
    items = list(re.finditer(r"^[ \t]*(?:\d{1,2}[.)]|[-*+])[ \t]", prose[start:position], re.M))
    opening = start + items[-1].start() if items else start
    return bool(_CONDITION_FIRST.match(prose[opening:position].lstrip()))


_TABLE_ROW = lazy(r"^ {0,3}\|.*\|[ \t]*$")


def other_table_row(prose: str, first: int, position: int) -> bool:
    """Whether both definitions are in cells of a Markdown table, in different rows: a cheat
    sheet defines a function per row (``| Swish | $f(x) = x\\sigma(x)$ |`` then ``| ELU |
    $f(x) = e^x - 1$ |``), the second no step judged under the first.

    >>> text = "| Swish | $f(x) = x$ |\\n| ELU | $f(x) = e^x - 1$ |"
    >>> other_table_row(text, 10, text.rindex("$f"))
    True
    >>> other_table_row("$f(x) = x$ and $f(x) = e^x$", 0, 16)
    False
    """

    def line_at(offset: int) -> tuple[int, str]:
        start = prose.rfind("\n", 0, offset) + 1
        end = prose.find("\n", offset)
        return start, prose[start : len(prose) if end < 0 else end]

    (first_start, first_line), (start, line) = line_at(first), line_at(position)
    return (
        first_start != start and bool(_TABLE_ROW.match(first_line)) and bool(_TABLE_ROW.match(line))
    )


_APPLIED_TO = (  # f(x), g'(x), h^{\prime}(x): a function applied to the variable VAR
    r"[a-zA-Z]\s*(?:'|\^\s*\{?\s*\\prime\s*\}?)*\s*(?:\\left\s*)?\(\s*VAR\s*(?:\\right\s*)?\)"
)


def generic_rules(first: str, later: str, variable: str, prose: str, at: tuple[int, int]) -> bool:
    """Whether two values of one function, in different displays, are both a rule's generic
    form, built of unknown functions of its variable alone (``h(x) = f(x) g(x)``, then
    ``h(x) = \\frac{f(x)}{g(x)}``: the product rule, then the quotient rule): the second is
    a new meaning, no step claiming ``fg = f/g``.

    >>> text = "$$h(x) = f(x) g(x)$$ and $$h(x) = \\frac{f(x)}{g(x)}$$"
    >>> generic_rules("f(x) g(x)", r"\\frac{f(x)}{g(x)}", "x", text, (2, 27))
    True
    >>> generic_rules("f(x) g(x)", r"\\frac{f(x)}{g(x)}", "x", "$$a = b \\\\ c$$", (2, 9))
    False
    >>> generic_rules("f(x) g(x)", "e^{x} g(x)", "x", text, (2, 27))
    False
    """
    applied = re.compile(_APPLIED_TO.replace("VAR", re.escape(variable)))

    def generic(value: str) -> bool:
        rest = re.sub(r"\\[a-zA-Z]+", " ", applied.sub(" ", value))
        return bool(applied.search(value)) and not re.search(r"[a-zA-Z]", rest)

    apart = re.search(r"\$\$|\\end\s*\{|\\\]", prose[at[0] : at[1]])
    return bool(apart) and generic(first) and generic(later)


def at_an_example(later: Meaning | str, first: Meaning | str, prose: str, position: int) -> bool:
    """Whether a second definition of a name drops a letter of its first (the meaning in force)
    that the sentence leading into it gives a value as a case ("When the true label $y = 1$,
    the loss becomes $L = -\\log \\sigma(f)$"): the first at that value, a step at the example.
    Never where the sentence negates or contrasts the value ("unless", "rather than"), names
    two values, or does not say the name becomes something."""
    if not isinstance(later, Meaning) or not isinstance(first, Meaning):
        return False
    names = [{s.name for s in m.value.free_symbols} for m in (first, later)]
    dropped = names[0] - names[1]
    if names[1] - names[0]:
        return False  # with focusing parameter γ, the loss becomes …: another loss
    lead = lead_sentence(prose, position)
    alone = _CASE_ALONE.fullmatch(last := re.split(r"\n\s*\n", lead)[-1].strip())
    lead = last if alone else lead  # "For $y_i = 1$:" alone in its paragraph: the case
    if contrasted(lead, dropped) or _ANOTHER.search(lead) or not (_BECOMES.search(lead) or alone):
        return False
    values = [m for m in _VALUE_MATH.finditer(lead) if m.group(1) in dropped]
    # the sentence opens with its case: "When the true label $y = 1$, the loss becomes:"
    return len(values) == 1 and _CASE_FIRST.match(lead) is not None


def contrasted(lead: str, names: set[str]) -> bool:
    """Whether the words before a display negate or contrast the values they give ("unless
    $y = 1$", "$y = 0$ rather than $y = 1$", "$y \\neq 1$")."""
    values = [m.group(1) for m in _VALUE_MATH.finditer(lead) if m.group(1) in names]
    unequal = re.search(r"\\neq?(?![a-zA-Z])|≠", lead) is not None
    return bool(_CONTRAST.search(lead)) or unequal or len(values) != len(set(values))


_VALUE_MATH = lazy(r"\$\s*([A-Za-z])(?:\s*_\s*\{?\s*[a-z]\s*\}?)?\s*=\s*-?\d+(?:\.\d+)?\s*\$")
_CASE_ALONE = lazy(r"(?i)\s*(?:for|when|if)\s+\$[^$]*\$\s*[:,]?\s*")
# "We handled $y = 1$ above; for a negative example …", "but for …": the value of another case
_ANOTHER = lazy(
    r"(?i);|\b(?:but|however|unlike|besides|above|earlier|previous\w*|aber|mais|pero)\b"
)
_CASE_FIRST = lazy(
    r"(?i)(?:[-*+]\s+|\d+[.)]\s+)?(?:\*\*)?(?:(?:when|if|for|with|in\s+the\s+case|wenn|falls|für"
    r"|si|quand|cuando|para|при|если|для)\b|当|若|如果|在)"
)
_CONTRAST = lazy(
    r"(?i)\b(?:not|unless|except|rather\s+than|instead\s+of|opposed|contrast|otherwise|other\s+than"
    r"|nicht|statt|anstatt|sauf|sinon|pas|excepto|salvo|no|не|кроме|иначе)\b"
    r"|否则|而不是|不是|除了|ではなく|以外|아닌|제외"
)
_BECOMES = lazy(
    r"(?i)\b(?:becomes?|reduces?|simplif\w*|turns?\s+into|we\s+(?:get|have|obtain)|gives?"
    r"|yields?|left\s+with|is\s+just|remains?|wird|devient|se\s+convierte|queda)\b"
    r"|变为|变成|化为|となる|になる|가\s*된다|이\s*된다|становится"
)


def new_or_restated(
    name: str, variable_name: str, rhs: str, at: tuple[int, int, str, bool], meanings: Meanings
) -> str:
    """A function defined again in the display right after its first definition, after words
    that announce several (:func:`listed`: "we tried the sigmoid first and then the tanh",
    ``$$f(x) = \\frac{1}{1 + e^{-x}}$$ $$f(x) = \\tanh(x)$$``): when it equals the first, a
    restatement, judged as a step; else one of the meanings listed, not read, and the steps
    after it that call the function are not judged. ``at``: where the first and this
    definition are, and this one's line. Returns why, or "" for a restatement."""
    from symsoft.reading.notation.sides import Reader  # (sides reads meanings: not at import)

    first, position, where, several = at
    known = meanings.functions.get(name)
    variable = sympy.Symbol(variable_name.lstrip("\\"), real=True)
    why = "one of several values the text lists for it" if several else "a new meaning, or a "
    why += "" if several else "restatement of its first definition that fails?"
    try:
        value = Reader(meanings).expression(rhs)
        if known is not None and known.value is not None:
            difference = known.value.xreplace({known.variable: variable}) - value
            if sympy.simplify(difference) == 0:
                return ""
    except Exception:  # noqa: BLE001 - a value not read is no restatement to judge either
        pass
    scopes = meanings.function_scopes.setdefault(name, [(first, known)] if known else [])
    unread = FunctionMeaning(name, variable, None, where, why)
    scopes.append((position, unread))
    return why


def calls(text: str, name: str) -> bool:
    """Whether ``text`` calls the function ``name`` (``f(z)``, ``\\ell(p)``)."""
    alone = "" if name.startswith("\\") else r"(?<![\\a-zA-Z])"
    return bool(re.search(rf"{alone}{re.escape(name)}(?![a-zA-Z])\s*'*\s*\(", text))
