"""Memory a helper thread freed goes back to the system at the tidy-up's ``malloc_trim``, the top of its arena too.

glibc's ``malloc_trim`` gives back the free chunks of every arena but leaves a thread arena's free top resident;
that top shrinks only when a free leaves it over the trim threshold, which by default grows with the largest
block the process ever freed (to 2 x its size). The studio freed large blocks (page HTML, images), so up to a
few MB stayed resident in the helper threads' arena after ten editors left (``benchmarks/load.py``). The restart
onto the C library's allocator (``components.allocator``) fixes the threshold at glibc's starting value.
"""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from components import allocator

THREAD_FREES = textwrap.dedent("""
    import ctypes, re, threading

    def work():
        big = bytearray(8 * 2**20)  # freed: glibc's default raises its trim threshold to 16 MB
        del big
        block = bytearray(4 * 2**20)  # below the mmap threshold glibc raised with it: from this thread's arena
        block[::4096] = b"x" * len(block[::4096])  # every page resident
        del block  # back into the arena's top, under the threshold: no trim on the free

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    ctypes.CDLL("libc.so.6").malloc_trim(0)  # what the tidy-up does
    kb, arena = 0, False
    for line in open("/proc/self/smaps"):  # resident KB of the other threads' arenas (64 MB-aligned heaps)
        head = re.match(r"([0-9a-f]+)-([0-9a-f]+) (\\S+) \\S+ \\S+ \\d+\\s*(\\S*)$", line)
        if head:
            arena = not head[4] and int(head[1], 16) % 2**26 == 0 and head[3].startswith("rw")
        elif line.startswith("Rss:") and arena:
            kb += int(line.split()[1])
    print(kb)
""")


def _arena_kb(env: dict[str, str]) -> int:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("MALLOC_") and k != "GLIBC_TUNABLES"}
    done = subprocess.run([sys.executable, "-c", THREAD_FREES], env={**clean, **env}, capture_output=True, text=True,
                          timeout=120, check=True)
    return int(done.stdout.split()[-1])


@pytest.mark.slow  # a process of its own
@pytest.mark.skipif(allocator.malloc_trim() is None or not sys.platform.startswith("linux"), reason="glibc only")
def test_a_thread_arenas_free_top_goes_back_at_the_trim(monkeypatch):
    for name in (allocator.ALLOCATOR_ENV, allocator.ARENAS_ENV, allocator.TRIM_ENV, "GLIBC_TUNABLES"):
        monkeypatch.delenv(name, raising=False)
    kept = _arena_kb(allocator.c_allocator_env())
    default = _arena_kb({k: v for k, v in allocator.c_allocator_env().items() if k != allocator.TRIM_ENV})
    print(f"thread arena resident after the trim: {kept} KB, with glibc's growing threshold {default} KB")
    assert kept < 1024  # of the 4 MB the thread freed, at most the threshold (128 KB) and the arena's header stay
