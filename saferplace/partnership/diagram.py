"""The governance diagram: groups as boxes, reporting lines as elbow connectors, drawn as SVG on the server.

Groups are laid out left to right in columns by reporting depth (a group sits one column to the right of
the deepest group it reports to), like the block chart of the seed's Appendix 4 turned on its side so that
a wide layer becomes a tall column that fits the page. A line that skips columns passes through a reserved
slot in each column it crosses, so that no line runs under a box. Nothing here touches the database: the
caller passes plain nodes and edges, and the page gives the same facts as a table (the text alternative).
"""

from dataclasses import dataclass, field
from html import escape

BOX_W = 180
H_GAP = 56
V_GAP = 14
PAD = 8
LINE_H = 16
FONT_SIZE = 13
CHARS_PER_LINE = 23  # Arial at 13px averages about 7px a character; the box holds 164px of text
DUMMY_H = 6
MARGIN = 12


@dataclass
class Node:
    key: str
    label: str = ""
    url: str = ""
    dummy: bool = False
    layer: int = 0
    lines: list[str] = field(default_factory=list)
    y: float = 0.0

    @property
    def height(self) -> float:
        return DUMMY_H if self.dummy else len(self.lines) * LINE_H + 2 * PAD

    @property
    def centre(self) -> float:
        return self.y + self.height / 2


def wrap(text: str, width: int = CHARS_PER_LINE) -> list[str]:
    """Greedy word wrap; a single word longer than the line stays whole."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def layers(keys: list[str], ups: dict[str, list[str]]) -> dict[str, int]:
    """Column of each group: 0 for a group that reports to no one, else one more than its deepest superior."""
    depth: dict[str, int] = {}

    def visit(key: str, trail: frozenset) -> int:
        if key not in depth:
            above = [p for p in ups.get(key, []) if p not in trail]  # a cycle (refused elsewhere) cannot loop here
            depth[key] = 1 + max((visit(p, trail | {key}) for p in above), default=-1)
        return depth[key]

    for key in keys:
        visit(key, frozenset())
    return depth


def _order(columns: list[list[Node]], up: dict[str, list[str]]) -> None:
    """Order each column by the mean position of what its groups report to, so that siblings stay together.

    One sweep from left to right; ties keep the earlier order (alphabetical, groups with no lines last).
    """
    for i in range(1, len(columns)):
        pos = {n.key: j for j, n in enumerate(columns[i - 1])}
        keyed = []
        for j, n in enumerate(columns[i]):
            near = [pos[k] for k in up.get(n.key, []) if k in pos]
            keyed.append((sum(near) / len(near) if near else len(pos), j, n))
        columns[i][:] = [n for _, _, n in sorted(keyed, key=lambda t: (t[0], t[1]))]


def _stack(column: list[Node], wanted) -> None:
    """Set each node's y as near `wanted(node)` as the nodes above it in its column allow."""
    bottom = MARGIN - V_GAP
    for n in column:
        n.y = max(bottom + V_GAP, wanted(n))
        bottom = n.y + n.height


def _place(columns: list[list[Node]], up: dict[str, list[str]], down: dict[str, list[str]], nodes) -> None:
    """Hang each node level with what it reports to, then centre each superior on the groups reporting to it."""

    def mean_centre(keys):
        return sum(nodes[k].centre for k in keys) / len(keys)

    for column in columns:
        _stack(column, lambda n: mean_centre(up[n.key]) - n.height / 2 if up.get(n.key) else MARGIN)
    for column in reversed(columns[:-1]):
        _stack(column, lambda n: mean_centre(down[n.key]) - n.height / 2 if down.get(n.key) else n.y)


def _x(layer: int) -> float:
    return MARGIN + layer * (BOX_W + H_GAP)


def governance_svg(groups: list[tuple[str, str, str]], lines: list[tuple[str, str]], title: str) -> str:
    """SVG markup for groups [(key, name, url)] and reporting lines [(group key, reports-to key)]."""
    nodes = {key: Node(key, label=name, url=url, lines=wrap(name)) for key, name, url in groups}
    ups: dict[str, list[str]] = {}
    for low, high in lines:
        if low in nodes and high in nodes:
            ups.setdefault(low, []).append(high)
    depth = layers(list(nodes), ups)
    for key, n in nodes.items():
        n.layer = depth[key]

    # Split lines that skip columns into one-column hops through dummy slots.
    up: dict[str, list[str]] = {}
    down: dict[str, list[str]] = {}
    chains: list[list[str]] = []
    for low, highs in ups.items():
        for high in highs:
            chain = [high]
            for layer in range(nodes[high].layer + 1, nodes[low].layer):
                dummy = Node(f"{high}>{low}@{layer}", dummy=True, layer=layer)
                nodes[dummy.key] = dummy
                chain.append(dummy.key)
            chain.append(low)
            for a, b in zip(chain, chain[1:], strict=False):
                up.setdefault(b, []).append(a)
                down.setdefault(a, []).append(b)
            chains.append(chain)

    n_cols = max((n.layer for n in nodes.values()), default=-1) + 1
    columns: list[list[Node]] = [[] for _ in range(n_cols)]
    for n in sorted(nodes.values(), key=lambda n: (n.dummy, not down.get(n.key), n.label.lower(), n.key)):
        columns[n.layer].append(n)
    _order(columns, up)
    _place(columns, up, down, nodes)

    # Each node with lines going right gets its own vertical lane in the gap after its column, the lowest
    # node the leftmost lane, so that no node's stub crosses the lane of a node above it.
    lane: dict[str, float] = {}
    for i, column in enumerate(columns):
        senders = [n for n in column if down.get(n.key)]
        for k, n in enumerate(reversed(senders)):
            lane[n.key] = _x(i) + BOX_W + H_GAP * (k + 1) / (len(senders) + 1)

    width = _x(n_cols) - H_GAP + MARGIN if n_cols else 2 * MARGIN
    height = max((n.y + n.height for n in nodes.values()), default=0) + MARGIN
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="app-diagram" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" aria-labelledby="governance-diagram-title">',
        f'<title id="governance-diagram-title">{escape(title)}</title>',
    ]
    for chain in chains:
        first = nodes[chain[0]]
        d = [f"M{_x(first.layer) + BOX_W:.1f},{first.centre:.1f}"]
        for a, b in zip(chain, chain[1:], strict=False):
            nb = nodes[b]
            d.append(f"H{lane[a]:.1f}V{nb.centre:.1f}H{_x(nb.layer):.1f}")
            if nb.dummy:
                d.append(f"H{_x(nb.layer) + BOX_W:.1f}")
        out.append(f'<path d="{"".join(d)}" fill="none" stroke="#505a5f" stroke-width="1.5"/>')
    for n in nodes.values():
        if n.dummy:
            continue
        x = _x(n.layer)
        text = "".join(
            f'<tspan x="{x + PAD:.1f}" y="{n.y + PAD + (i + 1) * LINE_H - 4:.1f}">{escape(line)}</tspan>'
            for i, line in enumerate(n.lines)
        )
        box = (
            f'<rect x="{x:.1f}" y="{n.y:.1f}" width="{BOX_W}" height="{n.height:.1f}" rx="3" '
            f'fill="#f3f2f1" stroke="#0b0c0c" stroke-width="1"/>'
            f'<text font-size="{FONT_SIZE}" fill="#0b0c0c">{text}</text>'
        )
        out.append(f'<a href="{escape(n.url)}">{box}</a>' if n.url else box)
    out.append("</svg>")
    return "\n".join(out)
