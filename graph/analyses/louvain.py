"""Louvain communities of a weighted undirected graph, with scikit-network.

The organisation projection of 1,000 plans has ~4,000 nodes and ~130,000 weighted
edges (an organisation present in most plans is linked to nearly every other).
``networkx.community.louvain_communities`` took 1.3 s CPU on it (copying the graph,
a Python loop over every node's neighbours per pass, the modularity of every level);
scikit-network's Louvain (Cython, BSD, maintained) takes ~0.06 s on the same
adjacency as a sparse matrix, plus ~0.3 s to import it with scipy once. Both are
the Louvain method (modularity, resolution 1); the communities they find can differ
(different move orders), with modularity 0.076 against 0.077 on the synthetic 1,000
plans. Deterministic: nodes are visited in an order shuffled with ``seed``.
"""
from __future__ import annotations

__all__ = ["louvain_labels"]

# networkx's default threshold of modularity gain, for passes and for levels
TOLERANCE = 1e-7


def louvain_labels(n: int, weight: dict[tuple[int, int], int], seed: int = 0) -> list[int]:
    """The community of each node ``0..n-1`` of the undirected graph whose edges
    ``(a, b)`` (``a != b``, each pair once) have the given weights."""
    if not weight:                      # no edges: every node alone
        return list(range(n))
    import numpy as np
    from scipy.sparse import csr_matrix
    from sknetwork.clustering import Louvain

    count = len(weight)
    a = np.fromiter((p[0] for p in weight), dtype=np.int64, count=count)
    b = np.fromiter((p[1] for p in weight), dtype=np.int64, count=count)
    w = np.fromiter(weight.values(), dtype=np.float64, count=count)
    adjacency = csr_matrix((np.concatenate([w, w]), (np.concatenate([a, b]), np.concatenate([b, a]))),
                           shape=(n, n))
    adjacency.sum_duplicates()          # canonical: column indexes sorted within each row
    model = Louvain(tol_optimization=TOLERANCE, tol_aggregation=TOLERANCE, shuffle_nodes=True,
                    random_state=seed, return_probs=False, return_aggregate=False)
    return model.fit_predict(adjacency).tolist()
