"""Documents: files, displays, rows and chains, and the notations normalized before parsing."""
