"""Reads an exported graph with a parser nobody on scamnet wrote and prints what it saw as JSON.

usage: read_graph.py networkx-gexf|networkx-graphml|igraph-graphml <file>
Prints {"nodes": {id: attrs}, "edges": [{"id", "source", "target", "attrs"}], "graph": attrs,
"types": {attr: python type name}, "warnings": [...]}; exits non-zero when the reader refuses the file.
"""
import json
import sys
import warnings


def typed(attrs, types):
    for k, v in attrs.items():
        types.setdefault(k, set()).add(type(v).__name__)
    return attrs


def plain(value):
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, float) and value != value:
        return None
    return value


def main():
    reader, path = sys.argv[1], sys.argv[2]
    types = {}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        if reader.startswith("networkx"):
            import networkx as nx

            g = nx.read_gexf(path) if reader == "networkx-gexf" else nx.read_graphml(path, force_multigraph=True)
            nodes = {str(n): typed(dict(a), types) for n, a in g.nodes(data=True)}
            # read_gexf gives a simple DiGraph when no two edges share their ends
            triples = g.edges(keys=True, data=True) if g.is_multigraph() else ((u, v, None, a) for u, v, a in g.edges(data=True))
            edges = [
                {"id": str(a.get("id", k)), "source": str(u), "target": str(v), "attrs": typed(dict(a), types)}
                for u, v, k, a in triples
            ]
            graph = dict(g.graph)
        else:
            import igraph

            g = igraph.Graph.Read_GraphML(path)
            nodes = {}
            for vertex in g.vs:
                attrs = {k: v for k, v in vertex.attributes().items() if v is not None}
                nodes[str(attrs.get("id"))] = typed(attrs, types)
            names = g.vs["id"] if "id" in g.vs.attributes() else [str(i) for i in range(g.vcount())]
            edges = [
                {"id": str(e.attributes().get("id")), "source": names[e.source], "target": names[e.target], "attrs": typed(e.attributes(), types)}
                for e in g.es
            ]
            graph = {k: g[k] for k in g.attributes()}
    out = {
        "nodes": plain(nodes),
        "edges": plain(edges),
        "graph": plain(graph),
        "types": {k: sorted(v) for k, v in types.items()},
        "warnings": [str(w.message) for w in caught],
    }
    json.dump(out, sys.stdout, default=str)


if __name__ == "__main__":
    main()
