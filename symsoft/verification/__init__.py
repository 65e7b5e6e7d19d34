"""Verification: the fast ring path at a fixed N, the proof for every N, the numeric witness."""
