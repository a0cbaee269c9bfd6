"""Opt-in probes for ``benchmarks/load.py --trace DIR`` and ``--stalls FILE`` (never loaded otherwise).

Put on ``PYTHONPATH`` of the studio server by load.py only when one of them is given.

``--trace``: starts tracemalloc (``$CS_LOAD_TRACE_FRAMES`` frames a trace, 1; 0: not at all, so the server runs at
its own speed) and, on SIGUSR1, collects and writes to ``$CS_LOAD_TRACE_DIR``: a tracemalloc snapshot, object counts
by type, NiceGUI's live clients and glibc's heap figures. load.py diffs them (before / during / after).

With ``CS_LOAD_HEAP_MAP=1`` as well, each dump also maps the main heap page by page (``heapmap.py``): which live
blocks keep which resident pages, and which of them are new since the first dump.

``--stalls``: a thread posts a callback to the server's event loop every few milliseconds; while one waits
longer than ``STALL_SAMPLE_S``, it samples the loop thread's stack. Every wait over ``STALL_LOG_S`` is written
to ``$CS_LOAD_STALL_LOG`` as JSON lines (when, how long, the stacks seen most): what held up every request.
Works with any event loop (uvicorn runs uvloop, which has no Python-level callback hook).
"""
from __future__ import annotations

import os

_DIR = os.environ.get("CS_LOAD_TRACE_DIR")
_STALL_LOG = os.environ.get("CS_LOAD_STALL_LOG")
STALL_SAMPLE_S = 0.02  # a wait this long is sampled every 5 ms
STALL_LOG_S = 0.05  # and one this long is written down


def _install(folder: str) -> None:
    import ctypes
    import functools
    import gc
    import json
    import signal
    import sys
    import tracemalloc
    from collections import Counter

    frames = int(os.environ.get("CS_LOAD_TRACE_FRAMES", "1"))  # 0: no tracemalloc (counts and heap figures only)
    if frames:
        tracemalloc.start(frames)
    taken = [0]
    stems: list[str] = []  # the heap maps taken (CS_LOAD_HEAP_MAP)

    def dump(*_):
        gc.collect()
        taken[0] += 1
        stem = os.path.join(folder, f"{os.getpid()}-{taken[0]}")
        if os.environ.get("CS_LOAD_HEAP_MAP"):  # which live blocks keep which heap pages (load_probe/heapmap.py);
            # first: what the rest of the dump makes would sit in the map
            import heapmap
            try:
                mapped = heapmap.heap_map(stem, stems[-1] if stems else None)
            except Exception as error:  # the dump still ends (load.py waits for it): the map says why it is empty
                mapped = {"failed": repr(error)}
            stems.append(stem)
            with open(stem + ".heapmap.json", "w") as out:
                json.dump(mapped, out)
        if tracemalloc.is_tracing():
            tracemalloc.take_snapshot().dump(stem + ".snapshot")
        # every object, also those the server's gc.freeze hid (gc.get_objects leaves them out: the counts were of the
        # few dozen made since, so "objects by type, grown" said next to nothing); frozen again after, with the
        # few made since the server's freeze (a dump is taken with no page open)
        young = len(gc.get_objects())
        gc.unfreeze()
        objects = gc.get_objects()
        gc.freeze()
        counts = Counter(type(o).__qualname__ for o in objects)
        # undo states kept, per history (none found when the history was made before the server froze its objects)
        histories = [len(o) for o in objects if type(o).__qualname__ == "History"]
        nicegui = sys.modules.get("nicegui")
        kept_by = []
        if nicegui is not None and not nicegui.Client.instances:  # elements alive with no page open: who holds them
            element = sys.modules["nicegui.element"].Element
            alive = [o for o in objects if isinstance(o, element)]
            del objects
            kept_by = _holders(alive[:1]) if alive else []
            del alive
        else:
            del objects
        caches = {}  # every module-level lru cache's entries (found through the modules: gc.freeze hides them)
        for name, module in list(sys.modules.items()):
            for key, value in list(vars(module).items() if module is not None else ()):
                if isinstance(value, functools._lru_cache_wrapper) and getattr(value, "__module__", None) == name:
                    caches[f"{name}.{key}"] = value.cache_info().currsize
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
            libc.fopen.restype = ctypes.c_void_p
            libc.fopen.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
            libc.fclose.argtypes = [ctypes.c_void_p]
            libc.malloc_info.argtypes = [ctypes.c_int, ctypes.c_void_p]
            report = libc.fopen((stem + ".malloc.xml").encode(), b"w")  # free chunks by size, per arena
            if report:
                libc.malloc_info(0, report)
                libc.fclose(report)
        except (OSError, AttributeError):
            pass
        with open(stem + ".json", "w") as out:
            json.dump({"tasks": _tasks(), "arena_tops": _arena_tops(), "kept_by": kept_by, "clients": clients, "traced": tracemalloc.get_traced_memory(), "heap": heap,
                       "types": counts.most_common(), "objects": sum(counts.values()), "young": young,
                       "histories": histories, "caches": caches}, out)
        with open(stem + ".done", "w"):
            pass

    signal.signal(signal.SIGUSR1, dump)


def _tasks() -> list[str]:
    """The server's live asyncio tasks (a dump runs on the loop's thread): each one's name and the coroutine it is in,
    as "name: coroutine (where it waits)"; with no page open only the server's own should be there."""
    import sys
    asyncio = sys.modules.get("asyncio")  # (not imported here: the next dump would count its modules as grown)
    loop = getattr(sys.modules.get("nicegui.core"), "loop", None)
    if loop is None or asyncio is None:
        return []
    found = []
    for task in asyncio.all_tasks(loop):
        coro = task.get_coro()
        frame = getattr(coro, "cr_frame", None)
        where = f"{frame.f_code.co_filename.rsplit('/', 2)[-1]}:{frame.f_lineno}" if frame is not None else "?"
        found.append(f"{task.get_name()}: {getattr(coro, '__qualname__', type(coro).__name__)} ({where})")
    return sorted(found)


HOLDERS_BUDGET_S = 20.0  # each gc.get_referrers walks every object: under tracemalloc a wide search took 5+ minutes


def _holders(start: list, depth: int = 14, budget: float = HOLDERS_BUDGET_S) -> list[str]:
    """A chain of referrers from an object up to something no object refers to (a module's globals, a frame, a
    C-level root), described: breadth-first over ``gc.get_referrers``, the probe's own frames and lists skipped.
    Past ``budget`` seconds the search stops: the chain then ends at the last object reached, marked so."""
    import gc
    import sys
    import time
    import types
    give_up = time.monotonic() + budget
    me = sys._getframe()
    seen = {id(start), id(me)}
    parents = {id(start[0]): None}
    objects = {id(start[0]): start[0]}
    frontier = [start[0]]
    seen.update((id(parents), id(objects)))
    found, stopped = None, False
    for _ in range(depth):
        following = []
        for obj in frontier:
            if time.monotonic() > give_up:
                found, stopped = (found if found is not None else obj), True
                break
            every = [r for r in gc.get_referrers(obj) if r is not frontier and r is not following and id(r) not in
                     (id(parents), id(objects), id(start)) and not (isinstance(r, types.FrameType) and
                                                                     r.f_code.co_filename == __file__)]
            if not every and not isinstance(obj, (list, dict)) or isinstance(obj, (types.ModuleType, types.FrameType)):
                found = obj  # nothing refers to it (held from C: a thread's stack, the loop's queues) or a root
                break
            for r in (r for r in every if id(r) not in seen):
                seen.add(id(r))
                parents[id(r)] = id(obj)
                objects[id(r)] = r
                following.append(r)
                if isinstance(r, dict) and "__name__" in r and "__builtins__" in r:  # a module's globals
                    found = r
            if found is not None:
                break
        if found is not None or not following:
            break
        frontier = following[:400]
    chain, key = [], id(found) if found is not None else None
    while key is not None:
        obj = objects[key]
        text = repr(obj) if not isinstance(obj, dict) else "dict keys " + repr(list(obj)[:12])
        if isinstance(obj, types.FrameType):
            text = f"frame {obj.f_code.co_filename}:{obj.f_lineno} {obj.f_code.co_name}"
        chain.append(f"{type(obj).__qualname__}: {text[:300]}")
        key = parents.get(key)
    return ([f"(search stopped after {budget:.0f} s)"] if stopped else []) + chain


def _arena_tops() -> list[dict]:
    """The other threads' malloc heaps (64 MB-aligned anonymous mappings) and the free top chunk of each one's
    arena, in KB: ``malloc_trim`` gives back free chunks in bins but leaves a thread arena's top resident, which only
    shrinks when a free leaves it over the trim threshold (glibc 2.36, x86-64 layout; read without the arena's lock,
    so a figure may be a moment old). Empty where that layout cannot be read."""
    import ctypes
    import re
    tops = []
    try:
        with open("/proc/self/maps") as maps:
            for line in maps:
                m = re.match(r"([0-9a-f]+)-([0-9a-f]+) rw-p 00000000 00:00 0\s*$", line)
                if not m or int(m[1], 16) % (64 * 2**20):
                    continue
                start, end = int(m[1], 16), int(m[2], 16)
                arena, _prev, size = (ctypes.c_size_t * 3).from_address(start)
                if not start < arena < start + 4096:  # only an arena's first heap holds its malloc_state
                    continue
                top = ctypes.c_size_t.from_address(arena + 96).value  # malloc_state.top: after 16 bytes and 10 bins
                if not start <= top < start + size:
                    continue
                top_size = ctypes.c_size_t.from_address(top + 8).value & ~7
                tops.append({"heap_kb": size // 1024, "mapped_kb": (end - start) // 1024,
                             "top_kb": top_size // 1024, "top_at_kb": (top - start) // 1024})
    except (OSError, ValueError):
        return []
    return tops


def _watch_stalls(path: str) -> None:
    import collections
    import json
    import re
    import sys
    import threading
    import time
    import traceback

    here = os.getcwd() + os.sep  # the studio runs from its project folder

    def short(filename: str) -> str:
        """A file under the project, a package or the standard library, named from there."""
        filename = filename.removeprefix(here).rsplit("site-packages/", 1)[-1]
        return re.sub(r"^.*/lib/python3\.\d+/", "", filename)

    def frames(stack) -> list[str]:
        kept = [f for f in traceback.extract_stack(stack)
                if "asyncio" not in f.filename and "<frozen" not in f.filename]
        return [f"{short(f.filename)}:{f.lineno} {f.name}" for f in kept[-14:]]

    def idle(stack: tuple[str, ...]) -> bool:
        """A thread waiting for work or input (a pool's idle worker, a selector, a sleep)."""
        return stack[-1].split(" ")[0].startswith(("threading.py", "queue.py", "selectors.py", "concurrent/")) \
            or stack[-1].endswith((" sleep", " wait", " select", " accept", " get"))

    def cpu_ms(ident: int) -> float:
        """CPU milliseconds a thread of this process has used (0 once it has ended)."""
        try:
            return time.clock_gettime(time.pthread_getcpuclockid(ident)) * 1000
        except (OSError, AttributeError, OverflowError):
            return 0.0

    def watch() -> None:
        loop = None
        while loop is None or not loop.is_running():  # NiceGUI's loop, once the server runs
            time.sleep(0.2)
            loop = getattr(sys.modules.get("nicegui.core"), "loop", None)
        ident: list[int] = []
        loop.call_soon_threadsafe(lambda: ident.append(threading.get_ident()))
        while not ident:
            time.sleep(0.01)
        me = threading.get_ident()
        with open(path, "a", buffering=1) as log:
            while True:
                answered = threading.Event()
                threads = {t.ident: t.name for t in threading.enumerate() if t.ident not in (me, None)}
                used = {thread: cpu_ms(thread) for thread in threads}
                sent = time.perf_counter()
                loop.call_soon_threadsafe(answered.set)
                samples: list[tuple[str, ...]] = []
                others: list[tuple[str, ...]] = []  # what the other threads ran meanwhile (one may hold the GIL)
                by_thread: dict[str, list[tuple[str, ...]]] = collections.defaultdict(list)
                while not answered.wait(0.005):
                    current = sys._current_frames()
                    stack = current.get(ident[0])
                    if stack is not None and time.perf_counter() - sent > STALL_SAMPLE_S:
                        samples.append(tuple(frames(stack)))
                        for thread, other in current.items():
                            if thread not in (ident[0], me) and (busy := tuple(frames(other)[-4:])) \
                                    and not idle(busy):
                                others.append(busy)
                                by_thread[threads.get(thread, str(thread))].append(busy)
                waited = time.perf_counter() - sent
                if waited > STALL_LOG_S:
                    seen = collections.Counter(samples).most_common(3)
                    # CPU each thread used while the loop was held up: the loop's own share says whether it was
                    # busy running a callback or waiting for the interpreter lock another thread held
                    spent = sorted(((round(cpu_ms(t) - before), threads[t]) for t, before in used.items()),
                                   reverse=True)
                    log.write(json.dumps({
                        "at": time.time() - waited, "ms": round(waited * 1000),
                        "loop_cpu_ms": next((ms for ms, name in spent if name == threads.get(ident[0])), 0),
                        "threads_cpu_ms": [[name, ms] for ms, name in spent if ms > 2 and
                                           name != threads.get(ident[0])][:4],
                        "thread_stacks": {name: [[n, list(s)] for s, n in collections.Counter(found).most_common(2)]
                                          for name, found in by_thread.items()},
                        "stacks": [[n, list(stack)] for stack, n in seen],
                        "others": [[n, list(stack)] for stack, n in
                                   collections.Counter(others).most_common(3)]}) + "\n")
                time.sleep(0.005)

    threading.Thread(target=watch, name="stall watcher", daemon=True).start()
    threading.Thread(target=_time_emits, args=(path,), name="emit timer", daemon=True).start()
    threading.Thread(target=_sample_queues, args=(path,), name="queue sampler", daemon=True).start()


def _time_emits(path: str) -> None:
    """Once NiceGUI is imported: every emit of an event (one edit reaching every page) that took over 20 ms
    of the loop is written to the stall log: how long, how many pages heard it, the longest page's share."""
    import json
    import sys
    import time

    while "nicegui.event" not in sys.modules:
        time.sleep(0.05)
    time.sleep(0.5)  # the module finished importing
    event = sys.modules["nicegui.event"]
    original = event.Event.emit

    def emit(self, *args, **kwargs):
        start = time.perf_counter()
        times = []
        invoke = event._invoke_and_forget

        def timed(callback, *a, **k):
            began = time.perf_counter()
            try:
                return invoke(callback, *a, **k)
            finally:
                times.append(time.perf_counter() - began)
        event._invoke_and_forget = timed
        try:
            return original(self, *args, **kwargs)
        finally:
            event._invoke_and_forget = invoke
            took = time.perf_counter() - start
            if took > 0.02:
                with open(path, "a") as log:
                    log.write(json.dumps({"emit": type(args[0]).__name__ if args else "", "at": time.time() - took,
                                          "ms": round(took * 1000, 1), "listeners": len(times),
                                          "each_ms": sorted((round(t * 1000, 1) for t in times), reverse=True)})
                              + "\n")

    event.Event.emit = emit


QUEUE_EVERY_S = 0.5


def queue_lengths(relays, loop=None) -> dict[str, int]:
    """What waits in the server's queues now: page deliveries in the studio's relays (``relay``), NiceGUI's outboxes
    of the open pages (``outbox_messages``: messages not yet sent, ``outbox_updates``: elements to send,
    ``history``: messages kept to send again after a reconnection), Engine.IO packets waiting for their socket's
    writer (``socket_packets``), the loop's tasks, the default thread pool's waiting work and the saves pending.
    Read from another thread without locks: a figure may be a moment old."""
    import sys
    found = {"relay": sum(r.waiting for r in list(relays)), "pages": 0, "outbox_messages": 0, "outbox_messages_max": 0,
             "outbox_updates": 0, "history": 0, "socket_packets": 0, "socket_packets_max": 0}
    nicegui = sys.modules.get("nicegui")
    for client in list(nicegui.Client.instances.values()) if nicegui else ():
        outbox = getattr(client, "outbox", None)
        if outbox is None:
            continue
        found["pages"] += 1
        found["outbox_messages"] += len(outbox.messages)
        found["outbox_messages_max"] = max(found["outbox_messages_max"], len(outbox.messages))
        found["outbox_updates"] += len(outbox.updates)
        found["history"] += len(outbox.message_history)
    core = sys.modules.get("nicegui.core")
    eio = getattr(getattr(core, "sio", None), "eio", None)
    for socket in list(getattr(eio, "sockets", {}).values()):
        waiting = socket.queue.qsize() if getattr(socket, "queue", None) is not None else 0
        found["socket_packets"] += waiting
        found["socket_packets_max"] = max(found["socket_packets_max"], waiting)
    if loop is not None:
        import asyncio
        found["tasks"] = len(asyncio.all_tasks(loop))
        executor = getattr(loop, "_default_executor", None)
        found["thread_work"] = executor._work_queue.qsize() if executor is not None else 0
    studio = getattr(sys.modules.get("components.app"), "_current", None)
    saver = getattr(studio, "autosaver", None)
    found["saves_pending"] = len(getattr(saver, "_pending", ()))
    return found


def _sample_queues(path: str) -> None:
    """Every ``QUEUE_EVERY_S``: the queue lengths (``queue_lengths``) written to the stall log as a ``queues`` line,
    so load.py can say whether anything piled up without bound while the server fell behind, and drained after."""
    import json
    import sys
    import time
    import weakref

    while "components.relay" not in sys.modules or not hasattr(sys.modules["components.relay"], "Relay"):
        time.sleep(0.05)
    relay = sys.modules["components.relay"].Relay
    relays = weakref.WeakSet()
    emit = relay.emit

    def noted(self, *args, **kwargs):  # the relays are found as they hand on their first event
        relays.add(self)
        return emit(self, *args, **kwargs)

    relay.emit = noted
    while True:
        loop = getattr(sys.modules.get("nicegui.core"), "loop", None)
        try:
            found = queue_lengths(relays, loop if loop is not None and loop.is_running() else None)
        except Exception as error:  # a structure changed size while read: the next sample
            found = {"failed": repr(error)}
        with open(path, "a") as log:
            log.write(json.dumps({"queues": found, "at": time.time()}) + "\n")
        time.sleep(QUEUE_EVERY_S)


if _DIR:
    _install(_DIR)
if _STALL_LOG:
    _watch_stalls(_STALL_LOG)
