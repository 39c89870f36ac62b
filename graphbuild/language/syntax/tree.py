"""Maximum spanning tree decoding (Chu-Liu/Edmonds) for parsers that score every head.

slovnet picks each word's best head on its own, which can give cycles or several roots; the
contract is one tree with one root, so we decode the scores as a tree instead.
"""

from __future__ import annotations

import numpy as np

NEG = -1e9


def _find_cycle(heads: np.ndarray) -> list[int] | None:
    """A cycle among nodes 1..n of a head array (node 0 is the artificial root), or None."""
    n = len(heads)
    state = [0] * n  # 0 new, 1 on the current path, 2 done
    for start in range(1, n):
        if state[start]:
            continue
        path: list[int] = []
        node = start
        while node > 0 and state[node] == 0:
            state[node] = 1
            path.append(node)
            node = int(heads[node])
        if node > 0 and state[node] == 1:
            return path[path.index(node):]
        for v in path:
            state[v] = 2
    return None


def _cle(scores: np.ndarray) -> np.ndarray:
    """Heads (index 0 unused) maximising the sum of scores[dependent, head] over a tree rooted at 0."""
    n = scores.shape[0]
    s = scores.copy()
    np.fill_diagonal(s, NEG)
    s[0, :] = NEG
    heads = s.argmax(axis=1)
    heads[0] = -1
    cycle = _find_cycle(heads)
    if cycle is None:
        return heads
    in_cycle = np.zeros(n, dtype=bool)
    in_cycle[cycle] = True
    rest = np.flatnonzero(~in_cycle)  # includes 0
    m = len(rest) + 1
    c = m - 1
    sub = np.full((m, m), NEG)
    sub[:c, :c] = s[np.ix_(rest, rest)]
    cyc = np.array(cycle)
    # Entering the cycle at v replaces v's cycle edge: gain relative to the cycle's own edge.
    enter = s[np.ix_(cyc, rest)] - s[cyc, heads[cyc]][:, None]
    enter_v = enter.argmax(axis=0)
    sub[c, :c] = enter.max(axis=0)
    # Leaving the cycle: the best cycle node as head of each outside dependent.
    leave = s[np.ix_(rest, cyc)]
    leave_h = leave.argmax(axis=1)
    sub[:c, c] = leave.max(axis=1)
    sub_heads = _cle(sub)
    out = heads.copy()
    for i, node in enumerate(rest):
        if node == 0:
            continue
        h = sub_heads[i]
        out[node] = cyc[leave_h[i]] if h == c else rest[h]
    entry_head = sub_heads[c]
    v = cyc[enter_v[entry_head]]
    out[v] = rest[entry_head]
    return out


def decode_tree(scores: np.ndarray, root_candidates: int = 3) -> list[int]:
    """Heads for words 1..n from scores[word-1, head] (head 0 = root): one tree, exactly one root.

    Tries the ``root_candidates`` words with the best root scores as the single root and keeps the
    best maximum spanning tree among them.
    """
    n = scores.shape[0]
    full = np.full((n + 1, n + 1), NEG)
    full[1:, :] = scores[:, : n + 1]
    greedy = full[1:].argmax(axis=1)
    if (greedy == 0).sum() == 1 and _find_cycle(np.concatenate(([-1], greedy))) is None:
        return greedy.tolist()  # already a tree: the common case, no search
    root_col = full[1:, 0].copy()
    best: tuple[float, list[int]] | None = None
    for root in np.argsort(-root_col)[:root_candidates]:
        trial = full.copy()
        trial[1:, 0] = NEG
        trial[root + 1, 0] = root_col[root]
        heads = _cle(trial)
        total = float(trial[np.arange(1, n + 1), heads[1:]].sum())
        if best is None or total > best[0]:
            best = (total, [int(h) for h in heads[1:]])
    assert best is not None
    return best[1]
