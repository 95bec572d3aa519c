"""Times one Python assignment solver on one .npy instance written by `tandem instance`.

Run by compare.py inside the virtual environment that holds the solver:

    python solver_runner.py SOLVER MATRIX.npy [--maximize] [--slots K] [--repeats R]

Prints one JSON object: {"solver", "seconds": [per repeat], "objective", "assigned"}.
Only the solver call is timed. Forbidden pairs (-1 in integer files, NaN in
float files) become +inf for SciPy and a large cost (1e9) for lap, lapx and
lapjv, which do not support missing edges; OR-Tools gets no arc for them.
With --slots K every column is repeated K times (the slot-expanded matrix
those solvers need for capacities). lapjv takes square matrices only, so a
rectangular one is padded with zero rows before timing.
"""
import argparse
import json
import time

import numpy as np

BIG = 1e9


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("solver", choices=["scipy", "lap", "lapx", "lapjv", "ortools"])
    parser.add_argument("matrix")
    parser.add_argument("--maximize", action="store_true")
    parser.add_argument("--slots", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()

    raw = np.load(args.matrix)
    forbidden = (raw < 0) if raw.dtype.kind == "i" else np.isnan(raw)
    values = np.where(forbidden, 0, raw).astype(np.float64)
    if args.slots > 1:
        values = np.repeat(values, args.slots, axis=1)
        forbidden = np.repeat(forbidden, args.slots, axis=1)
    cost = -values if args.maximize else values
    rows, columns = cost.shape

    prepared = prepare(args.solver, cost, forbidden, raw.dtype.kind == "i")
    seconds = []
    result = None
    for _ in range(args.repeats):
        start = time.perf_counter()
        result = solve(args.solver, prepared, rows, columns)
        seconds.append(time.perf_counter() - start)
    row_index, column_index = result
    keep = (column_index >= 0) & (column_index < columns)
    row_index, column_index = row_index[keep], column_index[keep]
    keep = ~forbidden[row_index, column_index]
    objective = float(values[row_index[keep], column_index[keep]].sum())
    print(json.dumps({"solver": args.solver, "seconds": seconds, "objective": objective,
                      "assigned": int(keep.sum()), "uses_forbidden_pairs": int((~keep).sum())}))


def prepare(solver, cost, forbidden, integral):
    if solver == "scipy":
        return np.where(forbidden, np.inf, cost)
    if solver in ("lap", "lapx"):
        return np.where(forbidden, BIG, cost)
    if solver == "lapjv":
        matrix = np.where(forbidden, BIG, cost)
        rows, columns = matrix.shape
        if rows < columns:
            matrix = np.vstack([matrix, np.zeros((columns - rows, columns))])
        return np.ascontiguousarray(matrix)
    if solver == "ortools":
        from ortools.graph.python import linear_sum_assignment
        assignment = linear_sum_assignment.SimpleLinearSumAssignment()
        left, right = np.nonzero(~forbidden)
        costs = cost[left, right]
        if not integral:
            raise SystemExit("ortools needs integer costs")
        assignment.add_arcs_with_cost(left.astype(np.int32), right.astype(np.int32), costs.astype(np.int64))
        return assignment
    raise SystemExit(f"unknown solver {solver}")


def solve(solver, prepared, rows, columns):
    if solver == "scipy":
        import scipy.optimize
        return scipy.optimize.linear_sum_assignment(prepared)
    if solver == "lap":
        import lap
        _, x, _ = lap.lapjv(prepared, extend_cost=rows != columns)
        return np.arange(rows), np.asarray(x)
    if solver == "lapx":
        import lap
        _, row_index, column_index = lap.lapjvx(prepared, extend_cost=rows != columns, return_cost=True)
        return np.asarray(row_index), np.asarray(column_index)
    if solver == "lapjv":
        import lapjv
        x, _, _ = lapjv.lapjv(prepared)
        return np.arange(rows), np.asarray(x)[:rows]
    if solver == "ortools":
        status = prepared.solve()
        if status != prepared.OPTIMAL:
            raise SystemExit(f"ortools status {status}")
        return np.arange(rows), np.array([prepared.right_mate(i) for i in range(rows)])
    raise SystemExit(f"unknown solver {solver}")


if __name__ == "__main__":
    main()
