"""A map of glibc's heaps (``CS_LOAD_HEAP_MAP=1`` with ``--trace``): which live blocks keep which pages.

Only with ``PYTHONMALLOC=malloc`` on glibc (x86-64 or arm64: 16-byte chunk headers). Walks the main arena's chunks
from the start of ``[heap]``, reads which pages are resident (``/proc/self/pagemap``) and names the blocks in use
by the Python object that starts in them (a gc-tracked object sits 16 bytes in, 32 with a managed dict; others
at the start). Objects are "new" when they were not there at the first map (the warmed server): a page whose
blocks in use are all new is kept only by what came since.
"""
from __future__ import annotations

import bisect
import ctypes
import gc
import mmap
import os
import struct
import sys
import types
from collections import Counter

PAGE = 4096
KEEP_TOP = 2**40  # malloc_trim's pad: memory it leaves at the top of each heap (so: all of it)


class _Region:
    """A heap's pages: where its bytes and its pagemap entries are copied to, made before the copying so that
    nothing is allocated in the heaps between the trim and the copy (blocks freed then would look in use: a
    fast bin's and Python's free lists' keep their object's type)."""

    def __init__(self, kind: str, start: int, end: int) -> None:
        self.kind, self.start, self.end = kind, start, end
        self.heap = mmap.mmap(-1, end - start)
        self.pagemap = mmap.mmap(-1, (end - start) // PAGE * 8)
        self.resident: list[bool] = []

    def copy(self, pagemap) -> None:
        pagemap.seek(self.start // PAGE * 8)
        pagemap.readinto(self.pagemap)  # before the copy, which maps a page it reads
        buffer = (ctypes.c_char * (self.end - self.start)).from_buffer(self.heap)
        ctypes.memmove(buffer, self.start, self.end - self.start)
        del buffer

    def read(self) -> None:
        entries = memoryview(self.pagemap).cast("Q")
        self.resident = [bool(entry >> 63) for entry in entries]
        del entries


def _chunks(heap: mmap.mmap, start: int, first: int | None = None):
    """(chunk address, size, in use) for each chunk from ``first`` (the main heap's start) up to the top chunk."""
    end = start + len(heap)
    at = (start + 15) & ~15 if first is None else first
    while at + 16 <= end:
        size = struct.unpack_from("<Q", heap, at + 8 - start)[0] & ~7
        if size < 32 or at + size + 16 > end:  # the top chunk (or not a chunk)
            return
        following = at + size
        in_use = bool(struct.unpack_from("<Q", heap, following + 8 - start)[0] & 1)
        yield at, size, in_use
        at = following


class _Objects:
    """Every object gc can reach (also those gc.freeze hid) and the untracked ones they refer to, found by address
    through a sorted table in an anonymous mapping: no Python int per object stays in the heap being mapped."""

    def __init__(self) -> None:
        gc.unfreeze()
        tracked = gc.get_objects()
        gc.freeze()
        # the running functions' locals: their frames are no objects gc lists (nor are static types' dicts:
        # the names those hold show as unreachable str)
        tracked += [frame.f_locals for frame in sys._current_frames().values()]
        seen = {id(o): o for o in tracked}
        todo = tracked
        while todo:  # what untracked containers (tuples of atoms, code objects) hold is found too
            found = []
            for o in todo:
                for r in _referents(o):
                    if id(r) not in seen:
                        seen[id(r)] = r
                        found.append(r)
            todo = found
        del tracked, todo
        self.objects = sorted(seen.values(), key=id)
        del seen
        self.table = mmap.mmap(-1, 8 * max(1, len(self.objects)))
        self.addresses = memoryview(self.table).cast("Q")
        for n, o in enumerate(self.objects):
            self.addresses[n] = id(o)
        self.types = {id(o): o.__qualname__ for o in self.objects if isinstance(o, type)}
        buffers = sorted(_buffers(self.objects))  # (address, object's number, kind): what containers point to
        self.buffer_table = mmap.mmap(-1, 24 * max(1, len(buffers)))
        self.buffers = memoryview(self.buffer_table).cast("Q")
        for n, entry in enumerate(buffers):
            self.buffers[3 * n], self.buffers[3 * n + 1], self.buffers[3 * n + 2] = entry
        self.buffer_count = len(buffers)
        del buffers

    def buffer(self, address: int):
        """(the container, kind) whose item array or table starts at ``address``, or None."""
        lo, hi = 0, self.buffer_count
        while lo < hi:
            mid = (lo + hi) // 2
            if self.buffers[3 * mid] < address:
                lo = mid + 1
            else:
                hi = mid
        if lo < self.buffer_count and self.buffers[3 * lo] == address:
            return self.objects[self.buffers[3 * lo + 1]], BUFFER_KINDS[self.buffers[3 * lo + 2]]
        return None

    def guessed_type(self, user: int, heap: mmap.mmap, start: int) -> str | None:
        """An unreachable object's type (a freed one kept by a free list, or a leak): a known type's address
        where an object's type pointer would be."""
        for offset in (8, 24, 40):
            if user + offset + 8 - start <= len(heap):
                name = self.types.get(struct.unpack_from("<Q", heap, user + offset - start)[0])
                if name:
                    return name
        return None

    def at(self, address: int):
        n = bisect.bisect_left(self.addresses, address, 0, len(self.objects))
        return self.objects[n] if n < len(self.objects) and self.addresses[n] == address else None

    def save(self, path: str) -> None:
        with open(path, "wb") as out:
            out.write(self.addresses[:len(self.objects)].tobytes())


BUFFER_KINDS = ("items of list", "keys of dict", "values of dict", "table of set")


def _buffers(objects: list):
    """(address, number, kind) of the item arrays and tables of lists, dicts and sets (CPython 3.11 layouts)."""
    for n, o in enumerate(objects):
        kind = type(o)
        if kind is list or isinstance(o, list):
            items = ctypes.c_size_t.from_address(id(o) + 24).value
            if items:
                yield items, n, 0
        elif isinstance(o, dict):
            keys, values = (ctypes.c_size_t.from_address(id(o) + at).value for at in (32, 40))
            if keys:
                yield keys, n, 1
            if values:
                yield values, n, 2
        elif isinstance(o, (set, frozenset)):
            table = ctypes.c_size_t.from_address(id(o) + 40).value
            if table and not id(o) < table < id(o) + 256:  # not the small table inside the set
                yield table, n, 3


CODE_PARTS = ("co_consts", "co_names", "co_localsplusnames", "co_linetable", "co_exceptiontable", "co_filename",
              "co_name", "co_qualname")


def _referents(o) -> list:
    """What ``o`` refers to; for a code object (not tracked, no traverse) the parts it keeps."""
    if type(o).__name__ == "code":
        return [getattr(o, name, None) for name in CODE_PARTS]
    return gc.get_referents(o)


def _known(path: str):
    """The addresses saved by ``_Objects.save`` (sorted), read from a mapping."""
    with open(path, "rb") as saved:
        if os.fstat(saved.fileno()).st_size == 0:
            return []
        table = mmap.mmap(saved.fileno(), 0, access=mmap.ACCESS_READ)
    return memoryview(table).cast("Q")


def _owner(user: int, objects: _Objects):
    for offset in (0, 16, 32):
        o = objects.at(user + offset)
        if o is not None:
            return o
    return None


def _label(o) -> str:
    kind = type(o)
    name = f"{kind.__module__}.{kind.__qualname__}" if kind.__module__ != "builtins" else kind.__qualname__
    if isinstance(o, str):
        return f"str {o[:40]!r}"
    if isinstance(o, bytes):
        return f"bytes {len(o) // 1024} KB"
    if isinstance(o, tuple) and o and all(isinstance(x, str) for x in o[:3]):
        return f"tuple of str {o[:3]!r}"
    try:  # a class's or function's name; some objects raise on any attribute asked
        own = o.__name__ if isinstance(o, (type, types.FunctionType, types.ModuleType, types.BuiltinFunctionType)) \
            else None
    except Exception:
        own = None
    return f"{name} {own}" if isinstance(own, str) else name


def heap_map(stem: str, before: str | None) -> dict:
    """For the main heap and the other threads' arenas (``_regions``): pages resident, kept by blocks in use,
    kept only by objects not there at ``before`` (a stem an earlier map saved its addresses under), and what
    keeps the sparse ones. Saves this map's addresses under ``stem``."""
    objects = _Objects()
    objects.save(stem + ".addresses")
    known = _known(before + ".addresses") if before else None
    trim = ctypes.CDLL("libc.so.6").malloc_trim
    trim(0)
    regions = [_Region(*found) for found in _regions()]
    with open("/proc/self/pagemap", "rb", buffering=0) as pagemap:
        trim(KEEP_TOP)  # what was freed since goes back too, but no heap shrinks: the regions stay as read
        for region in regions:
            region.copy(pagemap)
    mapped: dict[str, dict] = {}
    for region in regions:
        region.read()
        kind, start, end, resident, heap = region.kind, region.start, region.end, region.resident, region.heap
        chunks = list(_chunks(heap, start, first=_first_chunk(heap, start) if kind == "arenas" else None))
        region = _region_map(start, end, resident, chunks, objects, known, heap, stem, before)
        previous = mapped.get(kind)
        mapped[kind] = region if previous is None else _added(previous, region)
    return mapped


def _regions() -> list[tuple[str, int, int]]:
    """("heap", start, end) of ``[heap]`` and ("arenas", start, end) of each other arena's heap: a 64 MB-aligned
    anonymous mapping (its used part, as its ``heap_info`` says)."""
    found = []
    lines = open("/proc/self/maps").read().splitlines()
    for n, line in enumerate(lines):
        fields = line.split()
        start, end = (int(x, 16) for x in fields[0].split("-"))
        if line.rstrip().endswith("[heap]"):
            found.append(("heap", start, end))
        elif len(fields) == 5 and start % ARENA_BYTES == 0 and fields[1].startswith("rw") and n + 1 < len(lines):
            following = lines[n + 1].split()
            if following[1].startswith("---") and int(following[0].split("-")[1], 16) - start == ARENA_BYTES:
                size = ctypes.c_size_t.from_address(start + 16).value  # heap_info: ar_ptr, prev, size
                found.append(("arenas", start, start + min(size, end - start)))
    return found


ARENA_BYTES = 64 * 2**20


def _first_chunk(heap: mmap.mmap, start: int) -> int:
    """Where an arena heap's chunks start (after its heap_info, and the arena's state in its first heap): the
    first 16-byte offset from which the chunk sizes lead exactly to the heap's end."""
    end = start + len(heap)
    for first in range(start + 32, min(end, start + 8192), 16):
        at = first
        while at + 16 <= end:
            size = struct.unpack_from("<Q", heap, at + 8 - start)[0] & ~7
            if size < 32 or size % 16 or at + size > end:
                break
            at += size
        if at == end:
            return first
    return end


def _region_map(start, end, resident, chunks, objects, known, heap, stem, before) -> dict:
    used = [0] * len(resident)  # bytes in use per page
    new_used = [0] * len(resident)
    keepers: dict[int, list[tuple[str, int, bool]]] = {}
    for at, size, in_use in chunks:
        if not in_use:
            continue
        o = _owner(at + 16, objects)
        new = o is not None and known is not None and not _in(known, id(o))
        label = _label(o) if o is not None else _unnamed(at + 16, size, objects, known, heap, start)
        for page in range((at - start) // PAGE, min(len(resident), (at + size - 1 - start) // PAGE + 1)):
            lo, hi = max(at, start + page * PAGE), min(at + size, start + (page + 1) * PAGE)
            used[page] += hi - lo
            if new:
                new_used[page] += hi - lo
            keepers.setdefault(page, []).append((label, size, new))
    kept = [p for p, r in enumerate(resident) if r and used[p]]
    with open(f"{stem}.kept-{start:x}", "wb") as out:  # the kept pages' addresses, for a later map
        out.write(b"".join((start + p * PAGE).to_bytes(8, "little") for p in kept))
    kept_before = _known(f"{before}.kept-{start:x}") if before and os.path.exists(f"{before}.kept-{start:x}") else None
    newly = [p for p in kept if kept_before is not None and not _in(kept_before, start + p * PAGE)]
    only_new = [p for p in kept if new_used[p] == used[p]]
    sparse = [p for p in kept if used[p] < PAGE // 4]
    return {"heap_mb": (end - start) / 2**20, "resident_pages": sum(resident), "kept_pages": len(kept),
            "resident_unused_pages": sum(1 for p, r in enumerate(resident) if r and not used[p]),
            "pages_only_new": len(only_new), "sparse_pages": len(sparse),
            "in_use_mb": sum(used) / 2**20, "new_in_use_mb": sum(new_used) / 2**20,
            "fill": Counter(min(4, used[p] * 4 // PAGE) for p in kept),
            "on_sparse_pages": Counter(label for p in sparse for label, _, _ in keepers[p]),
            "on_pages_only_new": Counter(label for p in only_new for label, _, _ in keepers[p]),
            "newly_kept_pages": len(newly), "newly_kept_sparse_pages": sum(1 for p in newly if used[p] < PAGE // 4),
            "on_newly_kept_sparse_pages": Counter(label for p in newly if used[p] < PAGE // 4
                                                  for label, _, _ in keepers[p])}


def _unnamed(user: int, size: int, objects, known, heap, start) -> str:
    """A block no object starts in: a container's items or table (whose container is new or old), an unreachable
    object of a guessed type, or raw memory of that size."""
    owner = objects.buffer(user)
    if owner is not None:
        container, kind = owner
        age = "new" if known is not None and not _in(known, id(container)) else "old"
        return f"{kind} ({age})"
    guessed = objects.guessed_type(user, heap, start)
    type_at_8 = struct.unpack_from("<Q", heap, user + 8 - start)[0] if user + 16 - start <= len(heap) else 0
    if guessed == "str" and known is not None and objects.types.get(type_at_8) == "str":
        # what it says (compact ASCII: its characters 48 bytes in)
        text = bytes(heap[user + 48 - start:user + min(size - 16, 88) - start]).split(b"\0")[0]
        length, state = struct.unpack_from("<QB", heap, user + 16 - start)[0], heap[user + 32 - start]
        return f"unreachable str {text[:32].decode('latin-1')!r}" if text else \
            f"unreachable str of {min(length, 999)} (state {state:#x})"
    return f"unreachable {guessed}" if guessed else f"raw {_size_class(size)}"


def _added(a: dict, b: dict) -> dict:
    return {k: a[k] + b[k] for k in a}


def _size_class(size: int) -> str:
    for bound in (32, 64, 128, 256, 512, 1024, 4096, 16384, 65536):
        if size <= bound:
            return f"<= {bound} B"
    return "> 64 KB"


def _in(table, address: int) -> bool:
    n = bisect.bisect_left(table, address)
    return n < len(table) and table[n] == address
