"""Stage 3, plan and render: the page plan, what each page shows, Jinja rendering, the library and composer data, templates and assets."""

from pathlib import Path

TEMPLATES = Path(__file__).parent / "templates"
"""The built-in Jinja templates (``records/*.html`` …); a project's ``overrides/`` come first."""
ASSETS = Path(__file__).parent / "assets"
"""Scripts, styles and data files published under ``assets/playbook/``."""
