"""Benchmark sections for the generator catalogue and delivery formats (issue 3): every
generator's speed on one thread (spillway-genbench), the wide/IoT/web-events examples end to
end, and what gzip/zstd compression costs against the compressors' own command-line tools on
the same bytes. Imported by scripts/benchmark.py; each function returns Markdown lines."""
import json
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

# Generators whose one value is a structure of other values: reported, not held to 20M/s.
COMPOSITE = {"json", "array", "paragraph", "address", "url", "template"}
TARGET = 20e6


def _run(cmd, **kw):
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)
    if proc.returncode != 0:
        sys.exit(f"failed ({proc.returncode}): {' '.join(map(str, cmd))}\n{proc.stderr[-2000:]}")
    return proc


def _wall(fn, runs):
    times = []
    for _ in range(runs):
        start = time.monotonic()
        fn()
        times.append(time.monotonic() - start)
    return statistics.median(times)


def generators_section(genbench, runs, rows=1_000_000):
    lines = ["### Generators, one thread (spillway-genbench, median of %d runs, %s rows per table)" %
             (runs, f"{rows:,}"), "",
             "Time to fill a column in batches of 1,024 rows as the engine does (nulls included), "
             "without encoding. Target: scalar generators at least 20M values/s; composite ones "
             "(json, array, and text assembled from several parts) reported.", "",
             "| example | column | generator | SQL type | ns/value | values/s | target |",
             "|---|---|---|---|---|---|---|"]
    seen = {}
    for example in ("wide", "iot", "webevents"):
        proc = _run([genbench, f"example:{example}", "--rows", str(rows), "--repeat", str(runs),
                     "--json"], text=True)
        for line in proc.stdout.splitlines():
            r = json.loads(line)
            key = (r["kind"], r["column"])
            if example != "wide" and r["kind"] in seen:
                continue  # the wide table already lists this generator
            seen[r["kind"]] = True
            rate = r["values_per_s"]
            verdict = "composite" if r["kind"] in COMPOSITE else ("✓" if rate >= TARGET else "✗ below")
            lines.append(f"| {example} | {r['table']}.{r['column']} | {r['kind']} | {r['type']} | "
                         f"{r['ns_per_value']:.1f} | {rate / 1e6:.1f}M | {verdict} |")
    return lines + [""]


def examples_section(cli, runs):
    lines = ["### generate: catalogue examples to CSV files on disk", "",
             "| example | scale | workers | rows | wall s | rows/s | MB/s |", "|---|---|---|---|---|---|---|"]
    for example, scale in (("wide", "10"), ("iot", "1"), ("webevents", "2")):
        for workers in (1, 2):
            tmp = tempfile.mkdtemp(prefix="spillway-bench-")
            summary = {}

            def once():
                shutil.rmtree(tmp, ignore_errors=True)
                proc = _run([cli, "generate", f"example:{example}", "--out", tmp, "--scale", scale,
                             "--workers", str(workers), "--json", "--no-record"], text=True)
                summary.update(json.loads(proc.stdout.strip().splitlines()[-1]))

            wall = _wall(once, runs)
            shutil.rmtree(tmp, ignore_errors=True)
            lines.append(f"| {example} | {scale} | {workers} | {summary['rows']:,.0f} | {wall:.2f} | "
                         f"{summary['rows'] / wall / 1e6:.2f}M | {summary['bytes'] / wall / 1e6:.0f} |")
    return lines + [""]


def compression_section(cli, runs, rows=2_000_000):
    """Generation with --compress against generation piped into the compressor's CLI, and the
    compressor alone on the same bytes (read from the page cache)."""
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="spillway-bench-"))
    plain = tmp / "lineitem.csv"
    base = [cli, "generate", "example:lineitem", "--rows", str(rows), "--workers", "1", "--no-record"]
    with open(plain, "wb") as f:
        subprocess.run(base + ["--out", "-"], stdout=f, stderr=subprocess.DEVNULL, check=True)
    size = plain.stat().st_size
    devnull = open(os.devnull, "wb")

    def gen(extra):
        return lambda: subprocess.run(base + ["--out", "-"] + extra, stdout=devnull,
                                      stderr=devnull, check=True)

    def piped(tool):
        def fn():
            g = subprocess.Popen(base + ["--out", "-"], stdout=subprocess.PIPE, stderr=devnull)
            c = subprocess.Popen([tool, "-1", "-c"], stdin=g.stdout, stdout=devnull)
            g.stdout.close()
            c.wait()
            g.wait()
        return fn

    def alone(tool):
        return lambda: subprocess.run([tool, "-1", "-c", str(plain)], stdout=devnull, check=True)

    gen_only = _wall(gen([]), runs)
    rows_out = [("generate only", gen_only, "")]
    for tool in ("gzip", "zstd"):
        if not shutil.which(tool):
            continue
        with_c = _wall(gen(["--compress", tool]), runs)
        pipe = _wall(piped(tool), runs)
        own = _wall(alone(tool), runs)
        rows_out += [(f"--compress {tool} (level 1)", with_c, f"adds {with_c - gen_only:.2f} s"),
                     (f"generate piped to `{tool} -1`", pipe, ""),
                     (f"`{tool} -1` alone on the same bytes", own, "the compressor's own cost")]
    shutil.rmtree(tmp, ignore_errors=True)
    lines = [f"### Compression: example:lineitem, {rows:,} rows ({size / 1e6:.1f} MB of CSV), 1 worker, "
             "to /dev/null", "", "| run | wall s | note |", "|---|---|---|"]
    lines += [f"| {name} | {wall:.2f} | {note} |" for name, wall, note in rows_out]
    return lines + [""]
