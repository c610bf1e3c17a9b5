"""Progress bars on stderr for long work (reading sources, checking claims), only
when stderr is a terminal: a pipe or a log file gets no bar characters."""

from __future__ import annotations

import sys
from typing import Any, TextIO

import click


class Progress:
    """A callback ``(done, total)`` drawing one bar per run of work under ``label``;
    called again after a run finished, it starts a new bar."""

    def __init__(self, label: str, file: TextIO | None = None) -> None:
        self.label = label
        self.file = file or sys.stderr
        self.enabled = self.file.isatty()
        self.bar: Any = None

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total <= 0:
            return
        if self.bar is None:
            self.bar = click.progressbar(length=total, label=self.label, file=self.file)
            self.bar.__enter__()
        self.bar.update(done - self.bar.pos)
        if done >= total:
            self.bar.__exit__(None, None, None)
            self.bar = None
