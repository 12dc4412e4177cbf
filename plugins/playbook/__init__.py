"""Sales playbook generator: a plain-Python core with thin MkDocs adapters.

The core (``load``, ``validate``, ``catalog``, ``render`` …) never imports MkDocs,
so the site engine can be swapped without touching content rules.
"""

from __future__ import annotations

__version__ = "0.1.0"
