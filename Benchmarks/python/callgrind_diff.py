"""Where the instructions per request go: PixelClient's async client against the bare
AsyncHTTPClient loop, per function, from the callgrind profiles Benchmarks/run keeps.

For each client the per-request cost of a function is (I(2N) - I(N)) / N of its own (exclusive)
instructions, so start-up, the token fetch and connection set-up cancel out as in the totals.
Prints the functions whose per-request cost differs most, demangled.

    python callgrind_diff.py .results me 500      # reads callgrind.{bare,async}.me.{500,1000}.out
"""

import collections
import os
import re
import subprocess
import sys

LINE = re.compile(r"^\s*([\d,]+)\s+\([\s\d.]+%\)\s+(.*)$")


def exclusive(path):
    """Instructions per function (exclusive), from callgrind_annotate."""
    text = subprocess.run(["callgrind_annotate", "--inclusive=no", "--threshold=100", path],
                          capture_output=True, text=True, check=True).stdout
    costs = collections.Counter()
    started = False
    for line in text.splitlines():
        if line.startswith("Ir") and "file:function" in line:
            started = True
            continue
        match = LINE.match(line) if started else None
        if not match or "PROGRAM TOTALS" in line:
            continue
        name = match.group(2)
        name = re.sub(r"^(\?\?\?|[./][^:]*):", "", name, count=1)
        found = re.search(r" \[([^\]]*)\]$", name)
        obj = os.path.basename(found.group(1)) if found else ""
        name = name[:found.start()] if found else name
        costs[(name, obj)] += int(match.group(1).replace(",", ""))
    return costs


CATEGORIES = [
    ("reference counting", lambda name, obj: re.match(r"swift_(retain|release|bridgeObject|unknownObject)|.*RefCounts.*Slow", name)),
    ("malloc and free", lambda name, obj: obj.startswith("libc.") and re.search(r"malloc|free|tcache", name)
        or re.match(r"swift_(allocObject|deallocObject|slowAlloc|slowDealloc|deallocClassInstance)", name)),
    ("Swift concurrency runtime (tasks, executors, continuations)", lambda name, obj: obj.startswith("libswift_Concurrency")),
    ("Swift runtime metadata and conformance lookups", lambda name, obj: obj.startswith("libswiftCore")
        and re.search(r"Metadata|conformsToProtocol|ConcurrentReadableHashMap|MetadataCache|swift_getWitnessTable|swift_dynamicCast", name)),
    ("Swift standard library (strings, arrays, ...)", lambda name, obj: obj.startswith("libswiftCore")),
    ("Foundation (JSON decoding, Data)", lambda name, obj: obj.startswith("libFoundation") or obj.startswith("lib_Foundation")),
    ("SwiftNIO and AsyncHTTPClient", lambda name, obj: re.search(r"\$s\d*(NIO|AsyncHTTPClient|15AsyncHTTPClient)", name)
        or re.search(r"\d(NIOCore|NIOPosix|NIOHTTP1|NIOHTTPCompression|NIOSSL|AsyncHTTPClient)", name)),
    ("PixelClient's own functions", lambda name, obj: "11PixelClient" in name),
    ("generic code specialized into the binary (header checks, string scans, ...)", lambda name, obj: obj.startswith("RequestLoad")),
    ("other (libc, the dynamic linker, ...)", lambda name, obj: True),
]


def category(key):
    name, obj = key
    return next(label for label, test in CATEGORIES if test(name, obj))


def per_request(directory, client, target, n):
    small = exclusive("%s/callgrind.%s.%s.%d.out" % (directory, client, target, n))
    large = exclusive("%s/callgrind.%s.%s.%d.out" % (directory, client, target, 2 * n))
    return {name: (large[name] - small[name]) / n for name in set(small) | set(large)}


def demangle(names):
    try:
        result = subprocess.run(["swift", "demangle", "--simplified", "--compact"], input="\n".join(names),
                                capture_output=True, text=True, check=True)
        lines = result.stdout.splitlines()
        if len(lines) == len(names):
            return lines
    except (OSError, subprocess.CalledProcessError):
        pass
    return names


def main(directory, target, n, rows=15):
    bare = per_request(directory, "bare", target, n)
    ours = per_request(directory, "async", target, n)
    names = set(bare) | set(ours)
    total_bare, total_ours = sum(bare.values()), sum(ours.values())
    print("**%s**, where the difference per request goes (exclusive instructions by kind of code):" % target)
    print()
    print("| kind of code | bare loop | PixelClient async | difference |")
    print("|---|---:|---:|---:|")
    grouped = collections.defaultdict(lambda: [0.0, 0.0])
    for name in names:
        grouped[category(name)][0] += bare.get(name, 0)
        grouped[category(name)][1] += ours.get(name, 0)
    for label, _ in CATEGORIES:
        b, o = grouped.get(label, (0, 0))
        print("| %s | %s | %s | %s |" % (label, "{:,.0f}".format(b), "{:,.0f}".format(o), "{:+,.0f}".format(o - b)))
    print("| **total** | %s | %s | %s |" % ("{:,.0f}".format(total_bare), "{:,.0f}".format(total_ours), "{:+,.0f}".format(total_ours - total_bare)))
    print()
    by_name_bare, by_name_ours = collections.Counter(), collections.Counter()
    for (name, _), value in bare.items():
        by_name_bare[name] += value
    for (name, _), value in ours.items():
        by_name_ours[name] += value
    bare, ours = by_name_bare, by_name_ours
    names = set(bare) | set(ours)
    differences = sorted(names, key=lambda name: -abs(ours.get(name, 0) - bare.get(name, 0)))[:rows]
    print("**%s**: %s instructions per request (PixelClient async) against %s (bare loop), %+s; the %d functions "
          "whose own instructions per request differ most:" % (
              target, "{:,.0f}".format(total_ours), "{:,.0f}".format(total_bare),
              "{:,.0f}".format(total_ours - total_bare), rows))
    print()
    print("| function (exclusive instructions) | bare loop | PixelClient async | difference |")
    print("|---|---:|---:|---:|")
    for name, label in zip(differences, demangle(differences)):
        label = label if len(label) <= 110 else label[:107] + "..."
        print("| `%s` | %s | %s | %s |" % (label.replace("|", "\\|"), "{:,.0f}".format(bare.get(name, 0)),
                                           "{:,.0f}".format(ours.get(name, 0)),
                                           "{:+,.0f}".format(ours.get(name, 0) - bare.get(name, 0))))
    print()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
