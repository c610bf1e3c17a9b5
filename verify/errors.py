"""The tool's exception hierarchy.

The CLI catches ``VerifyError`` and prints its message on one line; any other
exception is a bug and is allowed to show a traceback.
"""

# The exit status after Ctrl-C: 128 + SIGINT, as shells report a program it stopped.
INTERRUPTED_EXIT = 130


class VerifyError(Exception):
    """Base class for every error the tool reports to a user."""


class SourceError(VerifyError):
    """A source argument that cannot be used: missing file, empty directory,
    unsupported URL scheme."""


class FetchError(VerifyError):
    """Fetching failed: unreachable host, HTTP error status, too large,
    redirect loop, wrong content type."""


class ExtractError(VerifyError):
    """The content was read but holds no text to work on: empty, binary."""


class StoreError(VerifyError):
    """The database cannot be opened or written."""


class NothingToCheck(VerifyError):
    """A check with no usable article or no usable reference: nothing is judged and
    no run is recorded. ``errors`` are the per-source errors that left nothing."""

    def __init__(self, message: str, errors: list[VerifyError]) -> None:
        super().__init__(message)
        self.errors = errors
