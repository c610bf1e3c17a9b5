"""The tool's exception hierarchy.

The CLI catches ``VerifyError`` and prints its message on one line; any other
exception is a bug and is allowed to show a traceback.
"""


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
