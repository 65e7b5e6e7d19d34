"""The scans of subscripts and sum bounds on raw LaTeX (reading/documents/subscripts.py)."""

from symsoft.reading.documents.subscripts import (
    free_indices,
    leading_indices,
    one_sided,
    subscript_letters,
    sum_indices,
    sum_upper_letters,
    whole_letters,
)


def test_subscript_letters_alone_and_in_pairs():
    assert subscript_letters(r"\delta_{ij} x_d + w_{kj} y_{abc}") == {"i", "j", "d", "k"}
    assert subscript_letters(r"S_{i, j} - \alpha_k") == {"i", "j", "k"}
    assert subscript_letters(r"x_{\ell}") == set()


def test_free_indices_are_i_to_n_not_bound_by_a_sum():
    assert free_indices(r"\sum_k y_k \log p_k - p_i") == {"i"}
    assert free_indices(r"\sum_{k=1}^{K} w_{ijk} x_a") == {"i", "j"}
    assert one_sided(r"\hat{y}_i - t_i", r"\hat{y}_i - \delta_{ij}") == {"j"}
    assert one_sided(r"p_i - y_i", r"p_i - y_i") == set()


def test_whole_and_leading_letters():
    assert whole_letters(r"-\log p_y + W_{K} + x_{ij}") == {"y", "K"}
    assert leading_indices(r"t_j \log \hat{y}_{k} + x_{i,d} + w_{ij}") == {"j", "k", "i"}


def test_sum_bounds():
    assert sum_indices(r"\sum_k a_k + \sum\limits_{j=1}^{C} b_j + \sum^{N} c") == {"k", "j"}
    assert sum_upper_letters(r"\sum_{j=1}^{K} p_j + \sum_i^C y_i + \sum_{i=1}^{10} z_i") == {
        "K",
        "C",
    }
