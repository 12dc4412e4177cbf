"""Re-run a benchmark script under the project's virtual environment (stdlib only).

The scripts under ``bench/`` are started with any Python 3.11+; ``build.py`` creates
``.venv/`` with the ``bench`` extra (Playwright, …) and the script runs again inside it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
VENV_PYTHON = REPO / ".venv" / "bin" / "python"


def reexec_in_venv(script: str) -> None:
    """Return at once inside ``.venv/``; otherwise set it up and replace this process."""
    if Path(sys.prefix).resolve() == (REPO / ".venv").resolve():
        return
    sys.path.insert(0, str(REPO))
    import build  # the repository's build.py: venv bootstrap (stdlib only)

    build.ensure_venv("bench")
    os.execv(str(VENV_PYTHON), [str(VENV_PYTHON), str(Path(script).resolve()), *sys.argv[1:]])
