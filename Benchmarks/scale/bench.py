#!/usr/bin/env python3
"""The scale benchmark of issue 8 (run it through run.sh, which makes the venv and the binary).

    bench.py --snoei BINARY [--runs 3] [--as-of 2026-11-24] [--seed 1] [--data /tmp/snoei-scale]
             [--results Benchmarks/results] [--max-load 0.3] [--max-wait 900] [--no-import] SIZES…

Per size: the ledger is generated once into DATA/N (`snoei generate --customers N --seed S
--as-of D`; a binary without `generate` gets `snoei demo --customers N --end D` + `snoei export`
instead, and says so). Then, after waiting until the 1-minute load average is below --max-load
(at most --max-wait seconds; the load is recorded either way), RUNS rounds, each running in turn

  snoei analyze --from DATA/N --as-of D --format csv --no-value --policy P   (output to a file)
  DuckDB  (peers.py worker: a fresh process; read_csv + SQL)
  pandas  (peers.py worker: a fresh process; read_csv + numpy)

Every run is timed (wall clock; the peers from before reading the CSV until every figure is in
memory, their interpreter start and imports excluded, which favours the peers), with its peak
RSS and CPU time (wait4), and the CPU that *other* processes used meanwhile: busy jiffies of
/proc/stat minus the run's own CPU, as a share of cores x wall time. The first round's
figures are compared: Snoei's CSV (and, up to --json-max customers, its JSON: portfolio, hours by
activity, contacts by kind and channel) against each peer, and the peers against each other.
Then (unless --no-import) `snoei import DATA/N --database DATA/N.sqlite` (rows/s) and
`snoei analyze --database DATA/N.sqlite …` (analysis from the store), whose CSV must be
byte-identical to the one from --from.

Prints a table and writes DATE-scale-N.json (every run) to the results folder. Exit code 1
when any figure disagrees.
"""
import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peers  # noqa: E402

CLK = os.sysconf("SC_CLK_TCK")
NCPU = os.cpu_count() or 1


def busy_seconds():
    with open("/proc/stat") as f:
        parts = f.readline().split()
    user, nice, system, idle, iowait, irq, softirq, steal = (int(x) for x in parts[1:9])
    return (user + nice + system + irq + softirq + steal) / CLK


def loadavg():
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


def wait_idle(max_load, max_wait):
    t0 = time.time()
    first = loadavg()
    while loadavg() > max_load and time.time() - t0 < max_wait:
        time.sleep(10)
    return {"load_before_wait": first, "load_after_wait": loadavg(), "waited_s": round(time.time() - t0, 1),
            "idle": loadavg() <= max_load}


def measured(cmd, stdout=None):
    """Runs cmd; wall time, its own CPU and peak RSS (wait4), other processes' CPU share."""
    load0 = loadavg()
    b0 = busy_seconds()
    t0 = time.perf_counter()
    with tempfile.TemporaryFile() as errf:
        proc = subprocess.Popen(cmd, stdout=stdout or subprocess.DEVNULL, stderr=errf)
        _, status, usage = os.wait4(proc.pid, 0)  # wait4 reaps it and gives its rusage
        wall = time.perf_counter() - t0
        busy = busy_seconds() - b0
        errf.seek(0)
        err = errf.read().decode(errors="replace")
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({code}):\n{err}")
    own = usage.ru_utime + usage.ru_stime
    return {"wall": wall, "cpu": own, "maxrss_mb": usage.ru_maxrss / 1024,
            "others_cpu_share": max(0.0, busy - own) / (wall * NCPU), "load_before": load0, "stderr": err}


def has_subcommand(snoei, name):
    """Listed by `snoei --help` (an unknown subcommand's --help still exits 0)."""
    out = subprocess.run([snoei, "--help"], capture_output=True, text=True).stdout
    return re.search(rf"^\s+{name}\b", out, re.M) is not None


def analyze_has(snoei, option):
    out = subprocess.run([snoei, "analyze", "--help"], capture_output=True, text=True).stdout
    return re.search(rf"{option}\b", out) is not None


def count_rows(folder):
    rows = {}
    for name in sorted(os.listdir(folder)):
        if name.endswith(".csv"):
            with open(os.path.join(folder, name), "rb") as f:
                rows[name[:-4]] = max(0, sum(1 for _ in f) - 1)  # physical lines; ids hold no newlines
    return rows


def ensure_ledger(args, n):
    folder = os.path.join(args.data, str(n))
    db = folder + ".demo.sqlite"
    info = {"folder": folder}
    can_generate = has_subcommand(args.snoei, "generate")
    if os.path.exists(os.path.join(folder, "customers.csv")):
        source_file = os.path.join(folder, ".source")
        info["source"] = open(source_file).read().strip() if os.path.exists(source_file) else "existing"
        # A demo stand-in from before `generate` existed is replaced by a generated ledger.
        if not (can_generate and info["source"].startswith("snoei demo")):
            if os.path.exists(db):
                info["demo_database"] = db
            return info
        shutil.rmtree(folder)
    os.makedirs(folder, exist_ok=True)
    t0 = time.perf_counter()
    if can_generate:
        subprocess.run([args.snoei, "generate", "--customers", str(n), "--seed", str(args.seed), "--as-of", args.as_of,
                        folder], check=True, stdout=subprocess.DEVNULL)
        info["source"] = f"snoei generate --customers {n} --seed {args.seed} --as-of {args.as_of}"
    else:
        if os.path.exists(db):
            os.unlink(db)
        subprocess.run([args.snoei, "demo", "--customers", str(n), "--end", args.as_of, "--seed", str(args.seed),
                        "--database", db], check=True, stdout=subprocess.DEVNULL)
        subprocess.run([args.snoei, "export", folder, "--database", db], check=True, stdout=subprocess.DEVNULL)
        info["source"] = (f"snoei demo --customers {n} --end {args.as_of} --seed {args.seed} + snoei export "
                          "(no `snoei generate` in this binary)")
        info["demo_database"] = db
    info["generate_s"] = round(time.perf_counter() - t0, 2)
    with open(os.path.join(folder, ".source"), "w") as f:
        f.write(info["source"] + "\n")
    return info


def snoei_analyze_cmd(args, folder, policy, fmt="csv", database=None):
    src = ["--database", database] if database else ["--from", folder]
    return [args.snoei, "analyze", *src, "--as-of", args.as_of, "--format", fmt, "--no-value", "--policy", policy]


def peer_run(engine, args, folder, policy, keep):
    """A peers.py worker, measured like Snoei."""
    ns = argparse.Namespace(folder=folder, as_of=args.as_of, policy=policy, pandas_engine="pyarrow",
                            threads=None)
    load0 = loadavg()
    b0 = busy_seconds()
    r = peers.run_worker(engine, ns, keep=keep)
    busy = busy_seconds() - b0
    r["others_cpu_share"] = max(0.0, busy - r["cpu"]) / (r["wall"] * NCPU)
    r["load_before"] = load0
    return r


def median(xs):
    return statistics.median(xs) if xs else float("nan")


def bench_size(args, n, policy, has_from):
    ledger = ensure_ledger(args, n)
    folder = ledger["folder"]
    rows = count_rows(folder)
    total_rows = sum(rows.values())
    print(f"\n== {n} customers: {folder} ({ledger['source']}), {total_rows:,} rows {rows}", flush=True)
    out_dir = os.path.join(args.data, f"{n}.out")
    os.makedirs(out_dir, exist_ok=True)
    idle = wait_idle(args.max_load, args.max_wait)
    print(f"load {idle['load_before_wait']:.2f} → {idle['load_after_wait']:.2f} after waiting {idle['waited_s']} s"
          + ("" if idle["idle"] else f" (not below {args.max_load}: measuring anyway)"), flush=True)
    result = {"customers": n, "ledger": ledger, "rows": rows, "total_rows": total_rows, "idle": idle,
              "runs": {"snoei": [], "duckdb": [], "pandas": []}}
    database = None if has_from else ledger.get("demo_database")
    kept = {}
    # pandas needs ~16 GB and minutes per run at 1M customers: --pandas-max leaves it out above a size.
    engines = ["snoei", "duckdb"] + (["pandas"] if n <= args.pandas_max else [])
    result["engines"] = engines
    snoei_csv = os.path.join(out_dir, "snoei-from.csv")
    for k in range(args.runs):
        for engine in engines:
            if engine == "snoei":
                with open(snoei_csv, "wb") as out:
                    cmd = snoei_analyze_cmd(args, folder, policy, database=database) + \
                        (["--timings"] if has_from and args.timings else [])
                    r = measured(cmd, stdout=out)
                r["seconds"] = r["wall"]
                err = r.pop("stderr").strip()
                if err:
                    r["snoei_stderr"] = err[-2000:]  # with --timings: Snoei's own phases
                if k == 0:
                    # Keep the first round's output for the agreement check.
                    os.replace(snoei_csv, snoei_csv + ".first")
            else:
                r = peer_run(engine, args, folder, policy, keep=(k == 0))
                if k == 0:
                    kept[engine] = {"df": r.pop("df"), "portfolio": r["portfolio"]}
                r.pop("df", None)
            result["runs"][engine].append({key: v for key, v in r.items() if key not in ("portfolio",)})
            print(f"  round {k + 1} {engine:6s} {r['seconds']:7.2f} s  (process {r['wall']:.2f} s, cpu {r['cpu']:.2f} s, "
                  f"max RSS {r['maxrss_mb']:.0f} MB, others' CPU {r['others_cpu_share'] * 100:.0f}%, "
                  f"load {r['load_before']:.2f})", flush=True)
    first_csv = snoei_csv + ".first" if os.path.exists(snoei_csv + ".first") else snoei_csv

    # Agreement.
    data = None
    if n <= args.json_max:
        json_path = os.path.join(out_dir, "snoei.json")
        with open(json_path, "wb") as out:
            subprocess.run(snoei_analyze_cmd(args, folder, policy, fmt="json", database=database), stdout=out, check=True)
        data = peers.snoei_json(json_path)
    agreement = {}
    failed = False
    for engine in engines[1:]:
        mm, seen = peers.compare_csv(engine, kept[engine]["df"], first_csv)
        if data is not None:
            peers.compare_json(engine, kept[engine]["df"], kept[engine]["portfolio"], data, mm)
        else:
            sp = peers.portfolio_from_snoei_csv(first_csv)
            for key, v in kept[engine]["portfolio"].items():
                if not ((v == sp[key]) if isinstance(v, int) else abs(v - sp[key]) <= 1e-9 * max(1, abs(v))):
                    mm.add("portfolio (from snoei's columns)", key, v, sp[key])
        agreement[engine] = {"customers": seen, "mismatches": mm.count, "by_column": mm.by_column,
                             "first": mm.shown, "portfolio_checked_against": "json" if data else "snoei csv columns"}
        print(f"  agreement {engine} vs snoei: {seen} customers, {mm.count} mismatches"
              + (f" {mm.by_column}" if mm.count else ""))
        for line in mm.shown:
            print(line)
        failed |= mm.count > 0
    if "pandas" in kept:
        mm = peers.compare_engines("duckdb", kept["duckdb"], "pandas", kept["pandas"])
        agreement["duckdb_vs_pandas"] = {"differences": mm.count, "first": mm.shown}
        print(f"  agreement duckdb vs pandas: {mm.count} differences")
        for line in mm.shown:
            print(line)
        failed |= mm.count > 0
    result["agreement"] = agreement
    result["portfolio"] = kept["duckdb"]["portfolio"]

    # (b) import into SQLite, (c) analysis from the store.
    if args.do_import:
        db = os.path.join(args.data, f"{n}.import.sqlite")
        for suffix in ["", "-wal", "-shm"]:
            if os.path.exists(db + suffix):
                os.unlink(db + suffix)
        wait_idle(args.max_load, args.max_wait / 3)
        r = measured([args.snoei, "import", folder, "--database", db])
        r["rows_per_s"] = total_rows / r["wall"]
        r.pop("stderr", None)
        result["import"] = r
        print(f"  import into SQLite: {r['wall']:.2f} s, {r['rows_per_s']:,.0f} rows/s, max RSS {r['maxrss_mb']:.0f} MB, "
              f"others' CPU {r['others_cpu_share'] * 100:.0f}%", flush=True)
        store_runs = []
        store_csv = os.path.join(out_dir, "snoei-store.csv")
        for k in range(args.store_runs):
            with open(store_csv, "wb") as out:
                r = measured(snoei_analyze_cmd(args, folder, policy, database=db), stdout=out)
            r.pop("stderr", None)
            store_runs.append(r)
            print(f"  analyze from the store: {r['wall']:.2f} s, max RSS {r['maxrss_mb']:.0f} MB, "
                  f"others' CPU {r['others_cpu_share'] * 100:.0f}%", flush=True)
        # The same rows; the store lists customers by id, --from in the file's order.
        def rows(path):
            lines = open(path, "rb").read().splitlines()
            return lines[:1] + sorted(lines[1:])
        same = rows(store_csv) == rows(first_csv)
        print(f"  CSV from the store {'has the same rows as' if same else 'DIFFERS from'} the CSV from "
              + ("--from" if has_from else "the demo store (no --from to compare with)"))
        result["store_runs"] = store_runs
        result["store_csv_identical"] = same
        failed |= not same and has_from
    result["failed"] = failed
    return result


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sizes", nargs="+", type=int)
    ap.add_argument("--snoei", required=True)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--store-runs", type=int, default=1)
    ap.add_argument("--as-of", default="2026-11-24")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--data", default="/tmp/snoei-scale")
    ap.add_argument("--results", default="Benchmarks/results")
    ap.add_argument("--max-load", type=float, default=0.3)
    ap.add_argument("--max-wait", type=float, default=900)
    ap.add_argument("--json-max", type=int, default=100_000, help="compare Snoei's JSON up to this many customers")
    ap.add_argument("--pandas-max", type=int, default=10**9,
                    help="run pandas only up to this many customers (it needs ~16 GB at 1M)")
    ap.add_argument("--no-import", dest="do_import", action="store_false")
    ap.add_argument("--no-timings", dest="timings", action="store_false", help="do not pass --timings to snoei")
    args = ap.parse_args()
    args.snoei = os.path.abspath(args.snoei) if os.sep in args.snoei else args.snoei
    os.makedirs(args.data, exist_ok=True)
    os.makedirs(args.results, exist_ok=True)
    policy = os.path.join(args.data, "policy.toml")
    subprocess.run([args.snoei, "policy", "init", "--path", policy, "--force"], check=True, stdout=subprocess.DEVNULL)
    has_from = analyze_has(args.snoei, "--from")
    args.timings = args.timings and analyze_has(args.snoei, "--timings")
    if not has_from:
        print("note: this snoei has no `analyze --from`; Snoei's time is `analyze --database` on the demo store",
              file=sys.stderr)
    import duckdb
    import pandas
    import pyarrow
    machine = {"cpus": NCPU, "platform": platform.platform(), "python": platform.python_version(),
               "duckdb": duckdb.__version__, "pandas": pandas.__version__, "pyarrow": pyarrow.__version__,
               "cpu_model": next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?"),
               "mem_gib": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
               "snoei": args.snoei,
               "git": subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()}
    stamp = datetime.datetime.now().strftime("%Y-%m-%d-%H%M")
    results = []
    for n in args.sizes:
        r = bench_size(args, n, policy, has_from)
        r["machine"] = machine
        r["snoei_mode"] = "analyze --from (CSV folder)" if has_from else "analyze --database (demo SQLite store)"
        results.append(r)
        with open(os.path.join(args.results, f"{stamp}-scale-{n}.json"), "w") as f:
            json.dump(r, f, indent=1, default=str)

    print(f"\nmachine: {machine['cpus']} CPUs ({machine['cpu_model']}), {machine['mem_gib']} GiB; duckdb "
          f"{machine['duckdb']}, pandas {machine['pandas']} (pyarrow {machine['pyarrow']}); snoei {results[0]['snoei_mode']}")
    print("medians of %d rounds; ratios = Snoei / peer (below 1: Snoei faster); others' CPU = max over the runs" % args.runs)
    head = ["customers", "rows", "snoei s", "duckdb s", "pandas s", "snoei/duckdb", "snoei/pandas",
            "RSS snoei/duckdb/pandas MB", "others' CPU", "import rows/s", "store analyze s", "agree"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    failed = False
    for r in results:
        m = {e: median([x["seconds"] for x in r["runs"][e]]) for e in r["runs"]}
        rss = "/".join(f"{max(x['maxrss_mb'] for x in r['runs'][e]):.0f}" if r["runs"][e] else "—"
                       for e in ["snoei", "duckdb", "pandas"])
        others = max(x["others_cpu_share"] for e in r["runs"] for x in r["runs"][e])
        imp = f"{r['import']['rows_per_s']:,.0f}" if "import" in r else "—"
        store = f"{median([x['wall'] for x in r['store_runs']]):.2f}" if "store_runs" in r else "—"
        agree = "yes" if not r["failed"] else "NO"
        print(f"| {r['customers']:,} | {r['total_rows']:,} | {m['snoei']:.2f} | {m['duckdb']:.2f} | {m['pandas']:.2f} | "
              f"{m['snoei'] / m['duckdb']:.2f} | {m['snoei'] / m['pandas']:.2f} | {rss} | {others * 100:.0f}% | {imp} | "
              f"{store} | {agree} |")
        failed |= r["failed"]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
