"""Rendering: proof reports and annotated document reports (Jinja2 over templates/)."""
