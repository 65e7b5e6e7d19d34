"""symsoft: mechanical proofs of the softmax Jacobian, the cross-entropy gradient and kin."""

__version__ = "0.1.0"
