"""The catalogue: notation, the functions' builders, the theorems and their concrete families."""
