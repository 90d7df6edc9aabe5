"""Reads a GraphML file with networkx, as an analyst would, and prints what
TestReaderNetworkxGraphML checks as JSON: counts, whether the graph is
directed and multi, and every node's and edge's attributes with their
Python types."""
import json
import sys

import networkx as nx

g = nx.read_graphml(sys.argv[1])
edges = (g.edges(keys=True, data=True) if g.is_multigraph()
         else ((u, v, d.get("id"), d) for u, v, d in g.edges(data=True)))
out = {
    "nodes": g.number_of_nodes(),
    "edges": g.number_of_edges(),
    "directed": g.is_directed(),
    "multigraph": g.is_multigraph(),
    "node": {n: {k: [type(v).__name__, v] for k, v in d.items()} for n, d in g.nodes(data=True)},
    "edge": {str(key): dict({k: [type(v).__name__, v] for k, v in d.items()}, _source=["str", u], _target=["str", v])
             for u, v, key, d in edges},
}
json.dump(out, sys.stdout)
