"""Outside tools and formats: Pagefind, git, editor JSON Schemas, web-server configs and sign-in users."""
