"""Benchmark section for issue 13, `spillway-cli pipeline`: what measuring a pipeline costs.

The example ETL (examples/pipelines/shop_etl.py) loads the same files into the embedded server
three times plainly (`sh -c`, the PG* variables set as the pipeline sets them) and three times
under `spillway-cli pipeline` (files reused, verify on). Reported, medians of the runs:
  - the commands' wall time, plain and sampled, and the difference;
  - Spillway's CPU while the commands ran, as % of one core: as the run record says
    (sampling_cpu_s over the commands' wall_s) and as seen from outside, from
    /proc/PID/stat of spillway-cli between the first and the last moment it had a child;
  - the example ETL's rows/s (plain).
Imported by scripts/benchmark.py; returns Markdown lines."""
import json
import os
import pathlib
import shlex
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent
EXAMPLE = ROOT / "examples" / "pipelines"
TICKS = os.sysconf("SC_CLK_TCK")


def _run(cmd, **kw):
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)
    if proc.returncode != 0:
        sys.exit(f"failed ({proc.returncode}): {' '.join(map(str, cmd))}\n{proc.stderr[-2000:]}")
    return proc


def _self_ticks(pid):
    """utime + stime of the process itself (its children not counted), or None."""
    try:
        text = pathlib.Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2:].split()
    return int(fields[11]) + int(fields[12])


def _has_children(pid):
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return False
    for task in tasks:
        try:
            if pathlib.Path(f"/proc/{pid}/task/{task}/children").read_text().strip():
                return True
        except OSError:
            pass
    return False


def _watched(cmd, env):
    """Runs cmd, polling it; returns its CPU % of one core while it had children, and the run."""
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    first = last = None
    while proc.poll() is None:
        ticks = _self_ticks(proc.pid)
        if ticks is not None and _has_children(proc.pid):
            now = (time.monotonic(), ticks)
            first = first or now
            last = now
        time.sleep(0.05)
    out, err = proc.communicate()
    if proc.returncode != 0:
        sys.exit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{err[-2000:]}")
    percent = None
    if first and last and last[0] > first[0]:
        percent = (last[1] - first[1]) / TICKS / (last[0] - first[0]) * 100
    return percent, out


def _server(cli, work):
    server = work / "server"
    _run([cli, "server", "start", "--server-dir", str(server)])
    status = json.loads(_run([cli, "server", "status", "--server-dir", str(server), "--json"]).stdout)
    return server, status


def pipeline_section(cli, runs, scale):
    work = pathlib.Path(tempfile.mkdtemp(prefix="spillway-bench-pipeline-"))
    work.chmod(0o755)  # as root the server runs as 'postgres', which must enter this folder
    server, status = _server(cli, work)
    db = status["connectionString"]
    try:
        return _measure(cli, runs, scale, work, db)
    finally:
        subprocess.run([cli, "server", "stop", "--server-dir", str(server)],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        subprocess.run(["rm", "-rf", str(work)])


def _environment(db, files):
    """What the pipeline gives a command: PG* from the connection string, SPILLWAY_FILES."""
    env = dict(os.environ, SPILLWAY_FILES=str(files))
    names = {"host": "PGHOST", "port": "PGPORT", "dbname": "PGDATABASE", "user": "PGUSER"}
    for word in shlex.split(db):
        key, _, value = word.partition("=")
        if key in names:
            env[names[key]] = value
    return env


def _measure(cli, runs, scale, work, db):
    files = work / "files"
    schema = str(EXAMPLE / "shop.json")
    _run([cli, "generate", schema, "--out", str(files), "--scale", str(scale), "--quiet",
          "--no-record"])
    rows = sum(sum(1 for _ in open(p, "rb")) - 1 for p in files.glob("*.csv"))
    etl = f"{shlex.quote(sys.executable)} {shlex.quote(str(EXAMPLE / 'shop_etl.py'))}"
    env = _environment(db, files)
    reset = [sys.executable, str(EXAMPLE / "shop_etl.py"), "--reset"]
    plain, sampled, record_cpu, outside_cpu, verified = [], [], [], [], []
    for i in range(runs):
        _run(reset, env=env)
        start = time.monotonic()
        _run(["sh", "-c", etl], env=env)
        plain.append(time.monotonic() - start)
        _run(reset, env=env)
        runs_dir = work / f"runs-{i}"
        percent, _ = _watched([cli, "pipeline", schema, "--scale", str(scale), "--files",
                               str(files), "--db", db, "--map", str(EXAMPLE / "map.json"),
                               "--run", etl, "--runs-dir", str(runs_dir), "--quiet"], env)
        record = _pipeline_record(runs_dir)
        sampled.append(record["wall_s"])
        record_cpu.append(record["sampling_cpu_s"] / record["wall_s"] * 100)
        outside_cpu.append(percent if percent is not None else float("nan"))
        verified.append(all(it.get("verify_ok") for it in record.get("iterations", [])))
    p, s = statistics.median(plain), statistics.median(sampled)
    lines = ["", f"### pipeline: the example ETL under `spillway-cli pipeline` "
                 f"(shop.json at scale {scale}: {rows:,} rows, embedded server, {runs} runs each)",
             "", "| figure | median | runs |", "|---|---|---|",
             f"| commands' wall time, plain `sh -c` | {p:.2f} s | {_list(plain)} |",
             f"| commands' wall time, under pipeline | {s:.2f} s | {_list(sampled)} |",
             f"| difference | {(s - p) / p * 100:+.1f}% | |",
             f"| Spillway's CPU while sampling (run record) | {statistics.median(record_cpu):.2f}% "
             f"of one core | {_list(record_cpu)} |",
             f"| Spillway's CPU while it had children (/proc) | "
             f"{statistics.median(outside_cpu):.2f}% of one core | {_list(outside_cpu)} |",
             f"| example ETL, plain | {rows / p:,.0f} rows/s | |",
             "", f"Verify passed in {sum(verified)} of {runs} sampled runs."]
    return lines


def _list(values):
    return ", ".join(f"{v:.2f}" for v in values)


def _pipeline_record(runs_dir):
    for path in sorted(runs_dir.glob("*.json")):
        record = json.loads(path.read_text())
        if record.get("kind") == "pipeline":
            return record["pipeline"]
    sys.exit(f"no pipeline run record in {runs_dir}")
