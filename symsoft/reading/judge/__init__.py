"""A step judged: case by case, at concrete sizes, at worked examples; its verdict."""
