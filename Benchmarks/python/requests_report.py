"""Turns Benchmarks/run's requests.jsonl into the markdown tables of BENCHMARKS.md ("Requests",
"Uploads"): medians and spreads of the repetitions, ratios from the same run, and each goal met
or missed.

    python requests_report.py .results/requests.jsonl
"""

import json
import statistics
import sys

CLIENT_ORDER = ["wrk", "AsyncHTTPClient bare loop", "PixelClient async", "PixelClient blocking", "pixel-client"]


def family(client):
    for name in CLIENT_ORDER:
        if client.startswith(name):
            return name
    return client


def spread(values, digits=None):
    median = statistics.median(values)
    if len(values) < 2:
        return fmt(median, digits)
    return "%s (%s–%s)" % (fmt(median, digits), fmt(min(values), digits), fmt(max(values), digits))


def fmt(value, digits=None):
    if digits is None:
        digits = 0 if value >= 100 else 1
    return "{:,.{}f}".format(value, digits)


def seconds(values):
    return spread(values, 2)


def verdict(ok):
    return "met" if ok else "**missed**"


def main(path):
    lines = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip().startswith("{")]
    machine = next((l for l in lines if l["kind"] == "machine"), {})
    end = next((l for l in lines if l["kind"] == "machine_end"), {})
    requests = [l for l in lines if l["kind"] == "requests"]
    instructions = [l for l in lines if l["kind"] == "instructions"]
    uploads = [l for l in lines if l["kind"] == "upload"]
    goals = []
    out = []

    out.append("Run: %s, %s, %s cores, %s GiB, kernel %s; load average %s at the start, %s at the end; %s build%s." % (
        machine.get("time"), machine.get("cpu"), machine.get("cores"), machine.get("memory_gib"), machine.get("kernel"),
        " / ".join("%.1f" % x for x in machine.get("load_average", [])),
        " / ".join("%.1f" % x for x in end.get("load_average", [])),
        machine.get("configuration"), " (smoke sizes)" if machine.get("smoke") else ""))
    out.append("")

    medians = {}
    for record in requests:
        key = (record["server"], record["target"], family(record["client"]))
        medians[key] = statistics.median(record["requests_per_second"]) if record["requests_per_second"] else 0.0

    for server in sorted({r["server"] for r in requests}, key=lambda s: (s != "emulator", s)):
        for target in sorted({r["target"] for r in requests if r["server"] == server}, key=lambda t: ("me" not in t, t)):
            rows = [r for r in requests if r["server"] == server and r["target"] == target]
            rows.sort(key=lambda r: CLIENT_ORDER.index(family(r["client"])) if family(r["client"]) in CLIENT_ORDER else 99)
            bare = medians.get((server, target, "AsyncHTTPClient bare loop"))
            out.append("**%s, `%s`**, %s in flight unless stated, %s s × %d after %s:" % (
                server, target, rows[0]["in_flight"], rows[0].get("duration_seconds"), len(rows[0]["requests_per_second"]),
                "a warm-up"))
            out.append("")
            out.append("| client | in flight | requests/s, median (min–max) | vs bare AHC loop | errors |")
            out.append("|---|---:|---:|---:|---:|")
            for r in rows:
                median = medians[(server, target, family(r["client"]))]
                ratio = "%.0f %%" % (100 * median / bare) if bare else "—"
                out.append("| %s | %d | %s | %s | %d |" % (r["client"], r["in_flight"], spread(r["requests_per_second"]), ratio, r["errors"]))
            out.append("")
            ours = medians.get((server, target, "PixelClient async"))
            blocking = medians.get((server, target, "PixelClient blocking"))
            python = medians.get((server, target, "pixel-client"))
            if ours and bare:
                goals.append(("async ≥ 90 % of the bare AHC loop", server, target, "%.0f %%" % (100 * ours / bare), ours >= 0.9 * bare))
            if ours and python:
                goals.append(("async ≥ 15× pixel-client 1.2.8", server, target, "%.1f×" % (ours / python), ours >= 15 * python))
            if ours and blocking:
                goals.append(("blocking (8 threads) ≥ 70 % of async", server, target, "%.0f %%" % (100 * blocking / ours), blocking >= 0.7 * ours))

    if instructions:
        out.append("**Instructions per request** (%s; the client process only; (I(2N) − I(N)) / N so start-up, "
                   "token and connections cancel out):" % instructions[0]["tool"])
        out.append("")
        out.append("| target | client | N | instructions per request | vs bare AHC loop |")
        out.append("|---|---|---:|---:|---:|")
        per = {}
        for r in instructions:
            n1, n2 = r["requests"]
            i1, i2 = r["instructions"]
            per[(r["target"], r["client"])] = (i2 - i1) / (n2 - n1)
        for target in sorted({r["target"] for r in instructions}, key=lambda t: t != "me"):
            bare = per.get((target, "bare"))
            for client, label in (("bare", "AsyncHTTPClient bare loop"), ("async", "PixelClient async")):
                value = per.get((target, client))
                if value is None:
                    continue
                ratio = "%.0f %%" % (100 * value / bare) if bare else "—"
                out.append("| %s | %s | %d | %s | %s |" % (target, label, r["requests"][0], "{:,.0f}".format(value), ratio))
            if bare and (target, "async") in per:
                ours = per[(target, "async")]
                goals.append(("async ≤ 110 % of the bare loop's instructions", "emulator", target, "%.0f %%" % (100 * ours / bare), ours <= 1.1 * bare))
        out.append("")

    ours = next((u for u in uploads if u["client"].startswith("PixelClient")), None)
    curl = next((u for u in uploads if u["client"].startswith("curl")), None)
    if ours:
        size = ours["size_mib"]
        out.append("**Upload of %d MiB** in %d MiB parts, %d in flight, to the emulator (its own process); median (min–max) of %d:" % (
            size, ours["part_mib"], ours["concurrency"], len(ours["whole_seconds"])))
        out.append("")
        out.append("| client | transfer (parts PUT) | transfer MiB/s | whole call | hashing | server assembly + polls | CPU | RSS growth | peak RSS |")
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
        t = statistics.median(ours["transfer_seconds"])
        out.append("| %s | %s s | %s | %s s | %s s | %s s | %s s | %s MiB | %d MiB |" % (
            ours["client"], seconds(ours["transfer_seconds"]), fmt(size / t), seconds(ours["whole_seconds"]), seconds(ours["hash_seconds"]),
            seconds(ours["server_seconds"]), seconds(ours["cpu_seconds"]), spread(ours["rss_growth_mib"]), ours["peak_rss_mib"]))
        if curl:
            c = statistics.median(curl["transfer_seconds"])
            out.append("| %s | %s s | %s | — | — | — | %s s (all curls) | — | — |" % (
                curl["client"], seconds(curl["transfer_seconds"]), fmt(size / c), seconds(curl["cpu_seconds"])))
            goals.append(("upload transfer ≥ 70 % of curl's throughput", "emulator", "%d MiB" % size, "%.0f %%" % (100 * c / t), c / t >= 0.7))
        goals.append(("upload RSS growth < 64 MiB", "emulator", "%d MiB" % size, "%s MiB" % fmt(max(ours["rss_growth_mib"])), max(ours["rss_growth_mib"]) < 64))
        out.append("")

    if goals:
        out.append("**Goals** (ratios of medians from this run):")
        out.append("")
        out.append("| goal | server | target | measured | |")
        out.append("|---|---|---|---:|---|")
        for goal, server, target, value, ok in goals:
            out.append("| %s | %s | %s | %s | %s |" % (goal, server, target, value, verdict(ok)))
    print("\n".join(out))


if __name__ == "__main__":
    main(sys.argv[1])
