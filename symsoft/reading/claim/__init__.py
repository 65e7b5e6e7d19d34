"""Claims: one formula judged per index case."""
