"""Site-engine adapters. The only code that imports an engine (MkDocs, ProperDocs) or watchdog."""
