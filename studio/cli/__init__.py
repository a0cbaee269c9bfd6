"""The ``carousel-studio`` command.

Each sub-command is a module in this package exposing ``HELP``, ``register(parser)``
and ``run(args) -> int``; they are found at start-up so adding a command touches
nothing else. Expected failures raise ``CliError`` and print one ``error: …`` line
with exit code 2; a traceback never reaches the user.
"""
from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
import unicodedata
from pathlib import Path

from ..graphemes import clusters_of

DEFAULT_COMMAND = "serve"


class CliError(Exception):
    """A problem with the user's input; printed as ``error: <message>``, exit code 2."""


def default_data_dir() -> Path:
    """Where profiles, presets and projects live unless --data-dir says otherwise."""
    import os
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "carousel-studio"


def check_data_dir(path: Path) -> Path:
    """Create the data folder if needed; CliError in plain words when it cannot be used."""
    import os
    if path.exists() and not path.is_dir():
        raise CliError(f"the data folder {path} is a file; give a folder with --data-dir")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CliError(f"cannot create the data folder {path} ({exc.strerror or exc}); "
                       "give a folder you can write to with --data-dir") from None
    if not os.access(path, os.W_OK | os.X_OK):
        raise CliError(f"the data folder {path} is not writable; give another with --data-dir")
    return path


def print_table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    """Print rows as left-aligned columns under a header (lined up as a terminal draws them: an accent adds no
    column, an emoji or a CJK letter takes two)."""
    widths = [max(_width(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  ".join(str(v) + " " * (w - _width(str(v))) for v, w in zip(row, widths)).rstrip())


def _width(text: str) -> int:
    """Terminal columns of ``text``: each letter (grapheme cluster) 1, or 2 when wide; marks and joiners 0."""
    return sum(_cluster_width(g) for g in clusters_of(text))


def _cluster_width(cluster: str) -> int:
    if all(unicodedata.category(ch) in ("Mn", "Me", "Cf") for ch in cluster):
        return 0
    wide = ("\ufe0f" in cluster or any(unicodedata.east_asian_width(ch) in "WF" for ch in cluster)
            or "\U0001F1E6" <= cluster[0] <= "\U0001F1FF")  # a flag: two regional indicators, drawn 2 wide
    return 2 if wide else 1


def _commands() -> dict[str, object]:
    found = {}
    for info in pkgutil.iter_modules(__path__):
        if not info.name.startswith("_"):
            module = importlib.import_module(f"{__name__}.{info.name}")
            if hasattr(module, "register") and hasattr(module, "run"):
                found[info.name] = module
    return found


class _Parser(argparse.ArgumentParser):
    """Wrong arguments give one ``error:`` line (and the way to help), not a usage block."""

    def error(self, message: str):  # type: ignore[override]
        self.exit(2, f"error: {message} (see: {self.prog} --help)\n")


def build_parser() -> tuple[argparse.ArgumentParser, dict[str, object]]:
    commands = _commands()
    parser = _Parser(
        prog="carousel-studio",
        description="Turn an X thread into a LinkedIn PDF carousel and Instagram slides.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module in sorted(commands.items()):
        p = sub.add_parser(name, help=module.HELP, description=module.HELP)
        p.add_argument("--data-dir", type=Path, default=None,
                       help=f"folder for profiles, presets and projects (default: {default_data_dir()})")
        module.register(p)
    return parser, commands


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser, commands = build_parser()
    if not argv or (argv[0].startswith("--") and argv[0] not in ("--help", "-h")):
        argv.insert(0, DEFAULT_COMMAND)
    args = parser.parse_args(argv)
    if args.command not in commands:
        parser.print_help()
        return 2
    if args.data_dir is None:
        args.data_dir = default_data_dir()
    try:
        return int(commands[args.command].run(args) or 0)
    except CliError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
