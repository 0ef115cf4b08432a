#!/usr/bin/python3
"""Independent oracle for the corpus reader: counts, for every graph under shared/corpus, what the Java reader
must find. Uses only the standard library (json for parsing, hashlib for the file digest).

Run from the repository root:
    /usr/bin/python3 scripts/corpus_fixtures.py ../shared/corpus > corpus/src/test/resources/fixtures/corpus-counts.json
"""
import collections
import hashlib
import json
import math
import os
import sys


def kind(feature_type):
    if feature_type == "embedding":
        return "EMBEDDING"
    if feature_type == "logit":
        return "LOGIT"
    if "error" in feature_type.lower():
        return "ERROR"
    return "FEATURE"


def layer(value):
    if isinstance(value, int):
        return value
    return -1 if value.strip().upper() == "E" else int(value)


def facts(root, rel):
    path = os.path.join(root, rel)
    with open(path, "rb") as f:
        raw = f.read()
    graph = json.loads(raw)
    nodes, links = graph["nodes"], graph["links"]
    kinds = collections.Counter(kind(n["feature_type"]) for n in nodes)
    ids = collections.Counter(n["node_id"] for n in nodes)
    feature_layers = [layer(n["layer"]) for n in nodes if kind(n["feature_type"]) == "FEATURE"]
    logit_layers = sorted({layer(n["layer"]) for n in nodes if kind(n["feature_type"]) == "LOGIT"})
    weights = [float(l["weight"]) for l in links]
    # layer of each id; a duplicated id counts as going down only if every node carrying it would
    layers_of = collections.defaultdict(list)
    for n in nodes:
        layers_of[n["node_id"]].append(layer(n["layer"]))
    down = sum(1 for l in links if l["source"] != l["target"]
               and min(layers_of[l["source"]]) > max(layers_of[l["target"]]))
    folder = rel.split("/")[1]
    return {
        "file": rel,
        "sha256": hashlib.sha256(raw).hexdigest(),
        "nodes": len(nodes),
        "links": len(links),
        "kinds": {k: kinds.get(k, 0) for k in ("EMBEDDING", "FEATURE", "ERROR", "LOGIT")},
        "featureTypes": dict(sorted(collections.Counter(n["feature_type"] for n in nodes).items())),
        "negativeLinks": sum(1 for w in weights if w < 0),
        "zeroLinks": sum(1 for w in weights if w == 0),
        "selfLoops": sum(1 for l in links if l["source"] == l["target"]),
        "downLinks": down,
        "duplicateIds": sorted(i for i, c in ids.items() if c > 1),
        "minFeatureLayer": min(feature_layers) if feature_layers else None,
        "maxFeatureLayer": max(feature_layers) if feature_layers else None,
        "logitLayers": logit_layers,
        "weightSum": math.fsum(weights),
        "firstNodeId": nodes[0]["node_id"],
        "lastNodeId": nodes[-1]["node_id"],
        "transcoderFolder": folder,
        "hasQParams": "qParams" in graph,
        "extraTopLevelKeys": sorted(k for k in graph if k not in ("metadata", "qParams", "nodes", "links")),
    }


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus"
    rels = []
    for dirpath, _, files in os.walk(root):
        for name in files:
            if name.endswith(".json"):
                rels.append(os.path.relpath(os.path.join(dirpath, name), root).replace(os.sep, "/"))
    json.dump([facts(root, rel) for rel in sorted(rels)], sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
