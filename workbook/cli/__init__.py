"""The command line (DESIGN.md section 6): ``parser`` declares it, ``main`` runs it, and each
command is a thin function in a module of its own kind that parses, calls a service and prints.

Exit codes: 0 success, 1 problems found (validate), 2 usage or fatal error, with a message on
stderr and never a traceback. Only the commands that open the workbook import the TUI.
"""

from workbook.cli.main import main

__all__ = ["main"]
