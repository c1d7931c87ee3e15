#!/usr/bin/env python3
"""stacksim's performance goals, measured side by side with a hand-written event loop.

    bench/perf_goals.py [--build DIR] [--runs N] [--day-hours H] [--goals 1,2,3] [--quick]
    bench/perf_goals.py --instructions [--build DIR]

Every figure is CPU time (user + sys) of a whole process, read from the kernel's rusage when it
exits, so a busy machine slows the wall clock but hardly the figures. Each run of stacksim is
paired with a run of the hand loop (build/bench/minimal_mm1_loop) taken just before it in odd
pairs and just after it in even ones, so that a load that rises or falls during a measurement
weighs on both sides alike, and each goal reports the median over --runs pairs of the ratio
within a pair.

Goal 1  M/M/1 (rho 0.9, 3 million customers) through `stacksim run scenarios/mm1.json`, whole
        process: its speed in requests per CPU second as a multiple of the hand loop's.
Goal 2  A day of scenarios/single-server.json at 1,000 req/s on 32 cores with 128 PHP-FPM
        workers: CPU per request as a multiple of the hand loop's, and the CPU of a whole day
        (measured when --day-hours is 24, else CPU per request x the day's requests).
Goal 3  scenarios/distributed.json with 2 and with 128 web+app hosts behind its load balancer,
        300 req/s either way: CPU per request at 128 as a multiple of that at 2.
Goal 4  --threads 2 on 4 replications of the day scenario (1 h each) and on a 9-point sweep of
        scenarios/mm1.json: CPUs utilised (CPU time / wall time, which a busy machine lowers)
        and the bound that the serial part sets, (serial + parallel) / (serial + parallel / 2),
        where serial is the CPU of the same command simulating one second.

--instructions counts instructions instead, under valgrind's callgrind (exact and repeatable,
where CPU time on a shared machine is neither): goals 1 and 2 at a tenth of goal 1's length
(300,000 requests each), less the count of the same command over one simulated second (the
process's start and its report), per request, and as a multiple of the hand loop's.

Prints one line per run and a summary per goal. Needs python3 and a Release build with the
targets stacksim and minimal_mm1_loop. --quick shrinks every run a hundredfold: it checks that
the program works (the test suite runs it so), its figures mean nothing.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

MM1_RATE = 900.0
MM1_MEAN_SERVICE_S = 0.001
MM1_CUSTOMERS = 3_000_000
MM1_SECONDS = MM1_CUSTOMERS / MM1_RATE
SCALE = 1.0  # --quick: 0.01
SCENARIOS = os.path.join(ROOT, "scenarios")  # --scenarios

DAY_RATE = 1000
DAY_SETTINGS = [
    "/hosts/server1/cores=32",
    "/components/app/workers=128",
    f"/workload/arrivals/rate={DAY_RATE}",
]
DAY_REQUESTS = DAY_RATE * 86_400

LB_RATE = 300
LB_SECONDS = 20 * 60


def measure(cmd, timed=None):
    """Runs cmd; returns (stdout, cpu_s, max_rss_kib); sets timed["wall_s"] when given. Exits on
    a non-zero exit status."""
    start = time.monotonic()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=err)
        out = proc.stdout.read()
        proc.stdout.close()
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            err.seek(0)
            sys.exit(f"perf_goals: {' '.join(cmd)} exited {proc.returncode}:\n"
                     f"{err.read().decode(errors='replace')}")
    if timed is not None:
        timed["wall_s"] = time.monotonic() - start
    return out.decode(), usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def hand_loop(build, seconds):
    out, cpu, _ = measure([os.path.join(build, "bench", "minimal_mm1_loop"), str(MM1_RATE),
                           str(MM1_MEAN_SERVICE_S), str(seconds)])
    fields = dict(f.split("=", 1) for f in out.split())
    return cpu, int(fields["completed"]), int(fields["events"])


def stacksim(build, args):
    """Runs `stacksim run ARGS --json - --quiet`; returns (cpu_s, completed, events, rss)."""
    out, cpu, rss = measure([os.path.join(build, "cli", "stacksim"), "run", *args, "--json", "-",
                             "--quiet"])
    report = json.loads(out)
    return cpu, report["summary"]["completed"], report["events"], rss


def lb_settings(backends):
    hosts = {"lb1": {"cores": 2, "memory": "4GiB", "ip": "8.8.8.8"},
             "db1": {"cores": 4, "memory": "16GiB", "ip": "10.0.0.1"},
             "db2": {"cores": 4, "memory": "16GiB", "ip": "10.0.0.2"}}
    names = [f"app{i + 1}" for i in range(backends)]
    for i, name in enumerate(names):
        hosts[name] = {"cores": 4, "memory": "8GiB", "ip": f"10.1.{i // 250}.{i % 250 + 1}"}
    sets = [f"/hosts={json.dumps(hosts)}", f"/components/web/hosts={json.dumps(names)}",
            f"/components/app/hosts={json.dumps(names)}", f"/workload/arrivals/rate={LB_RATE}"]
    args = [os.path.join(SCENARIOS, "distributed.json"), "--duration",
            f"{round(LB_SECONDS * SCALE)}s", "--warmup", "1m"]
    for s in sets:
        args += ["--set", s]
    return args


def median(values):
    return statistics.median(values)


def in_turn(run, first, second):
    """Calls first() then second() in even runs (0, 2, ...), second() then first() in odd ones;
    returns (first's result, second's)."""
    if run % 2 == 0:
        a = first()
        return a, second()
    b = second()
    return first(), b


def goal1(build, runs):
    ratios = []
    for run in range(runs):
        seconds = round(MM1_SECONDS * SCALE)
        (h_cpu, h_done, _), (s_cpu, s_done, s_events, _) = in_turn(
            run, lambda: hand_loop(build, seconds),
            lambda: stacksim(build, [os.path.join(SCENARIOS, "mm1.json"), "--duration",
                                     f"{seconds}s", "--warmup", "0"]))
        ratio = (s_done / s_cpu) / (h_done / h_cpu)
        ratios.append(ratio)
        print(f"goal 1 run {run + 1}: hand loop {h_cpu:.3f}s CPU for {h_done} requests; "
              f"stacksim {s_cpu:.3f}s for {s_done} ({s_events} events); speed x{ratio:.3f}",
              flush=True)
    r = median(ratios)
    print(f"GOAL 1 M/M/1 speed of stacksim / hand loop: median x{r:.3f} over {runs} pairs "
          f"(goal >= 1.0: {'met' if r >= 1.0 else 'NOT met'})")
    return r


def goal2(build, runs, hours):
    ratios, per_request, rss_max = [], [], 0
    args = [os.path.join(SCENARIOS, "single-server.json"), "--duration",
            f"{round(hours * 3600 * SCALE)}s", "--warmup", "0"]
    for s in DAY_SETTINGS:
        args += ["--set", s]
    hand_seconds = round(MM1_SECONDS / 3 * SCALE)
    for run in range(runs):
        (h_cpu, h_done, _), (s_cpu, s_done, s_events, rss) = in_turn(
            run, lambda: hand_loop(build, hand_seconds), lambda: stacksim(build, args))
        ratio = (s_cpu / s_done) / (h_cpu / h_done)
        ratios.append(ratio)
        per_request.append(s_cpu / s_done)
        rss_max = max(rss_max, rss)
        print(f"goal 2 run {run + 1}: stacksim {s_cpu:.2f}s CPU for {s_done} requests, "
              f"{s_events / s_done:.2f} events/request, {1e9 * s_cpu / s_done:.0f} ns/request, "
              f"max RSS {rss / 1024:.1f} MiB; hand loop {1e9 * h_cpu / h_done:.0f} ns/request; "
              f"x{ratio:.2f}", flush=True)
    r = median(ratios)
    day = median(per_request) * DAY_REQUESTS
    how = "measured" if hours >= 24 else f"{hours:g} h measured, CPU per request x {DAY_REQUESTS:,}"
    print(f"GOAL 2 day at {DAY_RATE} req/s: median {1e9 * median(per_request):.0f} ns CPU per "
          f"request = x{r:.2f} the hand loop's (goal <= 6.5: {'met' if r <= 6.5 else 'NOT met'}); "
          f"a day {day:.1f}s CPU ({how}; goal < 60 s: {'met' if day < 60 else 'NOT met'}); "
          f"max RSS {rss_max / 1024:.1f} MiB")
    return r, day


def goal3(build, runs):
    ratios = []
    for run in range(runs):
        few, many = in_turn(run, lambda: stacksim(build, lb_settings(2)),
                            lambda: stacksim(build, lb_settings(128)))
        cost = {2: few[0] / few[1], 128: many[0] / many[1]}
        ratio = cost[128] / cost[2]
        ratios.append(ratio)
        print(f"goal 3 run {run + 1}: {1e9 * cost[2]:.0f} ns/request at 2 backends, "
              f"{1e9 * cost[128]:.0f} at 128; x{ratio:.3f}", flush=True)
    r = median(ratios)
    print(f"GOAL 3 cost per request at 128 backends / at 2: median x{r:.3f} over {runs} pairs "
          f"(goal <= 1.2: {'met' if r <= 1.2 else 'NOT met'})")
    return r


def goal4(build, runs):
    stacksim_bin = os.path.join(build, "cli", "stacksim")
    day = [os.path.join(SCENARIOS, "single-server.json"), "--warmup", "0"]
    for s in DAY_SETTINGS:
        day += ["--set", s]
    cases = {
        "4 replications of the day scenario": (
            ["run", *day, "--replications", "4", "--duration", f"{round(3600 * SCALE)}s"],
            ["run", *day, "--replications", "4", "--duration", "1s"]),
        "9-point sweep of mm1.json": (
            ["sweep", os.path.join(SCENARIOS, "mm1.json"), "--vary",
             "/workload/arrivals/rate=100:900:9", "--duration", f"{round(7200 * SCALE)}s"],
            ["sweep", os.path.join(SCENARIOS, "mm1.json"), "--vary",
             "/workload/arrivals/rate=100:900:9", "--duration", "1s"]),
    }
    for name, (work, startup) in cases.items():
        utilised, bounds = [], []
        for run in range(runs):
            _, serial, _ = measure([stacksim_bin, *startup, "--quiet", "--threads", "1"])
            _, one, _ = measure([stacksim_bin, *work, "--quiet", "--threads", "1"])
            timed = {}
            _, two, _ = measure([stacksim_bin, *work, "--quiet", "--threads", "2"], timed)
            parallel = max(one - serial, 0.0)
            bound = (serial + parallel) / (serial + parallel / 2)
            utilised.append(two / timed["wall_s"])
            bounds.append(bound)
            print(f"goal 4 {name} run {run + 1}: CPU {one:.2f}s with 1 thread, {two:.2f}s with 2 "
                  f"in {timed['wall_s']:.2f}s wall = {two / timed['wall_s']:.2f} CPUs utilised; "
                  f"serial {serial:.3f}s: speed-up bound x{bound:.2f}", flush=True)
        print(f"GOAL 4 --threads 2, {name}: median {median(utilised):.2f} CPUs utilised, "
              f"speed-up bound x{median(bounds):.2f} (goal >= 1.8)")


def callgrind_instructions(cmd):
    """Runs cmd under callgrind; returns (stdout, instructions executed)."""
    with tempfile.TemporaryDirectory() as tmp:
        out, _, _ = measure(["valgrind", "--tool=callgrind",
                             f"--callgrind-out-file={os.path.join(tmp, 'callgrind.out')}",
                             f"--log-file={os.path.join(tmp, 'log')}", *cmd])
        with open(os.path.join(tmp, "log")) as log:
            for line in log:
                if "Collected :" in line:
                    return out, int(line.split(":")[-1])
    sys.exit(f"perf_goals: no instruction count from callgrind for {' '.join(cmd)}")


def instructions(build):
    """Instructions per request of goals 1 and 2 and of the hand loop, under callgrind."""
    hand_bin = os.path.join(build, "bench", "minimal_mm1_loop")
    stacksim_bin = os.path.join(build, "cli", "stacksim")
    seconds = round(MM1_SECONDS / 10)

    def hand(sim_seconds):
        out, count = callgrind_instructions([hand_bin, str(MM1_RATE), str(MM1_MEAN_SERVICE_S),
                                             str(sim_seconds)])
        return count, int(dict(f.split("=", 1) for f in out.split())["completed"])

    def run(args):
        out, count = callgrind_instructions([stacksim_bin, "run", *args, "--json", "-", "--quiet"])
        report = json.loads(out)
        return count, report["summary"]["completed"], report["events"]

    def per_request(full, start):
        return (full[0] - start[0]) / (full[1] - start[1])

    hand_ir = per_request(hand(seconds), hand(1))
    print(f"hand loop: {hand_ir:.0f} instructions/request", flush=True)
    mm1 = [os.path.join(SCENARIOS, "mm1.json"), "--warmup", "0", "--duration"]
    full = run(mm1 + [f"{seconds}s"])
    ir = per_request(full, run(mm1 + ["1s"]))
    print(f"INSTRUCTIONS goal 1 M/M/1: {ir:.0f} per request = x{ir / hand_ir:.2f} the hand loop's "
          f"({full[2] / full[1]:.2f} events/request)", flush=True)
    day = [os.path.join(SCENARIOS, "single-server.json"), "--warmup", "0"]
    for setting in DAY_SETTINGS:
        day += ["--set", setting]
    day_seconds = round(seconds * MM1_RATE / DAY_RATE)  # as many requests as the M/M/1 run
    full = run(day + ["--duration", f"{day_seconds}s"])
    ir = per_request(full, run(day + ["--duration", "1s"]))
    print(f"INSTRUCTIONS goal 2 day: {ir:.0f} per request = x{ir / hand_ir:.2f} the hand loop's "
          f"({full[2] / full[1]:.2f} events/request)", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--runs", type=int, default=5, help="paired runs per goal (default 5)")
    parser.add_argument("--day-hours", type=float, default=2.0,
                        help="simulated hours of goal 2's day scenario (24 = the whole day)")
    parser.add_argument("--goals", default="1,2,3", help="which goals to run, e.g. 1,3 or 4")
    parser.add_argument("--quick", action="store_true", help="tiny runs: a check, not a measure")
    parser.add_argument("--instructions", action="store_true",
                        help="count instructions per request under callgrind (goals 1 and 2)")
    parser.add_argument("--scenarios", default=os.path.join(ROOT, "scenarios"),
                        help="directory of mm1.json, single-server.json and distributed.json "
                        "(an older build may need its own version's files)")
    args = parser.parse_args()
    global SCALE, SCENARIOS
    SCENARIOS = args.scenarios
    SCALE = 0.01 if args.quick else 1.0
    if args.instructions:
        instructions(args.build)
        return
    goals = {int(g) for g in args.goals.split(",")}
    if 1 in goals:
        goal1(args.build, args.runs)
    if 2 in goals:
        goal2(args.build, args.runs, args.day_hours)
    if 3 in goals:
        goal3(args.build, args.runs)
    if 4 in goals:
        goal4(args.build, args.runs)


if __name__ == "__main__":
    main()
