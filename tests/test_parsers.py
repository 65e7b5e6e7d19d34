"""The LALR tables of the grammar are kept in the user's cache directory and reused; a damaged
or missing cache file only costs the time to build them again."""

from __future__ import annotations

import pytest
from lark.exceptions import UnexpectedCharacters

from symsoft.reading.grammar import diagnostics, parsers

OPTIONS = dict(lexer="basic", start=["claim", "expression"], propagate_positions=True)


def test_the_parser_is_kept_and_reused(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    built = parsers.lalr("latex.lark", **OPTIONS)
    (kept,) = (tmp_path / "symsoft").glob("latex-*.lark-cache")
    loaded = parsers.lalr("latex.lark", **OPTIONS)
    assert list((tmp_path / "symsoft").iterdir()) == [kept]
    text = r"\frac{\partial S_i}{\partial a_j} = S_i(\delta_{ij} - S_j)"
    assert loaded.parse(text, start="claim") == built.parse(text, start="claim")


def test_a_damaged_cache_file_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    parsers.lalr("latex.lark", **OPTIONS)
    (kept,) = (tmp_path / "symsoft").glob("latex-*.lark-cache")
    kept.write_bytes(b"not a parser")
    parser = parsers.lalr("latex.lark", **OPTIONS)
    assert parser.parse("S_i", start="expression").data == "expression"
    assert kept.read_bytes() != b"not a parser"


def test_without_a_writable_cache_the_parser_is_built(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))  # a file: no folder can go there
    assert parsers.cache_directory() is None
    assert parsers.lalr("latex.lark", **OPTIONS).parse("S_i", start="expression")


TEXTS = [
    r"\frac{\partial S_i}{\partial a_j} = S_i(\delta_{ij} - S_j)",
    r"\sum_{k=1}^{N} e^{a_k} \log p_k \quad (i \neq j)",
    r"\foo{x} + \mathbf{p}^\top",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_the_tokens_are_lark_lex_tokens(text):
    def fields(tokens):
        return [(t.type, t.value, t.start_pos, t.end_pos, t.line, t.column) for t in tokens]

    assert fields(diagnostics._tokens(text)) == fields(diagnostics._parser().lex(text))


def test_a_character_no_token_matches_fails_as_in_lark_lex():
    with pytest.raises(UnexpectedCharacters) as ours:
        list(diagnostics._tokens("a + \u00a7 b"))
    with pytest.raises(UnexpectedCharacters) as lark_own:
        list(diagnostics._parser().lex("a + \u00a7 b"))
    assert (ours.value.pos_in_stream, ours.value.char) == (
        lark_own.value.pos_in_stream,
        lark_own.value.char,
    )
