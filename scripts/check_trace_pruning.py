#!/usr/bin/python3
"""Independent numpy check of a graph written by `cgram trace --dump-npz`.

Reads the unpruned adjacency and node tables from the .npz, re-does the pruning and the graph scores of
circuit-tracer (spec/circuit-tracer.md section 2) in float64 numpy, and compares with the graph JSON:
the kept node ids, the kept links and their weights, every node's `influence` (cumulative score) and the
replacement / completeness scores in metadata.info.scores. Prints one line per problem and exits 1 if any.

usage: check_trace_pruning.py GRAPH.json GRAPH.npz [node_threshold edge_threshold]
"""
import json
import sys

import numpy as np


def normalise(a):
    a = np.abs(a)
    return a / np.maximum(a.sum(axis=1, keepdims=True), 1e-10)


def influence(a_hat, w):
    r = w.copy()
    total = np.zeros_like(w)
    for _ in range(1000):
        r = r @ a_hat
        if not r.any():
            return total
        total += r
    raise RuntimeError("influence did not converge")


def find_threshold(scores, tau):
    nonzero = np.sort(scores[scores != 0])[::-1]
    if nonzero.size == 0:
        return 0.0
    cumulative = np.cumsum(nonzero) / nonzero.sum()
    index = int(np.searchsorted(cumulative, tau, side="left"))
    return nonzero[min(index, nonzero.size - 1)]


def main(argv):
    graph = json.load(open(argv[1]))
    z = np.load(argv[2])
    node_threshold = float(argv[3]) if len(argv) > 3 else 0.8
    edge_threshold = float(argv[4]) if len(argv) > 4 else 0.98
    a = z["adjacency"].astype(np.float64)
    n = a.shape[0]
    kind, layer, pos, feat = z["node_kind"], z["node_layer"], z["node_position"], z["node_feature"]
    w = np.zeros(n)
    w[kind == 3] = z["logit_probabilities"]

    a_hat = normalise(a)
    node_influence = influence(a_hat, w)
    forced = (kind == 2) | (kind == 3)
    node_mask = (node_influence >= find_threshold(node_influence, node_threshold)) | forced
    masked = a * node_mask[:, None] * node_mask[None, :]
    m_hat = normalise(masked)
    edge_scores = m_hat * (influence(m_hat, w) + w)[:, None]
    edge_mask = (edge_scores >= find_threshold(edge_scores.ravel(), edge_threshold)) & (edge_scores != 0)
    prunable = (kind == 0) | (kind == 1)
    while True:
        dangling = node_mask & prunable & (~edge_mask.any(axis=0) | ((kind == 0) & ~edge_mask.any(axis=1)))
        if not dangling.any():
            break
        node_mask &= ~dangling
        edge_mask[dangling, :] = False
        edge_mask[:, dangling] = False
    order = sorted(range(n), key=lambda v: (-node_influence[v], v))
    cumulative = np.empty(n)
    cumulative[order] = np.cumsum(node_influence[order]) / max(node_influence.sum(), 1e-10)

    def node_id(v):
        if kind[v] == 0:
            return f"{layer[v]}_{feat[v]}_{pos[v]}"
        if kind[v] == 1:
            return f"{layer[v]}_-1_{pos[v]}"
        if kind[v] == 2:
            return f"E_{feat[v]}_{pos[v]}"
        return f"{layer[v]}_{feat[v]}_{pos[v]}"

    endpoint = edge_mask.any(axis=0) | edge_mask.any(axis=1)
    expected_nodes = {node_id(v): v for v in range(n) if node_mask[v] and (endpoint[v] or forced[v])}
    problems = []
    got_nodes = {node["node_id"]: node for node in graph["nodes"]}
    if set(got_nodes) != set(expected_nodes):
        problems.append(f"nodes differ: missing {sorted(set(expected_nodes) - set(got_nodes))[:5]},"
                        f" extra {sorted(set(got_nodes) - set(expected_nodes))[:5]}")
    for nid, v in expected_nodes.items():
        node = got_nodes.get(nid)
        if node is None:
            continue
        want = None if kind[v] == 3 else cumulative[v]
        have = node["influence"]
        if (want is None) != (have is None) or (want is not None and abs(want - have) > 1e-6):
            problems.append(f"{nid}: influence {have}, expected {want}")
    expected_links = {(node_id(s), node_id(t)): a[t, s] for t, s in zip(*np.nonzero(edge_mask))
                      if node_id(s) in expected_nodes and node_id(t) in expected_nodes}
    got_links = {(link["source"], link["target"]): link["weight"] for link in graph["links"]}
    if set(got_links) != set(expected_links):
        problems.append(f"links differ: {len(set(expected_links) - set(got_links))} missing,"
                        f" {len(set(got_links) - set(expected_links))} extra")
    for key, weight in expected_links.items():
        if key in got_links and abs(got_links[key] - weight) > 1e-6 * max(1.0, abs(weight)):
            problems.append(f"link {key}: weight {got_links[key]}, expected {weight}")
    tokens = node_influence[kind == 2].sum()
    errors = node_influence[kind == 1].sum()
    replacement = tokens / (tokens + errors)
    non_error = 1 - a_hat[:, kind == 1].sum(axis=1)
    weight = node_influence + w
    completeness = (non_error * weight).sum() / weight.sum()
    scores = graph["metadata"]["info"]["scores"]
    for name, value in (("replacement_score", replacement), ("completeness_score", completeness)):
        if abs(scores[name] - value) > 1e-9:
            problems.append(f"{name}: {scores[name]}, expected {value}")
    for p in problems[:20]:
        print(p)
    print(f"checked {len(expected_nodes)} nodes, {len(expected_links)} links: {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
