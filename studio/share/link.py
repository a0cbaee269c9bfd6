"""The share link: this machine's address on the local network, the link with its token, a QR code."""
from __future__ import annotations

import io
import ipaddress
import socket
from typing import TextIO

import segno

from .access import TOKEN_PARAM

# Connecting a UDP socket only picks the route: no packet leaves the machine.
_PRIVATE_PROBES = ("10.255.255.255", "192.168.255.255", "172.31.255.255")


def lan_address() -> str:
    """This machine's address on the local network (loopback when it has none)."""
    for probe_address in _PRIVATE_PROBES:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            try:
                probe.connect((probe_address, 9))
                address = probe.getsockname()[0]
            except OSError:
                continue
        if not ipaddress.ip_address(address).is_loopback and address != "0.0.0.0":
            return address
    return "127.0.0.1"


def share_link(address: str, port: int, token: str) -> str:
    """``http://<address>:<port>/?token=…``: what the others open."""
    host = f"[{address}]" if ":" in address else address
    return f"http://{host}:{port}/?{TOKEN_PARAM}={token}"


def qr_text(link: str) -> str:
    """The link as a QR code drawn with block characters, for a phone to scan off the terminal."""
    out = io.StringIO()
    segno.make(link, error="l", micro=False).terminal(out=out, compact=True, border=2)
    return out.getvalue()


def print_share_link(link: str, out: TextIO) -> None:
    """The link, a QR code and what the token protects, as ``serve --share`` prints them."""
    out.write(f"Shared on your network: {link}\n"
              "Anyone with this link can open and edit the studio; keep it among the people you work with.\n")
    out.write(qr_text(link))
    out.flush()
