"""Writes a graph with networkx (a writer nobody on scamnet wrote), as GraphML or GEXF.

usage: write_graph.py graphml|gexf <graph.json> <out>
graph.json: {"nodes": [{"id": ..., attrs...}], "edges": [{"source", "target", "key"?, attrs...}]}.
Written as a MultiDiGraph with nx.write_graphml / nx.write_gexf (GEXF 1.2draft), attributes typed
from their Python values as networkx does (str, int, float, bool).
"""
import json
import sys

import networkx as nx


def main():
    fmt, src, out = sys.argv[1], sys.argv[2], sys.argv[3]
    with open(src, encoding="utf-8") as f:
        doc = json.load(f)
    g = nx.MultiDiGraph()
    for n in doc["nodes"]:
        attrs = {k: v for k, v in n.items() if k != "id"}
        g.add_node(n["id"], **attrs)
    for e in doc["edges"]:
        attrs = {k: v for k, v in e.items() if k not in ("source", "target", "key")}
        g.add_edge(e["source"], e["target"], key=e.get("key"), **attrs)
    if fmt == "graphml":
        nx.write_graphml(g, out)
    else:
        nx.write_gexf(g, out)


if __name__ == "__main__":
    main()
