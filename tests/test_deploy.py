"""The systemd unit in deploy/ passes `systemd-analyze verify` and keeps its promises."""

from __future__ import annotations

import configparser
import shutil
import subprocess
from pathlib import Path

import pytest

UNIT = Path(__file__).resolve().parent.parent / "deploy" / "tanyakerja.service"


def _unit() -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(UNIT.read_text(encoding="utf-8"))
    return parser


def test_unit_runs_from_its_home_as_a_dedicated_user_and_restarts() -> None:
    service = _unit()["Service"]
    assert service["User"] == "tanyakerja"
    assert service["Group"] == "tanyakerja"
    assert service["WorkingDirectory"] == "/opt/tanyakerja"
    assert service["EnvironmentFile"] == "/opt/tanyakerja/.env"
    assert service["ExecStart"] == "/opt/tanyakerja/.venv/bin/tanyakerja run"
    assert service["Restart"] == "on-failure"
    assert service["RestartPreventExitStatus"] == "2"  # a bad setting: restarting cannot help
    assert service["UMask"] == "0077"


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze not installed")
def test_systemd_analyze_verify_is_clean(tmp_path: Path) -> None:
    """Verify a copy whose paths exist (verify checks that ExecStart is executable)."""
    venv_bin = tmp_path / ".venv" / "bin"
    venv_bin.mkdir(parents=True)
    (venv_bin / "tanyakerja").write_text("#!/bin/sh\n", encoding="utf-8")
    (venv_bin / "tanyakerja").chmod(0o755)
    for folder in ("data", "corpus"):
        (tmp_path / folder).mkdir()
    (tmp_path / ".env").write_text("", encoding="utf-8")
    unit = tmp_path / "tanyakerja.service"
    unit.write_text(
        UNIT.read_text(encoding="utf-8").replace("/opt/tanyakerja", str(tmp_path)),
        encoding="utf-8",
    )
    done = subprocess.run(
        ["systemd-analyze", "verify", str(unit)], capture_output=True, text=True, timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == ""  # unknown or misspelt settings are only warnings
