#!/usr/bin/python3
"""Spillway's benchmark: measures spillway-cli on the bundled examples and prints a Markdown
report (also saved under bench-results/). Timings are medians of several runs; every figure
comes from this run on this machine, with a baseline measured in the same run.

Usage: scripts/benchmark.py [--runs 5] [--rows 10000000] [--billion] [--cli PATH]
                           [--sections core,ingest,generators,examples,compression,pipeline,tpch]
  --billion  also runs 1,000,000,000 rows of the e-commerce orders table (minutes).
  --sections runs only the named parts (default: all).
  --pipeline-scale F  the example ETL's input in the pipeline section (default 80: 320,000
                      rows, about 20 s per run).
  --sections import  spillway-cli import of 200 tables × 20 columns (not in the default set).
  --tpch-scale F  the scale factor of the tpch section (default 1: 8.7 million rows, 1 GB of CSV)."""
import argparse
import datetime
import json
import os
import pathlib
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent / "bench"))
import catalogue  # noqa: E402
import importbench  # noqa: E402
import pipeline  # noqa: E402
import tpch  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent


def machine():
    cpu = "unknown CPU"
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem = int(re.search(r"MemTotal:\s+(\d+)", open("/proc/meminfo").read()).group(1)) // 1024
    return f"{cpu}, {os.cpu_count()} cores, {mem // 1024} GiB, {platform.platform()}"


def timed(cmd, stdout=subprocess.DEVNULL):
    """Runs cmd under /usr/bin/time -v; returns wall s, cpu s, peak RSS MB and stderr."""
    proc = subprocess.run(["/usr/bin/time", "-v"] + cmd, stdout=stdout, stderr=subprocess.PIPE,
                          text=True)
    if proc.returncode != 0:
        sys.exit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr[-2000:]}")
    err = proc.stderr

    def field(name):
        return re.search(re.escape(name) + r":\s*(.+)", err).group(1).strip()

    wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss)")
    parts = [float(p) for p in wall.split(":")]
    seconds = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
    cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
    rss = int(field("Maximum resident set size (kbytes)")) / 1024
    return seconds, cpu, rss, err


def summary_json(stderr_text):
    for line in reversed(stderr_text.splitlines()):
        if line.startswith("{") and '"finished"' in line:
            return json.loads(line)
    return None


def median_runs(runs, fn):
    results = [fn() for _ in range(runs)]
    keys = results[0].keys()
    return {k: statistics.median(r[k] for r in results) for k in keys}


def generate_case(cli, schema, extra, workers, runs, out_dir=None):
    def once():
        if out_dir:
            shutil.rmtree(out_dir, ignore_errors=True)
            cmd = [cli, "generate", schema, "--out", out_dir, "--workers", str(workers), "--json", "--no-record"]
        else:
            cmd = [cli, "generate", schema, "--out", "-", "--workers", str(workers), "--json", "--no-record"]
        wall, cpu, rss, err = timed(cmd + extra)
        s = summary_json(err) if not out_dir else None
        if out_dir:
            size = sum(f.stat().st_size for f in pathlib.Path(out_dir).iterdir())
            rows = None
        else:
            size, rows = s["bytes"], s["rows"]
        return {"wall": wall, "cpu": cpu, "rss": rss, "bytes": size, "rows": rows or 0}

    return median_runs(runs, once)


def python_baseline(rows, runs):
    script = ROOT / "scripts/bench/python_lineitem.py"

    def once():
        wall, cpu, rss, _ = timed(["/usr/bin/python3", str(script), str(rows)])
        return {"wall": wall, "cpu": cpu, "rss": rss}

    return median_runs(runs, once)


def psql(conninfo, *commands, check=True):
    cmd = ["psql", conninfo, "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1"]
    for c in commands:
        cmd += ["-c", c]
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if check and proc.returncode != 0:
        sys.exit(f"psql failed: {proc.stderr}")
    return proc.stdout


def timed_parallel(commands):
    """Runs the commands at once; returns the wall time until the last one ends."""
    import time
    start = time.monotonic()
    procs = [subprocess.Popen(c, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for c in commands]
    for p in procs:
        _, err = p.communicate()
        if p.returncode != 0:
            sys.exit(f"failed: {err.decode()[-1000:]}")
    return time.monotonic() - start


def ingest_section(cli, args):
    """ingest and load beside psql's \\copy of the same rows, into the same embedded server."""
    rows = args.ingest_rows
    work = pathlib.Path(tempfile.mkdtemp(prefix="spillway-bench-ingest-"))
    work.chmod(0o755)  # as root the server runs as 'postgres', which must enter this folder
    server = work / "server"
    subprocess.run([cli, "server", "start", "--server-dir", str(server)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    status = json.loads(subprocess.run([cli, "server", "status", "--server-dir", str(server), "--json"],
                                       stdout=subprocess.PIPE, text=True).stdout)
    db = status["connectionString"]
    try:
        half = rows // 2
        for fmt in ("csv", "pgbinary"):
            subprocess.run([cli, "generate", "example:lineitem", "--rows", str(rows), "--out", str(work / fmt),
                            "--format", fmt, "--split-rows", str(half), "--quiet", "--no-record"], check=True)
        for comp in ("gzip", "zstd"):  # what load reads compressed, streamed
            subprocess.run([cli, "generate", "example:lineitem", "--rows", str(rows), "--out",
                            str(work / f"csv-{comp}"), "--compress", comp, "--split-rows", str(half),
                            "--quiet", "--no-record"], check=True)
        ddl = subprocess.run([cli, "ddl", "example:lineitem"], stdout=subprocess.PIPE, text=True).stdout
        psql(db, "DROP TABLE IF EXISTS lineitem", ddl)
        parts = {fmt: sorted(str(p) for p in (work / fmt).iterdir()) for fmt in ("csv", "pgbinary")}
        copy_opt = {"csv": "(format csv, header true)", "pgbinary": "(format binary)"}

        def copy_cmd(fmt, files):
            cmd = ["psql", db, "-X", "-q", "-v", "ON_ERROR_STOP=1"]
            for f in files:
                cmd += ["-c", f"\\copy lineitem from '{f}' {copy_opt[fmt]}"]
            return cmd

        results = {}
        runs = args.runs

        def measure(name, fn):
            times = []
            for _ in range(runs):
                psql(db, "TRUNCATE lineitem", "CHECKPOINT")
                times.append(fn())
            count = int(psql(db, "SELECT count(*) FROM lineitem").strip())
            if count != rows:
                sys.exit(f"{name} loaded {count} rows instead of {rows}")
            results[name] = statistics.median(times)

        for fmt in ("csv", "pgbinary"):
            measure(f"psql \\copy {fmt}, 1 session", lambda fmt=fmt: timed_parallel([copy_cmd(fmt, parts[fmt])]))
            measure(f"psql \\copy {fmt}, 2 sessions",
                    lambda fmt=fmt: timed_parallel([copy_cmd(fmt, [f]) for f in parts[fmt]]))
        for workers in (1, 2):
            measure(f"spillway ingest (binary), {workers} worker(s)", lambda w=workers: timed_parallel([[
                cli, "ingest", "example:lineitem", "--db", db, "--rows", str(rows), "--mode", "append",
                "--workers", str(w), "--no-analyze", "--quiet", "--no-record"]]))
        measure("spillway load csv, 2 workers", lambda: timed_parallel([[
            cli, "load", str(work / "csv"), "--db", db, "--table", "lineitem", "--header", "--workers", "2",
            "--quiet", "--no-record"]]))
        for name, folder, opts in (("csv.gz", "csv-gzip", ["--header"]), ("csv.zst", "csv-zstd", ["--header"]),
                                   ("binary", "pgbinary", ["--format", "binary"])):
            measure(f"spillway load {name}, 2 workers", lambda folder=folder, opts=opts: timed_parallel([[
                cli, "load", str(work / folder), "--db", db, "--table", "lineitem", *opts, "--workers", "2",
                "--quiet", "--no-record"]]))
        out = ["", f"### Ingest and load: lineitem-like table, {rows:,} rows, embedded server, same run", "",
               "| loader | wall s | rows/s |", "|---|---|---|"]
        for name, t in results.items():
            out.append(f"| {name} | {t:.2f} | {rows / t / 1e6:.2f}M |")
        base_bin = results["psql \\copy pgbinary, 2 sessions"]
        base_csv = results["psql \\copy csv, 2 sessions"]
        out += ["", f"ingest 2 workers / psql \\copy binary 2 sessions: "
                    f"{base_bin / results['spillway ingest (binary), 2 worker(s)']:.2f}× (target ≥ 0.9×)",
                f"load csv 2 workers / psql \\copy csv 2 sessions: "
                f"{base_csv / results['spillway load csv, 2 workers']:.2f}× (target ≥ 0.95×)",
                f"psql binary vs csv (2 sessions): {base_csv / base_bin:.2f}×"]
        return out
    finally:
        subprocess.run([cli, "server", "stop", "--server-dir", str(server)], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        shutil.rmtree(work, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--billion", action="store_true")
    ap.add_argument("--ingest-rows", type=int, default=2_000_000)
    ap.add_argument("--ingest-only", action="store_true", help="only the ingest and load part")
    ap.add_argument("--cli", default=str(ROOT / "build/app/cli/spillway-cli"))
    ap.add_argument("--sections", default="core,ingest,generators,examples,compression,pipeline,tpch")
    ap.add_argument("--pipeline-scale", type=float, default=80)
    ap.add_argument("--tpch-scale", type=float, default=1)
    args = ap.parse_args()
    cli = args.cli
    sections = set(args.sections.split(","))
    if args.ingest_only:
        sections = {"ingest"}
    lines = [f"Machine: {machine()}", f"Date: {datetime.date.today()}; runs per figure: {args.runs} (median)", ""]
    rows = args.rows
    genbench = str(pathlib.Path(cli).resolve().parent.parent / "genbench/spillway-genbench")
    if "generators" in sections:
        lines += catalogue.generators_section(genbench, args.runs)
        print("\n".join(lines), flush=True)
    if "examples" in sections:
        lines += catalogue.examples_section(cli, args.runs)
    if "compression" in sections:
        lines += catalogue.compression_section(cli, args.runs)
    if "core" in sections:
        lines += core_section(cli, args, rows)
    if "ingest" in sections:
        lines += ingest_section(cli, args)
    if "pipeline" in sections:
        lines += pipeline.pipeline_section(cli, min(args.runs, 3), args.pipeline_scale)
    if "import" in sections:
        lines += importbench.import_section(cli, args.runs)
    if "tpch" in sections:
        lines += tpch.tpch_section(cli, args.runs, args.tpch_scale)
    report = "\n".join(lines) + "\n"
    print(report)
    out = ROOT / "bench-results"
    out.mkdir(exist_ok=True)
    (out / f"benchmark-{datetime.datetime.now():%Y%m%d-%H%M%S}.md").write_text(report)


def core_section(cli, args, rows):
    """Lineitem throughput and scaling, the Python baseline, e-commerce and memory."""
    lines = []

    lines += ["### generate: lineitem-like table to CSV", "",
              "| case | workers | rows | wall s | rows/s | MB/s | CPU s | peak RSS MB |",
              "|---|---|---|---|---|---|---|---|"]
    rates = {}
    for target in ("stdout → /dev/null", "files on disk"):
        for workers in (1, 2):
            tmp = tempfile.mkdtemp(prefix="spillway-bench-") if target == "files on disk" else None
            r = generate_case(cli, "example:lineitem", ["--rows", str(rows)], workers, args.runs, tmp)
            if tmp:
                shutil.rmtree(tmp, ignore_errors=True)
            mbps = r["bytes"] / r["wall"] / 1e6
            rates[(target, workers)] = mbps
            lines.append(f"| {target} | {workers} | {rows:,} | {r['wall']:.2f} | {rows / r['wall'] / 1e6:.2f}M | "
                         f"{mbps:.0f} | {r['cpu']:.2f} | {r['rss']:.0f} |")
    for target in ("stdout → /dev/null", "files on disk"):
        lines.append(f"\n2 workers / 1 worker ({target}): {rates[(target, 2)] / rates[(target, 1)]:.2f}×")

    base_rows = max(rows // 20, 100_000)
    b = python_baseline(base_rows, max(1, min(args.runs, 3)))
    lines += ["", f"Baseline in the same run: Python random + csv module, same row shape, {base_rows:,} rows: "
              f"{base_rows / b['wall'] / 1e3:.0f}k rows/s. Spillway 1 worker to /dev/null is "
              f"{rates[('stdout → /dev/null', 1)] / (base_rows * 126 / b['wall'] / 1e6):.0f}× faster by MB/s.", ""]

    lines += ["### generate: e-commerce example (4 tables, files on disk)", "",
              "| workers | rows (all tables) | wall s | rows/s | MB/s | peak RSS MB |", "|---|---|---|---|---|---|"]
    for workers in (1, 2):
        tmp = tempfile.mkdtemp(prefix="spillway-bench-")
        summaries = []

        def once():
            shutil.rmtree(tmp, ignore_errors=True)
            proc = subprocess.run(["/usr/bin/time", "-v", cli, "generate", "example:ecommerce", "--out", tmp,
                                   "--workers", str(workers), "--json", "--scale", "2", "--no-record"],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, check=True)
            summaries.append(json.loads(proc.stdout.strip().splitlines()[-1]))
            rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr).group(1)) / 1024
            return {"wall": summaries[-1]["elapsed_s"], "rss": rss}

        r = median_runs(args.runs, once)
        total, size = summaries[-1]["rows"], summaries[-1]["bytes"]
        shutil.rmtree(tmp, ignore_errors=True)
        lines.append(f"| {workers} | {total:,.0f} | {r['wall']:.2f} | {total / r['wall'] / 1e6:.2f}M | "
                     f"{size / r['wall'] / 1e6:.0f} | {r['rss']:.0f} |")

    lines += ["", "### Memory: orders table, 2 workers, to /dev/null", "",
              "| rows | wall s | rows/s | peak RSS MB |", "|---|---|---|---|"]
    sizes = [10_000_000] + ([1_000_000_000] if args.billion else [100_000_000])
    for n in sizes:
        wall, cpu, rss, err = timed([cli, "generate", "example:ecommerce", "--table", "orders", "--rows",
                                     f"orders={n}", "--out", "-", "--workers", "2", "--json", "--no-record"])
        lines.append(f"| {n:,} | {wall:.1f} | {n / wall / 1e6:.2f}M | {rss:.0f} |")

    print("\n".join(lines), flush=True)  # what is measured so far, in case a later part fails
    return lines


if __name__ == "__main__":
    main()
