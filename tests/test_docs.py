"""The docs site: every page is in the nav, and the API reference lists every public name."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import quotekit

ROOT = Path(__file__).resolve().parents[1]


def _nav_pages() -> set[str]:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    nav = text[text.index("\nnav:") : text.index("\nmarkdown_extensions:")]
    return set(re.findall(r"([\w./-]+\.md)\s*$", nav, flags=re.MULTILINE))


def test_every_docs_page_is_in_the_nav():
    pages = {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")}
    assert pages - _nav_pages() == set()
    assert _nav_pages() - pages == set()


def test_reference_page_documents_the_package():
    text = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")
    assert re.search(r"^::: quotekit$", text, flags=re.MULTILINE)


@pytest.mark.slow
def test_site_builds_strict_and_lists_every_public_name(tmp_path):
    pytest.importorskip("mkdocs")
    pytest.importorskip("mkdocstrings")
    mkdocs = shutil.which("mkdocs", path=str(Path(sys.executable).parent)) or "mkdocs"
    proc = subprocess.run(
        [mkdocs, "build", "--strict", "-q", "-d", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": str(Path(sys.executable).parent)},
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    html = (tmp_path / "site" / "reference" / "index.html").read_text(encoding="utf-8")
    ids = set(re.findall(r'id="([^"]+)"', html))
    assert [n for n in quotekit.__all__ if f"quotekit.{n}" not in ids] == []
    assert (tmp_path / "site" / "images" / "notebook-article.png").exists()
