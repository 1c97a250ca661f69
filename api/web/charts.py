"""Server-side inline SVG: commitments by status over time, as stacked bars (no JS library)."""
from __future__ import annotations

from html import escape

STATUSES = ("has_activity", "no_activity", "overdue")
COLOURS = {"has_activity": "#2f7d4f", "no_activity": "#c98a12", "overdue": "#b3261e"}


def _nice_step(maximum: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        if maximum / step <= 5:
            return step
    return max(1, maximum // 5)


def status_chart_svg(points: list[tuple[str, dict[str, int]]], labels: dict[str, str], title: str,
                     *, width: int = 640, height: int = 240) -> str:
    """`points` is [(period label, {status: count})] in time order. Returns an <svg> element
    with a <title>, one <rect> per non-zero segment (each with its own <title> for hover and
    screen readers), y ticks and a legend."""
    left, right, top, bottom = 40, 10, 28, 34
    plot_w, plot_h = width - left - right, height - top - bottom
    totals = [sum(counts.get(s, 0) for s in STATUSES) for _, counts in points]
    maximum = max(totals, default=0) or 1
    step = _nice_step(maximum)
    y_max = ((maximum + step - 1) // step) * step
    parts = [(f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" '
              f'role="img" aria-label="{escape(title)}"><title>{escape(title)}</title>')]
    for tick in range(0, y_max + 1, step):
        y = top + plot_h - plot_h * tick / y_max
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>'
                     f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" class="tick">{tick}</text>')
    n = max(len(points), 1)
    slot = plot_w / n
    bar_w = min(48.0, slot * 0.7)
    label_every = max(1, round(n / 12))
    for i, (period, counts) in enumerate(points):
        x = left + slot * i + (slot - bar_w) / 2
        y = top + plot_h
        for status in STATUSES:
            value = counts.get(status, 0)
            if not value:
                continue
            h = plot_h * value / y_max
            y -= h
            parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" '
                         f'fill="{COLOURS[status]}" data-status="{status}" data-period="{escape(period)}">'
                         f'<title>{escape(period)}: {escape(labels.get(status, status))} {value}</title></rect>')
        if i % label_every == 0:
            parts.append(f'<text x="{x + bar_w / 2:.1f}" y="{height - bottom + 16}" text-anchor="middle" '
                         f'class="tick">{escape(period)}</text>')
    legend_x = left
    for status in STATUSES:
        label = escape(labels.get(status, status))
        parts.append(f'<rect x="{legend_x}" y="6" width="12" height="12" fill="{COLOURS[status]}"/>'
                     f'<text x="{legend_x + 17}" y="16" class="legend">{label}</text>')
        legend_x += 30 + 7 * len(labels.get(status, status))
    parts.append("</svg>")
    return "".join(parts)
