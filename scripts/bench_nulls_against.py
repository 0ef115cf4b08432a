#!/usr/bin/python3
"""Whole-process speed of the null ensembles against another commit, measured in the same run (issue 13).

Checks out NEW (default HEAD) and BASE (default HEAD~1) with `git worktree add` into a temporary folder, builds each
one's `bin/cgram` there (so editing this checkout meanwhile changes nothing), generates the Qwen-shaped synthetic graph (`cgram synth --preset q`) and times each row with both
launchers alternately, REPEAT times each (default 3), as whole processes (JVM start included). Prints per row the
median wall time and median CPU time (user + system of the process and its children) of each, and the ratio
new / base of the medians: on a shared machine read the ratios and the CPU column, not the absolute wall times.

Rows (--rows, default all but corpus): the shared Haiku Dallas graph with `--null all -n 1000` (dallas); the
Qwen-shaped graph with each launcher's default null, with `er` and with `config` (qwen-default, qwen-er, qwen-config;
n = 1000); the 51 shared graphs with `--null all -n 1000` (corpus, or --corpus).

Run from the repository root:
    /usr/bin/python3 scripts/bench_nulls_against.py [BASE] [--new REF] [--repeat 3] [--rows dallas,...] [--corpus]
        [--shared ../shared]
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def timed(command):
    """Wall and CPU seconds of one whole process (CPU of its process tree, from wait4)."""
    t0 = time.perf_counter()
    p = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 2):
        sys.exit("failed (%d): %s\n%s" % (code, " ".join(command), p.stderr.read().decode()))
    return wall, usage.ru_utime + usage.ru_stime


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("base", nargs="?", default="HEAD~1")
    ap.add_argument("--new", default="HEAD")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--corpus", action="store_true", help="also time the 51 shared graphs (minutes)")
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--rows", default="dallas,qwen-default,qwen-er,qwen-config",
                    help="comma-separated: dallas, qwen-default, qwen-er, qwen-config, corpus")
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="cgram-bench-")
    trees = {}
    for side, ref in (("new", args.new), ("base", args.base)):
        trees[side] = os.path.join(work, side)
        subprocess.run(["git", "worktree", "add", "--detach", "-q", trees[side], ref], check=True)
    try:
        commit = {side: subprocess.run(["git", "-C", tree, "rev-parse", "--short", "HEAD"], check=True,
                                       capture_output=True, text=True).stdout.strip() for side, tree in trees.items()}
        new = os.path.join(trees["new"], "bin", "cgram")
        base = os.path.join(trees["base"], "bin", "cgram")
        # the base tree finds ../shared beside itself in tests only; the commands below get absolute paths
        for launcher in (new, base):
            subprocess.run([launcher, "--version"], check=True, stdout=subprocess.DEVNULL)
        qwen = os.path.join(work, "qwen.json")
        subprocess.run([new, "synth", "--preset", "q", "-o", qwen], check=True, stdout=subprocess.DEVNULL)
        shared = os.path.abspath(args.shared)
        dallas = os.path.join(shared, "corpus", "claude-3.5-haiku", "clt", "capital-state-dallas.json")
        every = {"dallas": ("Dallas, --null all -n 1000", [dallas, "--null", "all"]),
                 "qwen-default": ("Qwen-shaped, default null", [qwen]),
                 "qwen-er": ("Qwen-shaped, er", [qwen, "--null", "er"]),
                 "qwen-config": ("Qwen-shaped, config", [qwen, "--null", "config"]),
                 "corpus": ("51 shared graphs, --null all", [os.path.join(shared, "corpus"), "--null", "all"])}
        wanted = args.rows.split(",") + (["corpus"] if args.corpus else [])
        rows = [every[key] for key in every if key in wanted]
        print("new: %s, base: %s; %d alternating runs each; medians" % (commit["new"], commit["base"],
                                                                      args.repeat))
        print("| work | new wall | new CPU | base wall | base CPU | wall new/base | CPU new/base |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for name, census_args in rows:
            times = {new: [], base: []}
            for r in range(args.repeat):
                for launcher in ((new, base) if r % 2 == 0 else (base, new)):
                    out = tempfile.mkdtemp(dir=work)
                    times[launcher].append(timed([launcher, "census", *census_args, "-n", "1000", "-o", out]))
                    shutil.rmtree(out)
            nw, nc = (statistics.median(t[i] for t in times[new]) for i in (0, 1))
            bw, bc = (statistics.median(t[i] for t in times[base]) for i in (0, 1))
            print("| %s | %.2f s | %.2f s | %.2f s | %.2f s | %.2f | %.2f |" % (name, nw, nc, bw, bc, nw / bw,
                                                                              nc / bc), flush=True)
    finally:
        for tree in trees.values():
            subprocess.run(["git", "worktree", "remove", "--force", tree], check=False)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
