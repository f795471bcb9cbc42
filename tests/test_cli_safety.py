"""The command line when things go wrong: internal errors, where output goes, empty selections.

An unexpected exception is one line and exit 2, its traceback only with --debug or
CROSSCHECK_DEBUG; --output writes through symlinks, streams to devices and FIFOs, and takes -
for standard output; a selection that leaves no rule, or a --scheduler without Dask, is a
usage error.
"""

from __future__ import annotations

import io
import json
import os
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from conftest import MINI, RULE_SECTIONS
from crosscheck import Severity
from crosscheck.cli import cli, main
from crosscheck.engine import Context
from crosscheck.findings import Violation
from crosscheck.output import write_output
from crosscheck.registry import Lifecycle, rule
from test_cli_run import flagging


def _divide(context: Context) -> Iterator[Violation]:
    for claim in context.claims:
        yield Violation(str(len(context.claims) / 0), (claim,))


_divide.__doc__ = "Always fails." + RULE_SECTIONS
STABLE = flagging("TST001", "test.killed", Severity.ERROR, "killed")
PREVIEW = flagging("PRV001", "preview.killed", Severity.INFO, "killed", Lifecycle.PREVIEW)
BROKEN = rule("BRK001", "broken.divide", Severity.ERROR)(_divide)
HINT = "crosscheck --debug or CROSSCHECK_DEBUG=1 shows the traceback"


@pytest.fixture(autouse=True)
def registered_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test here runs the rules above, and none asks for tracebacks by accident."""
    monkeypatch.setattr("crosscheck.registry.load_rules", lambda: (STABLE, PREVIEW))
    monkeypatch.delenv("CROSSCHECK_DEBUG", raising=False)


def exit_status(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    """Run `main` with `args`: its exit status and what it wrote on standard error."""
    with pytest.raises(SystemExit) as exited:
        main(list(args))
    assert isinstance(exited.value.code, int)
    return exited.value.code, capsys.readouterr().err


def invoke(*args: str) -> Result:
    return CliRunner().invoke(cli, ["run", *args])


def boom(*args: object, **kwargs: object) -> None:
    raise RuntimeError("the loader broke\nover two lines")


# -- internal errors --------------------------------------------------------------------------


def test_an_unexpected_exception_is_one_line_and_exit_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A loader that raises ends in one line naming an internal error and --debug; exit 2."""
    monkeypatch.setattr("crosscheck.loading.load", boom)
    status, err = exit_status(capsys, "show", str(MINI))
    assert status == 2
    assert err == (
        "crosscheck: error: internal error: RuntimeError: the loader broke over two lines "
        f"(a bug in crosscheck: please report it; {HINT})\n"
    )


@pytest.mark.parametrize("command", [["run", str(MINI)], ["accept", str(MINI), "--reason", "r"]])
def test_a_failing_rule_exits_2_never_1(
    command: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A rule that raises is one line naming the rule, exit 2 (1 would mean findings)."""
    monkeypatch.setattr("crosscheck.registry.load_rules", lambda: (BROKEN,))
    status, err = exit_status(capsys, *command)
    assert status == 2
    assert err == (
        "crosscheck: error: rule BRK001 (broken.divide) failed: ZeroDivisionError: division by "
        f"zero (a bug in the rule: please report it; {HINT})\n"
    )


def test_debug_prints_the_traceback_then_the_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`crosscheck --debug` prints the full traceback, then the one line; still exit 2."""
    monkeypatch.setattr("crosscheck.registry.load_rules", lambda: (BROKEN,))
    status, err = exit_status(capsys, "--debug", "run", str(MINI))
    assert status == 2
    assert err.startswith("Traceback (most recent call last):\n")
    assert "ZeroDivisionError: division by zero" in err
    assert "in _divide" in err
    assert err.splitlines()[-1].endswith("(a bug in the rule: please report it; "
                                         "see the traceback above)")  # fmt: skip


@pytest.mark.parametrize(
    ("value", "shown"), [("1", True), ("yes", True), ("0", False), ("", False)]
)
def test_the_environment_variable_acts_as_debug(
    value: str, shown: bool, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """CROSSCHECK_DEBUG set to anything but "" or "0" shows the traceback, as --debug does."""
    monkeypatch.setattr("crosscheck.loading.load", boom)
    monkeypatch.setenv("CROSSCHECK_DEBUG", value)
    status, err = exit_status(capsys, "show", str(MINI))
    assert status == 2
    assert ("Traceback (most recent call last)" in err) is shown
    assert len(err.splitlines()) > 1 if shown else len(err.splitlines()) == 1


def test_an_internal_error_through_click_is_exit_2_too(monkeypatch: pytest.MonkeyPatch) -> None:
    """Invoked as a click command (standalone), the group still turns the bug into exit 2."""
    monkeypatch.setattr("crosscheck.loading.load", boom)
    result = CliRunner().invoke(cli, ["show", str(MINI)])
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_a_failing_renderer_is_an_internal_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A renderer that raises is one line saying what crosscheck was doing; exit 2."""
    from crosscheck.render import FORMATS

    def failing(*args: object) -> str:
        raise ValueError("cannot render")

    monkeypatch.setitem(FORMATS, "json", failing)
    status, err = exit_status(capsys, "run", str(MINI), "--format", "json")
    assert status == 2
    assert err.startswith(
        "crosscheck: error: internal error: could not render json output: ValueError: "
        "cannot render (a bug in crosscheck"
    )


def test_a_real_process_exits_2_with_one_line(tmp_path: Path) -> None:
    """In a process of its own, a crash is exit status 2 and one line: no traceback."""
    code = (
        "import crosscheck.loading as loading\n"
        "def boom(*args, **kwargs): raise KeyError('deep inside')\n"
        "loading.load = boom\n"
        "from crosscheck.cli import main\n"
        f"main(['show', {str(MINI)!r}])\n"
    )
    environment = {k: v for k, v in os.environ.items() if k != "CROSSCHECK_DEBUG"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=environment, check=False)  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "crosscheck: error: internal error: KeyError: 'deep inside' "
        f"(a bug in crosscheck: please report it; {HINT})"
    ]


# -- writing ----------------------------------------------------------------------------------


def written(path: Path) -> dict[str, object]:
    document = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(document, dict)
    return document


def test_output_writes_through_a_symlink_to_its_target(tmp_path: Path) -> None:
    """-o LINK writes the file the link names, in that file's folder; the link stays a link."""
    (tmp_path / "out").mkdir()
    (tmp_path / "store").mkdir()
    target = tmp_path / "store" / "findings.json"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "out" / "findings.json"
    link.symlink_to(Path("..") / "store" / "findings.json")
    result = invoke(str(MINI), "--format", "json", "-o", str(link))
    assert result.exit_code == 1, result.stderr
    assert link.is_symlink()
    assert os.readlink(link) == os.path.join("..", "store", "findings.json")
    assert written(target)["version"] == 2
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["findings.json"]
    assert sorted(p.name for p in (tmp_path / "store").iterdir()) == ["findings.json"]


def test_output_through_a_dangling_symlink_creates_its_target(tmp_path: Path) -> None:
    """A symlink to a file not yet there gets the file, as a shell's > would make it."""
    link = tmp_path / "latest.json"
    link.symlink_to("run-1.json")
    assert invoke(str(MINI), "--format", "json", "-o", str(link)).exit_code == 1
    assert link.is_symlink()
    assert written(tmp_path / "run-1.json")["version"] == 2


def test_output_into_a_symlinked_folder_writes_in_the_real_one(tmp_path: Path) -> None:
    """A folder reached through a symlink is written in, the symlink left as it is."""
    (tmp_path / "real").mkdir()
    (tmp_path / "alias").symlink_to("real", target_is_directory=True)
    assert (
        invoke(str(MINI), "--format", "json", "-o", str(tmp_path / "alias" / "f.json")).exit_code
        == 1
    )
    assert (tmp_path / "alias").is_symlink()
    assert written(tmp_path / "real" / "f.json")["version"] == 2


def test_output_streams_into_a_fifo_read_by_another_thread(tmp_path: Path) -> None:
    """-o FIFO writes into the FIFO its reader reads, and the FIFO stays a FIFO."""
    fifo = tmp_path / "findings.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def read() -> None:
        with fifo.open("rb") as stream:
            received.append(stream.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    result = invoke(str(MINI), "--format", "json", "-o", str(fifo))
    reader.join(timeout=30)
    assert not reader.is_alive()
    assert result.exit_code == 1, result.stderr
    assert json.loads(received[0])["version"] == 2
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["findings.fifo"]


def test_output_to_dev_null_leaves_the_device_a_device() -> None:
    """-o /dev/null succeeds (exit 1: findings) and /dev/null is still a character device."""
    result = invoke(str(MINI), "-o", "/dev/null")
    assert result.exit_code == 1, result.stderr
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert result.stderr.endswith("; written to /dev/null\n")


def test_dash_is_standard_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """-o - prints to standard output, as no --output does, and writes no file named '-'."""
    monkeypatch.chdir(tmp_path)
    result = invoke(str(MINI), "--format", "json", "-o", "-")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["version"] == 2
    assert list(tmp_path.iterdir()) == []


def _run_to_dev_stdout(stdout: int | io.BufferedWriter) -> subprocess.CompletedProcess[bytes]:
    """`crosscheck run MINI -o /dev/stdout` in a process of its own, with its own rules."""
    command = [sys.executable, "-m", "crosscheck", "run", str(MINI), "--format", "json",
               "--fail-on", "never", "-o", "/dev/stdout"]  # fmt: skip
    return subprocess.run(command, stdout=stdout, stderr=subprocess.PIPE, check=False)


def test_dev_stdout_prints_into_a_pipe() -> None:
    """-o /dev/stdout, with standard output a pipe, prints the output there."""
    result = _run_to_dev_stdout(subprocess.PIPE)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["version"] == 2


def test_dev_stdout_appends_where_the_shell_redirected(tmp_path: Path) -> None:
    """-o /dev/stdout with `>>` into a file writes after what is there, replacing nothing."""
    log = tmp_path / "log.txt"
    log.write_bytes(b"earlier\n")
    inode = log.stat().st_ino
    with log.open("ab") as stream:
        result = _run_to_dev_stdout(stream)
    assert result.returncode == 0, result.stderr
    first, rest = log.read_bytes().split(b"\n", 1)
    assert first == b"earlier"
    assert json.loads(rest)["version"] == 2
    assert log.stat().st_ino == inode


def test_a_regular_file_is_still_replaced_atomically(tmp_path: Path) -> None:
    """A regular file is replaced by a new one (renamed into place), keeping its permissions."""
    target = tmp_path / "findings.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    before = target.stat().st_ino
    assert invoke(str(MINI), "--format", "json", "-o", str(target)).exit_code == 1
    assert target.stat().st_ino != before
    assert target.stat().st_mode & 0o777 == 0o640
    assert written(target)["version"] == 2
    assert [p.name for p in tmp_path.iterdir()] == ["findings.json"]


def test_a_symlink_loop_is_one_line_and_exit_2(tmp_path: Path) -> None:
    """-o into a loop of symlinks is one line naming the path, and exit 2."""
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    result = invoke(str(MINI), "-o", str(tmp_path / "a"))
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: cannot write {tmp_path / 'a'}: Too many levels of symbolic links\n"
    )


def test_write_output_takes_dash_and_refuses_a_folder(tmp_path: Path) -> None:
    """`write_output` sends - to the stream given, and will not write over a folder."""
    stream = io.BytesIO()
    write_output("-", [b"a", b"b"], stdout=stream)
    assert stream.getvalue() == b"ab"
    (tmp_path / "folder").mkdir()
    (tmp_path / "link").symlink_to("folder")
    with pytest.raises(IsADirectoryError):
        write_output(tmp_path / "link", b"x")
    assert list((tmp_path / "folder").iterdir()) == []


# -- usage ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--select", "TST", "--ignore", "TST001"],
         "--select TST --ignore TST001 leaves no rule to run: it removes every rule --select "
         "chose"),
        (["--ignore", "test,preview"],
         "--ignore test,preview leaves no rule to run: it removes every rule that would run"),
        (["--ignore", "test"],
         "--ignore test leaves only preview rules; add --preview to run them"),
        (["--select", "PRV"], "--select PRV chose only preview rules; add --preview to run them"),
        (["--scheduler", "tcp://localhost:8786"],
         "--scheduler needs --engine dask: only a Dask run uses a scheduler; add --engine dask "
         "or leave --scheduler out"),
    ],
)  # fmt: skip
def test_a_selection_of_nothing_is_a_usage_error(
    options: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Options that leave nothing to run, or that would be ignored, are one line and exit 2."""
    status, err = exit_status(capsys, "run", str(MINI), *options)
    assert status == 2
    assert err == f"crosscheck run: error: {message} (see 'crosscheck run --help')\n"


def test_no_registered_rule_is_one_line_and_exit_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """With no rule registered at all, a run says so instead of passing silently."""
    monkeypatch.setattr("crosscheck.registry.load_rules", tuple)
    status, err = exit_status(capsys, "run", str(MINI))
    assert status == 2
    assert err == (
        "crosscheck run: error: expected rules to run, found none registered (reinstall "
        "crosscheck)\n"
    )


# -- problems in order ------------------------------------------------------------------------


def test_bulk_problems_are_listed_in_numeric_line_order(tmp_path: Path) -> None:
    """Broken lines 9, 225 and 1000 are listed in that order, not as text sorts them."""
    from crosscheck import load
    from crosscheck.bulk import dump_bulk

    folder = tmp_path / "bulk"
    dump_bulk(load(MINI), folder)
    claims = folder / "claims.jsonl"
    lines = claims.read_text(encoding="utf-8").splitlines()
    lines += [""] * (1000 - len(lines))
    for number in (1000, 9, 225):
        lines[number - 1] = "[]"
    claims.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["show", str(folder)])
    assert result.exit_code == 2
    numbers = [line.split(": ")[1] for line in result.stderr.splitlines()[:-1]]
    assert numbers == ["line 9", "line 225", "line 1000"]
