"""Links into the project's code host: "edit this page" and "new file" (a pull request).

Material's convention: an edit link is ``repo_url + edit_uri + path``. Record sources
live outside ``docs_dir`` (``cases/``, ``content/objections/`` …), so here ``path`` is
relative to the project, and ``edit_uri`` (a plugin option) defaults by host:
``edit/<branch>/`` on GitHub, ``-/edit/<branch>/`` on GitLab.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal
from urllib.parse import quote, urlsplit

HostKind = Literal["github", "gitlab", "other"]

_NEW_FILE: dict[str, tuple[str, str, str]] = {
    "github": ("new/{branch}", "filename", "value"),
    "gitlab": ("-/new/{branch}", "file_name", "content"),
}
"""Host → (new-file path under repo_url, file-name parameter, content parameter)."""
_EDIT = {"github": "edit/{branch}/", "gitlab": "-/edit/{branch}/"}


def host_kind(repo_url: str) -> HostKind:
    """GitHub or GitLab (gitlab.com or a self-hosted host with 'gitlab' in its name)."""
    host = (urlsplit(repo_url).hostname or "").lower()
    if host == "github.com" or host.endswith(".github.com"):
        return "github"
    if "gitlab" in host:
        return "gitlab"
    return "other"


@dataclass(frozen=True)
class CodeHost:
    """The repository a site is built from, as far as links into it need."""

    repo_url: str
    branch: str = "main"
    edit_uri: str | None = None
    """Project-relative edit path prefix; None: the host's default (if it has one)."""

    @property
    def kind(self) -> HostKind:
        return host_kind(self.repo_url)

    @property
    def _root(self) -> str:
        return self.repo_url.rstrip("/") + "/"

    def edit_url(self, path: str) -> str | None:
        """Where to edit the project file ``path`` (e.g. ``cases/x.yaml``), if known."""
        prefix = self.edit_uri
        if prefix is None:
            default = _EDIT.get(self.kind)
            if default is None:
                return None
            prefix = default.format(branch=quote(self.branch, safe="/"))
        if not prefix.endswith("/"):
            prefix += "/"
        return self._root + prefix.lstrip("/") + quote(path, safe="/")

    def new_file(self) -> dict[str, str] | None:
        """The host's new-file page and its parameter names (filled in by the browser)."""
        form = _NEW_FILE.get(self.kind)
        if form is None:
            return None
        path, name, content = form
        url = self._root + path.format(branch=quote(self.branch, safe="/"))
        return {"url": url, "name_param": name, "content_param": content}


def code_host(repo_url: str | None, branch: str, edit_uri: str | None) -> CodeHost | None:
    """The code host of ``repo_url`` (mkdocs.yml), or None when it is not set."""
    if not repo_url:
        return None
    return CodeHost(repo_url, branch or "main", edit_uri)
