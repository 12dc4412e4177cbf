"""Commands that need no site engine: review, impact, scaffolds, a team's own playbook, hosting."""
