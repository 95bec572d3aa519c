"""Side-by-side timings of Tandem's sparse solve and other solvers on the same sparse assignment graphs.

    python3 Benchmarks/comparison/compare_sparse.py [--rounds 20000 50000 150000] [--random 50000] [--runs 3] [--reference]

The graphs, in the DIMACS assignment format (p asn), balanced, with a perfect matching:

- round-N: the final candidate graph of a generated round of N people
  (`tandem generate`, mentees:mentors = 68:32, seed 1; `tandem match
  --export-candidates`): places and staying unmatched built in as nodes, so its
  least cost is minus the round's certified objective;
- random-N-dD: N rows and N columns, each row with D arcs to random columns and
  one to its own column (so that a perfect matching exists), costs uniform in
  0..999,999, seeded.

Each solver runs on one core (taskset) with one thread, --runs times per graph
(3 unless told, the solvers taking turns, so that a slow minute on this shared
machine falls on all of them), and the table gives the median; a solver that
times out or fails is not run again on that graph. Only the solve call is
timed (`tandem solve`'s solve_seconds; the other solvers' own call, see
sparse_runner.py and lemon/lemon_assignment.cpp). Every
objective must equal Tandem's certified optimum (and, for a round, minus the
round's objective), or the row is marked. Solvers: OR-Tools' linear sum
assignment and min-cost flow, SciPy's min_weight_full_bipartite_matching,
lap's lapmod (in virtual environments this script creates), and LEMON's
network simplex and cost scaling (a C++ driver built here against Debian's
liblemon-dev). The table goes to stdout and to results/ (with --reference, to
reference/, with every raw run).
"""
import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import random
import statistics

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TANDEM = ROOT / ".build" / "release" / "tandem"
VENV = HERE / ".venvs" / "sparse"
PACKAGES = ["numpy", "scipy", "ortools", "lap"]
LEMON = HERE / ".build" / "lemon_assignment"
ENVIRONMENT = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
CORE = ["taskset", "-c", "1"] if os.cpu_count() and os.cpu_count() > 1 else []
PYTHON_SOLVERS = ["ortools-lsa", "ortools-mcf", "scipy", "lapmod"]
LEMON_SOLVERS = ["network-simplex", "cost-scaling"]


def prepare():
    if not (VENV / "bin" / "python").exists():
        print(f"creating {VENV.relative_to(ROOT)} with {' '.join(PACKAGES)}", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(VENV / "bin" / "python"), "-m", "pip", "install", "-q", *PACKAGES], check=True)
    source = HERE / "lemon" / "lemon_assignment.cpp"
    if not LEMON.exists() or LEMON.stat().st_mtime < source.stat().st_mtime:
        if not Path("/usr/include/lemon/network_simplex.h").exists():
            raise SystemExit("LEMON is missing: apt-get install liblemon-dev")
        LEMON.parent.mkdir(exist_ok=True)
        subprocess.run(["g++", "-O2", "-std=c++17", "-o", str(LEMON), str(source)], check=True)


def round_graph(people):
    """The exported candidate graph of a generated round of `people` people, and the round's objective."""
    folder = HERE / "instances" / f"round-{people}"
    graph = folder.with_suffix(".dimacs")
    summary = folder / "round" / "round.json"
    if not graph.exists() or not summary.exists():
        mentees = people * 68 // 100
        cohort = folder / "cohort"
        subprocess.run([str(TANDEM), "generate", "--mentees", str(mentees), "--mentors", str(people - mentees),
                        "--out", str(cohort)], check=True, capture_output=True)
        subprocess.run([str(TANDEM), "match", "--mentors", str(cohort / "mentors.csv"), "--mentees",
                        str(cohort / "mentees.csv"), "--conflicts", str(cohort / "conflicts.csv"), "--policy",
                        str(cohort / "policy.toml"), "--out", str(folder / "round"), "--export-candidates",
                        str(graph), "--quiet"], check=True)
    objective = json.loads(summary.read_text())["certificate"]["primal_objective"]
    return graph, -int(objective)


def random_graph(n, degree, seed):
    path = HERE / "instances" / f"random-{n}-d{degree}-s{seed}.dimacs"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        generator = random.Random(seed)
        lines = []
        arcs = 0
        for row in range(n):
            columns = {row} | {generator.randrange(n) for _ in range(degree)}
            for column in sorted(columns):
                lines.append(f"a {row + 1} {n + column + 1} {generator.randrange(1_000_000)}")
                arcs += 1
        header = [f"c random sparse assignment: {n} rows, {degree} random arcs each and one to its own column,",
                  f"c costs uniform in 0..999999, seed {seed}", f"p asn {2 * n} {arcs}"]
        header += [f"n {row + 1}" for row in range(n)]
        path.write_text("\n".join(header + lines) + "\n")
    return path, None


def run(command, timeout):
    started = time.perf_counter()
    try:
        done = subprocess.run([*CORE, *command], capture_output=True, text=True, env=ENVIRONMENT, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"timeout": timeout}
    wall = time.perf_counter() - started
    if done.returncode != 0:
        lines = (done.stderr.strip() or done.stdout.strip() or "failed").splitlines()
        return {"error": lines[-1], "wall_seconds": wall}
    result = json.loads(done.stdout)
    result["wall_seconds"] = wall
    return result


def main():
    global TANDEM
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, nargs="*", default=[20000, 50000, 150000],
                        help="people in each generated round whose candidate graph is solved")
    parser.add_argument("--random", type=int, nargs="*", default=[50000], help="sizes of the random graphs")
    parser.add_argument("--degrees", type=int, nargs="+", default=[10, 40], help="random arcs per row")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=900, help="seconds per solver run before it is left out")
    parser.add_argument("--runs", type=int, default=3, help="runs of each solver per graph; the table gives the median")
    parser.add_argument("--tandem", type=Path, default=TANDEM)
    parser.add_argument("--reference", action="store_true", help="write to reference/ instead of results/")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be 1 or more")
    TANDEM = args.tandem.resolve()
    if not TANDEM.exists():
        raise SystemExit(f"{TANDEM} is missing: run `make build` first")
    prepare()
    graphs = [(f"round, {people:,} people", *round_graph(people)) for people in args.rounds]
    graphs += [(f"random, n = {n:,}, {degree} arcs per row", *random_graph(n, degree, args.seed))
               for n in args.random for degree in args.degrees]
    solvers = ["tandem"] + PYTHON_SOLVERS + [f"lemon-{name}" for name in LEMON_SOLVERS]
    header = ["graph", "rows", "arcs"] + [f"{name} (s)" for name in solvers] + ["tandem / fastest other", "agree"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    print("\n".join(lines), flush=True)
    records = []
    for label, path, expected in graphs:
        commands = {"tandem": [str(TANDEM), "solve", str(path), "--json"]}
        for solver in PYTHON_SOLVERS:
            commands[solver] = [str(VENV / "bin" / "python"), str(HERE / "sparse_runner.py"), solver, str(path)]
        for algorithm in LEMON_SOLVERS:
            commands[f"lemon-{algorithm}"] = [str(LEMON), algorithm, str(path)]
        results = {solver: [] for solver in solvers}
        for _ in range(args.runs):
            for solver in solvers:
                if any("timeout" in result or "error" in result for result in results[solver]):
                    continue
                result = run(commands[solver], args.timeout)
                # The raw runs keep the figures, not the answer row by row.
                if "assignment" in result:
                    result["assigned"] = sum(1 for column in result.pop("assignment") if column is not None)
                result.pop("row_ids", None)
                result.pop("unassigned_rows", None)
                results[solver].append(result)
        tandem = results["tandem"][0]
        optimum = tandem.get("objective")
        agree = tandem.get("optimal") is True and (expected is None or optimum == expected)
        cells = [label, f"{tandem.get('rows', 0):,}", f"{tandem.get('pairs', 0):,}"]
        fastest = ours = None
        for solver in solvers:
            failed = next((result for result in results[solver] if "timeout" in result or "error" in result), None)
            if failed is not None and "timeout" in failed:
                cells.append(f"> {args.timeout:.0f}")
            elif failed is not None:
                cells.append("– (" + failed["error"][:60] + ")")
            else:
                seconds = statistics.median(
                    result["solve_seconds"] if solver == "tandem" else result["seconds"][0]
                    for result in results[solver])
                same = all(int(result["objective"]) == optimum for result in results[solver])
                agree = agree and same
                cells.append(f"{seconds:.2f}" + ("" if same else " ≠"))
                if solver == "tandem":
                    ours = seconds
                else:
                    fastest = seconds if fastest is None else min(fastest, seconds)
        cells.append(f"{ours / fastest:.2f}×" if ours is not None and fastest else "–")
        cells.append("yes" if agree else "NO")
        lines.append("| " + " | ".join(cells) + " |")
        print(lines[-1], flush=True)
        records.append({"graph": label, "file": path.name, "expected": expected, "results": results})
    folder = HERE / ("reference" if args.reference else "results")
    folder.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%d")
    (folder / f"sparse-{stamp}.md").write_text("\n".join(lines) + "\n")
    (folder / f"sparse-{stamp}.json").write_text(json.dumps(records, indent=1) + "\n")


if __name__ == "__main__":
    main()
