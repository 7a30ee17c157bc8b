"""The command line: one parser, --help everywhere, one-line errors, nothing run by mistake."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from pipelines import cli
from tests.conftest import REPO

COMMANDS = sorted(cli._command_names(cli.build_parser()))
MARKUP = re.compile(r"``|:py:|:func:|:class:|Args:|Returns:")


@pytest.fixture
def no_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any command body that runs fails the test."""

    def boom(args: object) -> int:
        raise AssertionError("a command ran")

    original = cli.build_parser

    def parser_without_bodies() -> cli._Parser:
        parser = original()
        for sub in parser._subparsers._group_actions[0].choices.values():  # type: ignore[union-attr]
            sub.set_defaults(handler=boom)
        return parser

    monkeypatch.setattr(cli, "build_parser", parser_without_bodies)


def test_every_command_is_wired() -> None:
    assert {
        "run",
        "summary",
        "extract-quotes",
        "eval-quotes",
        "resolve-names",
        "eval-entities",
        "eval-html",
        "fuzz",
        "bench",
        "build-gazetteer",
    } <= set(COMMANDS)


def test_top_level_help_lists_commands_and_settings(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--help"]) == 0
    out = capsys.readouterr().out
    for name in COMMANDS:
        assert re.search(rf"^\s+{re.escape(name)}\s+\S", out, re.M), name
    for variable in ("NEWS_WAREHOUSE", "NEWS_MAX_FILE_BYTES", "DAGSTER_HOME"):
        assert variable in out
    assert not MARKUP.search(out)


@pytest.mark.parametrize("command", COMMANDS)
def test_help_of_every_command_runs_nothing(
    command: str, no_run: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main([command, "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: {cli.PROG} {command}")
    assert not MARKUP.search(out), out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["rnu"], "unknown command 'rnu'; did you mean 'run'?"),
        (["frobnicate"], "unknown command 'frobnicate' (commands: run,"),
        (["run", "--bogus-flag"], "python -m pipelines run: unrecognized arguments: --bogus-flag"),
        (["summary", "extra"], "python -m pipelines summary: unrecognized arguments: extra"),
        (["--bogus-flag"], "unrecognized arguments: --bogus-flag"),
        (["resolve-names", "--output", "x.jsonl"], "the following arguments are required: --input"),
        (
            ["resolve-names", "--input", "/no/such.txt", "--output", "x"],
            "no such file: /no/such.txt",
        ),
        (["extract-quotes", "--input", "/", "--output", "x"], "not a file: /"),
        (["eval-entities", "--data", "/no/such/dir"], "no such folder: /no/such/dir"),
        (["eval-entities", "--data", "tests"], "no entities.jsonl in tests"),
        (
            ["eval-entities", "--data", str(REPO / "tests/data/entity_eval_unseen")],
            "it is split: pass one of "
            + ", ".join(str(REPO / "tests/data/entity_eval_unseen" / p) for p in ("dev", "test")),
        ),
        (["fuzz", "--count", "many"], "not a whole number: 'many'"),
        (["eval-html", "--min-f1", "2"], "must be between 0 and 1: 2"),
    ],
)
def test_usage_errors_are_one_line_with_status_2(
    argv: list[str], message: str, no_run: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("error: ") and message in lines[0], lines[0]


def test_output_folder_must_exist(
    tmp_path: Path, no_run: None, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "names.txt"
    src.write_text("Yoon\n", encoding="utf-8")
    argv = ["resolve-names", "--input", str(src), "--output", str(tmp_path / "no" / "out.jsonl")]
    assert cli.main(argv) == 2
    assert "no such folder for the output" in capsys.readouterr().err


def test_no_command_prints_help_and_fails(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([]) == 2
    assert "commands:" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("NEWS_MAX_FILE_BYTES", "20 parsecs", "NEWS_MAX_FILE_BYTES='20 parsecs'"),
        ("NEWS_MAX_FILE_BYTES", "0", "greater than 0"),
        ("NEWS_LOCK_TIMEOUT_S", "soon", "NEWS_LOCK_TIMEOUT_S='soon'"),
    ],
)
def test_bad_setting_is_one_line_before_anything_runs(
    variable: str,
    value: str,
    message: str,
    monkeypatch: pytest.MonkeyPatch,
    no_run: None,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv(variable, value)
    assert cli.main(["summary"]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and err.startswith("error: bad setting: ")
    assert message in err


def _python_m_pipelines(tmp_path: Path, *argv: str, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {
        **os.environ,
        "NEWS_WAREHOUSE": str(tmp_path / "wh" / "warehouse.duckdb"),
        "DAGSTER_HOME": str(tmp_path / "dagster_home"),
        "NEWS_LANDING": str(tmp_path / "landing"),
        **env,
    }
    return subprocess.run(
        [sys.executable, "-m", "pipelines", *argv],
        cwd=REPO,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    ("argv", "env", "status"),
    [
        (["run", "--help"], {}, 0),
        (["run", "--bogus-flag"], {}, 2),
        (["run"], {"NEWS_MAX_FILE_BYTES": "20 parsecs"}, 2),
    ],
)
def test_python_m_pipelines_run_does_not_run_by_mistake(
    tmp_path: Path, argv: list[str], env: dict[str, str], status: int
) -> None:
    proc = _python_m_pipelines(tmp_path, *argv, **env)
    assert proc.returncode == status, proc.stderr
    assert "Traceback" not in proc.stderr
    if status:
        assert len(proc.stderr.splitlines()) == 1, proc.stderr
    # Nothing was created: no warehouse, no Dagster instance.
    assert not (tmp_path / "wh").exists()
    assert not (tmp_path / "dagster_home").exists()


def test_size_settings_accept_units(tmp_path: Path) -> None:
    proc = _python_m_pipelines(
        tmp_path,
        "run",
        "--help",
        NEWS_MAX_FILE_BYTES="20MB",
    )
    assert proc.returncode == 0, proc.stderr


def test_readme_lists_every_command() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    missing = [c for c in COMMANDS if f"python -m pipelines {c}" not in readme]
    assert not missing, f"README's command list lacks {missing}"
