"""The LaTeX grammar and its builder: text to SymPy, and what is said when a text does not parse."""
