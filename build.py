#!/usr/bin/env python3
"""The one entry point of the sales playbook.

    python3 build.py serve                 build and serve on http://127.0.0.1:8000 with live reload
    python3 build.py build [--strict]      validate and write the site to site/
    python3 build.py check [--format json] validate only; exit 1 on any error (stale schemas/ too)
    python3 build.py check --fix           regenerate stale editor schemas first, then validate
    python3 build.py new case|objection|industry <id>   write a scaffold
    python3 build.py check --changed-since <ref>        changed files first, and the pages they alter
    python3 build.py schemas [--check]  regenerate the editor JSON Schemas in schemas/
    python3 build.py health [--fail-on stale,orphans]   content-health report
    python3 build.py host [--users FILE]   serve the built site to the team behind sign-in (Caddy)
    python3 build.py server-config         rewrite the Caddy and nginx files in deploy/
    python3 build.py test [pytest args]    install test dependencies and run the whole suite
    python3 build.py lock                  refresh the hashed lock files in requirements/

On first use it creates .venv/ and installs the locked dependencies from
requirements/<set>.txt (every package pinned with its hashes, pip --require-hashes),
then the project itself without dependencies; later runs skip that step unless
pyproject.toml or the lock file changed. After editing dependencies in
pyproject.toml, run `python3 build.py lock`.
Needs only Python 3.11+ (standard library) to start.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import tomllib
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PYTHON = VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


LOCKS = ROOT / "requirements"
LOCK_SETS: dict[str, tuple[str, ...]] = {
    "base": (),
    "host": ("host",),
    "test": ("test", "host"),
    "bench": ("bench",),
    "lock": ("lock",),
}
"""Each lock file (requirements/<name>.txt) and the pyproject extras it adds to the runtime."""
LOCK_PYTHON = "3.11.5"
"""Oldest Python the locks resolve for: pymdown-extensions 13.1 needs 3.11.5."""
REFRESH = "python3 build.py lock"


def lock_path(name: str, root: Path = ROOT) -> Path:
    return root / "requirements" / f"{name}.txt"


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


_REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*([^;]*)")
_LOCKED = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", re.MULTILINE)


def required(name: str, root: Path = ROOT) -> list[tuple[str, str]]:
    """(normalised name, version specifier) of every requirement a lock set must hold."""
    data = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    lines = [*data["build-system"]["requires"], *data["project"]["dependencies"]]
    extras = data["project"].get("optional-dependencies", {})
    for extra in LOCK_SETS[name]:
        lines += extras.get(extra, [])
    found = []
    for line in lines:
        match = _REQUIREMENT.match(line)
        if match:
            found.append((_normalise(match[1]), match[2].strip()))
    return found


def locked(lock: Path) -> dict[str, str]:
    """Pinned versions in a lock file, by normalised name."""
    text = lock.read_text(encoding="utf-8")
    return {_normalise(m[1]): m[2] for m in _LOCKED.finditer(text)}


def lock_gaps(name: str, root: Path = ROOT) -> list[str]:
    """Requirements of pyproject.toml that the lock file misses or pins differently."""
    lock = lock_path(name, root)
    if not lock.exists():
        return [f"{lock.name} is missing"]
    pins = locked(lock)
    gaps = []
    for package, spec in required(name, root):
        exact = [s.strip()[2:] for s in spec.split(",") if s.strip().startswith("==")]
        if package not in pins:
            gaps.append(f"{package} is not locked")
        elif exact and pins[package] not in exact:
            gaps.append(f"{package}{spec} but the lock has {pins[package]}")
    return gaps


def _stamp(name: str) -> Path:
    lock = lock_path(name)
    data = (ROOT / "pyproject.toml").read_bytes() + (lock.read_bytes() if lock.exists() else b"")
    return VENV / f".installed-{name}-{hashlib.sha256(data).hexdigest()[:16]}"


def _pip(*args: str) -> None:
    quiet = ["--quiet", "--disable-pip-version-check"]
    subprocess.run([str(PYTHON), "-m", "pip", "install", *quiet, *args], cwd=ROOT, check=True)


def ensure_venv(name: str = "base") -> None:
    """Create .venv and install a lock set with --require-hashes, then the project, once."""
    stamp = _stamp(name)
    if stamp.exists() and PYTHON.exists():
        return
    gaps = lock_gaps(name)
    if gaps and name != "lock":
        sys.exit(
            f"✗ requirements/{name}.txt does not match pyproject.toml ({'; '.join(gaps)}).\n"
            f"  Refresh the lock files with: {REFRESH}"
        )
    if not PYTHON.exists():
        print("• creating .venv/ …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    if gaps:  # only the lock tool itself, while its own lock is out of date
        print(
            "• installing the lock tool from pyproject.toml (its lock is out of date) …", flush=True
        )
        _pip("-e", f".[{','.join(LOCK_SETS[name])}]")
    else:
        print(f"• installing locked dependencies (requirements/{name}.txt) …", flush=True)
        _pip("--require-hashes", "-r", str(lock_path(name)))
        # The project itself: no dependencies (all locked above), built with the locked setuptools.
        _pip("--no-deps", "--no-build-isolation", "-e", ".")
    for old in VENV.glob(f".installed-{name}-*"):
        old.unlink()
    stamp.touch()


def refresh_locks() -> int:
    """Resolve every lock set again with uv (hashes for all platforms' files)."""
    ensure_venv("lock")
    uv = PYTHON.parent / ("uv.exe" if os.name == "nt" else "uv")
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    LOCKS.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as temp:
        build_system = Path(temp) / "build-system.in"
        build_system.write_text("\n".join(data["build-system"]["requires"]) + "\n")
        for name, extras in LOCK_SETS.items():
            print(f"• requirements/{name}.txt", flush=True)
            command = [
                str(uv), "pip", "compile", "pyproject.toml", str(build_system),
                *[arg for extra in extras for arg in ("--extra", extra)],
                "--universal", "--python-version", LOCK_PYTHON, "--generate-hashes",
                "--no-annotate", "--custom-compile-command", REFRESH, "--quiet",
                "--output-file", str(lock_path(name)),
            ]  # fmt: skip
            code = subprocess.run(command, cwd=ROOT).returncode
            if code != 0:
                return code
    return 0


def ensure_system_packages() -> None:
    """Tests drive Debian's chromium and check the nginx file with nginx -t; as root, install them."""
    missing = [
        package
        for package, binary in (("chromium", "/usr/bin/chromium"), ("nginx", "/usr/sbin/nginx"))
        if not Path(binary).exists()
    ]
    if not missing:
        return
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        print(f"• installing Debian's {' and '.join(missing)} for the tests …", flush=True)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        packages = [*missing, *(["fonts-noto-cjk"] if "chromium" in missing else [])]
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", *packages], check=True, env=env)
        return
    sys.exit(
        f"✗ the tests need {' and '.join(missing)} (/usr/bin/chromium, /usr/sbin/nginx).\n"
        f"  On Debian/Ubuntu run: sudo apt-get install {' '.join(missing)} fonts-noto-cjk"
    )


def run_tests(args: list[str]) -> int:
    """Lint, type-check and run the whole pytest suite."""
    ensure_venv("test")
    ensure_system_packages()
    bin_dir = PYTHON.parent
    steps = [
        [str(bin_dir / "ruff"), "check", "."],
        [str(bin_dir / "ruff"), "format", "--check", "."],
        [str(bin_dir / "mypy")],
        [str(bin_dir / "lint-imports")],  # the architecture contracts in .importlinter
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
    if argv[0] == "lock":
        return refresh_locks()
    ensure_venv("host" if argv[0] == "host" else "base")
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
