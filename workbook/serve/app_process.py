"""One link's app process: textual-serve's ``AppService``, started without a shell, told that it
is served (and, for a partner's own seat, which seat), and stopped within a bound.

textual-serve waits for the app to quit for as long as it takes; an app that never read its
quit message (busy with a hostile frame) kept its link "in use" for minutes. Here the app is
given ``QUIT_WAIT`` seconds to save and quit, then ended.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from textual_serve.app_service import AppService

from workbook.serve.links import DRIVER, SERVED

# Long enough for the app to save and quit on a busy machine; short enough that the link opens
# again at once (the app saves as it goes: what it had not saved is the last second of typing).
QUIT_WAIT = 4.0


class LinkService(AppService):
    """textual-serve's app process, started without a shell and told that it is served."""

    def __init__(
        self,
        argv: Sequence[str],
        *,
        environment: Mapping[str, str] | None = None,
        on_meta: Callable[[dict[str, Any]], Any] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(" ".join(argv), **kwargs)
        self.argv = list(argv)
        self.extra = dict(environment or {})
        # The workbook's own meta messages from the app (the console asking for a new link).
        self.workbook_meta = on_meta

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        environment = super()._build_environment(width, height)
        environment[SERVED] = "1"
        environment["TEXTUAL_DRIVER"] = DRIVER
        environment.update(self.extra)
        return environment

    async def on_meta(self, data: bytes) -> None:
        try:
            meta = json.loads(data)
        except ValueError:
            return
        if (
            isinstance(meta, dict)
            and str(meta.get("type", "")).startswith("workbook_")
            and self.workbook_meta is not None
        ):
            answer = self.workbook_meta(meta)
            if asyncio.iscoroutine(answer):
                await answer
            return
        await super().on_meta(data)

    async def stop(self) -> None:
        if self._task is not None:
            await self._download_manager.cancel_app_downloads(app_service_id=self.app_service_id)
            await self.send_meta({"type": "quit"})
            try:
                await asyncio.wait_for(asyncio.shield(self._task), QUIT_WAIT)
            except TimeoutError:
                self._end_process()
                await self._task
            self._task = None
        # The app has been told to quit and has; it is waited for, so no process is left.
        process = self._process
        if process is not None and process.returncode is None:
            try:
                await asyncio.wait_for(process.wait(), QUIT_WAIT)
            except TimeoutError:
                self._end_process()
                await process.wait()

    def _end_process(self) -> None:
        if self._process is not None and self._process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                self._process.kill()

    async def run(self) -> None:
        await super().run()
        # The app has ended, by quitting or by failing to start: the page says it has closed,
        # instead of showing a screen that no longer answers.
        await self.remote_close()

    async def _open_app_process(self, width: int = 80, height: int = 24) -> Any:
        # The base class runs the command through a shell; a list of arguments needs none, and
        # a data folder's name can then hold any character.
        environment = self._build_environment(width=width, height=height)
        self._process = process = await asyncio.create_subprocess_exec(
            *self.argv,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=environment,
        )
        assert process.stdin is not None
        self._stdin = process.stdin
        return process

    @property
    def pid(self) -> int | None:
        """The app process's id, while it runs."""
        return None if self._process is None else self._process.pid
