"""Fault suite, data safety (issue 12): bad input gets one line and its exit status,
and the database holds what it held: never overwritten, never changed by a command
that only reads, never another application's file, intact after Ctrl-C or kill -9."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest
import sqlite_utils
from faults import (
    FIXTURES,
    PROCESS_TIMEOUT,
    TrickleServer,
    error_lines,
    fingerprint,
    interrupt_after,
    run_verify,
    start_verify,
    table_counts,
    verify_command,
)

from verify.store import migrations

ARTICLES, REFERENCES = FIXTURES / "articles", FIXTURES / "references"
# browse --metadata opens the database as browse does, then prints instead of serving.
READ_COMMANDS = [["claims"], ["report"], ["checklist"], ["export"], ["browse", "--metadata"]]


def assert_one_error(done: subprocess.CompletedProcess[str], code: int = 2) -> str:
    assert done.returncode == code, done.stderr
    lines = error_lines(done.stderr)
    assert len(lines) == 1 and lines[0].startswith("error: "), done.stderr
    return lines[0]


@pytest.mark.parametrize("command", ["report", "checklist", "export"])
def test_output_never_overwrites_the_database(command: str, tmp_path: Path, checked: Path) -> None:
    db = checked
    before = fingerprint(db)
    line = assert_one_error(run_verify(command, "--db", str(db), "--output", str(db)))
    assert "is the database" in line
    other = tmp_path / "other.db"
    shutil.copy(db, other)
    line = assert_one_error(run_verify(command, "--db", str(db), "--output", str(other)))
    assert "is a SQLite database" in line
    assert fingerprint(db) == before and fingerprint(other) == fingerprint(db)


def test_a_bad_output_path_is_refused_before_any_work(tmp_path: Path) -> None:
    db = tmp_path / "claims.db"
    out = tmp_path / "nodir" / "x.html"
    done = run_verify(
        "check", str(ARTICLES), "--ref", str(REFERENCES), "--db", str(db), "--output", str(out)
    )
    line = assert_one_error(done)
    assert line == f"error: {out}: cannot write (no such directory {out.parent})"
    assert not db.exists()  # nothing fetched, judged or stored


def foreign_database(path: Path) -> str:
    conn = sqlite3.connect(path)
    conn.execute("create table notes (id integer primary key, body text)")
    conn.execute("insert into notes (body) values ('keep me')")
    conn.commit()
    conn.close()
    return fingerprint(path)


@pytest.mark.parametrize(
    "command",
    [
        ["ingest", str(ARTICLES)],
        ["check", str(ARTICLES), "--ref", str(REFERENCES)],
        ["review", "1", "--status", "confirmed"],
        *READ_COMMANDS,
    ],
    ids=lambda c: c[0],
)
def test_another_applications_database_is_refused_and_left_unchanged(
    command: list[str], tmp_path: Path
) -> None:
    path = tmp_path / "app.db"
    before = foreign_database(path)
    line = assert_one_error(run_verify(*command, "--db", str(path)))
    assert line == f"error: {path}: not a verify database (it holds notes): left unchanged"
    assert fingerprint(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["app.db"]


def test_a_file_that_is_no_database_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("shopping list\n")
    line = assert_one_error(run_verify("ingest", str(ARTICLES), "--db", str(path)))
    assert line == f"error: {path}: not a SQLite database, so not verify's: left unchanged"
    assert path.read_text() == "shopping list\n"


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: c[0])
def test_read_only_commands_never_change_the_database(
    command: list[str], tmp_path: Path, checked: Path
) -> None:
    db = checked
    before = fingerprint(db)
    done = run_verify(*command, "--db", str(db))
    assert done.returncode == 0, done.stderr
    assert fingerprint(db) == before


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: c[0])
def test_read_only_commands_never_migrate(command: list[str], tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = sqlite_utils.Database(path)
    migrations.apply(old, stop_before="m006_verdict_findings")
    old.close()
    before = fingerprint(path)
    line = assert_one_error(run_verify(*command, "--db", str(path)))
    assert "written by an older version of verify" in line
    assert fingerprint(path) == before
    # A command that writes upgrades it.
    assert run_verify("ingest", str(ARTICLES), "--db", str(path)).returncode == 0
    assert run_verify("claims", "--db", str(path)).returncode == 0


def test_a_run_with_no_usable_reference_exits_2_and_is_not_recorded(
    tmp_path: Path, checked: Path
) -> None:
    db = checked
    before = table_counts(db)
    report = run_verify("report", "--format", "json", "--db", str(db)).stdout
    typo = str(tmp_path / "refernces")
    done = run_verify("check", str(ARTICLES), "--ref", typo, "--db", str(db))
    assert done.returncode == 2
    assert error_lines(done.stderr) == [
        f"error: {typo}: no such file or directory",
        "error: no usable reference: nothing was checked and no run was recorded",
    ]
    assert table_counts(db) == before
    assert run_verify("report", "--format", "json", "--db", str(db)).stdout == report


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["check", str(ARTICLES), "--ref", str(REFERENCES), "--as-of", "9999-12-31"], "--as-of"),
        (["review", "99999999999999999999999", "--status", "confirmed"], "CLAIM_ID"),
        (["ingest", str(ARTICLES), "--max-bytes", "99999999999999999999"], "--max-bytes"),
        (["ingest", str(ARTICLES), "--timeout", "0"], "--timeout"),
        (["ingest", str(ARTICLES), "--analysis-timeout", "nan"], "--analysis-timeout"),
        (["report", "--run", "99999999999999999999"], "--run"),
    ],
    ids=["as-of", "review-id", "max-bytes", "timeout", "analysis-timeout", "run-id"],
)
def test_out_of_range_arguments_are_one_line_errors(
    args: list[str], says: str, tmp_path: Path, checked: Path
) -> None:
    db = checked
    before = fingerprint(db)
    line = assert_one_error(run_verify(*args, "--db", str(db)))
    assert says in line
    assert fingerprint(db) == before


@pytest.mark.parametrize("seconds", [0.25, 0.5, 0.75, 1.0])
def test_ctrl_c_in_the_first_second_says_interrupted(seconds: float, tmp_path: Path) -> None:
    db = tmp_path / "claims.db"
    # A reference that takes a while keeps the run going past the interrupt.
    with TrickleServer("body", interval=0.2, max_bytes=100) as slow:
        run = start_verify("check", str(ARTICLES), "--ref", slow.url, "--db", str(db))
        code, stderr = interrupt_after(run, seconds)
    if code is None:
        pytest.skip("the check finished before the interrupt")
    assert code == 130, stderr
    assert error_lines(stderr) == ["interrupted"]
    if db.exists():
        table_counts(db)  # a consistent database, whatever it holds


def test_ctrl_c_during_a_fetch_leaves_the_database_as_it_was(tmp_path: Path, checked: Path) -> None:
    db = checked
    before = table_counts(db)
    with TrickleServer("body", interval=0.2, max_bytes=200) as server:
        run = start_verify("check", server.url, "--ref", str(REFERENCES), "--db", str(db))
        code, stderr = interrupt_after(run, 2.0)
    assert (code, error_lines(stderr)) == (130, ["interrupted"])
    assert table_counts(db) == before


def test_kill_9_mid_write_leaves_a_consistent_database(tmp_path: Path, checked: Path) -> None:
    db = checked
    before = table_counts(db)
    pages = tmp_path / "pages"
    pages.mkdir()
    for n in range(40):
        (pages / f"{n:02}.txt").write_text(f"Report {n}: on 3 May 2021 {n + 2} people left. " * 50)
    for delay in (0.8, 1.2, 1.6, 2.0):
        run = subprocess.Popen(verify_command("ingest", str(pages), "--db", str(db)))
        time.sleep(delay)
        run.send_signal(signal.SIGKILL)
        run.wait(timeout=PROCESS_TIMEOUT)
        after = table_counts(db)  # integrity_check passes
        assert after["documents"] in (before["documents"], before["documents"] + 40)
    assert run_verify("claims", "--db", str(db)).returncode == 0


FULL_DISK_SCRIPT = """
set -e
mount -t tmpfs -o size=2m tmpfs "$MNT"
cp "$DB" "$MNT/claims.db"
dd if=/dev/zero of="$MNT/spare" bs=4k count="$SPARE_PAGES" 2>/dev/null || true
dd if=/dev/zero of="$MNT/filler" bs=4k 2>/dev/null || true
rm "$MNT/spare"
set +e
"$@" --db "$MNT/claims.db" > "$OUT" 2> "$ERR"
echo $? > "$CODE"
cp "$MNT/claims.db" "$DB.after"
"""


# No room at all (the WAL cannot even be opened), or some room that the write outgrows.
@pytest.mark.parametrize("spare_pages", [0, 50])
def test_a_full_disk_is_one_line_and_the_database_is_intact(
    spare_pages: int, tmp_path: Path, checked: Path
) -> None:
    if shutil.which("unshare") is None:
        pytest.skip("unshare is missing: no private tmpfs to fill")
    db = checked
    before = table_counts(db)
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    files = {name: tmp_path / name for name in ("OUT", "ERR", "CODE")}
    env = {"MNT": str(mnt), "DB": str(db), "SPARE_PAGES": str(spare_pages)}
    env.update({k: str(v) for k, v in files.items()})
    big = tmp_path / "big.txt"
    big.write_text("On 3 May 2021 the council of Lisbon counted 12 votes. " * 20_000)
    done = subprocess.run(
        ["unshare", "-m", "sh", "-c", FULL_DISK_SCRIPT, "sh", *verify_command("ingest", str(big))],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=PROCESS_TIMEOUT,
    )
    if done.returncode != 0 or not files["CODE"].exists():
        pytest.skip(f"cannot mount a private tmpfs here: {done.stderr.strip()[:200]}")
    assert files["CODE"].read_text().strip() == "2"
    [line] = error_lines(files["ERR"].read_text())
    assert line.startswith("error: ") and "the disk is full" in line, line
    assert table_counts(Path(f"{db}.after")) == before
