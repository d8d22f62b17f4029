"""A corpus of hostile and odd text, pushed through every screen and export."""

from __future__ import annotations

HOSTILE: list[str] = [
    "[/]",
    "[@click=app.quit]x[/]",
    "[link=x]y[/link]",
    "[bold red]loud[/]",
    "\x1b[31mred\x1b[0m and \x1b]0;title\x07",
    "</details><script>alert(1)</script>",
    "<b>bold</b> &amp; &#60; &lt;",
    "# heading",
    "| a | b |\n|---|---|\n| c | d |",
    "```\ncode\n```",
    "~~~\nfence\n~~~",
    "- item\n+ item\n* item",
    "1. one\n2) two",
    "para\n===\n---",
    "> quote",
    "[a](http://evil.example) ![i](x.png) <http://evil.example>",
    "*em* _em_ **strong** `code`",
    "back\\slash\\",
    "    indented code",
    "\u202eevil\u202c and \u2066isolate\u2069",
    "zero\u200bwidth\u200djoin",
    "שלום עולם and مرحبا",
    "🙂 👩\u200d❤️\u200d👨 🇳🇿",
    "line one\r\nline two\rline three\u2028four",
    "lone \ud800 surrogate",
    "nul \x00 and bell \x07 and del \x7f and c1 \x9b",
    "{me} {partner} {{}} %s {0}",
    "x" * 100_000,
]
