"""MUC and B-cubed scores of coreference chains (for bench/coref_eval.py).

Chains are sets of mention keys; a mention of one side missing from the other counts as a singleton
there (so spurious and missed mentions cost precision and recall).
"""

from __future__ import annotations

from collections.abc import Iterable


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _muc_side(key: list[set[str]], response: list[set[str]]) -> tuple[int, int]:
    """(numerator, denominator) of MUC recall of ``key`` against ``response``."""
    where = {m: n for n, chain in enumerate(response) for m in chain}
    num = den = 0
    for chain in key:
        parts = {where.get(m, f"alone:{m}") for m in chain}
        num += len(chain) - len(parts)
        den += len(chain) - 1
    return num, den


def muc(key: list[set[str]], response: list[set[str]]) -> tuple[float, float, float]:
    rn, rd = _muc_side(key, response)
    pn, pd = _muc_side(response, key)
    r, p = (rn / rd if rd else 0.0), (pn / pd if pd else 0.0)
    return p, r, _f1(p, r)


def _b3_side(key: list[set[str]], response: list[set[str]]) -> float:
    where = {m: chain for chain in response for m in chain}
    total = sum(len(chain) for chain in key)
    got = sum(len(chain & where.get(m, {m})) / len(chain) for chain in key for m in chain)
    return got / total if total else 0.0


def b_cubed(key: list[set[str]], response: list[set[str]]) -> tuple[float, float, float]:
    r, p = _b3_side(key, response), _b3_side(response, key)
    return p, r, _f1(p, r)


def chains(pairs: Iterable[tuple[str, str]]) -> list[set[str]]:
    """(mention key, chain id) pairs -> chains."""
    by: dict[str, set[str]] = {}
    for mention, chain in pairs:
        by.setdefault(chain, set()).add(mention)
    return list(by.values())
