"""Getting back in (DESIGN.md section 9b): a link opens again from the same browser at once
after a drop, and the counsellor's console issues a new link for a seat, which ends the old."""

from __future__ import annotations

import asyncio
import json
import time

import pytest

pytest.importorskip("textual_serve", reason="workbook serve needs textual-serve")

from aiohttp import WSMsgType

from tests.serve_helpers import ASKER, STAND_IN, ClientSession, enter, said, start
from workbook.serve.links import Link


async def test_a_dead_connection_is_replaced_at_once() -> None:
    made = await start()
    try:
        async with ClientSession() as session:
            assert await enter(session, made.link()) == 200
            # The first connection goes silent (a phone that lost its network): it never reads
            # again, and never answers the close.
            await made.open(session)
            began = time.monotonic()
            again = await made.open(session)
            took = time.monotonic() - began
            await again.send_str(json.dumps(["resize", {"width": 90, "height": 30}]))
            assert (await said(again)).startswith("meta:")
            assert took < 5, took
            await again.close()
    finally:
        await made.runner.cleanup()


async def test_the_console_issues_a_new_link_that_ends_the_old_one() -> None:
    from workbook.serve.links import with_console

    links = with_console([Link("couple", STAND_IN, "the couple's workbook")], ASKER)
    made = await start(links=links)
    try:
        async with ClientSession() as couple, ClientSession() as counsellor:
            old = made.link()
            assert await enter(couple, old) == 200
            window = await made.open(couple)
            heard = asyncio.ensure_future(window.receive(timeout=30))
            assert await enter(counsellor, made.link("console")) == 200
            console = await made.open(counsellor, name="console")
            answer = json.loads((await said(console)).removeprefix("meta:"))
            assert answer["type"] == "workbook_link"
            assert answer["seat"] == "couple"
            assert answer["title"] == "the couple's workbook"
            # The old window is closed, and its cookie and token open nothing any more.
            closed = await heard
            assert closed.type in (WSMsgType.CLOSE, WSMsgType.CLOSED), closed
            assert await enter(couple, made.base + "/couple") == 403
            assert await enter(couple, old) == 403
            assert answer["url"] != old
            assert answer["url"] == made.link()
            # The new link opens in another browser.
            async with ClientSession() as elsewhere:
                assert await enter(elsewhere, answer["url"]) == 200
                assert await enter(elsewhere, made.base + "/couple") == 200
            await console.close()
    finally:
        await made.runner.cleanup()


async def test_only_the_console_may_ask_and_never_for_itself() -> None:
    from workbook.serve.links import with_console

    asking_seat = Link("couple", ["env", "ASK_FOR=console", *STAND_IN], "the couple's workbook")
    links = with_console([asking_seat], ["env", "ASK_FOR=console", *STAND_IN])
    made = await start(links=links)
    try:
        tokens = {name: link.token for name, link in made.server.links.items()}
        async with ClientSession() as session:
            assert await enter(session, made.link()) == 200
            assert await enter(session, made.link("console")) == 200
            for name in ("couple", "console"):
                websocket = await made.open(session, name=name)
                await websocket.send_str(json.dumps(["resize", {"width": 90, "height": 30}]))
                assert "resize" in await said(websocket)
                await websocket.close()
        assert {name: link.token for name, link in made.server.links.items()} == tokens
    finally:
        await made.runner.cleanup()
