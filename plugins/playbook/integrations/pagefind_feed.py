"""Feed pages to Pagefind while the site is being built, instead of indexing it afterwards.

Pagefind's ``--service`` mode (the protocol of its Node and Python APIs: base64 JSON
requests and responses, each followed by a comma, over stdin and stdout) accepts one
HTML document per page. The build sends only each page's searchable fragment, so
Pagefind does not parse the theme's chrome again for every page, and the Pagefind
process indexes on its own core while MkDocs is still writing pages.

The ``pagefind`` package's own asyncio client polls for responses every 0.1 s — a
tenth of a second per page — so this module speaks the same protocol with two threads.
"""

from __future__ import annotations

import base64
import contextlib
import html
import json
import queue
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pagefind.service import get_executable

EXCLUDE_SELECTORS = (".headerlink",)
"""Markdown's permalink anchors ("¶") are chrome, not content."""


class SearchIndexError(RuntimeError):
    """Pagefind failed; the message holds what it said."""


@dataclass(frozen=True)
class IndexReport:
    """What Pagefind wrote: the bundle folder, how many pages it holds, and its size."""

    output: Path
    pages: int
    bytes: int

    @property
    def index_bytes(self) -> int:
        """Bytes of the index proper (fragments, index chunks, filters, meta), without the UI."""
        return sum(
            f.stat().st_size
            for f in self.output.rglob("*")
            if f.is_file() and (f.suffix.startswith(".pf_") or f.parent != self.output)
        )


def page_document(fragment: str, *, language: str) -> str:
    """The HTML document Pagefind reads for one page: its language and searchable fragment."""
    return f'<!DOCTYPE html><html lang="{html.escape(language)}"><body>{fragment}</body></html>'


class PagefindFeed:
    """A running ``pagefind --service`` building one index from pages added one by one.

    :meth:`add` never blocks the caller: requests queue up and a writer thread hands
    them to Pagefind as fast as it reads them. :meth:`start_writing` asks for the bundle
    without waiting, :meth:`result` waits for it (:meth:`write` does both), and
    :meth:`close` stops the process (always call it).
    """

    def __init__(self, *, timeout: float = 600.0) -> None:
        executable = get_executable()
        if executable is None:
            raise SearchIndexError("Pagefind's binary is missing: pip install 'pagefind[extended]'")
        self._timeout = timeout
        self._stderr = tempfile.TemporaryFile()  # noqa: SIM115 - closed in close()
        try:
            self._process = subprocess.Popen(
                [str(executable), "--service"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=self._stderr,
            )
        except OSError as exc:
            self._stderr.close()
            raise SearchIndexError(f"could not start Pagefind: {exc}") from exc
        self._lock = threading.Lock()
        self._next_id = 0
        self._waiting: dict[int, queue.SimpleQueue[dict[str, Any]]] = {}
        self._errors: list[str] = []
        self._pages = 0
        self._added = 0
        self._written: tuple[Path, queue.SimpleQueue[dict[str, Any]]] | None = None
        self._outbox: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self._reader = threading.Thread(target=self._read, name="pagefind-reader", daemon=True)
        self._writer = threading.Thread(target=self._write, name="pagefind-writer", daemon=True)
        self._reader.start()
        self._writer.start()
        config = {"exclude_selectors": list(EXCLUDE_SELECTORS)}
        self._index_id = self._call({"type": "NewIndex", "config": config})["index_id"]

    # ------------------------------------------------------------------ protocol

    def _send(
        self, payload: dict[str, Any], *, reply: bool = False
    ) -> queue.SimpleQueue[dict[str, Any]]:
        answer: queue.SimpleQueue[dict[str, Any]] = queue.SimpleQueue()
        with self._lock:
            self._next_id += 1
            message_id = self._next_id
            if reply:
                self._waiting[message_id] = answer
        request = json.dumps({"message_id": message_id, "payload": payload}).encode("utf-8")
        self._outbox.put(base64.b64encode(request) + b",")
        return answer

    def _call(self, payload: dict[str, Any]) -> dict[str, Any]:
        """Send one request and wait for its answer."""
        return self._check(self._wait(self._send(payload, reply=True)))

    def _wait(self, answer: queue.SimpleQueue[dict[str, Any]]) -> dict[str, Any]:
        try:
            return answer.get(timeout=self._timeout)
        except queue.Empty:
            raise SearchIndexError(f"Pagefind did not answer within {self._timeout:.0f}s") from None

    def _check(self, answer: dict[str, Any]) -> dict[str, Any]:
        if answer.get("type") == "Error":
            raise SearchIndexError(f"Pagefind: {answer.get('message')}{self._log()}")
        return answer

    def _write(self) -> None:
        stdin = self._process.stdin
        assert stdin is not None
        # Everything queued goes out in one write: each write gives up the GIL, and getting
        # it back from a busy MkDocs thread takes up to 5 ms (sys.getswitchinterval()),
        # which one write per page would pay ten thousand times.
        try:
            while True:
                batch = [self._outbox.get()]
                with contextlib.suppress(queue.Empty):
                    while batch[-1] is not None:
                        batch.append(self._outbox.get_nowait())
                stdin.write(b"".join(b for b in batch if b is not None))
                stdin.flush()
                if batch[-1] is None:
                    return
        except (BrokenPipeError, ValueError):
            pass  # the process ended; the reader reports it

    def _read(self) -> None:
        stdout = self._process.stdout
        assert stdout is not None
        pending = b""
        while chunk := stdout.read1(1 << 16):  # type: ignore[attr-defined]
            pending += chunk
            *messages, pending = pending.split(b",")
            for message in messages:
                self._receive(json.loads(base64.b64decode(message)))
        # End of output: wake every caller still waiting, with the reason.
        with self._lock:
            waiting, self._waiting = self._waiting, {}
        for answer in waiting.values():
            answer.put({"type": "Error", "message": "the Pagefind process ended"})

    def _receive(self, response: dict[str, Any]) -> None:
        payload = response.get("payload") or {}
        with self._lock:
            answer = self._waiting.pop(response.get("message_id") or -1, None)
            if payload.get("type") == "IndexedFile":
                self._pages += 1
            elif payload.get("type") == "Error" and answer is None:
                self._errors.append(str(payload.get("message")))
        if answer is not None:
            answer.put(payload)

    def _log(self) -> str:
        self._stderr.seek(0)
        text = self._stderr.read().decode("utf-8", "replace").strip()
        return f"\n{text}" if text else ""

    # ------------------------------------------------------------------ public API

    def add(self, url: str, document: str) -> None:
        """Queue one page (see :func:`page_document`) under its site-relative ``url``."""
        self._added += 1
        self._send(
            {
                "type": "AddFile",
                "index_id": self._index_id,
                "url": url,
                "file_path": None,
                "file_contents": document,
            }
        )

    def start_writing(self, output: Path) -> None:
        """Ask Pagefind to write the bundle to ``output`` once every queued page is indexed.

        Returns at once; :meth:`result` waits for the bundle. No page may be added after this.
        """
        request = {"type": "WriteFiles", "index_id": self._index_id, "output_path": str(output)}
        self._written = (output, self._send(request, reply=True))

    def result(self) -> IndexReport:
        """Wait for the bundle asked for by :meth:`start_writing` and check it holds every page."""
        if self._written is None:
            raise RuntimeError("start_writing() was not called")
        output, answer = self._written
        self._check(self._wait(answer))
        with self._lock:
            errors, pages = list(self._errors), self._pages
        if errors:
            shown = "\n".join(errors[:5])
            raise SearchIndexError(f"Pagefind rejected {len(errors)} page(s):\n{shown}")
        if pages != self._added:
            raise SearchIndexError(f"Pagefind indexed {pages} of {self._added} pages{self._log()}")
        size = sum(f.stat().st_size for f in output.rglob("*") if f.is_file())
        return IndexReport(output=output, pages=pages, bytes=size)

    def write(self, output: Path) -> IndexReport:
        """Write the bundle to ``output`` and wait for it."""
        self.start_writing(output)
        return self.result()

    def close(self) -> None:
        """Stop the Pagefind process (idempotent)."""
        self._outbox.put(None)
        if self._process.poll() is None:
            self._process.kill()
        self._process.wait()
        self._reader.join(timeout=5)
        self._writer.join(timeout=5)
        for stream in (self._process.stdin, self._process.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):  # unsent requests of a killed process
                    stream.close()
        self._stderr.close()

    def __enter__(self) -> PagefindFeed:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def build_index(documents: Iterable[tuple[str, str]], output: Path) -> IndexReport:
    """Index ``(url, document)`` pairs into a fresh bundle at ``output`` (replaced)."""
    with PagefindFeed() as feed:
        for url, document in documents:
            feed.add(url, document)
        if output.exists():
            shutil.rmtree(output)
        return feed.write(output)
