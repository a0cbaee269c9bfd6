"""Atomic output: build beside the target, then os.replace, so a failed export leaves nothing.

Files go through ``studio.atomic.replacing`` like every other write.

A file is written to a hidden temporary file in the target's folder; a folder of
images is built in a hidden temporary folder. Only a complete result is moved
into place. An existing output folder is replaced only when it holds nothing but
files an export writes (numbered images and alt-text.txt) — never someone's other files.
"""
from __future__ import annotations

import contextlib
import glob
import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from ..atomic import replacing
from .report import ExportError

STALE_AFTER_SECONDS = 3600  # older temporary files beside a target are leftovers, not a running export
_EXPORT_FILE = re.compile(r"^(\d{2,3}\.(png|jpg|jpeg|svg)|alt-text\.txt)$")


def check_writable_target(target: Path) -> None:
    """ExportError when the target's folder is missing or not writable."""
    folder = target.parent
    if not folder.is_dir():
        raise ExportError(f"the folder {folder} does not exist; create it or choose another output path")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ExportError(f"cannot write to {folder}; choose an output path in a folder you can write to")
    if target.is_dir() and target.suffix:
        raise ExportError(f"{target} is a folder; choose a file name")


@contextlib.contextmanager
def atomic_file(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success it replaces ``target``."""
    target = Path(target)
    check_writable_target(target)
    _remove_stale(target)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(fd)
    with replacing(target, Path(tmp_name)) as tmp:
        yield tmp
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it private; an export is an ordinary file


@contextlib.contextmanager
def atomic_folder(target: Path) -> Iterator[Path]:
    """Yield a temporary folder beside ``target``; on success it becomes ``target``."""
    target = Path(target)
    check_writable_target(target)
    if target.exists() and not target.is_dir():
        raise ExportError(f"{target} is a file; choose a folder name or a .zip/.pdf path")
    if target.is_dir():
        strangers = [p.name for p in target.iterdir() if not _EXPORT_FILE.match(p.name)]
        if strangers:
            raise ExportError(f"the folder {target} holds other files ({strangers[0]}…); "
                              "choose an empty or new folder")
    _remove_stale(target)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent))
    try:
        yield tmp
        os.chmod(tmp, 0o777 & ~_umask())
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=target.parent))
            os.replace(target, old / "previous")
            os.replace(tmp, target)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _remove_stale(target: Path) -> None:
    """Remove what an export killed outright (power cut, SIGKILL) left beside this target."""
    cutoff = time.time() - STALE_AFTER_SECONDS
    for leftover in target.parent.glob(f".{glob.escape(target.name)}.*"):
        if leftover.suffix in (".part", ".old") and leftover.lstat().st_mtime < cutoff:
            if leftover.is_dir() and not leftover.is_symlink():
                shutil.rmtree(leftover, ignore_errors=True)
            else:
                leftover.unlink(missing_ok=True)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
