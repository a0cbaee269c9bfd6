"""``carousel-studio serve``: open the studio in the browser (also what plain ``carousel-studio`` does)."""
from __future__ import annotations

import argparse
import errno
import socket

from . import CliError, check_data_dir

HELP = "open the studio in your browser (the default command)"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8080


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default=None,
                        help=f"address to listen on (default: {DEFAULT_HOST}, this computer only)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default: {DEFAULT_PORT})")
    parser.add_argument("--no-browser", action="store_true", help="do not open a browser tab")
    parser.add_argument("--share", action="store_true",
                        help="listen on every network interface (0.0.0.0) and print the address others "
                             "on your network can open; there is no password, so use it on trusted networks")


def run(args: argparse.Namespace) -> int:
    host = args.host or ("0.0.0.0" if args.share else DEFAULT_HOST)
    if not 0 < args.port < 65536:
        raise CliError(f"--port must be between 1 and 65535, not {args.port}")
    check_port_free(host, args.port)
    check_data_dir(args.data_dir)
    url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{args.port}"
    print(f"Carousel Studio is running at {url}  (Ctrl+C stops it)", flush=True)
    if host in ("0.0.0.0", "::"):
        print(f"On your network: http://{lan_address()}:{args.port}  (no password: trusted networks only)",
              flush=True)
    from components.app import run as run_studio
    from studio.store import StoreError
    try:
        run_studio(args.data_dir, host=host, port=args.port, show=not args.no_browser)
    except StoreError as exc:
        raise CliError(str(exc)) from None
    return 0


def check_port_free(host: str, port: int) -> None:
    """Bind a socket first, so a taken port gives one clear line instead of a server traceback."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server does: ignore TIME_WAIT
            probe.bind((host, port))
    except OSError as exc:
        if exc.errno in (errno.EADDRINUSE, errno.EACCES):
            raise CliError(f"port {port} on {host} is already in use (is the studio already running?); "
                           f"choose another with --port, e.g. --port {port + 1}") from None
        raise CliError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None


def lan_address() -> str:
    """This machine's address on the local network (no packet is sent)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))
            return probe.getsockname()[0]
        except OSError:
            return "127.0.0.1"
