"""The footer's keys as drawn: each one whole, inside the footer and clear of every other key
(the palette's, docked at one end, included). Used by the language walks (``language_walk``),
which look at every screen they visit."""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


def footer_keys_cut(app: App[Any]) -> list[str]:
    """The footer's keys on screen that are not whole: run past the footer's edge or under
    another key, compared by the regions they are drawn in. A phone's footer shows the rows of
    keys it has room for: a key wholly below them is not shown at all, and not cut."""
    found = []
    for footer in app.screen.query(Footer):
        area = footer.region
        if not footer.display or not area.area:
            continue
        keys = [
            (key, key.region)
            for key in footer.query(FooterKey)
            if key.display and key.region.area and key.region.y < area.bottom
        ]
        for number, (key, region) in enumerate(keys):
            name = f"{key.key_display} {key.description}".strip()
            if not area.contains_region(region):
                found.append(f"footer key {name!r} at {region} runs past the footer at {area}")
            found.extend(
                f"footer key {name!r} at {region} runs under {other.key_display!r} at {place}"
                for other, place in keys[number + 1 :]
                if region.overlaps(place)
            )
    return found


def drawn(footer: Any) -> bool:
    """Whether ``footer`` (a ``KeysFooter``) has fitted the keys in force to the screen's width
    and they are laid out: its keys are new widgets each time they change, with no place on
    screen until the first layout after they were fitted."""
    return bool(footer.fitted) and all(
        key.region.area for key in footer.query(FooterKey) if key.display
    )
