"""Running the work: progress lines and one build of a project at a time."""
