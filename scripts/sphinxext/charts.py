"""Charts drawn at build time with Matplotlib: SVG for the web, PDF for LaTeX.

The output is reproducible (no dates, fixed SVG ids) so an unchanged chart is an unchanged file,
and SVG text stays text (searchable, sharp, translatable) instead of being turned into paths.
"""

from __future__ import annotations

import contextlib
import textwrap
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.figure import Figure

# A colour per group: each has at least 4.5:1 contrast against white, and values are also
# printed at the bar ends, so colour is never the only carrier of meaning.
GROUP_COLOURS = ("#1F5F8B", "#A34A00", "#2E6B30", "#6A3D9A", "#8A1C3B", "#4A4A4A")
TEXT_COLOUR = "#1A1A1A"


@dataclass(frozen=True)
class Bar:
    group: str
    label: str
    value: float
    value_label: str


def _style() -> dict[str, object]:
    return {
        "svg.fonttype": "none",
        "svg.hashsalt": "smertehandboka",
        "pdf.fonttype": 42,
        "font.family": "sans-serif",
        "font.size": 10,
        "text.color": TEXT_COLOUR,
        "axes.labelcolor": TEXT_COLOUR,
        "xtick.color": TEXT_COLOUR,
        "ytick.color": TEXT_COLOUR,
    }


@contextlib.contextmanager
def _figure(height: float) -> Iterator[Figure]:
    """A figure in the house style. Matplotlib is imported here, when a build first draws: it
    costs ~0.7 s, and a build that changed no chart draws nothing."""
    import matplotlib
    from matplotlib.figure import Figure

    with matplotlib.rc_context(_style()):
        yield Figure(figsize=(6.4, height), layout="constrained")


def grouped_bars(bars: Sequence[Bar], xlabel: str, path: Path) -> Path:
    """Horizontal bars, one per item, under a bold heading per group; written as SVG or PDF."""
    groups = list(dict.fromkeys(bar.group for bar in bars))
    rows: list[tuple[str, Bar | None]] = []
    for group in groups:
        if group:  # an unnamed group has no heading
            rows.append((group, None))
        rows.extend((group, bar) for bar in bars if bar.group == group)
    wrapped = {id(bar): textwrap.fill(bar.label, 32) for _group, bar in rows if bar is not None}
    lines = sum(wrapped[id(bar)].count("\n") + 1 if bar else 1 for _group, bar in rows)
    height = 0.9 + 0.26 * lines
    with _figure(height) as figure:
        axes = figure.add_subplot()
        top = max(bar.value for bar in bars) if bars else 1
        labels = []
        for position, (group, bar) in enumerate(rows):
            colour = GROUP_COLOURS[groups.index(group) % len(GROUP_COLOURS)]
            if bar is None:
                labels.append(group)
                continue
            labels.append(wrapped[id(bar)])
            axes.barh(position, bar.value, height=0.7, color=colour)
            axes.text(bar.value + top * 0.01, position, bar.value_label, va="center", fontsize=9)
        axes.set_yticks(range(len(rows)), labels)
        for tick, (_group, bar) in zip(axes.get_yticklabels(), rows, strict=True):
            if bar is None:
                tick.set_fontweight("bold")
        axes.invert_yaxis()
        axes.set_xlim(0, top * 1.1)
        axes.set_xlabel(xlabel)
        axes.tick_params(axis="y", length=0)
        axes.grid(axis="x", color="#D0D0D0", linewidth=0.6)
        axes.set_axisbelow(True)
        for side in ("top", "right", "left"):
            axes.spines[side].set_visible(False)
        path.parent.mkdir(parents=True, exist_ok=True)
        figure.savefig(path, metadata={"Date": None} if path.suffix == ".svg" else {"CreationDate": None})
    return path


LINE_STYLES = ("-", "--", ":", "-.")


def sketch_lines(series: Sequence[tuple[str, Sequence[float]]], path: Path) -> Path:
    """Schematic curves without values: arrows for the axes, each curve labelled at its end.

    For shapes a source describes in words (activity over time); nothing here is a measurement,
    so the axes carry no ticks and no numbers.
    """
    with _figure(3.2) as figure:
        axes = figure.add_subplot()
        top = max(max(values) for _label, values in series)
        for index, (label, values) in enumerate(series):
            colour = GROUP_COLOURS[index % len(GROUP_COLOURS)]
            style = LINE_STYLES[index % len(LINE_STYLES)]
            xs = range(len(values))
            axes.plot(xs, values, color=colour, linestyle=style, linewidth=2.2)
            axes.text(len(values) - 1 + 0.2, values[-1], label, color=colour, va="center", fontweight="bold")
        longest = max(len(values) for _label, values in series)
        axes.set_xlim(0, longest - 1 + longest * 0.35)
        axes.set_ylim(0, top * 1.15)
        axes.set_xticks([])
        axes.set_yticks([])
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        axes.plot(1, 0, ">k", transform=axes.get_yaxis_transform(), clip_on=False)
        axes.plot(0, 1, "^k", transform=axes.get_xaxis_transform(), clip_on=False)
        path.parent.mkdir(parents=True, exist_ok=True)
        figure.savefig(path, metadata={"Date": None} if path.suffix == ".svg" else {"CreationDate": None})
    return path
