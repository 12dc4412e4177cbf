"""Pages that hold under a strict Content-Security-Policy and stay out of search engines.

The theme writes a few inline scripts (Material's ``__md_scope`` helpers, its tab
restore, optional palette or consent scripts). A CSP of ``script-src 'self'`` blocks
them, so each is moved, unchanged, into a content-addressed file under
``assets/playbook/inline/`` and loaded from there at the same place in the page: a
classic ``<script src>`` runs at the same point of parsing as the inline one did.
JSON data blocks (``type="application/json"``) are not scripts and stay in place.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable

INLINE_PREFIX = "assets/playbook/inline/"
"""Site folder of the scripts moved out of pages."""

_SCRIPT = re.compile(r"<script(\s[^>]*)?>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_SRC = re.compile(r"\bsrc\s*=", re.IGNORECASE)
_EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}
_ROBOTS = '<meta name="robots" content="noindex">'


def script_uri(body: str) -> str:
    """Site path of the file holding one inline script (named by its content)."""
    return f"{INLINE_PREFIX}{hashlib.sha256(body.encode('utf-8')).hexdigest()[:20]}.js"


def externalise_scripts(html: str, link: Callable[[str], str], scripts: dict[str, str]) -> str:
    """Replace every executable inline script by ``<script src>``; record the files in ``scripts``.

    ``link`` turns a site path into the URL the page uses (relative to the page).
    """

    def move(match: re.Match[str]) -> str:
        attrs, body = match[1] or "", match[2]
        kind = _TYPE.search(attrs)
        if _SRC.search(attrs) or (kind and kind[1].lower() not in _EXECUTABLE_TYPES):
            return match[0]
        if not body.strip():
            return match[0]
        uri = script_uri(body)
        scripts[uri] = body
        return f'<script{attrs} src="{link(uri)}"></script>'

    return _SCRIPT.sub(move, html)


def add_noindex(html: str) -> str:
    """Ask search engines not to index the page (idempotent)."""
    if _ROBOTS in html:
        return html
    head_end = html.find("</head>")
    if head_end < 0:
        return html
    return f"{html[:head_end]}{_ROBOTS}\n{html[head_end:]}"
