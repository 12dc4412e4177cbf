"""A ``.venv`` for a copy of ``build.py`` that reuses this test environment."""

from __future__ import annotations

import importlib.util
import subprocess
import sysconfig
import venv
from pathlib import Path


def stamped_venv(root: Path) -> None:
    """A ``.venv`` in ``root`` that sees this environment's packages, stamped as installed.

    So ``build.py`` runs its usual path (stamp check, re-exec into ``.venv``) without
    pip, and never installs anything into the repository's own ``.venv``.
    """
    target = root / ".venv"
    venv.EnvBuilder(with_pip=False).create(target)
    here = sysconfig.get_paths()["purelib"]
    there = subprocess.run(
        [
            str(target / "bin" / "python"),
            "-c",
            "import sysconfig; print(sysconfig.get_paths()['purelib'])",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    # An "import" line of a .pth file runs at start-up; addsitedir also reads the .pth files
    # there (the project's editable install).
    Path(there, "this-environment.pth").write_text(f"import site; site.addsitedir({here!r})\n")
    spec = importlib.util.spec_from_file_location("build_copy", root / "build.py")
    assert spec is not None and spec.loader is not None
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    build._stamp("base").touch()
