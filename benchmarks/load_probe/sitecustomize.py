"""Opt-in memory probe for ``benchmarks/load.py --trace DIR`` (never loaded otherwise).

Put on ``PYTHONPATH`` of the studio server by load.py only when ``--trace`` is given. It starts tracemalloc
and, on SIGUSR1, collects and writes to ``$CS_LOAD_TRACE_DIR``: a tracemalloc snapshot, object counts by
type, NiceGUI's live clients and glibc's heap figures. load.py diffs them (before / during / after).
"""
from __future__ import annotations

import os

_DIR = os.environ.get("CS_LOAD_TRACE_DIR")


def _install(folder: str) -> None:
    import ctypes
    import gc
    import json
    import signal
    import sys
    import tracemalloc
    from collections import Counter

    tracemalloc.start(int(os.environ.get("CS_LOAD_TRACE_FRAMES", "1")))
    taken = [0]

    def dump(*_):
        gc.collect()
        taken[0] += 1
        stem = os.path.join(folder, f"{os.getpid()}-{taken[0]}")
        tracemalloc.take_snapshot().dump(stem + ".snapshot")
        counts = Counter(type(o).__qualname__ for o in gc.get_objects())
        nicegui = sys.modules.get("nicegui")
        clients = len(nicegui.Client.instances) if nicegui else -1
        heap = {}
        try:
            class Mallinfo2(ctypes.Structure):
                _fields_ = [(n, ctypes.c_size_t) for n in ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks",
                                                          "fsmblks", "uordblks", "fordblks", "keepcost")]
            libc = ctypes.CDLL("libc.so.6")
            libc.mallinfo2.restype = Mallinfo2
            info = libc.mallinfo2()
            heap = {n: getattr(info, n) for n, _ in Mallinfo2._fields_}
        except (OSError, AttributeError):
            pass
        with open(stem + ".json", "w") as out:
            json.dump({"clients": clients, "traced": tracemalloc.get_traced_memory(), "heap": heap,
                       "types": counts.most_common(200), "objects": sum(counts.values())}, out)
        with open(stem + ".done", "w"):
            pass

    signal.signal(signal.SIGUSR1, dump)


if _DIR:
    _install(_DIR)
