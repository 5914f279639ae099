"""Combines the Swift benchmark markdown and the Python anchor JSON into one ratio table."""

import json
import re
import sys

TARGETS_NS = {
    "Unchanged check, env only": 2_000,
    "Unchanged check, env + .env + YAML": 4_000,
    "Unchanged check, env only, 1,000 calls per sample": 2_000,
    "Unchanged check, env + .env + YAML, 1,000 calls per sample": 4_000,
    "Cold resolution, env + 45-line .env + 45-key YAML": 30_000,
}
# What Python pays for the same job: pixel-client rebuilds its settings on every get_client().
ANCHOR = {
    "Unchanged check, env only": "env only",
    "Unchanged check, env + .env + YAML": "env + .env + YAML",
    "Unchanged check, env only, 1,000 calls per sample": "env only",
    "Unchanged check, env + .env + YAML, 1,000 calls per sample": "env + .env + YAML",
    "Unchanged check, default sources (cwd, selectors, .env + YAML)": "env + .env + YAML",
    "Cold resolution, env only": "env only",
    "Cold resolution, env + 45-line .env + 45-key YAML": "env + .env + YAML",
}
UNIT = {"ns": 1, "us": 1_000, "μs": 1_000, "ms": 1_000_000}


def swift_medians(path):
    """Benchmark name -> wall-clock p50 in ns, from ordo-one/benchmark's markdown output."""
    medians, current = {}, None
    for line in open(path, encoding="utf-8"):
        heading = re.match(r"^#+\s+(.*?)(?: metrics)?\s*$", line)
        if heading:
            current = heading.group(1).strip()
            continue
        row = re.match(r"^\|\s*Time \(wall clock\) \((\w+)\)\s*\*?\s*\|(.*)$", line)
        if row and current:
            cells = [c.strip() for c in row.group(2).split("|") if c.strip()]
            # Columns: p0 p25 p50 p75 p90 p99 p100 samples
            nanos = float(cells[2].replace(",", "")) * UNIT.get(row.group(1), 1)
            # "…, 1,000 calls per sample": report the per-call time.
            medians[current] = nanos / 1_000 if current.endswith("1,000 calls per sample") else nanos
    return medians


def main():
    swift = swift_medians(sys.argv[1])
    python = json.load(open(sys.argv[2], encoding="utf-8"))
    print()
    print("| Benchmark | Swift p50 (per call) | target | Python (pydantic-settings) p50 | Python / Swift |")
    print("|---|---:|---:|---:|---:|")
    for name, nanos in swift.items():
        anchor = python.get(ANCHOR.get(name, ""), {})
        target = TARGETS_NS.get(name)
        python_ns = anchor.get("median_ns")
        print(
            f"| {name} | {nanos / 1000:.2f} µs | {f'{target / 1000:.0f} µs' if target else '—'} | "
            f"{f'{python_ns / 1000:.0f} µs' if python_ns else '—'} | {f'{python_ns / nanos:,.0f}×' if python_ns else '—'} |"
        )
    print()
    print("Python versions:", ", ".join(f"{k} {v}" for k, v in python.get("versions", {}).items()))


if __name__ == "__main__":
    main()
