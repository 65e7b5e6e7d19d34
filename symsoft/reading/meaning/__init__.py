"""What a document's names mean: definitions, prose, hypotheses, where each holds."""
