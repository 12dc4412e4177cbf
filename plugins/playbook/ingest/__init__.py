"""Stage 1, load and validate: find the content files, parse YAML with positions, check them against the content model."""
