"""`verify browse`: the database in Datasette, with the metadata the package ships."""

from __future__ import annotations

import importlib
import json
import signal
import subprocess
import sys
import tempfile
from pathlib import Path
from types import FrameType

import click

from verify.cli.common import db_option, echo_json, fail, open_existing
from verify.store import datasette_metadata

INSTALL_HINT = "pip install 'verify-claims[browse]'"


@click.command(name="browse", context_settings={"ignore_unknown_options": True})
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to serve on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8001, show_default=True)
@click.option("--metadata", is_flag=True, help="Print the Datasette metadata and exit.")
@click.argument("datasette_args", nargs=-1, type=click.UNPROCESSED)
def browse_command(
    db_path: Path, host: str, port: int, metadata: bool, datasette_args: tuple[str, ...]
) -> None:
    """Browse the database in Datasette (the optional browse extra).

    Tables show their label columns (a claim's text, not its id), facets on
    verdicts, assessments and ratings, JSON columns indented, and canned queries:
    the latest run's contradicted claims, each claim's rating. Arguments after
    -- go to Datasette. --metadata prints the metadata instead, for
    `datasette claims.db -m metadata.json`.

    The database is only read, never migrated: one from an older version of
    verify is an error until a command that writes (ingest, check, review)
    upgrades it.

    Exit status: 0 Datasette stopped normally (or the metadata was printed), 2 no
    such database, one from an older version, Datasette not installed, or usage
    errors; otherwise Datasette's own.

    Example:

        verify browse --db claims.db --port 8001
    """
    # Read-only, like every command that only reads: an older database is refused,
    # not migrated, so the tables are the ones the metadata names.
    open_existing(db_path).close()
    described = datasette_metadata(db_path)
    if metadata:
        echo_json(described)
        return
    try:
        importlib.import_module("datasette")
    except ImportError:
        fail(f"Datasette is not installed: {INSTALL_HINT}")
    with tempfile.TemporaryDirectory(prefix="verify-browse-") as folder:
        metadata_file = Path(folder) / "metadata.json"
        metadata_file.write_text(json.dumps(described, indent=2), encoding="utf-8")
        command = [sys.executable, "-m", "datasette", "serve", str(db_path)]
        command += ["--metadata", str(metadata_file), "--host", host, "--port", str(port)]
        click.echo(f"serving {db_path} on http://{host}:{port}/ (Ctrl-C stops)", err=True)
        code = _serve([*command, *datasette_args])
    raise SystemExit(code)


def _serve(command: list[str]) -> int:
    """Run Datasette until it stops, or until this process is told to stop: Ctrl-C
    reaches both, and a SIGTERM here is passed on, so no Datasette is left behind
    serving the database."""
    server = subprocess.Popen(command)

    def stop(signum: int, frame: FrameType | None) -> None:
        server.terminate()

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        return server.wait()
    except KeyboardInterrupt:
        return server.wait()  # Datasette had the same Ctrl-C and is shutting down
    finally:
        signal.signal(signal.SIGTERM, previous)
