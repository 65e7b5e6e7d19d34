"""Check every step of a derivation written in a Markdown or LaTeX document.

``check_document(path_or_text)`` finds the display math (``$$ … $$``, ``\\[ … \\]``,
``equation``, ``align``, ``gather``, ``split`` …, never inside Markdown code), cuts each display
into rows and each row into a chain ``A = B = C`` of steps ``(A, B), (B, C)``, and judges every
step with :mod:`symsoft.reading.judge.steps`: for every N, per index case, with a concrete
counterexample for each case that fails. What cannot be read is a step "not checked" with the
reason and the column, never skipped. Every transformation of the text keeps its length
(decorations are blanked, not deleted), so each offset is the offset in the file.
"""

from __future__ import annotations

import contextvars
import time
from pathlib import Path

from symsoft.errors import InputError
from symsoft.reading.budget import clock
from symsoft.reading.documents.batch_rows import ROW_NAMES, read_rows, spell_rows_read
from symsoft.reading.documents.bound_arguments import rename_sigma_argument
from symsoft.reading.documents.bracket_indices import spell_bracket_indices
from symsoft.reading.documents.brackets import unclosed_group
from symsoft.reading.documents.called_quantities import blank_called_quantities
from symsoft.reading.documents.calligraphic import rename_calligraphic
from symsoft.reading.documents.chains import UNREAD_ROW, Step, expanded_cases, steps_of
from symsoft.reading.documents.class_subscripts import spell_class_subscripts
from symsoft.reading.documents.conditionals import DISTRIBUTIONS, spell_conditionals
from symsoft.reading.documents.counts import (
    COUNTED,
    VARIABLES,
    ZERO_APART,
    counted_letters,
    differentiated_letters,
    zero_apart,
)
from symsoft.reading.documents.d_names import rename_d_names
from symsoft.reading.documents.displays import Chain, find_displays, unescape_lone
from symsoft.reading.documents.dotted_sums import spell_dotted_sums
from symsoft.reading.documents.exp_powers import spell_exp_powers
from symsoft.reading.documents.files import load_document
from symsoft.reading.documents.hash_math import spell_hash_math
from symsoft.reading.documents.html_tags import blank_wrapping_tags
from symsoft.reading.documents.kramdown_inline import without_lone_dollars
from symsoft.reading.documents.latex_sentences import latex_sentence_chains
from symsoft.reading.documents.layer_superscripts import spell_layer_superscripts
from symsoft.reading.documents.layers import LAYERED, spell_layers
from symsoft.reading.documents.letter_entries import spell_letter_entries
from symsoft.reading.documents.loss_names import rename_loss
from symsoft.reading.documents.macros import DOCUMENT_MACROS, with_text_readings
from symsoft.reading.documents.nabla_calls import spell_nabla_calls
from symsoft.reading.documents.own_functions import own_hyperbolic
from symsoft.reading.documents.plain_math import merged, translated
from symsoft.reading.documents.punctuation import spell_period_products
from symsoft.reading.documents.renaming import (
    rename_primed_indices,
    rename_reserved,
    spell_softmax_entries,
)
from symsoft.reading.documents.respelling import blank_and_respell, respell_calls, respell_examples
from symsoft.reading.documents.reversed_names import spell_reversed_names
from symsoft.reading.documents.sample_losses import rename_sample_losses
from symsoft.reading.documents.sigma_calls import SIGMA_CALLS_LEFT, spell_sigma_entries
from symsoft.reading.documents.spans import Display, Relation, Text
from symsoft.reading.documents.spelling import name_sum_shorthand, spell_sigma_sum
from symsoft.reading.documents.sum_signs import spell_sigma_sums
from symsoft.reading.documents.unescaped_math import spell_unescaped_math
from symsoft.reading.documents.word_names import (
    defined_words,
    spell_bare_words,
    spell_word_names,
    spelled_words,
    unmarked,
)
from symsoft.reading.documents.wrapped_math import join_wrapped_inline
from symsoft.reading.grammar.builder import OWN_HYPERBOLIC, OWN_LSE, OWN_SOFTMAX, SIGMA_SOFTMAX
from symsoft.reading.grammar.labels import ITERATES, numbers_iterates
from symsoft.reading.judge import calculus_rules, shifts
from symsoft.reading.judge.judging import DEFAULT_SECONDS, _Judging
from symsoft.reading.judge.outcome import DocumentResult, StepResult
from symsoft.reading.judge.prime_heads import PRIME_SAID, judged_in_order
from symsoft.reading.judge.standard_definitions import DEFINING
from symsoft.reading.judge.totals import displayed_totals, unconditional
from symsoft.reading.judge.unstated_values import worded_values
from symsoft.reading.judge.unsure import _ambiguous, withheld_in_sentences
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.arguments import CALLED, drop_arguments, unbracket_entries
from symsoft.reading.meaning.class_counts import class_count
from symsoft.reading.meaning.constraints import constraints_of
from symsoft.reading.meaning.conventions import caveat_of
from symsoft.reading.meaning.definitions import _macros, labels_of
from symsoft.reading.meaning.fixed_sizes import sum_to_fixed_size
from symsoft.reading.meaning.labels import label_index, named_class, one_hot_class, one_hot_meaning
from symsoft.reading.meaning.layout_words import said_layout
from symsoft.reading.meaning.logistic_sigma import LOGISTIC_SIGMA, logistic_sigma
from symsoft.reading.meaning.meanings import meanings_of
from symsoft.reading.meaning.other_targets import own_targets
from symsoft.reading.meaning.own_lse import defines_lse_otherwise, defines_softmax_otherwise
from symsoft.reading.meaning.preparation import ReadingSpent, unfound, unread, within
from symsoft.reading.meaning.prose import (
    CASE_WORDS,
    HEADING,
    NEW_SUBJECT,
    continuation,
    hedged_normalized,
    normalized_in_words,
    stated_normalized,
)
from symsoft.reading.meaning.scopes import scopes_of, stated_sizes
from symsoft.reading.meaning.section_cases import keeps_case, section_headings
from symsoft.reading.meaning.sigma_words import sigma_is_the_softmax, sigma_said_softmax
from symsoft.reading.meaning.target_hints import (
    correct_class_named,
    one_hot_said,
    targets_called_true,
    teacher_names,
    written_log_weights,
)
from symsoft.reading.meaning.worded_diagonal import case_before
from symsoft.reading.notation import differentials
from symsoft.reading.notation.atoms import SOFTMAX_SIGMA
from symsoft.reading.notation.batch_definitions import batch_of, mark_definitions
from symsoft.reading.notation.data_document import data_model_of
from symsoft.reading.notation.derivatives import PRIMED_CALLED, PRIMES_SAID, primed_called
from symsoft.reading.notation.differentials import variable_of
from symsoft.reading.notation.layered import network_in
from symsoft.reading.notation.sample_vectors import SAMPLE_VECTORS, sample_letters

MAX_DOCUMENT_CHARS = 5_000_000
"""Characters of one document; a longer file is not read (one line on stderr, exit code 2)."""


def _in_a_sentence(document: Text, display: Display) -> bool:
    """``display`` is math said in a line of prose (``- **Top**: $f' = …$. Nothing else …``),
    not a formula standing alone on its line."""
    if not display.lone:
        return False
    source = document.original
    start = source.rfind("\n", 0, display.start) + 1
    end = source.find("\n", display.body.end)
    before = source[start : display.start].lstrip(" \t>#*+-0123456789.)").removeprefix("\\item")
    after = source[display.body.end + 1 : len(source) if end < 0 else end]
    return bool(before.strip()) or bool(after.strip(" \t.,;:"))


_CLOSERS = lazy(r"\\\]|\\end\s*\{[^{}]*\}|</script>|[\s>$]")  # what ends a display


def check_document(
    source: str | Path,
    n: int | None = None,
    define: tuple[str, ...] | list[str] = (),
    conventions: bool = False,
    timeout: float = DEFAULT_SECONDS,
) -> DocumentResult:
    """Check every step of the derivation in a Markdown or LaTeX document (a path or its text).

    Without ``n`` each step is proved for every N (with a counterexample at a concrete N for
    each index case that fails); with ``n`` it is checked at that size.  ``define`` overrides
    the meaning of a name, e.g. ``"S_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}"``.

    ``conventions``: the standard meanings (``S = softmax(a)``, ``p = softmax(o)``, ``L``, ``Z``)
    count as stated, as in the claim language; otherwise a flag that rests on a meaning the
    document never states is reported "not checked: ambiguous".

    ``timeout``: seconds for judging the whole document; the steps after it are "not checked".
    One step may take at most ``STEP_SECONDS`` (then it is "not checked: too large").

    >>> text = "Softmax $S_i = e^{a_i} / \\\\sum_k e^{a_k}$.\\n\\n"
    >>> result = check_document(text + "$$\\\\frac{\\\\partial S_i}{\\\\partial a_j} = -S_i S_j$$")
    >>> result.steps[0].summary
    'holds only when i ≠ j (fails when i = j)'
    >>> result.summary
    '1 step: 0 hold, 1 hold only when i ≠ j, 0 fail'
    """
    # read in a context of its own: what a document says of its names never leaks to the next
    return contextvars.copy_context().run(_check, source, n, define, conventions, timeout)


def _check(
    source: str | Path,
    n: int | None,
    define: tuple[str, ...] | list[str],
    conventions: bool,
    timeout: float,
) -> DocumentResult:
    began, spent = time.perf_counter(), clock()  # wall clock for the report, CPU for budgets
    calculus_rules.DOCUMENT_READER.set(check_document)  # a rule read as a document of its own
    text, name, latex = load_document(source, MAX_DOCUMENT_CHARS)
    if len(text) > MAX_DOCUMENT_CHARS:
        raise InputError(f"{name} has {len(text)} characters; at most {MAX_DOCUMENT_CHARS}")
    if n is not None and (isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= 64):
        raise InputError(f"N must be an integer from 1 to 64, got {n!r}")
    if not timeout > 0:
        raise InputError(f"the time budget must be a positive number of seconds, got {timeout!r}")
    text = text if latex else spell_hash_math(text)  # Socratic's #y = …#: plain math
    text = text if latex else spell_unescaped_math(text)  # [ \sigma(x) = … ]: \[ … \] escaped
    plain = None if latex else translated(text)
    if plain is None:
        return _check_text(text, name, latex, n, define, conventions, timeout, (began, spent))
    readings = plain.readings  # plain-text equations as displays; two texts when ambiguous
    done = [
        contextvars.copy_context().run(
            _check_text, r.text, name, latex, n, define, conventions, timeout, (began, spent)
        )
        for r in readings
    ]
    return merged(plain, done)


def _check_text(text, name, latex, n, define, conventions, timeout, clocks) -> DocumentResult:
    began, spent = clocks
    document = Text.of(text)
    PRIMES_SAID.set(PRIME_SAID.search(text) is not None)  # "a prime denotes d/dt": not by x
    PRIMED_CALLED.set(primed_called(text))  # f'(g(x)) written: \frac{d}{dx} f(g(x)) is of f(…)
    blank_and_respell(document, latex)
    unbracket_entries(document)  # [\sigma(\mathbf{a})]_i is \sigma(\mathbf{a})_i
    spell_nabla_calls(document)  # \nabla \ell(\mathbf{w}) is \nabla_{\mathbf{w}} \ell
    spell_reversed_names(document)  # "Denote $f(z) = a$": a = f(z)
    respell_examples(document)
    word_class = spell_class_subscripts(document)  # p_{\text{true}}: p at the class, p_c
    words = defined_words(" ".join(define))  # --define '\text{CE} = …': CE is a name
    spell_word_names(document, words)  # L_{CE}, \ell_{\rm smooth}: one name, not entry (C, E)
    spell_conditionals(document)  # P(y=1|x), q(k|x_i): one name, an entry of a distribution
    define = [spelled_words(d, words) for d in define]
    respell_calls(document)  # y_k = 1 \text{ if } k = c …; y_k(x), h_\theta(x) defined
    own_softmax = spell_softmax_entries(document)  # \text{Softmax}(x_i) defined: (x)_i
    spell_exp_powers(document)  # \exp^{x_j} is e^{x_j}
    name_sum_shorthand(document)  # "$\sum$ stands for $\sum_k e^{a_k}$": Σ is a name
    spell_sigma_sums(document)  # \Sigma_{j=1}^{K} e^{z_j} is a sum
    rename_sigma_argument(document)  # σ(\mathbf{z})_i = … defined, σ(\mathbf{a})_i used: z is a
    everything = document.slice(0, len(text))
    if sigma_is_the_softmax(everything, sigma_said_softmax(everything)):
        SIGMA_SOFTMAX.set(True)  # \text{softmax}(A) = \sigma(A): σ(z)_i is the softmax entry
    SOFTMAX_SIGMA.set(shifts.softmax_sigma(everything) is not None)  # σ(\mathbf{z} + c)_j
    LOGISTIC_SIGMA.set(logistic_sigma(everything))  # σ(x) = 1/(1 + e^{-x}): σ(\mathbf{z})
    OWN_LSE.set(defines_lse_otherwise(everything))  # lse(z) = \frac{1}{2} \log …: its own
    own_softmax = own_softmax or not conventions and defines_softmax_otherwise(everything)
    OWN_SOFTMAX.set(own_softmax)  # e^{x_j / T} / …; a claim keeps symsoft's conventions
    DEFINING.set(not conventions)  # \sinh(x) = … first said: a definition, not in a claim
    OWN_HYPERBOLIC.set(frozenset() if conventions else own_hyperbolic(text))  # tanh x = x/(1+|x|)
    ITERATES.set(frozenset() if conventions else numbers_iterates(everything))  # b^1 = b^0 - …
    SIGMA_CALLS_LEFT.set(spell_sigma_entries(document))  # \sigma(A_i) = …: σ(A_k) is σ_k
    spell_sigma_sum(document)  # \sigma = \sum_j e^{f_j}: σ is the sum, a name
    spell_letter_entries(document)  # s(z_i) = \frac{e^{z_i}}{…} defined: s(z_k) is s_k
    join_wrapped_inline(document)  # $… ⏎ …$ broken by a hard-wrapped paragraph: one formula
    blank_called_quantities(document)  # h(x) = σ(z), then ∂L/∂h: h(x) is the quantity h
    blank_wrapping_tags(document, latex)  # <div align="center"><b> $…$ </b></div>: a display
    displays = find_displays(document, lone_inline=not latex, items=latex)
    displays = latex_sentence_chains(document, displays) if latex else displays  # $…$, we have
    displays = unescape_lone(document, displays)  # kramdown: $a \\\\ b$ is $a \\ b$
    spell_bare_words(document, [(d.body.start, d.body.end) for d in displays])  # Loss = …
    spell_bracket_indices(document, displays)  # x[n] is x_n; \sum_{}^{} over the stated k
    labelled = spell_layer_superscripts(document, displays)  # a_i^L: a_i; a^l_i, a^L_i
    LAYERED.set(spell_layers(document, displays) | labelled)  # w^1_{i,j}: of layer 1
    COUNTED.set(counted_letters(document.slice(0, len(text))))  # \frac{1}{m} \sum_{i=1}^{m}
    DOCUMENT_MACROS.set(with_text_readings(_macros(all_ := document.slice(0, len(text))), all_))
    SAMPLE_VECTORS.set(sample_letters(document.slice(0, len(text))))  # \mathbf{x}_i: a sample
    VARIABLES.set(differentiated_letters(document.slice(0, len(text))))  # \frac{d}{dn} e^n
    ZERO_APART.set(zero_apart(document.slice(0, len(text))))  # w_0 + \sum_{j=1}^M w_j x_j
    rename_primed_indices(document, displays)  # \sum_{k'} e^{z_{k'}}: k' an index of its own
    spell_period_products(document, displays)  # e^{a_i}.\sum: a product
    n = sum_to_fixed_size(document) if n is None else n  # \sum_{j=1}^3 at N = 3: \sum_{j=1}^N
    rename_loss(document, displays)
    rename_calligraphic(document, displays)  # \mathcal{R}(\mathbf{w}) = …: the risk R
    rename_d_names(document, displays)  # dz = \frac{\partial L}{\partial z} stated: dz a name
    rename_sample_losses(document, displays)  # L = \sum_i L_i: L_i is no entry of L
    spell_dotted_sums(document, displays, class_count(document.slice(0, len(text))) or "N")  # \dots
    renamed = rename_reserved(document, displays)  # e^{Z_j}: Z the logits, not the partition sum
    ROW_NAMES.set(read_rows(document, displays))  # y_{nk} in a step about the one row n: y_k
    if ROW_NAMES.get():  # y_{nk'} read as y_{k'}: k' of its own; σ(A_{ic}) read as σ(A_c): σ_c
        spell_rows_read(document, displays)
    label = label_index(document, displays)  # L_i = -log p_{y_i}: the correct class as an index
    label = label or named_class(document) or word_class  # "the loss for target class $c$"
    CALLED.set(drop_arguments(document, displays))  # s(\mathbf x)_i defined: s(\mathbf x)_i is s_i
    steps: list[Step] = []
    problems: list[StepResult] = []
    chain, previous_end, case_start = Chain(), 0, 0
    section_case: Relation | None = None
    led_case: Relation | None = None  # the case the words before the last display announced
    stepless: list[Display] = []
    nearby: dict[int, str] = {}
    leads: dict[int, str] = {}  # the words before each display alone (a definition's lead)
    from_prose: dict[int, Relation] = {}
    for index, display in enumerate(displays):
        if clock() > spent + timeout:  # 40,000 displays: the budget, not minutes of finding steps
            problems += unfound(document, displays[index:], timeout)
            break
        prose = document.slice(previous_end, display.start)
        if display.problem:
            line, column = document.place(display.start)
            summary = f"not checked: {display.problem} (column {column})"
            problems.append(
                StepResult(line, column, display.number, 1, "", "", "not checked", summary)
            )
            previous_end = case_start = display.body.end
            continue
        # an equation said in the prose (in a sentence or a list item) does not end the prose
        # that announces a case ("### Case 2: $i \neq j$", a list item, then the display)
        cased = document.slice(case_start, display.start)
        case_start = case_start if _in_a_sentence(document, display) else display.body.end
        body = document.slice(display.body.start, display.body.end)
        announced = case_before(cased, document.original, body, led_case)
        headings = section_headings(cased)
        if headings:
            # "**Case 2: $i \neq k$**" then two displays with nothing between them: the second is
            # in the heading's case too; so is one after prose that names no other case
            heading = headings[-1]
            section_case = case_before(heading, document.original, body)
            below = cased[cased.rfind(heading) + len(heading) :]
            below = below if _CLOSERS.sub("", below) else ""
            if announced is None and (not below or keeps_case(below, section_case)):
                announced = section_case  # "2. $i \neq k$인 경우", a line that names the case
        elif _CLOSERS.sub("", cased):
            section_case = section_case if keeps_case(cased, section_case) else None
            announced = announced or section_case
        elif announced is None:
            # "If $i = j$, this gives: $A$ $B$": displays with nothing between them stay in the
            # case announced before the first (as under a heading)
            announced = section_case or led_case
        led_case = announced
        if (
            announced is not None
            and chain.condition is not None
            and announced != chain.condition
            and chain.root is not None
        ):  # "If i ≠ j, $$ = … $$" after the case i = j: the chain goes on from before the cases
            chain.last = chain.root
        if prose.strip() and (CASE_WORDS.search(prose) or HEADING.search(prose)):
            chain.condition = None  # a display continuing the chain stays in its case otherwise
        chain = Chain() if NEW_SUBJECT.search(prose) or UNREAD_ROW.search(prose) else chain
        if announced is not None:
            from_prose[display.number] = announced
        # the prose around it (a display right after another is led in by the same words:
        # "the diagonal entries are $$A$$ $$B$$"), and the words inside it (\text{on the diagonal})
        led = prose if _CLOSERS.sub("", prose) else nearby.get(display.number - 1, "")
        inside = _TEXT_IN_MATH.findall(document.original[display.body.start : display.body.end])
        nearby[display.number] = led + " " + " ".join(inside)
        leads[display.number] = nearby[display.number]  # before the words after it join
        if display.number - 1 in nearby:  # "$$ … $$ when $i = j$, and": the sentence goes on
            nearby[display.number - 1] += " " + continuation(prose)
        found = steps_of(document, display, chain, announced)
        lead = found[0].lhs if found else None
        if lead is not None and lead.start < display.body.start and display.number - 1 in nearby:
            # "$$ = … $$" continuing the chain of the display before: the words that led into
            # the chain ("for incorrect class $j$") speak of its cases too
            nearby[display.number] = nearby[display.number - 1] + " " + nearby[display.number]
        steps += expanded_cases(document, found)
        if not found:
            stepless.append(display)
        previous_end = display.body.end
    problems += _stepless(document, stepless, steps)
    everything = document.slice(0, len(text))
    stated = "y" in stated_normalized(unconditional(everything)) and own_targets(everything)
    try:  # a 5 MB file of definitions: the budget, not minutes of reading
        meanings, definitions, listed, redefined = within(
            spent + timeout,
            lambda: meanings_of(
                document,
                steps,
                define,
                without_lone_dollars(everything, displays),
                conventions,
                leads,
                label,
            ),
        )
    except ReadingSpent:
        results = sorted(unread(document, steps, timeout) + problems, key=lambda r: r.display)
        results = [unmarked(r) for r in results]
        return DocumentResult(name, tuple(results), (), stated, n, 0.0, len(displays))
    # d\mathbf{p} = … d\mathbf{z}: differentials along a free direction of the one variable z
    variable = variable_of(everything, set(meanings.table) | set(meanings.unreadable))
    if variable is not None:
        differentials.VARIABLE.set(variable)
        meanings.leaves.add(differentials.leaf(variable))
    sides_of_steps = [
        (
            (s.lhs.start, s.rhs.start),
            document.slice(s.lhs.start, s.lhs.end),
            document.slice(s.rhs.start, s.rhs.end),
        )
        for s in steps
        if s.lhs is not None
    ]
    batch = batch_of(sides_of_steps, everything)
    data = data_model_of(sides_of_steps, everything, renamed) if batch is None else None
    data = data or (network_in(document, steps) if batch is None else None)  # Ng's dZ^{[2]}
    if batch is not None:
        batch = mark_definitions(batch, definitions, sides_of_steps, redefined)
    if data is not None:
        definitions.update({key: data.label for key in data.keys if key not in definitions})
    if label:
        listed.append((f"{label} = the correct class (written as a subscript y_i)", "the text"))
    judging = _Judging(
        document,
        meanings,
        stated,
        n,
        definitions,
        seconds=timeout,
        began=spent,
        nearby=nearby,
        bodies={display.number: display.body for display in displays},
        leads=leads,
        from_prose=from_prose,
        batch=batch,
        data=data,
        shift=shifts.free_maximum(meanings, everything),
        sigma=shifts.softmax_sigma(everything),
        layout=said_layout(everything),  # "we use row vectors", "column vectors", …
    )
    tail = document.slice(previous_end, len(text))
    if displays and displays[-1].number in nearby:
        nearby[displays[-1].number] += " " + continuation(tail)
    displayed = displayed_totals(judging, steps, frozenset(d.number for d in displays if d.said))
    judging.hypothesis_stated = stated = stated or "y" in displayed
    if stated:
        meanings.unstated_leaves.discard("y")  # Σ_j y_j = 1 said: y are the labels
    hot = one_hot_class(everything, label, worded=label == word_class)  # p_{\text{true}}
    if hot and hot[0] not in meanings.table:
        # "true class $c$ (one-hot encoded as $\mathbf{y}$)", "$y_k = 1$ and $y_i = 0$ for …"
        meanings.table[hot[0]] = one_hot_meaning(hot[1], "the text: one-hot at the class", hot[0])
    named = correct_class_named(everything) or label is not None
    if "y" not in meanings.table and named and not one_hot_said(everything):
        # "the correct class is k", "true class $c$" (c a parameter of the loss): y is one-hot
        # at that class, y_j = 1[j = c], which is not encoded, so a flag must not rest on y
        meanings.unstated_leaves.add("y")
    # q(k|x_i) read as an entry of q, which the text does not define: Σ_k q(k|x_i) = 1
    meanings.normalized |= (displayed - {"y"}) | (DISTRIBUTIONS.get() - set(meanings.table))
    meanings.normalized |= normalized_in_words(everything, meanings) - {"y"}
    meanings.labels = labels_of(meanings.table, everything)
    meanings.stated_sizes |= stated_sizes(everything)
    meanings.worded_values |= worded_values(everything)
    judging.caveat = caveat_of(everything)
    judging.hedge = hedged_normalized(everything)
    judging.true_targets = targets_called_true(everything)
    meanings.hinted = written_log_weights(everything) if judging.true_targets else set()
    judging.teacher = teacher_names(everything) - meanings.normalized - set(meanings.table)
    judging.hedged = stated_normalized(everything, hedged=True)
    judging.constrained = constraints_of(everything)
    try:
        judging.scopes = within(
            spent + timeout,
            lambda: scopes_of(document, redefined, meanings, stated, n, definitions),
        )
    except ReadingSpent:
        results = sorted(unread(document, steps, timeout) + problems, key=lambda r: r.display)
        results = [unmarked(r) for r in results]
        return DocumentResult(name, tuple(results), (), stated, n, 0.0, len(displays))
    results = judged_in_order(steps, document, meanings, judging.reader.expression, judging.step)
    results = [
        _ambiguous(
            r,
            "another step of this worked example fits only indices counted from 0, and counted "
            "from 0 this one fails",
        )
        if r.status == "holds"
        and judging.holds_from_one.get((r.line, r.column)) in judging.fits_from_zero
        else r
        for r in results
    ]
    results = withheld_in_sentences(results, displays, steps, document.original)
    results = sorted(results + problems, key=lambda r: (r.display, r.step, r.line))
    return DocumentResult(
        source=name,
        steps=tuple(unmarked(r) for r in results),
        meanings=tuple(unmarked(m) for m in listed),
        hypothesis_stated=stated,
        n=n,
        seconds=round(time.perf_counter() - began, 3),
        displays=len(displays),
    )


def _stepless(text: Text, displays: list[Display], steps: list[Step]) -> list[StepResult]:
    """A "not checked" line for each display that gives no step, with the reason: a group never
    closed (``\\frac{\\partial S_i}{\\partial a_j = …``), or no relation at all (unless a later
    display continues it: ``$$ A $$ … $$ = B $$``)."""
    continued = {step.lhs.start for step in steps if step.lhs is not None}
    out = []
    for display in displays:
        body = display.body
        if not text.slice(body.start, body.end).strip() or any(
            body.start <= start <= body.end for start in continued
        ):
            continue
        unclosed = unclosed_group(text, body)
        if unclosed is not None:
            line, column = text.place(unclosed[1])
            summary = f"not checked: '{unclosed[0]}' is never closed (column {column})"
        else:
            line, column = text.place(body.start)
            where = "at the top level of" if "=" in text.slice(body.start, body.end) else "in"
            summary = f"not checked: no '=' {where} the display (column {column})"
        out.append(StepResult(line, column, display.number, 1, "", "", "not checked", summary))
    return out


_TEXT_IN_MATH = lazy(r"\\(?:text|mbox|textrm|mathrm)\s*\{([^{}]*)\}")
