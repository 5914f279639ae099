"""wrk anchor for the request-throughput benchmark: `wrk -t2 -c64` sending the same request as
the Swift clients (same path, same headers, the bearer token of the same account) for a fixed
time, after a warm-up run. wrk takes whole seconds, so durations are rounded (at least 1 s). The token comes from the environment variable PIXEL_BENCH_TOKEN so it
never appears in this script's output.

    PIXEL_BENCH_TOKEN=... python wrk_anchor.py --url URL [--target-name NAME] [--server NAME]
        [--connections 64] [--threads 2] [--warmup 1] [--duration 5] [--repetitions 3]

Prints one JSON line in the shape of RequestLoad's reports.
"""

import argparse
import json
import os
import re
import subprocess
import sys


def run_wrk(args, seconds):
    token = os.environ["PIXEL_BENCH_TOKEN"]
    command = [
        "wrk", "-t%d" % args.threads, "-c%d" % args.connections, "-d%ds" % max(1, round(seconds)),
        "-H", "X-Request-ID: 6f1c1a2e-4b7d-4e55-9a53-0c2f8d7e9b10",
        "-H", "Authorization: Bearer " + token,
        "-H", "Accept: application/json",
        "-H", "Accept-Encoding: gzip, deflate",
        "-H", "User-Agent: PixelClient-Swift/1.0",
        args.url,
    ]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:  # the command line holds the token: report wrk's own words only
        sys.exit("wrk failed (exit %d): %s" % (result.returncode, (result.stderr or result.stdout).strip()[:500]))
    output = result.stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    total = int(re.search(r"(\d+) requests in", output).group(1))
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    failed = (int(bad.group(1)) if bad else 0) + (sum(int(g) for g in errors.groups()) if errors else 0)
    return rate, total, failed


def main(args):
    if args.warmup > 0:
        run_wrk(args, args.warmup)
    rates, counts, failures = [], [], 0
    for _ in range(max(1, args.repetitions)):
        rate, total, failed = run_wrk(args, args.duration)
        rates.append(round(rate, 1))
        counts.append(total)
        failures += failed
    probe = subprocess.run(["wrk", "-v"], capture_output=True, text=True)
    version = (probe.stdout or probe.stderr).split()[:2]
    return {
        "kind": "requests", "client": "%s -t%d -c%d" % (" ".join(version) or "wrk", args.threads, args.connections),
        "target": args.target_name, "server": args.server, "in_flight": args.connections,
        "duration_seconds": args.duration, "requests_per_second": rates, "requests": counts,
        "errors": failures, "first_error": None,
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--target-name", default="GET /users/me")
    parser.add_argument("--server", default="emulator")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--warmup", type=float, default=1.0)
    parser.add_argument("--duration", type=float, default=5.0)
    parser.add_argument("--repetitions", type=int, default=3)
    print(json.dumps(main(parser.parse_args())), flush=True)
