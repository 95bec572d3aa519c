"""Side-by-side timings of `tandem solve` and other assignment solvers on the same seeded instances.

    python3 Benchmarks/comparison/compare.py [--sizes 1000 2000 4000 8000] [--repeats 3]

Each instance is written once by `tandem instance` (seeded; .npy), then solved by
`tandem solve` (its own `solve_seconds`) and by SciPy's linear_sum_assignment,
lap's lapjv, lapx's lapjvx and lapjv's lapjv, each in its own virtual
environment (lap and lapx install the same module name), all pinned to one core
with one thread. Only the solve call is timed on every side; the reported
figure is the median of the repeats. Every solver's objective must agree with
Tandem's certified optimum, or the row is marked. The table goes to stdout and
to Benchmarks/comparison/results/.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TANDEM = ROOT / ".build" / "release" / "tandem"  # --tandem overrides
VENVS = {
    "main": ["numpy", "scipy", "lapjv", "ortools"],
    "lap": ["numpy", "lap"],
    "lapx": ["numpy", "lapx"],
}
SOLVER_VENV = {"scipy": "main", "lapjv": "main", "ortools": "main", "lap": "lap", "lapx": "lapx"}
ENVIRONMENT = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
CORE = ["taskset", "-c", "1"] if os.cpu_count() and os.cpu_count() > 1 else []


def cases(size):
    """(label, family, rows, columns, slots): the issue's instance families at one size."""
    return [
        ("uniform-int", "uniform-int", size, size, 1),
        ("uniform-float", "uniform-float", size, size, 1),
        ("mentoring", "mentoring", size, size, 1),
        ("mentoring, 2% forbidden", "mentoring-forbidden", size, size, 1),
        ("mentoring, n × 2n", "mentoring", size, 2 * size, 1),
        ("popular-mentors", "popular-mentors", size, size, 1),
        ("popular-mentors, n × n/2, 2 slots", "popular-mentors", size, size // 2, 2),
    ]


def ensure_venvs():
    for name, packages in VENVS.items():
        python = HERE / ".venvs" / name / "bin" / "python"
        if python.exists():
            continue
        print(f"creating .venvs/{name} with {' '.join(packages)}", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(HERE / ".venvs" / name)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", *packages], check=True)


def instance(family, rows, columns, seed):
    path = HERE / "instances" / f"{family}-{rows}x{columns}-s{seed}.npy"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([str(TANDEM), "instance", "--family", family, "--rows", str(rows),
                        "--columns", str(columns), "--seed", str(seed), "--out", str(path)], check=True)
    return path


def run_tandem(path, maximize, slots, columns, repeats):
    command = [*CORE, str(TANDEM), "solve", str(path), "--json", "--forbidden=-1"]
    if maximize:
        command.append("--maximize")
    if slots > 1:
        capacities = path.with_suffix(f".slots{slots}.txt")
        capacities.write_text(f"{slots}\n" * columns)
        command += ["--capacities", str(capacities)]
    seconds, result = [], None
    for _ in range(repeats):
        output = subprocess.run(command, check=True, capture_output=True, text=True, env=ENVIRONMENT).stdout
        result = json.loads(output)
        seconds.append(result["solve_seconds"])
    return {"seconds": seconds, "objective": float(result["objective"]), "optimal": result["optimal"],
            "assigned": sum(1 for column in result["assignment"] if column is not None)}


def run_python(solver, path, maximize, slots, repeats, timeout):
    python = HERE / ".venvs" / SOLVER_VENV[solver] / "bin" / "python"
    command = [*CORE, str(python), str(HERE / "solver_runner.py"), solver, str(path),
               "--slots", str(slots), "--repeats", str(repeats)]
    if maximize:
        command.append("--maximize")
    try:
        completed = subprocess.run(command, capture_output=True, text=True, env=ENVIRONMENT, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"timeout": timeout}
    if completed.returncode != 0:
        return {"error": completed.stderr.strip().splitlines()[-1] if completed.stderr.strip() else "failed"}
    return json.loads(completed.stdout)


def main():
    global TANDEM
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000, 4000, 8000])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--solvers", nargs="+", default=["scipy", "lap", "lapx", "lapjv"])
    parser.add_argument("--only", nargs="*", default=None, help="labels of the cases to run (default: all)")
    parser.add_argument("--timeout", type=float, default=600, help="seconds per solver run before it is skipped")
    parser.add_argument("--tandem", type=Path, default=TANDEM, help="the tandem binary (default: the release build)")
    args = parser.parse_args()
    TANDEM = args.tandem.resolve()
    if not TANDEM.exists():
        raise SystemExit(f"{TANDEM} is missing: run `make build` first")
    ensure_venvs()

    header = ["instance", "n", "tandem (s)"] + [f"{s} (s)" for s in args.solvers] + ["tandem / fastest", "agree"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    print("\n".join(lines), flush=True)
    timed_out = set()
    records = []
    for size in args.sizes:
        for label, family, rows, columns, slots in cases(size):
            if args.only and label not in args.only:
                continue
            path = instance(family, rows, columns, args.seed)
            maximize = family not in ("uniform-int", "uniform-float")
            ours = run_tandem(path, maximize, slots, columns, args.repeats)
            ours_median = statistics.median(ours["seconds"])
            cells = [label, f"{rows}×{columns * slots}" if slots > 1 else f"{rows}×{columns}", f"{ours_median:.3f}"]
            fastest, agree = None, ours["optimal"]
            record = {"case": label, "rows": rows, "columns": columns, "slots": slots, "tandem": ours}
            for solver in args.solvers:
                if (solver, label) in timed_out:
                    cells.append("skipped")
                    continue
                theirs = run_python(solver, path, maximize, slots, args.repeats, args.timeout)
                record[solver] = theirs
                if "timeout" in theirs:
                    timed_out.add((solver, label))
                    cells.append(f"> {args.timeout:.0f}")
                    continue
                if "error" in theirs:
                    cells.append("error")
                    continue
                median = statistics.median(theirs["seconds"])
                same = abs(theirs["objective"] - ours["objective"]) <= 1e-6 * max(1.0, abs(ours["objective"]))
                same = same and theirs["assigned"] == ours["assigned"] and theirs.get("uses_forbidden_pairs", 0) == 0
                agree = agree and same
                cells.append(f"{median:.3f}" + ("" if same else " ≠"))
                fastest = median if fastest is None else min(fastest, median)
            cells.append(f"{ours_median / fastest:.2f}×" if fastest else "–")
            cells.append("yes" if agree else "NO")
            records.append(record)
            lines.append("| " + " | ".join(cells) + " |")
            print(lines[-1], flush=True)
    results = HERE / "results"
    results.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    (results / f"comparison-{stamp}.md").write_text("\n".join(lines) + "\n")
    (results / f"comparison-{stamp}.json").write_text(json.dumps(records, indent=1) + "\n")


if __name__ == "__main__":
    main()
