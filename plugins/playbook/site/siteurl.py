"""Where the built site lives: ``site_url`` from mkdocs.yml or the PLAYBOOK_SITE_URL variable.

Canonical links and the sitemap are written from it. A build that does not know its
address writes neither (better none than links to the wrong host), and a loopback
address (left over from local previews) counts as unknown outside ``serve``.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from urllib.parse import urlsplit

ENV_VAR = "PLAYBOOK_SITE_URL"


def is_loopback(url: str) -> bool:
    """True for http://127.0.0.1…, http://localhost…, http://[::1]…."""
    host = (urlsplit(url).hostname or "").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def hosted_site_url(
    configured: str | None, environ: Mapping[str, str], *, serving: bool
) -> tuple[str | None, str]:
    """The site_url to build with, and a note for the log ('' when nothing to say)."""
    if serving:  # MkDocs' own preview address
        return configured, ""
    override = environ.get(ENV_VAR, "").strip()
    url = (override.rstrip("/") + "/") if override else (configured or None)
    if url is None:
        return url, ""
    if is_loopback(url):
        source = ENV_VAR if override else "site_url"
        return None, (
            f"{source} is a loopback address ({url}): this build writes no canonical links "
            f"and no sitemap URLs; set {ENV_VAR} or site_url to the address the site is served from"
        )
    return url, ""
