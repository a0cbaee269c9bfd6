"""The studio's own static files (assets/) are served from memory: the same bytes as on disk, the same headers.

The app is started (``user``: main.py with a data folder), but no page is opened: the files are served without one."""
from __future__ import annotations

from components.app import STATIC_ROUTE
from studio import ASSETS_DIR


async def test_every_asset_is_served_as_it_is_on_disk(studio_data, user):
    files = [path for path in ASSETS_DIR.iterdir() if path.is_file()]
    assert files
    for path in files:
        response = await user.http_client.get(f"{STATIC_ROUTE}/{path.name}")
        assert response.status_code == 200, path.name
        assert response.content == path.read_bytes(), path.name
        assert "max-age=" in response.headers["cache-control"]
    css = await user.http_client.get(f"{STATIC_ROUTE}/studio.css")
    assert css.headers["content-type"].startswith("text/css")
    script = await user.http_client.get(f"{STATIC_ROUTE}/svg_view.js")
    assert "javascript" in script.headers["content-type"]


async def test_a_browser_that_has_the_file_gets_not_modified(studio_data, user):
    first = await user.http_client.get(f"{STATIC_ROUTE}/studio.css")
    again = await user.http_client.get(f"{STATIC_ROUTE}/studio.css", headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304 and again.content == b""
    head = await user.http_client.head(f"{STATIC_ROUTE}/studio.css")
    assert head.status_code == 200


async def test_nothing_else_is_served_there(studio_data, user):
    assert (await user.http_client.get(f"{STATIC_ROUTE}/nope.css")).status_code == 404
    secret = (ASSETS_DIR.parent / "pyproject.toml").read_bytes()
    for name in ("..%2Fpyproject.toml", "../pyproject.toml", "%2E%2E/pyproject.toml", "%2E%2E%2Fpyproject.toml"):
        response = await user.http_client.get(f"{STATIC_ROUTE}/{name}")
        assert secret not in response.content, name  # (the studio's page or a 404: never a file beside the assets)
