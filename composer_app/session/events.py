"""A small evented model (in the manner of napari's EmitterGroup): named events that views subscribe to."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Callback = Callable[..., Any]


class Event:
    """One kind of change; callbacks run in the order they connected, on the caller's thread."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._callbacks: list[Callback] = []

    def connect(self, callback: Callback) -> Callback:
        if callback not in self._callbacks:
            self._callbacks.append(callback)
        return callback

    def disconnect(self, callback: Callback) -> None:
        if callback in self._callbacks:
            self._callbacks.remove(callback)

    def emit(self, *args: Any) -> None:
        for callback in list(self._callbacks):
            callback(*args)

    def __len__(self) -> int:
        return len(self._callbacks)


class Events:
    """A namespace of events: `Events("changed", "index")` gives `.changed` and `.index`."""

    def __init__(self, *names: str) -> None:
        for name in names:
            setattr(self, name, Event(name))
