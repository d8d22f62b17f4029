"""``workbook serve``: the workbook in a browser. ``address`` says where it may listen,
``links`` holds the private links and decides who may come in (tokens, cookies, Origin), and
``server`` wires that into textual-serve. Only ``server`` imports textual-serve."""
