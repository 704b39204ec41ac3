"""The scripts in examples/ run and print what they promise."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.model

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def run(name: str) -> str:
    proc = subprocess.run(
        [sys.executable, str(EXAMPLES / name)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_quickstart():
    out = run("quickstart.py")
    assert "Helena Duarte: The ferries belong to the people who ride them every morning," in out
    assert "Pieter Van Dam via Algemeen Dagblad:" in out
    assert "Portugal (PT)" in out
    assert "Reuters (dateline)" in out


def test_spacy_native():
    out = run("spacy_native.py")
    assert "q0 full" in out
    assert "source 'Lusa news agency' as cited" in out
    assert "displaCy markup:" in out
    assert "'text': 'Helena Duarte'" in out


def test_notebook_tables():
    pytest.importorskip("pandas")
    out = run("notebook_tables.py")
    assert "<Article id='harbour-1': 3 quotes" in out
    assert "Ines Alvarado    3" in out  # the most quoted
    assert "100% of articles quote someone" in out
