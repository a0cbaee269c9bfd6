"""Sharing the studio on a local network: the access token (``access``), the share link (``link``)
and the merged document every browser edits (``document``).

Nothing here imports NiceGUI: ``access`` is plain ASGI middleware and ``document`` is pure Python
over pycrdt, so both are tested without a browser.
"""
