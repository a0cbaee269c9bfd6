"""History: undo and redo over snapshots of a carousel, kept across page reloads.

The editor calls ``record(carousel)`` after every change; ``undo()`` and
``redo()`` hand back copies of earlier and later states. Only the newest
``cap`` states are kept. ``to_doc`` / ``from_doc`` turn a history into JSON-ready
data in which a top-level carousel field that did not change between
snapshots (the source thread, usually) is stored once.

Each state is kept packed (``Packed``): the carousel pickled into one bytes object, its images
(immutable, often megabytes) beside it by reference. A deep copy per state was about 60 objects
(dataclasses, their dicts, lists: 9 KB for the sample), made while pages were being built and
freed around them; the 100 states left after ten people's edits stayed spread over the heap
when the pages went. Packed, a state is one 4.4 KB object (the sample, 100 states: 459 KB).
Ten editors for a minute (``benchmarks/load.py --mode edits``) then left the server's main heap
+12.4-13.0 MB above the warmed server, against +17.9-18.4 MB with deep copies.

The states are kept in two lists, their bytes and their images, not as one ``Packed`` tuple each: a
state's tuple (and its images' tuple, shared with the state before when the images are the same ones) was
a small block made among the pages' objects at every keystroke, and the heap map after ten editors left
(``benchmarks/load_probe/heapmap.py``) found 93 of them on heap pages under a quarter used, kept since the load.

``to_doc`` (the autosave, on its thread, holding the interpreter lock) encodes a slide again only where it
changed since the state before: 100 keystroke states of eleven slides took 47 ms, now 29 ms (medians,
alternated in one process).
"""
from __future__ import annotations

import dataclasses
import io
import json
import pickle
from typing import Any, Callable, NamedTuple

from .carousel import Carousel
from .image import Image
from .project_file import SCHEMA, carousel_from_doc
from .schema import SchemaError, to_dict

DEFAULT_CAP = 100
DOC_SCHEMA = 1


class Packed(NamedTuple):
    """One carousel state: ``data`` its pickle, in which each image is a number into ``images``."""

    data: bytes
    images: tuple[Image, ...]


def pack(carousel: Carousel) -> Packed:
    """The carousel as one bytes object; images are shared, not copied (they never change)."""
    out = io.BytesIO()
    pickler = _Packer(out)
    pickler.dump(carousel)
    return Packed(out.getvalue(), tuple(pickler.images))


def unpack(state: Packed) -> Carousel:
    """A new carousel, equal to the one packed, sharing nothing changeable with it or anyone."""
    return _Unpacker(io.BytesIO(state.data), state.images).load()


class _Packer(pickle.Pickler):
    def __init__(self, out: io.BytesIO) -> None:
        super().__init__(out, protocol=pickle.HIGHEST_PROTOCOL)
        self.images: list[Image] = []

    def persistent_id(self, obj: Any) -> int | None:
        if type(obj) is Image:
            self.images.append(obj)
            return len(self.images) - 1
        return None


class _Unpacker(pickle.Unpickler):
    def __init__(self, data: io.BytesIO, images: tuple[Image, ...]) -> None:
        super().__init__(data)
        self.images = images

    def persistent_load(self, pid: Any) -> Image:
        return self.images[pid]


class History:
    """Carousel states oldest first; ``index`` points at the current one."""

    def __init__(self, initial: Carousel | None = None, cap: int = DEFAULT_CAP) -> None:
        if cap < 2:
            raise ValueError("a history needs room for at least 2 states")
        self.cap = cap
        self._data: list[bytes] = []  # each state's pickle, oldest first
        self._images: list[tuple[Image, ...]] = []  # each state's images, the same tuple as the state before if equal
        self._index = -1
        if initial is not None:
            self.record(initial)

    def __len__(self) -> int:
        return len(self._data)

    def _state(self, at: int) -> Packed:
        return Packed(self._data[at], self._images[at])

    def _states(self) -> list[Packed]:
        return [Packed(*state) for state in zip(self._data, self._images)]

    def _append(self, state: Packed) -> None:
        images = state.images
        if self._images and _same_images(self._images[-1], images):
            images = self._images[-1]
        self._data.append(state.data)
        self._images.append(images)

    def _drop_oldest(self, count: int) -> None:
        del self._data[:count]
        del self._images[:count]

    @property
    def index(self) -> int:
        return self._index

    @property
    def current(self) -> Carousel | None:
        """A copy of the current state (None for an empty history)."""
        return unpack(self._state(self._index)) if self._data else None

    @property
    def can_undo(self) -> bool:
        return self._index > 0

    @property
    def can_redo(self) -> bool:
        return 0 <= self._index < len(self._data) - 1

    def copy(self) -> "History":
        """An independent history sharing the (never changed) snapshots: cheap, for saving on another thread."""
        other = History(cap=self.cap)
        other._data, other._images, other._index = list(self._data), list(self._images), self._index
        return other

    def record(self, carousel: Carousel) -> bool:
        """Remember ``carousel`` as the new current state; drops the redo states.

        Returns False (and records nothing) when it equals the current state.
        """
        state = pack(carousel)
        if self._data and self._same(self._state(self._index), state, carousel):
            return False
        del self._data[self._index + 1:]
        del self._images[self._index + 1:]
        self._append(state)
        overflow = len(self._data) - self.cap
        if overflow > 0:
            self._drop_oldest(overflow)
        self._index = len(self._data) - 1
        return True

    @staticmethod
    def _same(state: Packed, packed: Packed, carousel: Carousel) -> bool:
        """Whether ``carousel`` (packed as ``packed``) equals ``state``: the same bytes are the same carousel;
        other bytes may still be an equal one (a number 1 for 1.0, a text shared or not), so it is unpacked."""
        if state.data == packed.data and state.images == packed.images:
            return True
        return unpack(state) == carousel

    def undo(self) -> Carousel | None:
        """Step back; returns a copy of the earlier state, or None when there is none."""
        if not self.can_undo:
            return None
        self._index -= 1
        return self.current

    def redo(self) -> Carousel | None:
        """Step forward again; returns a copy of the later state, or None when there is none."""
        if not self.can_redo:
            return None
        self._index += 1
        return self.current

    def to_doc(self, encode: Callable[[Any], Any] = to_dict) -> dict[str, Any]:
        """JSON-ready data; ``encode`` turns a field value into JSON data (the store swaps images for files)."""
        parts: list[Any] = []
        seen: dict[str, int] = {}
        snapshots: list[dict[str, int]] = []
        previous: Carousel | None = None
        encoded: dict[str, list[Any]] = {}  # a list field's items as the last state's encoding gave them
        for state in map(unpack, self._states()):
            snap = {}
            for f in dataclasses.fields(state):
                value = getattr(state, f.name)
                before = getattr(previous, f.name) if previous is not None else None
                if previous is not None and before == value:
                    snap[f.name] = snapshots[-1][f.name]  # unchanged since the last state: no encoding
                    continue
                data = _encode_items(value, before, encoded.get(f.name), encode) if type(value) is list \
                    else encode(value)
                if type(value) is list:
                    encoded[f.name] = data
                key = json.dumps(data, sort_keys=True, ensure_ascii=False)
                if key not in seen:
                    seen[key] = len(parts)
                    parts.append(data)
                snap[f.name] = seen[key]
            snapshots.append(snap)
            previous = state
        return {"schema": DOC_SCHEMA, "carousel_schema": SCHEMA, "cap": self.cap,
                "index": self._index, "parts": parts, "snapshots": snapshots}

    @classmethod
    def from_doc(cls, doc: Any, prepare: Callable[[Any], Any] = lambda v: v) -> "History":
        """Rebuild a history; SchemaError says what is wrong. ``prepare`` undoes the store's encoding."""
        if not isinstance(doc, dict) or doc.get("schema") != DOC_SCHEMA:
            raise SchemaError("history: not a history this studio can read")
        try:
            parts, snapshots = doc["parts"], doc["snapshots"]
            cap, index, carousel_schema = int(doc["cap"]), int(doc["index"]), doc["carousel_schema"]
            history = cls(cap=max(cap, 2))
            for snap in snapshots:
                data = {name: prepare(parts[at]) for name, at in snap.items()}
                state = carousel_from_doc({"schema": carousel_schema, "carousel": data})
                history._append(pack(state))
        except (KeyError, TypeError, IndexError, AttributeError, ValueError) as exc:
            if isinstance(exc, SchemaError):
                raise SchemaError(f"history: {exc}") from None
            raise SchemaError(f"history: damaged ({exc.__class__.__name__}: {exc})") from None
        if not history._data:
            return history
        dropped = max(len(history._data) - history.cap, 0)
        history._drop_oldest(dropped)
        history._index = min(max(index - dropped, 0), len(history._data) - 1)
        return history


def _same_images(one: tuple[Image, ...], other: tuple[Image, ...]) -> bool:
    """The same image objects in the same order (by identity: comparing megabytes of pixels is not needed)."""
    return len(one) == len(other) and all(a is b for a, b in zip(one, other))


def _encode_items(items: list, before: Any, encoded: list[Any] | None, encode: Callable[[Any], Any]) -> list[Any]:
    """``encode(items)`` item by item (as both encoders do a list), an item equal to the one at its place in
    ``before`` taken from that state's ``encoded`` list: a keystroke changes one slide of many, and encoding
    every slide of every one of 100 states took a save 60 ms holding the interpreter lock."""
    if not isinstance(before, list) or encoded is None or len(encoded) != len(before):
        return [encode(item) for item in items]
    return [encoded[n] if n < len(before) and before[n] == item else encode(item) for n, item in enumerate(items)]
