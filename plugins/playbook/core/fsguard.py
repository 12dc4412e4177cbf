"""Where a path leads once symbolic links are followed.

Content arrives through pull requests; a link such as ``cases/x.yaml -> /etc/passwd``
would otherwise read files from outside the repository. :mod:`publish` refuses every
link under the content folders unless the project opts in, and even then only links
that stay inside the project.
"""

from __future__ import annotations

from pathlib import Path


def is_inside(root: Path, entry: Path) -> bool:
    """Whether ``entry`` (after following links) lies inside ``root``."""
    return entry.resolve().is_relative_to(root.resolve())
