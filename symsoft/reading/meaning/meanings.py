"""The meaning of every name in a document: ``--define``, the document's own definitions
(displays, inline math, prose), function notation, macros, sizes, defaults stated in words,
and names defined twice (judged under each definition in force)."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import partial

import sympy

from symsoft.reading.documents.chains import Step
from symsoft.reading.documents.conditionals import (
    UNREAD_CONDITIONALS,
    undefined_conditional,
)
from symsoft.reading.documents.counts import set_samples_apart
from symsoft.reading.documents.d_names import D_NAMES
from symsoft.reading.documents.layers import numbered_vectors
from symsoft.reading.documents.sigma_calls import SIGMA_CALLS_LEFT
from symsoft.reading.documents.spans import Text
from symsoft.reading.documents.subscripts import superscript_indices
from symsoft.reading.grammar.builder import SIGMA_SOFTMAX
from symsoft.reading.grammar.symbols import index_symbol
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.affine import described_matrices, matrix_letters
from symsoft.reading.meaning.aliases import (
    OWN_ENTRIES,
    OWN_MATRIX_ENTRIES,
    entries_alias,
    entry_aliases,
    own_entries,
)
from symsoft.reading.meaning.arbitrary_losses import arbitrary_losses
from symsoft.reading.meaning.candidates import definition_candidates, said_as_consequence
from symsoft.reading.meaning.case_values import cased_value
from symsoft.reading.meaning.chain_sides import continuations, through_chain
from symsoft.reading.meaning.class_counts import class_count, same_counts
from symsoft.reading.meaning.classes import per_row_letters
from symsoft.reading.meaning.definitions import (
    _SELF_REFERENCE,
    TWO_INDEX_NAME,
    _definition,
    _functions,
    _macros,
    at_an_entry,
    defined_on_the_command_line,
    said_functions,
    softmax_by_default,
)
from symsoft.reading.meaning.entry_pairs import derivative_pair
from symsoft.reading.meaning.euler import euler_named
from symsoft.reading.meaning.examples import NUMBER_COLUMN
from symsoft.reading.meaning.existential import existential_names
from symsoft.reading.meaning.folding import fold_definitions
from symsoft.reading.meaning.labels import one_hot_at_class
from symsoft.reading.meaning.leibniz import leibniz_functions
from symsoft.reading.meaning.matrices import capitals_into_entries, shaped_capitals
from symsoft.reading.meaning.matrix_words import said_matrices
from symsoft.reading.meaning.no_values import no_meaning
from symsoft.reading.meaning.other_targets import weights_of_other_logs
from symsoft.reading.meaning.output_words import outputs_said
from symsoft.reading.meaning.own_lse import proportional_names
from symsoft.reading.meaning.primed import display_texts, primed_functions, shown
from symsoft.reading.meaning.products import lone_letters
from symsoft.reading.meaning.prose import (
    CASE_LEAD,
    ENTRY,
    HEADING,
    INLINE_MATH,
    defined_name,
    sentences,
    stated_normalized,
)
from symsoft.reading.meaning.redefinitions import (
    REDEFINED_WORDS,
    RESTATED_WORDS,
    again_after_heading,
    at_an_example,
    set_apart,
)
from symsoft.reading.meaning.renamed_logits import renamed_logits
from symsoft.reading.meaning.restatements import NEW, guessed, restated, second_reading
from symsoft.reading.meaning.scalar_network import network_names, read_by_entry
from symsoft.reading.meaning.set_equal import (
    names_set_equal,
    written_out_softmax,
    written_through,
)
from symsoft.reading.meaning.shorthand import partition_letter
from symsoft.reading.meaning.sigma_entries import sigma_entries
from symsoft.reading.meaning.sigma_words import (
    _SIGMA_ENTRIES,
    _stated_in_words,
    defines_sigma_otherwise,
    sigma_named_otherwise,
    sigma_said_softmax,
    unread_through_sigma,
)
from symsoft.reading.meaning.table import (
    FREE_BEFORE,
    Meaning,
    Meanings,
    partition_meaning,
    softmax_meaning,
)
from symsoft.reading.meaning.unread_values import independent
from symsoft.reading.meaning.unstated_outputs import mark_unstated_outputs
from symsoft.reading.meaning.value_checks import (
    a_value_of,
    enter_unread,
    leaves_of,
    unwritten_logits,
    written_without,
)
from symsoft.reading.meaning.variables import (
    derivative_pairs,
    predictions_never_defined,
    targets_said,
    variables_of,
)
from symsoft.reading.notation.atoms import SOFTMAX_SIGMA
from symsoft.reading.notation.plain_gradients import logit_letters
from symsoft.reading.notation.vectors import declared_vectors

_RESERVED = frozenset({"N"})  # the size


def meanings_of(
    text: Text,
    steps: list[Step],
    define: tuple[str, ...] | list[str],
    prose: str,
    conventions: bool = False,
    nearby: dict[int, str] | None = None,
    label: str | None = None,
) -> tuple[
    Meanings,
    dict[tuple[int, int], str],
    list[tuple[str, str]],
    dict[str, list[tuple[int, Meaning, tuple[int, int] | None]]],
]:
    """The meaning of every name: ``--define``, then the document's definitions, then the
    standard meanings.  Returns the table, the steps taken as definitions, a listing, and the
    names defined more than once (each definition with its position and step)."""
    nearby = nearby or {}
    meanings = Meanings.standard()
    meanings.parameters |= {label} if label else set()
    meanings.macros = _macros(prose)
    meanings.lone_letters = lone_letters(text)
    meanings.numbered = numbered_vectors(text.slice(0, len(text.chars)))
    whole = text.slice(0, len(text.chars))
    indexed = frozenset(m.group(1) for m in re.finditer(r"(?<![\\A-Za-z])([A-Za-z])\s*_", whole))
    indexed -= per_row_letters(whole)  # q_t, then t_b beside z_{bk}: t a class, one per row
    meanings.vector_letters = declared_vectors(whole, indexed) - said_matrices(whole)
    meanings.logit_letters = logit_letters(whole)
    meanings.indexed_letters = indexed
    meanings.matrix_letters = matrix_letters(whole)  # W_{kj}
    meanings.described_matrices = described_matrices(whole)
    meanings.shaped_capitals = shaped_capitals(prose, whole)
    meanings.euler_name = euler_named(whole)
    meanings.superscripted = superscript_indices(whole)
    overridden = defined_on_the_command_line(define, meanings)
    everything = text.slice(0, len(text.chars))
    meanings.sigma_arguments = set(
        re.findall(r"\\sigma\s*(?:\\left\s*)?\(\s*([a-zA-Z])\s*(?:\\right\s*)?\)", everything)
    )
    meanings.sum_letter = partition_letter(everything)
    counted = class_count(everything)
    set_samples_apart(everything, counted)  # a batch of N beside C classes: N a count apart
    if counted is not None:
        meanings.size = index_symbol(counted)  # the classes are counted by K, or C
        if counted in (group := same_counts(everything)):
            meanings.size_aliases = frozenset(group - {counted})
    definitions: dict[tuple[int, int], str] = {}
    considered: dict[str, tuple[int, Meaning]] = {}
    # \hat{\pi}_k = \sigma(\mathbf{z})_k = \frac{…}{…}: a later side of a defining chain is
    # the value when the one before it does not read
    continued = {
        at: [text.slice(span.start, span.end) for span in spans]
        for at, spans in continuations(steps).items()
    }
    candidates, announced = definition_candidates(text, steps, prose, nearby, definitions)
    _functions(candidates, meanings, definitions, prose)
    said_functions(prose, meanings)  # "for functions $f(x)$ and $g(x)$"
    displayed = display_texts(text, steps)
    primed_functions(displayed, prose, meanings)  # (uv)' = u'v + uv'
    leibniz_functions(displayed, prose, meanings)  # \frac{d}{dx}(f(x) g(x)) = …
    variables, differentiated, said_free = variables_of(prose)
    meanings.leaves |= said_free
    stated_leaves = set(meanings.leaves)  # said to be free; later ones come from definitions
    for name in stated_leaves & targets_said(prose) | weights_of_other_logs(everything):
        if name in meanings.table and meanings.table[name].source == "standard":
            del meanings.table[name]  # "teacher probabilities $p$": not the default softmax
    from_definitions: set[str] = set()
    failed: dict[str, str] = {}
    failed_first: dict[str, tuple[int, str, str, str]] = {}  # where, line, written, why
    failed_at: dict[str, int] = {}  # where the section of the first unread definition starts
    failed_values: dict[str, str] = {}  # the value written there
    redefined: dict[str, list[tuple[int, Meaning, tuple[int, int] | None]]] = {}
    bare_softmax: set[str] = set()
    for lhs, rhs, where, key, position in candidates:
        entry = ENTRY.fullmatch(lhs)
        named = defined_name(lhs)
        if named and no_meaning(rhs, meanings.functions):
            continue  # y = (0, \ldots, 1, \ldots, 0), p = 1, \ldots, m, y = f(u): see prose.py
        if named and named[1] is not None and str(named[1]).isalpha() and _NUMBER.fullmatch(rhs):
            if rhs.strip() == "1" and one_hot_at_class(everything, str(named[1])):
                continue  # "the correct class $c$ has $y_c = 1$": a case of one entry, no value
            case = CASE_LEAD.search(everything, max(0, position - 40), position)
            label = named[0] in ("y", "t") or named[0] in stated_normalized(everything)
            if not (case or rhs.strip() in ("0", "1") and label):  # not "When $t_i = 1$:"
                meanings.unstated_leaves.add(named[0])  # "all biases are zero, $b_j = 0$"
        if (
            entry
            or (named and _VALUES.fullmatch(rhs) and not OWN_ENTRIES.fullmatch(rhs))
            or (named and named[0] not in _SIZES and _NUMBER.fullmatch(rhs))
        ):
            # y_1 = …, o_2 = \log 3, y = (1, 0, 0): a worked example's values (examples.py)
            name = entry.group(1) if entry else named[0]  # type: ignore[index]
            if entry and _VARIABLE_IN.search(re.sub(r"\\[a-zA-Z]+", "", rhs)):
                continue  # s_1 = \frac{e^{a_1}}{e^{a_1} + e^{a_2}}: an entry written out, a step
            meanings.example_texts.append((position, name, lhs, rhs))
            if key is not None and not entry and name not in meanings.table:  # z = [2.0, 1.0]
                definitions[key] = f"the values of a worked example: {' '.join(lhs.split())}"
            continue
        if named is None and (two := TWO_INDEX_NAME.fullmatch(lhs)) and key is not None:
            failed.setdefault(two.group(1), where)  # y_{n,k} = …: not read, nor judged free
        if pair := None if named else derivative_pair(lhs, rhs, meanings, where, candidates):
            named = (pair.name, None)  # J_{ij} = \frac{\partial s_i}{\partial x_j}
        if named is None or named[0] in _RESERVED or named[0] in (UNREAD_CONDITIONALS.get() or ()):
            continue  # P(y > 0|x) = …: a step, which says why it is not read
        name = named[0]
        if name in overridden:
            continue
        if own_entries(rhs, name):
            continue  # o = (o_1, o_2, o_3): o is its entries, a variable
        if OWN_MATRIX_ENTRIES.fullmatch(rhs) and set(
            re.findall(r"(?<![a-zA-Z])\\?([a-zA-Z]+)\s*(?:_|\^\s*\{\s*\()", rhs)
        ) == {name}:
            continue  # a bmatrix of y_1 … y_n: its entries, a variable
        own = bool(OWN_ENTRIES.fullmatch(rhs))  # X = [x_1, …, x_n]: the vector x, named X
        cased = cased_value(lhs, rhs) or rhs  # t_k = \begin{cases} … & k = c \\ … \end{cases}
        meaning = pair or entries_alias(name, rhs, own, where)
        meaning = meaning or _definition(lhs, cased, meanings, where)
        later = partial(_definition, lhs, meanings=meanings, where=where)  # σ(z)_k = \frac{…}
        chain = (lhs, rhs, meaning, continued.get(position, []))
        meaning, read_value = through_chain(*chain, later, meanings.table)
        if isinstance(meaning, Meaning) and (never := undefined_conditional(read_value)):
            meaning = f"{never}, which the text never defines"  # E = -\log P(T|X): E not read
        if meaning == _SELF_REFERENCE:
            continue  # S_i = f(S_i) is an equation to judge, not a definition
        if isinstance(meaning, Meaning) and key and (entry := at_an_entry(meaning, meanings.table)):
            definitions[key] = f"a value of {name} at {entry} (a worked example's), not judged"
            continue
        if name in considered and said_as_consequence(prose, position):
            continue  # "…, so that $q = \mathrm{softmax}(u)$": said of q, no new meaning
        if name in considered:
            first_at, first = considered[name][0], (*considered[name], None)
            apart = set_apart(prose, first_at, position)
            renewed = position in announced or bool(apart)  # (said as a consequence: not)
            if isinstance(meaning, Meaning) and apart not in ("", "heading"):
                meaning = apart  # two losses listed, a loss per condition: steps after unjudged
                definitions.update({key: f"definition of {name} ({apart})"} if key else {})
            if a_value_of(meaning, considered[name][1]) or name in D_NAMES.get():
                continue  # L = -\log(0.7) after L = -Σ_i y_i \log p_i; dz = a - y after dz = ∂L/∂z
            if name not in redefined and at_an_example(meaning, first[1], prose, position):
                continue  # "When $y = 1$, the loss becomes": a step at the example
            prior_at, prior, _ = redefined.get(name, [first])[-1]
            at = (prose, prior_at, position, prior, meaning, meanings)
            kind = second_reading(*at) if isinstance(meaning, Meaning) else ""
            renewed = renewed and (kind != "step" or bool(apart))  # "this becomes"
            if isinstance(meaning, Meaning) and not meaning.slip and (renewed or kind in NEW):
                # a second reading: the same meaning (a step to judge) or a new one (the caller)
                redefined.setdefault(name, [first]).append((position, meaning, key))
                again = (prose, first_at, position, prior, meaning, meanings)
                if not apart and (kind == "guessed" or guessed(*again)):
                    meanings.guessed.add(position)  # $$L = A$$ $$L = B$$ after "… reads"
            elif isinstance(meaning, str) and renewed:
                # a new meaning not read: the steps in its scope are not judged (not flagged)
                unread = Meaning(name, None, sympy.Symbol(name), where, lhs.strip(), unread=meaning)
                redefined.setdefault(name, [first]).append((position, unread, None))
                redefined[name] += again_after_heading(first[1], prose, position, meaning)
            elif restated(
                meaning,
                apart,
                prior,
                (prose, redefined.get(name, [first])[-1][0], position),
                meanings,
            ):
                # $$a_k = w_0 x_0 + w_2$$ $$a_k = w_0 x_0 + w_2 x_2$$: restated (a step that
                # holds) or corrected (no step): a value that differs is not judged
                redefined.setdefault(name, [first]).append((position, meaning, key))
                meanings.guessed.add(position)
            continue
        if isinstance(meaning, str):
            failed.setdefault(name, where)
            failed_first.setdefault(
                name, (position, where, f"{lhs.strip()} = {rhs.strip()}", meaning)
            )
            failed_values.setdefault(name, rhs)
            if name in variables:  # judged as a step: no flag may rest on its value not read
                meanings.unread_definitions[position] = (f"{lhs.strip()} ({meaning})", rhs)
            if name not in failed_at:
                headings = list(HEADING.finditer(prose, 0, position))
                failed_at[name] = headings[-1].start() if headings else 0
            enter_unread(meanings, name, rhs, where)  # z = w^T x + b: w, x enter unread
            bare = _BARE_INDEX_SOFTMAX.fullmatch(rhs)
            if bare and named[1] is not None and {bare.group(1)} == {str(named[1])}:
                bare_softmax.add(name)  # p_j = \frac{e^j}{\sum_i e^i}
            continue  # judged as an ordinary step, which reports the problem
        if meanings.closes_a_cycle(meaning):
            # z_j = \sum_i w_{ij} o_i + b after o_j = softmax(z_j): o_i is the layer below,
            # written with the same letter; z stays a variable, and w, b enter unread
            enter_unread(meanings, name, rhs, where, skip=frozenset(meanings.table))
            if key is not None:
                definitions[key] = f"definition of {lhs.strip()}, not read: it is circular"
            continue
        if (early := failed_first.get(name)) and early[0] < position:
            if RESTATED_WORDS.search(prose[max(0, position - 90) : position]):
                continue  # "… this is $$J = …$$": the unread value said again, a step to judge
            # r_k = w_c 1\{k=c\} not read, then r_k = (1 - ε) y_k + ε/K: the steps between
            # are in the scope of the first: r is any value there (no flag rests on one)
            unread = Meaning(
                name, None, sympy.Symbol(name), *early[1:3], unread=FREE_BEFORE + early[3]
            )
            redefined[name] = [(early[0], unread, None), (position, meaning, key)]
        considered[name] = (position, meaning)  # the first definition that reads is the one
        meanings.defined_at[name] = position
        meanings.table[name] = meaning
        meanings.leaves |= leaves_of(meaning.value, meanings)
        from_definitions |= leaves_of(meaning.value, meanings)
        if key is not None and not meaning.slip:
            definitions[key] = "definition of " + re.sub(r"\s+(?=[_^(])", "", lhs.strip())
    set_equal = names_set_equal(text, steps, prose)
    network = network_names(set_equal, differentiated, variables)
    for name, entries in set_equal.items():
        if name in meanings.table:
            continue
        softmax = written_out_softmax(entries.values)
        if softmax is not None and softmax[0] != name:
            # (a_1, a_2, a_3) = (\frac{e^{z_1}}{e^{z_1} + e^{z_2} + e^{z_3}}, …): the softmax
            # of z at the size written, entry by entry
            letter = softmax[0]
            meanings.table[name] = softmax_meaning(name, letter, softmax[1], entries.where)
            meanings.defined_at[name] = entries.position
            considered[name] = (entries.position, meanings.table[name])
            failed.pop(name, None)
            for key in entries.steps:
                definitions[key] = f"definition of {name} (the softmax of {letter}, written out)"
            continue
        used = any(written_through(e, {name}) for n, e in set_equal.items() if n != name)
        if name in variables or name in from_definitions or used:
            # z_1 = w_1 x + b beside ∂L/∂z_1, or y_1 = a after a = y_1 + 1: a step to judge; a
            # network's entries (a_2 = w_4 a_0 + b_2 beside ∂a_2/∂w_4, z_0 of a_0) read one by one
            if name in network:
                read_by_entry(name, entries, meanings, (considered, definitions), name in failed)
            continue
        # a_1 = \frac{e^{z_1}}{…}, or a column of names beside the values: a meaning the text
        # gives and no definition reads (read free, a_1 a_2 would be flagged)
        failed.setdefault(name, entries.where)
        headings = list(HEADING.finditer(prose, 0, entries.position))
        failed_at.setdefault(name, headings[-1].start() if headings else 0)
    tied = variables | differentiated | set(meanings.table)
    for name, where in failed.items():
        if name not in considered and name not in variables:
            if name not in differentiated and independent(failed_values.get(name), tied):
                meanings.leaves.add(name)  # q_j = \pi_{\text{teacher}}(a_j \mid s_t): free,
                meanings.unstated_leaves.add(name)  # and no flag may rest on its value
                meanings.unread_free.add(name)
                continue
            meanings.unreadable[name] = where  # what depends on it is not judged
            meanings.unreadable_from[name] = failed_at.get(name, 0)
    for sentence in sentences(prose):
        let_again = _LET_AGAIN.search(sentence) and not REDEFINED_WORDS.search(sentence)
        if (REDEFINED_WORDS.search(sentence) or let_again) and not _ABBREVIATION.search(sentence):
            # "$y$ now denotes the label": meanings change midway (not "we write s(x) as s")
            maths = [next(g for g in m.groups() if g) for m in INLINE_MATH.finditer(sentence)]
            valued = {  # "now let $y$ denote the label instead, with $y = 1$": its value, read
                given[0]
                for math in maths
                if "=" in math and (given := defined_name(math.split("=")[0])) is not None
            }
            for math in maths:
                if let_again and (
                    "=" in math
                    or (defined_name(math) or ("",))[0] in valued
                    or (defined_name(math) or ("",))[0] not in considered
                ):
                    continue  # "and $p = \sigma(z)$": p's definition; "soft targets $t$": new
                named = defined_name(re.split(r"=|\\in", math)[0])
                if named is not None and named[0] in redefined:
                    continue  # its new definition reads: judged under each (see scopes_of)
                if named is not None:
                    meanings.unreadable[named[0]] = "a sentence that changes its meaning"
                    meanings.unreadable_from.pop(named[0], None)  # in force everywhere
                    meanings.table.pop(named[0], None)
    logits = variables - differentiated
    for name in bare_softmax & set(meanings.unreadable):
        if len(logits) == 1 and name not in considered and name not in logits:
            # p_j = \frac{e^j}{\sum_i e^i}, the text differentiating by o alone: the softmax of
            # o, by a reading not written out (a default: flags resting on it are ambiguous)
            meanings.table[name] = softmax_meaning(name, next(iter(logits)))
            del meanings.unreadable[name]
            meanings.leaves.discard(name)
    if "Z" not in meanings.table:
        uses = {x for x in "ao" if re.search(rf"(?<![a-zA-Z\\]){x}_", everything)}
        if len(uses) == 1:
            meanings.table["Z"] = partition_meaning(uses.pop())
    meanings.partition_named("S", everything)  # e^{z_k} \cdot S - … over S^2
    _stated_in_words(meanings, everything)
    outputs_said(meanings, everything)  # "$\\hat{y}$ is the output of the softmax"
    meanings.existential = existential_names(everything)  # "there exists $\\xi$ such that"
    meanings.unwritten = unwritten_logits(meanings, everything, said_free | from_definitions)
    meanings.aliases = entry_aliases(everything)  # "inputs $a_1 = u$, $a_2 = v$": u is a_1
    mark_unstated_outputs(meanings, everything, said_free | from_definitions, said_free)
    meanings.undefined_predictions = predictions_never_defined(
        meanings, said_free | variables | differentiated
    )
    free = variables - differentiated
    outputs = {
        name
        for name in differentiated - free
        if len(name) == 1
        and name not in meanings.table
        and name not in stated_leaves
        and name not in meanings.functions
        and name not in meanings.unreadable
        and name not in failed  # s_c = θ_c^T x, not read: s has a meaning, not the default
    }
    if len(free) == 1 and len(outputs) == 1 and _SOFTMAX_WORD.search(everything):
        # "s_i, the softmax activation": the one output named in words, a default meaning
        # (flags that rest on it are reported ambiguous)
        (output,), (logits,) = outputs, free
        if output != logits:
            meanings.table[output] = softmax_meaning(output, logits)
            meanings.leaves.discard(output)
    softmax_by_default(meanings.table, free, everything, bool(_SOFTMAX_WORD.search(everything)))
    unread = {name: first[2] for name, first in failed_first.items()}  # g_i = ∂L/∂s_i: E's
    arbitrary_losses(meanings, everything, text.original, unread)
    if SIGMA_SOFTMAX.get():
        pass  # \text{softmax}(A) = \sigma(A): σ is read as the softmax (see the builder)
    elif SIGMA_CALLS_LEFT.get():  # σ(A_i) = … read as σ_i; σ(A_{12}) of a worked example left
        meanings.unreadable["sigma"] = "the document's own definition of σ"
        meanings.unread_as_function = frozenset({"sigma"})  # its entries σ_i stay read
    elif defines_sigma_otherwise(everything):  # σ(z_i) = e^{z_i} / Σ …: the text's own σ
        meanings.unreadable["sigma"] = "the document's own definition of σ"
    elif SOFTMAX_SIGMA.get():  # σ(\mathbf{z})_j = e^{z_j} / Σ …: σ(z_i) is no logistic σ
        meanings.unreadable["sigma"] = (
            "as the softmax of a vector, σ(z)_i = …; σ of one entry is no logistic function"
        )
        meanings.unread_as_function = frozenset({"sigma"})  # σ_i defined apart stays read
        if "sigma" not in meanings.table and (entries := sigma_entries(everything, displayed)):
            meanings.table["sigma"] = entries  # σ_i(1_{i=j} - σ_j) beside σ(\mathbf{a})_i
    elif not _SIGMA_ENTRIES.search(everything) and sigma_said_softmax(everything):
        # "here $\sigma$ denotes the softmax": not the logistic function
        meanings.unreadable["sigma"] = "the text says σ is the softmax"
    elif other := sigma_named_otherwise(everything):  # "$\sigma$ is the ReLU activation"
        meanings.unreadable["sigma"] = f"the text says σ is {other}"
    unread_through_sigma(meanings)  # a = σ(z) read before σ was known to be no logistic
    # ∂L/∂s_k said in a sentence, L defined without s: s a step between, not a free input
    for quantity, variable in derivative_pairs(prose) - derivative_pairs(shown(text, steps)):
        if variable in said_free and written_without(meanings, quantity, variable):
            meanings.unstated_leaves.add(variable)
    if conventions:
        meanings.free_names = True  # a claim has no text that could give its names a meaning
        for name, meaning in list(meanings.table.items()):
            if meaning.source == "standard":
                meanings.table[name] = replace(meaning, source="symsoft's notation")
    proportional_names(everything, meanings)  # p_i \propto e^{-z_i}: not the default softmax
    fold_definitions(meanings, everything)  # ŷ = σ(w^T x) "with z = w^T x": ŷ = σ(z)
    listed = [(m.latex, m.source) for m in meanings.table.values()]
    meanings.entry_capitals = capitals_into_entries(
        {n: m.value for n, m in meanings.table.items() if m.index is None}, indexed
    )
    renamed_logits(meanings, everything, prose, considered, redefined)  # o_i for a_i anew
    return meanings, definitions, listed, redefined


# "Now let $y$ denote the label instead": a name given another meaning, in words only
_LET_AGAIN = lazy(
    r"\bnow\s+let\b|\blet\b[^.;]{0,60}\binstead\b|\binstead\s*,?\s*let\b", re.IGNORECASE
)
_ABBREVIATION = lazy(r"\bwrite\b.{0,200}?\bas\b|\bshorthand\b|\bdrop\b|\bwon't\s+write\b")
_SIZES = frozenset({"N", "K", "C", "M", "n", "m", "d", "D"})  # K = 3 is a size, no value
_SOFTMAX_WORD = lazy(r"\bsoft-?max", re.IGNORECASE)
_VARIABLE_IN = lazy(r"[a-df-zA-Z]")  # a letter other than e, once commands are removed
_NUMBER = lazy(r"\s*-?\s*\d+(?:\.\d+)?\s*[.,]?\s*")  # c = 1, T = 2: an example's value
_NUMERAL = r"(?:[-+\d./\s{}]|\\(?:log|ln|[dt]?frac)(?![a-zA-Z])|e\s*\^)+"
_VALUES = lazy(  # (1, 0, 0), [0.2, 0.7, 0.1]^T, (0, \log 2): the values of a vector's entries
    rf"\s*(?:(?:\\left)?[(\[]\s*{_NUMERAL}(?:,\s*{_NUMERAL})+(?:\\right)?[)\]]|{NUMBER_COLUMN})"
    r"(?:\s*\^\s*(?:T|\\top|\{\s*(?:T|\\top)\s*\}))?\s*[.,]?\s*"
)


_BARE_INDEX_SOFTMAX = lazy(
    r"\s*\\d?frac\s*\{\s*e\s*\^\s*\{?\s*([a-z])\s*\}?\s*\}\s*\{\s*(?:\\displaystyle\s*)?"
    r"\\sum\s*(?:_\s*\{?\s*([a-z])\s*\}?)?\s*e\s*\^\s*\{?\s*\2\s*\}?\s*\}\s*[.,]?\s*"
)
