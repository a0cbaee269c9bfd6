"""The studio server keeps its small objects in the C library's allocator, which gives freed memory back.

Python's own allocator hands out small objects from 1 MB arenas and returns an arena only once every object
in it is gone. While ten clients loaded pages, a few thousand long-lived objects (FastAPI's route caches,
the regular expressions of each page's upload route, ...) were made among the pages' objects, one in nearly
every arena: the server stayed at 513 MB after they left, against 116 MB before, although the live objects
were back to what they were. With ``PYTHONMALLOC=malloc`` glibc's allocator holds them, and the tidy-up's
``malloc_trim`` (``components.memory``) returns the free pages: 155 MB after. Page builds cost the same CPU
(164 against 165 ms a page, alternated runs), and so do exports (the workers are forked from the server).

The allocator is chosen when the interpreter starts, so ``carousel-studio serve`` starts itself again once.
It then also caps glibc's arenas at two (``MALLOC_ARENA_MAX``). By default every thread that allocates gets
an arena of its own (up to 16 on two cores): the event loop's helper threads (a page's HTML, file reads,
trims) each kept partly used pages of their own after ten editors left, 6-7 MB of the 20 MB the server
stayed above a warmed one (smaps by kind, load.py); with two arenas, 0.5-2.5 MB. Those threads run Python
and take turns on the interpreter lock anyway, so sharing arenas costs them no waiting worth measuring.

Tried and left out (load.py --mode edits --warm 40, one run each, the same code, after - warmed): a fixed mmap
threshold (``MALLOC_MMAP_THRESHOLD_=131072``, so large passing blocks never come from the heap) +19 MB against
+20 MB without; no per-thread caches (``glibc.malloc.tcache_count=0``) +17 MB; one arena (``MALLOC_ARENA_MAX=1``)
+18 MB, all in the main heap. Session 16, two runs each alternated: per-thread caches off again, the arenas
stayed +2.0 / +2.0 MB (+1.8 / -1.6 without) and an edit cost 2 ms more server CPU (23 / 21 ms against 21 / 19):
the arenas' pages left resident hold no block in use (heap map), so no cache keeps them. What stays is pages of the heap each kept by a few blocks made during the load
(the heap map of ``benchmarks/load_probe/heapmap.py``), which no allocator setting moves.

Session 17: those empty resident pages of the helper threads' arena were its free *top*. ``malloc_trim`` gives back
every arena's free chunks but only the main heap's top; a thread arena's top shrinks on a free that leaves it over
the trim threshold, and glibc raises that threshold to twice the largest block the process freed (a page's HTML,
an image: several MB). So the restart also fixes it at glibc's starting 128 KB (``MALLOC_TRIM_THRESHOLD_``; which
keeps the mmap threshold at its starting 128 KB too: larger blocks are mapped and unmapped each time). Ten editors
(load.py --mode edits --warm 40, two pairs alternated with main, a busy machine): +5 / +5 MB on the warmed server
(thread arenas +0.4 / +0.3) against +7 / +7 (+2.3 / +2.4); server CPU an edit 31 / 29 ms against 27 / 30. A thread
freeing 4 MB into its arena's top keeps 8 KB resident after the trim against 4,104 KB (``tests/test_memory_arena_top.py``).
"""
from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path

ALLOCATOR_ENV = "PYTHONMALLOC"
ARENAS_ENV = "MALLOC_ARENA_MAX"  # glibc's; GLIBC_TUNABLES may set it too (glibc.malloc.arena_max)
ARENAS = "2"
TRIM_ENV = "MALLOC_TRIM_THRESHOLD_"  # glibc's; GLIBC_TUNABLES may set it too (glibc.malloc.trim_threshold)
TRIM_THRESHOLD = str(128 * 1024)  # glibc's starting value, kept instead of growing with the largest block freed


@cache  # find_library runs ldconfig in a child process: once per process is enough
def malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim`` (None elsewhere: other C libraries give memory back by themselves or not at all)."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return libc.malloc_trim
    except (OSError, AttributeError):
        return None


def restart_with_c_allocator() -> None:
    """Start this command again, once, with Python's small objects in the C library's allocator.

    Only where glibc can give the memory back, only when this process is the ``carousel-studio`` command
    itself (not a program calling ``studio.cli.main``), and only when nobody chose an allocator already."""
    if os.environ.get(ALLOCATOR_ENV) or malloc_trim() is None or not _is_the_command():
        return
    sys.stdout.flush()
    sys.stderr.flush()
    os.execve(sys.executable, [sys.executable, *sys.orig_argv[1:]], {**os.environ, **c_allocator_env()})


def c_allocator_env() -> dict[str, str]:
    """What the restart adds to the environment: the C library's allocator, two arenas and a fixed trim threshold,
    each unless chosen already."""
    env = {ALLOCATOR_ENV: "malloc"}
    tunables = os.environ.get("GLIBC_TUNABLES", "")
    if ARENAS_ENV not in os.environ and "arena_max" not in tunables:
        env[ARENAS_ENV] = ARENAS
    if TRIM_ENV not in os.environ and "trim_threshold" not in tunables:
        env[TRIM_ENV] = TRIM_THRESHOLD
    return env


def _is_the_command() -> bool:
    """``carousel-studio ...`` or ``python -m studio ...``."""
    import studio
    started_as = Path(sys.argv[0])
    package_main = Path(studio.__file__).resolve().parent / "__main__.py"
    return started_as.name == "carousel-studio" or started_as.resolve() == package_main
