"""The `verify` command and `python -m verify`.

The CLI is imported inside ``main`` so that Ctrl-C while its modules load (the
first half second of a run) is reported like Ctrl-C at any later moment.
"""

import signal
import sys

from verify.errors import INTERRUPTED_EXIT


def main() -> None:
    try:
        from verify.cli import cli

        cli(prog_name="verify")
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        raise SystemExit(INTERRUPTED_EXIT) from None
    finally:
        # The command has finished and said so: a Ctrl-C while the interpreter shuts
        # down would otherwise end it by the signal, hiding the exit status.
        signal.signal(signal.SIGINT, signal.SIG_IGN)


if __name__ == "__main__":
    main()
