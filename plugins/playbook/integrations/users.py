"""The sign-in users file of ``build.py host``: htpasswd-style ``name:bcrypt-hash`` lines.

Hashes are made with the ``bcrypt`` package (pyca), in this process: the password never
appears in a command line or another program's input, and the same file serves Caddy
(written into its config) and nginx's ``auth_basic_user_file``.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")
_HASH = re.compile(r"^\$2[aby]\$\d\d\$[./A-Za-z0-9]{53}$")
MIN_PASSWORD = 8


@dataclass(frozen=True)
class UsersProblem:
    """A line of the users file that is not ``name:bcrypt-hash``."""

    path: Path
    line: int
    column: int
    message: str

    def format(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


def read_users(path: Path) -> tuple[list[tuple[str, str]], list[UsersProblem]]:
    """Users (name, hash) and the lines that are not valid; blank and ``#`` lines are skipped."""
    users: list[tuple[str, str]] = []
    problems: list[UsersProblem] = []
    seen: set[str] = set()
    text = path.read_text(encoding="utf-8-sig")
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        name, colon, hashed = line.partition(":")
        if not colon:
            problems.append(UsersProblem(path, number, 1, "expected name:bcrypt-hash"))
        elif not NAME.match(name):
            problems.append(UsersProblem(path, number, 1, f"'{name}' is not a valid user name"))
        elif not _HASH.match(hashed):
            problems.append(UsersProblem(path, number, len(name) + 2, "not a bcrypt hash ($2b$…)"))
        elif name in seen:
            problems.append(UsersProblem(path, number, 1, f"user '{name}' is listed twice"))
        else:
            seen.add(name)
            users.append((name, hashed))
    return users, problems


def hash_password(password: str) -> str:
    import bcrypt  # in the host and test lock sets only

    return bcrypt.hashpw(password.encode("utf-8"), bcrypt.gensalt()).decode("ascii")


def add_user(path: Path, name: str, password: str) -> bool:
    """Add or replace ``name``'s line; returns True if the user existed. The file is 0600."""
    lines = path.read_text(encoding="utf-8-sig").splitlines() if path.exists() else []
    entry = f"{name}:{hash_password(password)}"
    kept = [line for line in lines if line.strip().partition(":")[0] != name]
    replaced = len(kept) != len(lines)
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write("\n".join([*kept, entry]) + "\n")
    temp.replace(path)
    return replaced
