"""Draw ``Article._repr_html_`` as a notebook would and screenshot it in headless Chromium.

    python scripts/notebook_screenshot.py [--out docs/images/notebook-article.png]

The page imitates two Jupyter cells (``articles[0]`` and ``quotekit.show(articles[1:])``)
around quotekit's own HTML; the articles are the invented ones of
examples/notebook_tables.py. Needs Debian's ``chromium`` (``apt-get install chromium``).
"""

from __future__ import annotations

import argparse
import html
import runpy
import shutil
import subprocess
import tempfile
from pathlib import Path

import quotekit

ROOT = Path(__file__).resolve().parents[1]

_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>quotekit in a notebook</title>
<style>
body{{margin:0;padding:18px 22px;background:#fff;font-family:system-ui,sans-serif}}
.cell{{display:grid;grid-template-columns:5.5em 1fr;column-gap:.6em;margin:0 0 14px}}
.prompt{{font:13px/1.6 ui-monospace,"DejaVu Sans Mono",monospace;text-align:right}}
.in{{color:#303f9f}} .out{{color:#d84315}}
.code{{font:14px/1.6 ui-monospace,"DejaVu Sans Mono",monospace;background:#f5f5f5;
border:1px solid #e0e0e0;border-radius:3px;padding:.25em .6em}}
.output{{padding:.35em 0 0}}
</style></head><body>
{cells}
</body></html>
"""

_CELL = """<div class="cell"><div class="prompt in">In [{n}]:</div><div class="code">{code}</div>
<div class="prompt out">Out[{n}]:</div><div class="output">{output}</div></div>"""


def page() -> str:
    texts = runpy.run_path(str(ROOT / "examples" / "notebook_tables.py"))["TEXTS"]
    articles = list(quotekit.extract_many([(text, id) for id, text in texts.items()]))
    cells = [
        _CELL.format(n=3, code="articles[0]", output=articles[0]._repr_html_()),
        _CELL.format(
            n=4,
            code=html.escape("quotekit.show(articles[1:])"),
            output=quotekit.show(articles[1:])._repr_html_(),
        ),
    ]
    return _PAGE.format(cells="\n".join(cells))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "images" / "notebook-article.png"))
    parser.add_argument("--size", default="1100,1080", help="window WIDTH,HEIGHT")
    args = parser.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("no chromium on PATH: apt-get install chromium")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "notebook.html"
        src.write_text(page(), encoding="utf-8")
        subprocess.run(
            [
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--hide-scrollbars",
                f"--user-data-dir={Path(tmp) / 'profile'}",
                f"--screenshot={Path(args.out).resolve()}",
                f"--window-size={args.size}",
                src.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
