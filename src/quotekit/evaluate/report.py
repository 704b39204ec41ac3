"""The report: the printed table (with a baseline column) and the error listing.

The JSON report is the dict ``evaluate`` returns; ``quotekit eval --json`` writes it.
A report with ``all_attributions`` (PolNeAR gold) gets a second section, "All
attributions (quotes and reported speech)", under the table.
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


#: The heading of the all-attributions section.
ATTRIBUTIONS_HEADING = "All attributions (quotes and reported speech)"


def _ratio(x: float, right: float, out_of: float) -> str:
    return f"{_pct(x)} ({int(right)}/{int(out_of)})"


def _attribution_rows(report: dict[str, Any] | None) -> dict[str, str]:
    """The rows of the all-attributions section (none without ``all_attributions``)."""
    a = (report or {}).get("all_attributions")
    if not a:
        return {}
    attributed = {k: a[f"attributed_{k}"] for k in ("precision", "recall", "f1")}
    return {
        "gold attributions": str(int(a["n_gold"])),
        "predicted (counted)": str(int(a["n_pred"])),
        "found": str(int(a["n_found"])),
        "all  P / R / F1": _prf_cell(a),
        "attributed  P / R / F1": _prf_cell(attributed),
        "direct recall": _ratio(a["direct_recall"], a["n_direct_found"], a["n_direct"]),
        "indirect recall": _ratio(a["indirect_recall"], a["n_indirect_found"], a["n_indirect"]),
        "source accuracy": _ratio(a["source_accuracy"], a["n_source_right"], a["n_found"]),
        "cue accuracy": _ratio(a["cue_accuracy"], a["n_cue_right"], a["n_found"]),
    }


def format_report(
    report: dict[str, Any], baseline: dict[str, Any] | None = None, baseline_name: str = "textacy"
) -> str:
    """Render a report as a table, with a baseline column when given.

    Percentages throughout; "P / R / F1" cells. Rows the baseline does not
    produce (entities, sources, via, resolved speakers) show "-". A report with
    ``all_attributions`` (PolNeAR gold) has a second section under the table,
    ``ATTRIBUTIONS_HEADING``, in the same columns.
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
    ours_all, theirs_all = _attribution_rows(report), _attribution_rows(baseline)
    w0 = max(len(k) for k in labels + list(ours_all)) + 2
    w1 = max([len("quotekit")] + [len(v) for v in (*ours.values(), *ours_all.values())]) + 3
    rule = "-" * (w0 + w1 + (22 if baseline is not None else 0))
    header = f"{'':<{w0}}{'quotekit':<{w1}}"
    if baseline is not None:
        header += baseline_name
    lines = [header.rstrip(), rule]
    sections = [(labels, ours, theirs)]
    if ours_all:
        sections.append((list(ours_all), ours_all, theirs_all))
    for n, (keys, mine, other) in enumerate(sections):
        if n:
            lines += ["", ATTRIBUTIONS_HEADING, rule]
        for k in keys:
            line = f"{k:<{w0}}{mine.get(k, '-'):<{w1}}"
            if baseline is not None:
                line += other.get(k, "-")
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
