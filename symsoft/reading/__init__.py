"""Reading: the LaTeX grammar, claims, and the steps of documents."""
