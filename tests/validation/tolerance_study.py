#!/usr/bin/env python3
"""Measures the seed-to-seed spread of each quantity the validation suite checks.

The suite runs each scenario with one fixed seed and a tolerance; this script runs the same
scenarios over many seeds and prints, for each check, the mean, the standard deviation of the
estimate and the worst error seen, so each tolerance can be set at several standard deviations.

    tests/validation/tolerance_study.py build/cli/stacksim [SEEDS] [SCENARIO-SUBSTRING]
"""
import json
import math
import statistics
import subprocess
import sys

CHECKS = [
    # (scenario, extra args, label, extractor, expected)
    ("scenarios/mm1.json", ["--set", "/workload/arrivals/rate=800"], "M/M/1 mean response",
     lambda r: r["summary"]["latency_s"]["mean"], 0.005),
    ("scenarios/mm1.json", ["--set", "/workload/arrivals/rate=800"], "M/M/1 mean in system",
     lambda r: r["summary"]["mean_in_system"], 4.0),
    ("scenarios/mm1.json", ["--set", "/workload/arrivals/rate=800"], "M/M/1 p99",
     lambda r: r["summary"]["latency_s"]["p99"], 0.005 * math.log(100)),
    ("scenarios/mmc.json", [], "M/M/4 mean response (min)",
     lambda r: r["summary"]["latency_s"]["mean"] / 60, 24.757221880762),
    ("scenarios/md1.json", [], "M/D/1 mean wait",
     lambda r: r["components"]["server"]["mean_wait_s"], 0.002),
    ("scenarios/erlang-b.json", [], "Erlang B blocking",
     lambda r: r["summary"]["errors"].get("rejected", 0) / r["summary"]["offered"], 0.121661064),
    ("scenarios/mmck.json", [], "M/M/2/5 blocking",
     lambda r: r["summary"]["errors"].get("rejected", 0) / r["summary"]["offered"], 0.141076885),
    ("scenarios/tandem.json", [], "tandem mean response",
     lambda r: r["summary"]["latency_s"]["mean"], 0.0842857142857),
    ("scenarios/closed-think.json", [], "closed MVA throughput",
     lambda r: r["summary"]["throughput_rps"], 18.002746225257),
    ("scenarios/closed-think.json", [], "closed MVA response",
     lambda r: r["summary"]["latency_s"]["mean"], 0.110941616893),
    ("scenarios/availability-series.json", [], "series host availability",
     lambda r: r["hosts"]["box"]["availability"], 10 / 10.5),
    ("scenarios/availability-series.json", [], "series db (both) availability",
     lambda r: r["components"]["db"]["availability"], 10 / 10.5 * 4 / 4.2),
    ("scenarios/availability-series.json", [], "series request availability",
     lambda r: r["summary"]["availability"], 10 / 10.5 * 4 / 4.2),
    ("scenarios/md1-cpu.json", [], "M/D/1-PS mean response",
     lambda r: r["summary"]["latency_s"]["mean"], 0.005),
    ("scenarios/md1-cpu.json", ["--set", "/hosts/box/cpu_scheduler=fcfs"],
     "M/D/1-FCFS mean response", lambda r: r["summary"]["latency_s"]["mean"], 0.003),
    ("scenarios/repair-crews.json", [], "1 crew: host availability",
     lambda r: sum(r["hosts"][h]["availability"] for h in ("web1", "web2", "web3", "web4")) / 4,
     0.752071383),
    ("scenarios/repair-crews.json", [], "1 crew: all-down complement",
     lambda r: r["summary"]["availability_by_time"], 1 - 0.0384 / 2.5104),
    ("scenarios/repair-crews.json", ["--set", "/repair_crews=4"], "4 crews: host availability",
     lambda r: sum(r["hosts"][h]["availability"] for h in ("web1", "web2", "web3", "web4")) / 4,
     10 / 12),
    ("scenarios/distributed.json",
     ["--duration", "20000h", "--warmup", "0s", "--set", "/report/interval=1h", "--set",
      "/workload/arrivals/rate=0.01", "--set",
      '/faults=[{"kind": "crash", "target": "app1", "mtbf": {"dist": "exponential", "mean": "10h"},'
      ' "mttr": {"dist": "exponential", "mean": "2h"}}, {"kind": "crash", "target": "app2",'
      ' "mtbf": {"dist": "exponential", "mean": "10h"}, "mttr": {"dist": "exponential",'
      ' "mean": "2h"}}]'],
     "2 backends: k-of-n by time", lambda r: r["summary"]["availability_by_time"],
     1 - (1 / 6) ** 2),
]


def main():
    binary = sys.argv[1]
    seeds = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    only = sys.argv[3] if len(sys.argv) > 3 else ""
    cache = {}
    for scenario, extra, label, extract, expected in CHECKS:
        if only not in scenario:
            continue
        values = []
        for seed in range(1, seeds + 1):
            key = (scenario, tuple(extra), seed)
            if key not in cache:
                out = subprocess.run([binary, "run", scenario, "--json", "-", "--quiet",
                                      "--seed", str(seed)] + extra,
                                     check=True, capture_output=True, text=True).stdout
                cache[key] = json.loads(out)
            values.append(extract(cache[key]))
        mean = statistics.fmean(values)
        sd = statistics.stdev(values)
        worst = max(abs(v - expected) for v in values)
        print(f"{label:28s} expected {expected:.6g}  mean {mean:.6g}  sd {sd:.3g} "
              f"({100 * sd / expected:.2f}%)  worst {100 * worst / expected:.2f}%")


if __name__ == "__main__":
    main()
