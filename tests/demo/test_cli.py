"""The console script's contract: usage errors exit 2."""

import subprocess
import sys


def _run(*args):
    return subprocess.run([sys.executable, "-m", "saferplace.cli", *args], capture_output=True, text=True,
                          timeout=120)


def test_unknown_command_is_a_usage_error():
    result = _run("no-such-command")
    assert result.returncode == 2 and "unknown command" in result.stderr


def test_bad_option_value_is_a_usage_error():
    result = _run("due", "--on", "31/12/2024")
    assert result.returncode == 2 and "YYYY-MM-DD" in result.stderr


def test_negative_window_is_a_usage_error():
    assert _run("due", "--within", "-3").returncode == 2
