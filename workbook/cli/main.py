"""Running the command line: the parsed command, and every error turned into a message on
stderr and an exit code, never a traceback."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from workbook.cli.output import EXIT_FATAL, EXIT_OK, Fatal, err
from workbook.cli.parser import parser, top_parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    given = sys.argv[1:] if argv is None else list(argv)
    # With no argument at all, every command's parser would be built only to open the app.
    args = (parser() if given else top_parser()).parse_args(given)
    if getattr(args, "lang", None):
        from workbook.i18n.choose import COMMAND_LINE

        # Passed on in the environment, so that the windows workbook serve starts speak it too.
        os.environ[COMMAND_LINE] = args.lang
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    try:
        result: int = args.run(args)
        return result
    except Fatal as error:
        err(f"workbook: {error}")
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as error:
        from workbook.data.durable import SaveError
        from workbook.data.files import DataError
        from workbook.data.key_files import CryptError
        from workbook.service.errors import ServiceError

        if isinstance(error, ServiceError):
            err(f"workbook: {error.message}")
        elif isinstance(error, DataError | SaveError | OSError | CryptError):
            err(f"workbook: {error}")
        else:
            err(f"workbook: unexpected error: {type(error).__name__}: {error}")
    return EXIT_FATAL
