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
    if machine.get("build_seconds") is not None and end.get("elapsed_seconds") is not None:
        minutes = lambda seconds: "%d min %02d s" % divmod(seconds, 60)
        out.append("")
        out.append("Run time: %s for the script, of which the build took %s." % (
            minutes(end["elapsed_seconds"]), minutes(machine["build_seconds"])))
    out.append("")

    # One record per client invocation; a round is one invocation of every client in turn.
    series = {}
    for record in requests:
        key = (record["server"], record["target"], family(record["client"]))
        entry = series.setdefault(key, {"client": record["client"], "in_flight": record["in_flight"], "rps": [], "cpu": [],
                                        "rounds": [], "errors": 0, "duration": record.get("duration_seconds"),
                                        "slices": bool(record.get("slices"))})
        entry["rps"] += record["requests_per_second"]
        entry["rounds"].append(statistics.mean(record["requests_per_second"]))
        entry["cpu"] += record.get("cpu_microseconds_per_request") or []
        entry["errors"] += record["errors"]

    def paired(server, target, numerator, denominator):
        """Median of numerator / denominator measured side by side: over the slice pairs when both
        ran as a `pair` (taking turns slice by slice), else over the rounds (a round's figure is
        the mean of its slices)."""
        top, bottom = series.get((server, target, numerator)), series.get((server, target, denominator))
        if not top or not bottom:
            return None
        both_sliced = top["slices"] and bottom["slices"] and len(top["rps"]) == len(bottom["rps"])
        pairs = zip(top["rps"], bottom["rps"]) if both_sliced else zip(top["rounds"], bottom["rounds"])
        ratios = [t / b for t, b in pairs if b > 0]
        return statistics.median(ratios) if ratios else None

    servers = sorted({k[0] for k in series}, key=lambda s: (s != "emulator", s))
    for server in servers:
        for target in sorted({k[1] for k in series if k[0] == server}, key=lambda t: ("me" not in t, t)):
            clients = [k[2] for k in series if k[0] == server and k[1] == target]
            clients.sort(key=lambda c: CLIENT_ORDER.index(c) if c in CLIENT_ORDER else 99)
            first = series[(server, target, clients[0])]
            warmup = machine.get("warmup_seconds")
            sliced = next((series[(server, target, c)] for c in clients if series[(server, target, c)]["slices"]), None)
            pairing = ("; the bare loop and PixelClient async share one process and take turns in %d slices of %s s per round "
                       "(their figures are per slice, their ratio the median over slice pairs)" % (
                           len(sliced["rps"]) // len(sliced["rounds"]), sliced["duration"]) if sliced else "")
            rounds = len(first["rounds"])
            out.append("**%s, `%s`**: %d round%s of %s s per client after a %s warm-up each (wrk: whole seconds), clients taking turns%s:" % (
                server, target, rounds, "" if rounds == 1 else "s", first["duration"], "%g s" % warmup if warmup is not None else "short", pairing))
            out.append("")
            out.append("| client | in flight | requests/s, median (min–max) | vs bare AHC loop (per round) | client CPU per request | errors |")
            out.append("|---|---:|---:|---:|---:|---:|")
            for client in clients:
                entry = series[(server, target, client)]
                ratio = paired(server, target, client, "AsyncHTTPClient bare loop")
                cpu = "%s µs" % spread(entry["cpu"]) if entry["cpu"] else "—"
                out.append("| %s | %d | %s | %s | %s | %d |" % (
                    entry["client"], entry["in_flight"], spread(entry["rps"]), "%.0f %%" % (100 * ratio) if ratio else "—", cpu, entry["errors"]))
            out.append("")
            ours_vs_bare = paired(server, target, "PixelClient async", "AsyncHTTPClient bare loop")
            ours_vs_python = paired(server, target, "PixelClient async", "pixel-client")
            blocking_vs_ours = paired(server, target, "PixelClient blocking", "PixelClient async")
            if ours_vs_bare is not None:
                goals.append(("async ≥ 90 % of the bare AHC loop", server, target, "%.0f %%" % (100 * ours_vs_bare), ours_vs_bare >= 0.9))
            if ours_vs_python is not None:
                goals.append(("async ≥ 15× pixel-client 1.2.8", server, target, "%.1f×" % ours_vs_python, ours_vs_python >= 15))
            if blocking_vs_ours is not None:
                goals.append(("blocking (8 threads) ≥ 70 % of async", server, target, "%.0f %%" % (100 * blocking_vs_ours), blocking_vs_ours >= 0.7))

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
        out.append("**Goals** (throughput ratios: median over the rounds of the ratio within each round, or over the slice pairs "
                   "for async against the bare loop; all from this run):")
        out.append("")
        out.append("| goal | server | target | measured | |")
        out.append("|---|---|---|---:|---|")
        for goal, server, target, value, ok in goals:
            out.append("| %s | %s | %s | %s | %s |" % (goal, server, target, value, verdict(ok)))
    print("\n".join(out))


if __name__ == "__main__":
    main(sys.argv[1])
