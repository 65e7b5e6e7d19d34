"""Notations read into index notation: derivatives, vectors, matrices, batches."""
