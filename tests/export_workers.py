"""The studio's export with workers a test makes (a thread pool standing in for the worker processes)."""
from __future__ import annotations

from typing import TypeVar

from studio.app import exports
from studio.export import images
from studio.export import pdf as export_pdf_module
from studio.export.drawn import DrawnPages

P = TypeVar("P")


def lend_workers(monkeypatch, pool: P) -> P:
    """Every export path draws through ``pool``, with nothing drawn before (a fresh ``DRAWN``)."""
    for module in (exports, export_pdf_module, images):
        monkeypatch.setattr(module, "warm_pool", lambda: pool)
    monkeypatch.setattr(exports, "DRAWN", DrawnPages())
    return pool
