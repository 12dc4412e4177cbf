#!/usr/bin/env python3
"""The one entry point of the sales playbook.

    python3 build.py serve                 build and serve on http://127.0.0.1:8000 with live reload
    python3 build.py build [--strict]      validate and write the site to site/
    python3 build.py check [--format json] validate only; exit 1 on any error
    python3 build.py new case|objection|industry <id>   write a scaffold
    python3 build.py check --changed-since <ref>        changed files first, and the pages they alter
    python3 build.py schemas [--check]  regenerate the editor JSON Schemas in schemas/
    python3 build.py health [--fail-on stale,orphans]   content-health report
    python3 build.py test [pytest args]    install test dependencies and run the whole suite

On first use it creates .venv/ and installs the pinned dependencies from
pyproject.toml; later runs skip that step unless pyproject.toml changed.
Needs only Python 3.11+ (standard library) to start.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PYTHON = VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def _stamp(extra: str) -> Path:
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extra.encode()).hexdigest()[
        :16
    ]
    return VENV / f".installed-{extra or 'base'}-{digest}"


def ensure_venv(extra: str = "") -> None:
    """Create .venv and install the project (editable) with pinned dependencies, once."""
    stamp = _stamp(extra)
    if stamp.exists() and PYTHON.exists():
        return
    if not PYTHON.exists():
        print("• creating .venv/ …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    target = f".[{extra}]" if extra else "."
    print(f"• installing pinned dependencies ({target}) — first run only …", flush=True)
    subprocess.run(
        [
            str(PYTHON),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "-e",
            target,
        ],
        cwd=ROOT,
        check=True,
    )
    for old in VENV.glob(f".installed-{extra or 'base'}-*"):
        old.unlink()
    stamp.touch()


def ensure_chromium() -> None:
    """Browser tests use Debian's chromium; install it when missing and running as root."""
    if shutil.which("chromium") or Path("/usr/bin/chromium").exists():
        return
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        print("• installing Debian's chromium for the browser tests …", flush=True)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "chromium", "fonts-noto-cjk"], check=True, env=env
        )
        return
    sys.exit(
        "✗ the browser tests need Chromium at /usr/bin/chromium.\n"
        "  On Debian/Ubuntu run: sudo apt-get install chromium fonts-noto-cjk"
    )


def run_tests(args: list[str]) -> int:
    """Lint, type-check and run the whole pytest suite."""
    ensure_venv("test")
    ensure_chromium()
    bin_dir = PYTHON.parent
    steps = [
        [str(bin_dir / "ruff"), "check", "."],
        [str(bin_dir / "ruff"), "format", "--check", "."],
        [str(bin_dir / "mypy")],
        [str(PYTHON), "-m", "pytest", "-n", "2", "-q", *args],
    ]
    for step in steps:
        print(
            f"• {' '.join(Path(step[0]).name if i == 0 else s for i, s in enumerate(step))}",
            flush=True,
        )
        code = subprocess.run(step, cwd=ROOT).returncode
        if code != 0:
            return code
    return 0


def main(argv: list[str]) -> int:
    if sys.version_info < (3, 11):  # noqa: UP036 - this message is for users of older Pythons
        sys.exit("✗ Python 3.11 or newer is needed (found {}.{})".format(*sys.version_info[:2]))
    if not argv or argv[0] in {"-h", "--help", "help"}:
        print(__doc__)
        return 0
    if argv[0] == "test":
        return run_tests(argv[1:])
    ensure_venv()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [str(PYTHON), "-m", "playbook.cli", "--project", str(ROOT), *argv]
    child = subprocess.Popen(command, cwd=ROOT, env=env)

    def pass_on(signum: int, frame: object) -> None:
        child.send_signal(signum)  # e.g. SIGTERM from a process manager: stop serve too

    signal.signal(signal.SIGTERM, pass_on)
    try:
        return child.wait()
    except KeyboardInterrupt:  # Ctrl+C reached the child as well; let it finish
        child.wait()
        return 130


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
