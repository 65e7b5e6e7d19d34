"""Exact algebra: rational functions over FLINT and the prover."""
