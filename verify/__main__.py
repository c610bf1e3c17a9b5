"""The `verify` command and `python -m verify`.

The CLI is imported inside ``main`` so that Ctrl-C while its modules load (the
first half second of a run) is reported like Ctrl-C at any later moment.
"""

import os
import signal
import sys

from verify.errors import INTERRUPTED_EXIT


def main() -> None:
    try:
        from verify.cli import cli

        cli(prog_name="verify")
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        _exit_interrupted()
    except SystemExit as done:
        if done.code == INTERRUPTED_EXIT:  # a command's own "interrupted"
            _exit_interrupted()
        raise
    finally:
        # The command has finished and said so: a Ctrl-C while the interpreter shuts
        # down would otherwise end it by the signal, hiding the exit status.
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def _exit_interrupted() -> None:
    """Exit 130 at once. A Ctrl-C in the first second, handled here, still ended
    about one run in ten by SIGINT (status -2) once the interpreter shut down: CPython
    keeps a flag for a KeyboardInterrupt that passed through code it runs itself
    (imports under way) and reads it only at exit. Nothing is open for writing here:
    a command's transaction has rolled back before the interrupt reaches ``main``."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(INTERRUPTED_EXIT)


if __name__ == "__main__":
    main()
