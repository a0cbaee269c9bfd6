"""A closed page goes in share mode too: nothing the server keeps for every page holds its View."""
from __future__ import annotations

import asyncio
import gc
import re
import weakref

import pytest

pytestmark = pytest.mark.nicegui_main_file("tests/share_main.py")


@pytest.mark.slow
async def test_a_closed_shared_pages_view_goes(studio_data, create_user, testid):
    from components.view import View
    user = create_user()
    user.javascript_rules[re.compile(r".*localStorage\.getItem.*")] = lambda _: "Ada"
    user.javascript_rules[re.compile(r".*sessionStorage\.getItem.*")] = lambda _: None
    await user.open("/")
    views = [weakref.ref(o) for o in gc.get_objects() if isinstance(o, View) and o.client is user.client]
    assert views
    user.client.delete()
    user.client = None
    give_up = asyncio.get_running_loop().time() + 60
    while any(ref() is not None for ref in views) and asyncio.get_running_loop().time() < give_up:
        gc.collect()
        await asyncio.sleep(0.2)
    assert [ref() for ref in views] == [None]
