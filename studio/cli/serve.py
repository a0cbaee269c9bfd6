"""``carousel-studio serve``: open the studio in the browser (also what plain ``carousel-studio`` does)."""
from __future__ import annotations

import argparse
import errno
import ipaddress
import socket
import sys

from ..share.access import TOKEN_ENV, TokenError, choose_token
from ..share.link import lan_address, print_share_link, share_link
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
                        help="let people on your network edit with you: listen on every interface (0.0.0.0) "
                             "and print a link with an access token, and a QR code for phones")
    parser.add_argument("--token", default=None,
                        help=f"the access token for --share (default: ${TOKEN_ENV}, else a new random one)")
    parser.add_argument("--reload", action="store_true",
                        help="for development: restart the server when a .py file of the studio changes "
                             "(needs a source checkout)")


def run(args: argparse.Namespace) -> int:
    if not args.reload:
        from components.allocator import restart_with_c_allocator
        restart_with_c_allocator()  # memory freed by closed pages goes back to the system
    host = args.host or ("0.0.0.0" if args.share else DEFAULT_HOST)
    if not 0 < args.port < 65536:
        raise CliError(f"--port must be between 1 and 65535, not {args.port}")
    token = share_token(args, host)
    check_port_free(host, args.port)
    check_data_dir(args.data_dir)
    url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{args.port}"
    print(f"Carousel Studio is running at {url}  (Ctrl+C stops it)", flush=True)
    if token:
        address = lan_address() if host in ("0.0.0.0", "::") else host
        print_share_link(share_link(address, args.port, token), sys.stdout)
    from components.app import run as run_studio
    from components.app import serve_reloading
    from studio.store import StoreError
    if args.reload:
        try:
            serve_reloading(args.data_dir, host=host, port=args.port, show=not args.no_browser, token=token)
        except FileNotFoundError as exc:  # an installed copy: no main.py to reload
            raise CliError(str(exc)) from None
    options = {"token": token} if token else {}
    try:
        run_studio(args.data_dir, host=host, port=args.port, show=not args.no_browser, **options)
    except StoreError as exc:
        raise CliError(str(exc)) from None
    return 0


def share_token(args: argparse.Namespace, host: str) -> str | None:
    """The access token when others can reach the studio (--share, or any address but loopback)."""
    if not args.share and _loopback(host):
        if args.token:
            raise CliError("--token protects a shared studio; add --share")
        return None
    try:
        return choose_token(args.token)
    except TokenError as exc:
        raise CliError(str(exc)) from None


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


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
