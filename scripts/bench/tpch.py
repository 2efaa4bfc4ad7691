"""The tpch section of scripts/benchmark.py (issue 11's targets): example:tpch's lineitem, which
follows the specification (parent dates, lookups through partsupp, expressions), beside
example:lineitem's independent columns in the same run; scaling to two workers; all eight
tables to CSV; and an ingest of all eight tables beside two psql \\copy (format binary) sessions
of the same rows, in one embedded server."""
import json
import pathlib
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def _timed(cmd, to_stdout):
    """wall s, peak RSS MB and the finished event of a spillway-cli --json run."""
    proc = subprocess.run(["/usr/bin/time", "-v"] + cmd, stderr=subprocess.PIPE, text=True,
                          stdout=subprocess.DEVNULL if to_stdout else subprocess.PIPE)
    if proc.returncode != 0:
        sys.exit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr[-2000:]}")
    finished = None
    for line in ((proc.stdout or "") + "\n" + proc.stderr).splitlines():
        if line.startswith("{") and '"finished"' in line:
            finished = json.loads(line)
    rss = 0.0
    wall = 0.0
    for line in proc.stderr.splitlines():
        if "Maximum resident set size" in line:
            rss = int(line.rsplit(":", 1)[1]) / 1024
        if "Elapsed (wall clock)" in line:
            parts = [float(p) for p in line.rsplit(" ", 1)[1].split(":")]
            wall = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
    return wall, rss, finished


def _median(runs, fn):
    results = [fn() for _ in range(runs)]
    return {k: statistics.median(r[k] for r in results) for k in results[0]}


def _generate(cli, schema, extra, workers, out):
    def once():
        if out != "-":
            shutil.rmtree(out, ignore_errors=True)
        wall, rss, finished = _timed([cli, "generate", schema, "--out", out, "--workers", str(workers),
                                      "--json", "--no-record"] + extra, out == "-")
        return {"wall": wall, "rss": rss, "bytes": finished["bytes"], "rows": finished["rows"]}
    return once


def _psql(db, *commands):
    cmd = ["psql", db, "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1"]
    for c in commands:
        cmd += ["-c", c]
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        sys.exit(f"psql failed: {proc.stderr}")
    return proc.stdout


def _parallel(commands):
    start = time.monotonic()
    procs = [subprocess.Popen(c, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for c in commands]
    for p in procs:
        _, err = p.communicate()
        if p.returncode != 0:
            sys.exit(f"failed: {err.decode()[-1000:]}")
    return time.monotonic() - start


def _generation(cli, runs, scale, work):
    """lineitem alone (1 and 2 workers, and example:lineitem's rows alike), then all eight tables.
    The three cases run in rounds (one of each per round), so a slow spell of a shared machine
    falls on all of them; ratios are medians of each round's ratio."""
    tpch = ["--scale", str(scale), "--table", "lineitem"]
    rows = int(_generate(cli, "example:tpch", tpch, 1, "-")()["rows"])
    cases = {"tpch1": _generate(cli, "example:tpch", tpch, 1, "-"),
             "base": _generate(cli, "example:lineitem", ["--rows", str(rows)], 1, "-"),
             "tpch2": _generate(cli, "example:tpch", tpch, 2, "-"),
             "base2": _generate(cli, "example:lineitem", ["--rows", str(rows)], 2, "-")}
    rounds = [{name: fn() for name, fn in cases.items()} for _ in range(runs)]
    med = {name: {k: statistics.median(r[name][k] for r in rounds) for k in rounds[0][name]} for name in cases}
    mbps = {name: r["bytes"] / r["wall"] / 1e6 for name, r in med.items()}

    def ratio(a, b):
        return statistics.median((r[a]["bytes"] / r[a]["wall"]) / (r[b]["bytes"] / r[b]["wall"]) for r in rounds)
    out = ["", f"### tpch: lineitem to CSV (stdout → /dev/null), scale factor {scale:g}, {rows:,} rows, "
               f"{runs} rounds", "",
           "| case | workers | wall s | rows/s | MB/s | peak RSS MB |", "|---|---|---|---|---|---|"]
    for name, label, workers in (("base", "example:lineitem (independent columns)", 1),
                                 ("base2", "example:lineitem (independent columns)", 2),
                                 ("tpch1", "example:tpch lineitem (specification's rules)", 1),
                                 ("tpch2", "example:tpch lineitem (specification's rules)", 2)):
        r = med[name]
        out.append(f"| {label} | {workers} | {r['wall']:.2f} | {rows / r['wall'] / 1e6:.2f}M | "
                   f"{mbps[name]:.0f} | {r['rss']:.0f} |")
    out += ["", f"tpch lineitem / example:lineitem, 1 worker, MB/s: {ratio('tpch1', 'base'):.0%} "
                f"(median of the rounds' ratios; target ≥ 80%)",
            f"tpch lineitem 2 workers / 1 worker: {ratio('tpch2', 'tpch1'):.2f}× (target ≥ 1.85×); "
            f"example:lineitem's in the same rounds: {ratio('base2', 'base'):.2f}×"]

    folder = str(work / "csv")
    all8 = _median(min(runs, 3), _generate(cli, "example:tpch", ["--scale", str(scale)], 2, folder))
    shutil.rmtree(folder, ignore_errors=True)
    out += ["", f"### tpch: all eight tables to CSV files, scale factor {scale:g}, 2 workers", "",
            "| rows | bytes | wall s | rows/s | MB/s | peak RSS MB |", "|---|---|---|---|---|---|",
            f"| {all8['rows']:,.0f} | {all8['bytes'] / 1e6:,.0f} MB | {all8['wall']:.2f} | "
            f"{all8['rows'] / all8['wall'] / 1e6:.2f}M | {all8['bytes'] / all8['wall'] / 1e6:.0f} | "
            f"{all8['rss']:.0f} (target ≤ 256) |"]
    return out


def _balanced(files):
    """Two lists of files of about equal bytes (largest first, each to the lighter list)."""
    sessions, sizes = ([], []), [0, 0]
    for f in sorted(files, key=lambda p: -p.stat().st_size):
        i = 0 if sizes[0] <= sizes[1] else 1
        sessions[i].append(f)
        sizes[i] += f.stat().st_size
    return sessions


def _ingest(cli, runs, scale, work):
    server = work / "server"
    subprocess.run([cli, "server", "start", "--server-dir", str(server)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        status = json.loads(subprocess.run([cli, "server", "status", "--server-dir", str(server), "--json"],
                                           stdout=subprocess.PIPE, text=True).stdout)
        db = status["connectionString"]
        binary = work / "binary"
        # Files of at most a million rows, so two sessions can share lineitem.
        subprocess.run([cli, "generate", "example:tpch", "--scale", str(scale), "--out", str(binary),
                        "--format", "pgbinary", "--split-rows", "1000000", "--quiet", "--no-record"], check=True)
        ddl = subprocess.run([cli, "ddl", "example:tpch"], stdout=subprocess.PIPE, text=True).stdout
        tables_ddl, constraints_ddl = ddl.split("-- Constraints")
        constraints_ddl = "-- Constraints" + constraints_ddl
        names = ["region", "nation", "part", "supplier", "partsupp", "customer", "orders", "lineitem"]
        drop = "DROP TABLE IF EXISTS " + ", ".join(names) + " CASCADE"
        total = 0

        def copy_cmd(files):
            cmd = ["psql", db, "-X", "-q", "-v", "ON_ERROR_STOP=1"]
            for f in files:
                table = re.sub(r"_\d+$", "", f.name.split(".")[0])  # lineitem_00003.bin
                cmd += ["-c", f"\\copy {table} from '{f}' (format binary)"]
            return cmd

        keys_times = []

        def psql_once():
            # The rows, then (timed apart) the foreign keys the DDL creates after loading, as
            # ingest does: ingest's figure is rows and keys.
            _psql(db, drop, tables_ddl, "CHECKPOINT")
            copy = _parallel([copy_cmd(s) for s in _balanced(list(binary.iterdir()))])
            start = time.monotonic()
            _psql(db, constraints_ddl)
            keys_times.append(time.monotonic() - start)
            return copy

        def ingest_once():
            _psql(db, drop, "CHECKPOINT")
            return _parallel([[cli, "ingest", "example:tpch", "--db", db, "--scale", str(scale), "--workers", "2",
                               "--mode", "create", "--no-analyze", "--quiet", "--no-record"]])

        results = {}
        for name, fn in (("psql \\copy (format binary), 2 sessions", psql_once),
                         ("spillway ingest example:tpch, 2 workers", ingest_once)):
            results[name] = statistics.median(fn() for _ in range(runs))
            total = sum(int(_psql(db, f"SELECT count(*) FROM {t}").strip()) for t in names)
        copy = results["psql \\copy (format binary), 2 sessions"]
        keyed = copy + statistics.median(keys_times)
        ingest = results["spillway ingest example:tpch, 2 workers"]
        out = ["", f"### tpch: ingest all eight tables, scale factor {scale:g} ({total:,} rows), embedded server",
               "", "| loader | wall s | rows/s |", "|---|---|---|",
               f"| psql \\copy (format binary), 2 sessions: rows (tables with their primary keys) | "
               f"{copy:.2f} | {total / copy / 1e6:.2f}M |",
               f"| the same, then the DDL's foreign keys (one session) | {keyed:.2f} | {total / keyed / 1e6:.2f}M |",
               f"| spillway ingest example:tpch, 2 workers: rows, keys and foreign keys | {ingest:.2f} | "
               f"{total / ingest / 1e6:.2f}M |"]
        out += ["", f"ingest / psql \\copy binary with the foreign keys: {keyed / ingest:.2f}×; "
                    f"/ psql \\copy rows alone: {copy / ingest:.2f}×"]
        return out
    finally:
        subprocess.run([cli, "server", "stop", "--server-dir", str(server)], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)


def tpch_section(cli, runs, scale):
    work = pathlib.Path(tempfile.mkdtemp(prefix="spillway-bench-tpch-"))
    work.chmod(0o755)  # as root the server runs as 'postgres', which must enter this folder
    try:
        out = _generation(cli, runs, scale, work)
        print("\n".join(out), flush=True)
        return out + _ingest(cli, min(runs, 3), scale, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
