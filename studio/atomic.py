"""Atomic writes: a file is replaced whole or not at all.

The new content goes to a hidden temporary file in the target's folder, is
flushed to disk, and is renamed over the target; a crash leaves the old file or
the new one, never a mix, and a failed write leaves no temporary file behind.
Every writer uses this: the store's JSON and images, kit files, font files,
exports and the export progress file.
"""
from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator
from pathlib import Path


def temp_name(path: Path) -> Path:
    """The temp file used while writing ``path``: hidden, same folder, one per process and thread."""
    return path.with_name(f".{path.name}.tmp-{os.getpid()}-{threading.get_ident()}")


@contextlib.contextmanager
def replacing(target: Path, tmp: Path | None = None, *, durable: bool = True) -> Iterator[Path]:
    """Yield a temporary path (``tmp``, else ``temp_name(target)``) to write; when the block succeeds it
    replaces ``target``, flushed to disk first if ``durable``. On failure the temporary file is removed."""
    tmp = Path(tmp) if tmp is not None else temp_name(target)
    try:
        yield tmp
        if durable:
            with open(tmp, "rb") as f:
                os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if durable:
        fsync_dir(target.parent)


def atomic_write(path: Path, data: bytes, *, keep_backup: bool = False, durable: bool = True) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves the old or the new file, never a mix.

    ``keep_backup`` then writes the same bytes, the same way, to ``<name>.bak``:
    a second copy of the last good state (its own inode, so damage to one
    file never reaches the other) to recover from when the first is damaged.
    ``durable=False`` skips the flush to disk (a progress file rewritten many times a second).
    """
    for target in (path, path.with_name(path.name + ".bak")) if keep_backup else (path,):
        with replacing(target, durable=durable) as tmp:
            tmp.write_bytes(data)


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
