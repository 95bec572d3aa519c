"""Times one Python solver on one DIMACS assignment file (p asn), balanced.

Run by compare_sparse.py inside the virtual environment that holds the solver:

    python sparse_runner.py SOLVER FILE.dimacs

Prints one JSON object: {"solver", "seconds": [the solve call], "objective"}.
Reading the file and building the solver's input are not timed. Rows are the
nodes the n lines name, columns the others, each in order of id; every row
and column must be matched (the files compare_sparse.py solves are balanced
and have a perfect matching).

- scipy: scipy.sparse.csgraph.min_weight_full_bipartite_matching. A sparse
  matrix cannot hold an edge of cost 0 (it is an absent entry), so every cost
  is raised by the same amount to at least 1: every perfect matching has the
  same number of edges, so the optimum is the same matching, and the
  objective is computed from the original costs.
- ortools-lsa: OR-Tools' SimpleLinearSumAssignment (sparse arcs).
- ortools-mcf: OR-Tools' SimpleMinCostFlow, supply 1 at each row, -1 at each column.
- lapmod: lap's lapmod (sparse, compressed rows); it takes costs of 0 or
  more, so they are shifted as for SciPy, and the shift taken off again.
"""
import json
import sys
import time

import numpy as np


def read(path):
    rows, columns, costs, sources = [], [], [], []
    with open(path, "rb") as handle:
        for line in handle:
            if line.startswith(b"a "):
                _, a, b, c = line.split()
                rows.append(int(a))
                columns.append(int(b))
                costs.append(int(c))
            elif line.startswith(b"n "):
                sources.append(int(line.split()[1]))
    rows, columns, costs = np.array(rows), np.array(columns), np.array(costs, dtype=np.int64)
    source_ids = np.unique(np.array(sources))
    column_ids = np.unique(columns)
    return (np.searchsorted(source_ids, rows), np.searchsorted(column_ids, columns), costs,
            len(source_ids), len(column_ids))


def main():
    solver, path = sys.argv[1], sys.argv[2]
    row, column, cost, n, m = read(path)
    if n != m:
        raise SystemExit(f"{path}: {n} rows and {m} columns; the comparison takes balanced files")
    order = np.lexsort((column, row))
    row, column, cost = row[order], column[order], cost[order]
    if solver == "scipy":
        from scipy.sparse import csr_matrix
        from scipy.sparse.csgraph import min_weight_full_bipartite_matching
        shift = 1 - cost.min()
        matrix = csr_matrix(((cost + shift).astype(np.float64), (row, column)), shape=(n, n))
        start = time.perf_counter()
        left, right = min_weight_full_bipartite_matching(matrix)
        seconds = time.perf_counter() - start
        lookup = dict(zip(zip(row.tolist(), column.tolist()), cost.tolist()))
        objective = sum(lookup[(int(a), int(b))] for a, b in zip(left, right))
    elif solver == "ortools-lsa":
        from ortools.graph.python import linear_sum_assignment
        assignment = linear_sum_assignment.SimpleLinearSumAssignment()
        assignment.add_arcs_with_cost(row, column, cost)
        start = time.perf_counter()
        status = assignment.solve()
        seconds = time.perf_counter() - start
        if status != assignment.OPTIMAL:
            raise SystemExit(f"OR-Tools linear sum assignment: status {status}")
        objective = assignment.optimal_cost()
    elif solver == "ortools-mcf":
        from ortools.graph.python import min_cost_flow
        flow = min_cost_flow.SimpleMinCostFlow()
        flow.add_arcs_with_capacity_and_unit_cost(row, column + n, np.ones(len(row), dtype=np.int64), cost)
        flow.set_nodes_supplies(np.arange(2 * n), np.concatenate([np.ones(n, dtype=np.int64),
                                                                  -np.ones(n, dtype=np.int64)]))
        start = time.perf_counter()
        status = flow.solve()
        seconds = time.perf_counter() - start
        if status != flow.OPTIMAL:
            raise SystemExit(f"OR-Tools min-cost flow: status {status}")
        objective = flow.optimal_cost()
    elif solver == "lapmod":
        from lap import lapmod
        starts = np.concatenate([[0], np.cumsum(np.bincount(row, minlength=n))])
        shift = -min(0, int(cost.min()))
        if int(cost.max()) + shift >= 1_000_000:
            raise SystemExit("lapmod takes costs below 1,000,000 only")
        start = time.perf_counter()
        total, x, _ = lapmod(n, (cost + shift).astype(np.float64), starts, column, return_cost=True)
        seconds = time.perf_counter() - start
        objective = int(round(total)) - n * shift
    else:
        raise SystemExit(f"unknown solver {solver}")
    print(json.dumps({"solver": solver, "seconds": [seconds], "objective": int(objective)}))


if __name__ == "__main__":
    main()
