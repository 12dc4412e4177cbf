"""Stage 2, derive: the catalog of validated records and what is computed from it (back-links, figures, objection tools, health)."""
