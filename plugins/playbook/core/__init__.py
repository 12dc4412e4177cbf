"""What every stage shares: problems and their messages, the record types, the content model, the URL scheme."""
