"""The report: the printed table (with a baseline column) and the error listing.

The JSON report is the dict ``evaluate`` returns; ``quotekit eval --json`` writes it.
"""

from __future__ import annotations

from typing import Any


def _pct(x: float) -> str:
    return f"{100 * x:5.1f}"


def _prf_cell(d: dict[str, Any] | None) -> str:
    if not d:
        return "-"
    return f"{_pct(d['precision'])} /{_pct(d['recall'])} /{_pct(d['f1'])}"


def _rows(report: dict[str, Any]) -> dict[str, str]:
    rows: dict[str, str] = {}
    c = report["counts"]
    rows["articles"] = str(report["articles"])
    rows["gold quotes"] = str(c["gold_quotes"])
    if c.get("unlocated_gold"):
        rows["  not found in text"] = str(c["unlocated_gold"])
    rows["predicted quotes"] = str(c["predicted_quotes"])
    rows["  ignored (other attribution)"] = str(c["ignored_predictions"])
    if "paragraph_errors" in c:
        rows["paragraphs the extractor refused"] = str(c["paragraph_errors"])
    for key, label in (("overlap_0.3", ">0.3"), ("overlap_0.8", ">0.8"), ("exact", "exact")):
        q = report["quotes"][key]
        rows[f"quotes {label}  P / R / F1"] = _prf_cell(q)
        rows[f"quotes {label}  TP FP FN"] = f"{q['tp']} {q['fp']} {q['fn']}"
    sm = report["speaker"]["mention"]
    rows["speaker mention accuracy"] = f"{_pct(sm['accuracy'])} ({sm['right']}/{sm['found']})"
    if "resolved" in report["speaker"]:
        sr = report["speaker"]["resolved"]
        rows["resolved speaker accuracy"] = f"{_pct(sr['accuracy'])} ({sr['right']}/{sr['found']})"
    a = report["attributed"]
    rows["attributed  P / R / F1"] = _prf_cell(a)
    rows["attributed  TP"] = str(a["tp"])
    if "attributed_mention" in report:
        rows["attributed (mention)  P / R / F1"] = _prf_cell(report["attributed_mention"])
    if "kind" in report:
        k = report["kind"]
        rows["quote kind accuracy"] = f"{_pct(k['accuracy'])} ({k['right']}/{k['found']})"
    for etype, e in report.get("entities", {}).items():
        rows[f"{etype}  P / R / F1"] = _prf_cell(e)
        rows[f"{etype}  TP / gold / pred"] = f"{e['tp']} / {e['gold']} / {e['pred']}"
        rows[f"{etype}  alias recall (matched)"] = _pct(e["alias_recall"])
        if etype == "PERSON":
            rows["PERSON  split gold persons"] = str(e["split"])
    if "sources" in report:
        s = report["sources"]
        rows["sources  P / R / F1"] = _prf_cell(s)
        rows["sources  TP / gold / pred"] = f"{s['tp']} / {s['gold']} / {s['pred']}"
        rows["sources  exact role sets"] = _pct(s["exact_role_sets"])
        rows["sources  kind accuracy"] = _pct(s["kind_accuracy"])
        v = report["via"]
        rows["via  P / R / F1"] = _prf_cell(v)
        rows["via  correct / pred / gold"] = f"{v['correct']} / {v['pred']} / {v['gold']}"
    return rows


def format_report(
    report: dict[str, Any], baseline: dict[str, Any] | None = None, baseline_name: str = "textacy"
) -> str:
    """Render a report as a table, with a baseline column when given.

    Percentages throughout; "P / R / F1" cells. Rows the baseline does not
    produce (entities, sources, via, resolved speakers) show "-".
    """
    ours = _rows(report)
    theirs = _rows(baseline) if baseline is not None else {}
    if baseline is not None:
        for key in ("resolved speaker accuracy", "quote kind accuracy"):
            theirs.pop(key, None)
        theirs = {
            k: v
            for k, v in theirs.items()
            if not k.startswith(("PERSON", "COUNTRY", "ORG", "sources", "via"))
        }
    labels = list(ours) + [k for k in theirs if k not in ours]
    w0 = max(len(k) for k in labels) + 2
    w1 = max([len("quotekit")] + [len(v) for v in ours.values()]) + 3
    header = f"{'':<{w0}}{'quotekit':<{w1}}"
    if baseline is not None:
        header += baseline_name
    lines = [header.rstrip(), "-" * (w0 + w1 + (22 if baseline is not None else 0))]
    for k in labels:
        line = f"{k:<{w0}}{ours.get(k, '-'):<{w1}}"
        if baseline is not None:
            line += theirs.get(k, "-")
        lines.append(line.rstrip())
    return "\n".join(lines)


def format_errors(report: dict[str, Any], n: int) -> str:
    """Up to ``n`` items of each error kind, with context (span in [[...]])."""
    out = []
    for kind, items in report.get("errors", {}).items():
        if not items:
            continue
        out.append(f"== {kind} ({len(items)}, showing {min(n, len(items))})")
        for item in items[:n]:
            if kind == "unlocated":
                out.append(f"  {item['id']}: {item['text']!r}")
                continue
            extra = ""
            if kind == "wrong_speaker":
                extra = f"  gold={item.get('gold')!r} predicted={item.get('predicted')!r}"
                if "mention" in item:
                    extra += f" mention={item.get('mention')!r}"
            out.append(
                f"  {item['id']} {item['start']}-{item['end']}{extra}\n    {item['context']}"
            )
    return "\n".join(out)
