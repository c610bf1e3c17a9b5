"""A one-entry cache keyed by the identity of its source.

Every claim of a check run is compared with the same facts, so an index over
them is built once and reused while the same object comes back. The source is
kept alive with its index, so its id cannot be reused by another object; a
caller passes a tuple, or a list it does not change afterwards.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

S = TypeVar("S")
T = TypeVar("T")


class LastBuilt(Generic[S, T]):
    def __init__(self, build: Callable[[S], T]) -> None:
        self.build = build
        self.last: tuple[S, T] | None = None

    def __call__(self, source: S) -> T:
        if self.last is not None and self.last[0] is source:
            return self.last[1]
        built = self.build(source)
        self.last = (source, built)
        return built
