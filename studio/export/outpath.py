"""Where an export may be written: never over its own input, never over a file without asking.

UI-free checks the CLI (and any other front end) runs before it starts work, so
a mistake costs nothing: ``render a.zip -o a.zip`` would otherwise replace the
creator's X archive with the images.
"""
from __future__ import annotations

import os
import signal
import stat
from collections.abc import Iterable
from pathlib import Path

from .report import ExportError


def check_output(out: Path, inputs: Iterable[Path | None] = (), *, force: bool = False) -> None:
    """ExportError when ``out`` is one of ``inputs``, is not a file or folder, or exists and ``force`` is off."""
    out = Path(out)
    for source in inputs:
        if source is not None and _same_file(out, Path(source)):
            raise ExportError(f"{out} is also the input; writing there would replace it. Choose another output path")
    try:
        info = out.stat()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise ExportError(f"cannot use {out}: {exc.strerror or exc}") from None
    if not (stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode)):
        raise ExportError(f"{out} is not a regular file (a device, pipe or socket); choose a file or folder name")
    if force:
        return
    if stat.S_ISREG(info.st_mode):
        raise ExportError(f"{out} already exists; add --force to replace it, or choose another name")
    if any(out.iterdir()):
        raise ExportError(f"the folder {out} is not empty; add --force to replace the images in it, "
                          "or choose another folder")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet)
        return a.resolve() == b.resolve()


def stop_cleanly_on_sigterm() -> None:
    """Turn SIGTERM into SystemExit, so a killed export removes its temporary file like Ctrl+C does."""
    if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _exit)


def _exit(signum, frame) -> None:  # noqa: ARG001 - the signal handler's signature
    raise SystemExit(128 + signum)
