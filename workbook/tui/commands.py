"""The command palette: export, help, "end the session now", "go to step", and on Home editing,
archiving and deleting the highlighted couple, beside Textual's own (theme, quit)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from textual.command import DiscoveryHit, Hit, Hits, Provider

from workbook.tui.plain import line


class WorkbookCommands(Provider):
    def _commands(self) -> list[tuple[str, Callable[[], Any], str]]:
        from workbook.tui.screens.home import HomeScreen
        from workbook.tui.screens.walk import WalkScreen

        app: Any = self.app
        found: list[tuple[str, Callable[[], Any], str]] = [
            (
                "Help",
                app.action_help,
                f"Keys, and how taking turns works ({app.keys_for('app.help', 'f1')})",
            ),
        ]
        screen = self.screen
        if isinstance(screen, WalkScreen):
            # The palette is one more way to move on, and it says which keys do it.
            found.append(
                ("Next", screen.action_next, f"Go on ({app.keys_for('walk.next', 'ctrl+n')})")
            )
            found.append(
                ("Back", screen.action_back, f"Go back ({app.keys_for('walk.back', 'ctrl+b')})")
            )
            found.append(
                (
                    "Export",
                    partial(app.export, screen.couple),
                    "Write the agreement document and this session's summary",
                )
            )
            if not screen.read_only:
                found.append(
                    (
                        "End the session now",
                        screen.action_end_now,
                        "Finish here, after asking; the steps not reached are marked as such",
                    )
                )
            for p, pack in enumerate(screen.walk.packs):
                for s, step in enumerate(pack.steps):
                    title = step.title or step.id
                    found.append(
                        (
                            f"Go to step: {pack.title} › {title}",
                            partial(_go, screen, p, s),
                            f"Step {s + 1} of {len(pack.steps)}",
                        )
                    )
        elif isinstance(screen, HomeScreen) and screen.selected() is not None:
            found.append(
                (
                    "Export",
                    partial(app.export, screen.selected()),
                    "Write the agreement document and the last session's summary",
                )
            )
            archived = screen.highlighted_archived()
            found += [
                ("Edit couple", screen.action_edit, "Their names and facilitator (F2)"),
                (
                    "Bring couple back from the archive" if archived else "Archive couple",
                    screen.action_archive,
                    "Archived couples are hidden from Home unless asked for",
                ),
                ("Delete couple", screen.action_delete, "Every file of theirs, after their names"),
            ]
            found.append(
                (
                    "Facilitate",
                    screen.action_facilitate,
                    "The counsellor's console beside the couple's current session (f)",
                )
            )
        if isinstance(screen, HomeScreen) and app.store.encrypted:
            found.append(
                (
                    "Change passphrase",
                    app.change_passphrase,
                    "A new passphrase for this encrypted workbook; no file is rewritten",
                )
            )
        return found

    # Pack titles are user text: they are shown as plain Content, never through the matcher's
    # highlight(), which reads its candidate as markup.
    async def discover(self) -> Hits:
        for name, callback, help_text in self._commands():
            yield DiscoveryHit(line(name), callback, text=name, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, line(name), callback, text=name, help=help_text)


def _go(screen: Any, pack: int, step: int) -> None:
    screen.run_worker(screen.leave_to(pack, step))
