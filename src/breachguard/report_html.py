"""A scan Report as one self-contained HTML page: inline CSS, an inline SVG chart, no values.

Everything printed comes from the report (counts, categories, reasons, file names) and is escaped;
the page loads nothing from anywhere, so it can be mailed to a DPO or opened offline.
"""

from __future__ import annotations

from html import escape

from breachguard.assess.report import DocumentReport, Report
from breachguard.assess.risk import phrase
from breachguard.detect.categories import category_of

_CSS = """
body{font:15px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem;color:#1b1b1b}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
th,td{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f4f4f4}td.n{text-align:right;font-variant-numeric:tabular-nums}
.risk{display:inline-block;padding:.05rem .5rem;border-radius:.6rem;font-weight:600;color:#fff}
.low{background:#2e7d32}.medium{background:#c77700}.high{background:#c62828}
.critical{background:#6a1b9a}ul{margin:.2rem 0;padding-left:1.2rem}
.muted{color:#666}.origin{word-break:break-all}
"""
# One colour per data category in the chart, fixed so reports look alike.
_COLOURS = {
    "identity": "#1565c0",
    "identity document": "#c62828",
    "health identifier": "#6a1b9a",
    "contact": "#00838f",
    "location": "#558b2f",
    "financial": "#ef6c00",
    "online identifier": "#5d4037",
}
_OTHER_COLOUR = "#757575"
_CHART_ROWS = 25


def _origin(origin: tuple[str, ...]) -> str:
    return " › ".join(origin)


def _risk(level: str) -> str:
    return f'<span class="risk {escape(level)}">{escape(level)}</span>'


def _reasons(reasons: tuple[str, ...]) -> str:
    return "<ul>" + "".join(f"<li>{escape(r)}</li>" for r in reasons) + "</ul>"


def _chart(documents: tuple[DocumentReport, ...]) -> str:
    """Horizontal bars: findings per document, split by category, the largest documents first."""
    rows = sorted((d for d in documents if d.entities), key=lambda d: -sum(d.entities.values()))[
        :_CHART_ROWS
    ]
    if not rows:
        return '<p class="muted">Nothing found to chart.</p>'
    label_w, bar_w, row_h = 320, 520, 22
    most = max(sum(d.entities.values()) for d in rows)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{label_w + bar_w + 90}"'
        f' height="{row_h * len(rows) + 30}" role="img" aria-label="findings per document">'
    ]
    for i, d in enumerate(rows):
        y = i * row_h
        label = _origin(d.origin)
        if len(label) > 48:
            label = "…" + label[-47:]
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end" font-size="12">'
            f"{escape(label)}</text>"
        )
        x = float(label_w)
        by_category: dict[str, int] = {}
        for entity, n in d.entities.items():
            by_category[category_of(entity)] = by_category.get(category_of(entity), 0) + n
        for category, n in sorted(by_category.items()):
            width = bar_w * n / most
            colour = _COLOURS.get(category, _OTHER_COLOUR)
            parts.append(
                f'<rect x="{x:.1f}" y="{y + 3}" width="{max(width, 0.5):.1f}" height="{row_h - 6}"'
                f' fill="{colour}"><title>{escape(category)}: {n:,}</title></rect>'
            )
            x += width
        total = sum(by_category.values())
        parts.append(f'<text x="{x + 6:.1f}" y="{y + 15}" font-size="12">{total:,}</text>')
    legend_y = row_h * len(rows) + 18
    x = float(label_w)
    for category, colour in (*_COLOURS.items(), ("other", _OTHER_COLOUR)):
        parts.append(
            f'<rect x="{x:.0f}" y="{legend_y - 10}" width="10" height="10" fill="{colour}"/>'
            f'<text x="{x + 14:.0f}" y="{legend_y}" font-size="11">{escape(category)}</text>'
        )
        x += 14 + 7 * len(category) + 14
    parts.append("</svg>")
    return "".join(parts)


def render(report: Report, title: str = "breachguard scan report") -> str:
    """The whole page as a string."""
    t = report.total
    entity_rows = "".join(
        f"<tr><td>{escape(phrase(e))}</td><td>{escape(e)}</td><td class=n>{n:,}</td></tr>"
        for e, n in sorted(t.entities.items(), key=lambda kv: -kv[1])
    )
    special = ", ".join(f"{escape(k)} ({v:,})" for k, v in t.special_categories.items()) or "none"
    doc_rows = []
    for d in report.documents:
        found = ", ".join(f"{escape(e)} {n:,}" for e, n in d.entities.items()) or "—"
        signals = ", ".join(f"{escape(k)} ({v:,})" for k, v in d.special_categories.items())
        protection = escape(d.protection.level) + (
            f" ({escape(d.protection.reason)})" if d.protection.reason else ""
        )
        doc_rows.append(
            f'<tr><td class="origin">{escape(_origin(d.origin))}</td><td>{escape(d.kind)}</td>'
            f"<td class=n>{d.people.count:,}</td><td>{found}</td><td>{signals or '—'}</td>"
            f"<td>{protection}</td><td>{_risk(d.risk.level)}{_reasons(d.risk.reasons)}</td></tr>"
        )
    error_rows = "".join(
        f'<tr><td class="origin">{escape(_origin(e.origin))}</td><td>{escape(e.reason)}</td>'
        f"<td>{escape(e.protection.level) if e.protection else ''}</td></tr>"
        for e in report.errors
    )
    errors_section = (
        "<h2>Could not be scanned</h2><table><tr><th>File</th><th>Reason</th><th>Protection</th>"
        f"</tr>{error_rows}</table>"
        if report.errors
        else ""
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{escape(title)}</title><style>{_CSS}</style></head><body>
<h1>{escape(title)}</h1>
<p>Risk: {_risk(t.risk.level)} · {t.people.count:,} people affected
<span class="muted">({escape(t.people.method)})</span> ·
{t.documents:,} documents · {t.errors:,} could not be scanned</p>
{_reasons(t.risk.reasons)}
<p>Special-category signals: {special}</p>
<h2>What was found</h2>
<table><tr><th>Data</th><th>Entity</th><th>Count</th></tr>{entity_rows}</table>
<h2>Where</h2>
{_chart(report.documents)}
<h2>Documents</h2>
<table><tr><th>Document</th><th>Kind</th><th>People</th><th>Found</th><th>Special categories</th>
<th>Protection</th><th>Risk</th></tr>{"".join(doc_rows)}</table>
{errors_section}
<p class="muted">Counts and categories only: this report holds no values found.</p>
</body></html>
"""
