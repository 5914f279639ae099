"""Python anchor for the factory benchmarks: what pixel-client 1.2.8's `get_client()` costs for
the same jobs as Benchmarks/FactoryBenchmarks, measured in the same run.

  get_client() env only        settings rebuilt from the environment on every call, then an lru_cache hit
  get_client() with .env       the same with a 45-line .env in the working directory
  get_client(settings=s) hit   an lru_cache hit keyed by a frozen settings object
  get_client() rebuild         a changed environment value on every call: a cache miss that builds a
                               new client (and, unlike the Swift registry, never closes the old one)

PIXEL_CLIENT_NO_VERSION_CHECK=1 keeps PyPI out of it. Prints one JSON object like anchor.py.
"""

import json
import os
import shutil
import statistics
import sys
import tempfile
import time
import warnings
from importlib import metadata

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Fixtures")


def measure(function, seconds=2.0, warmup=20):
    for _ in range(warmup):
        function()
    samples = []
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        start = time.perf_counter_ns()
        function()
        samples.append(time.perf_counter_ns() - start)
    samples.sort()
    return {"median_ns": statistics.median(samples), "p90_ns": samples[int(len(samples) * 0.9)], "runs": len(samples)}


def main():
    os.environ["PIXEL_CLIENT_NO_VERSION_CHECK"] = "1"
    os.environ["PIXEL_USERNAME"] = "bench-user"
    os.environ["PIXEL_PASSWORD"] = "bench-password"
    os.environ["PIXEL_TENANT"] = "benchTenant"
    warnings.simplefilter("ignore")
    from pixel_client import PixelApiSettings, get_client

    empty = tempfile.mkdtemp(prefix="pixel-factory-py-")
    with_env = tempfile.mkdtemp(prefix="pixel-factory-py-env-")
    shutil.copy(os.path.join(FIXTURES, "bench.env"), os.path.join(with_env, ".env"))

    results = {}
    os.chdir(empty)
    results["get_client() env only"] = measure(lambda: get_client())
    explicit = PixelApiSettings()
    results["get_client(settings=s) hit"] = measure(lambda: get_client(settings=explicit))
    counter = iter(range(10**9))

    def rebuild():
        os.environ["PIXEL_TENANT"] = f"benchTenant{next(counter)}"
        get_client()

    results["get_client() rebuild"] = measure(rebuild, seconds=2.0, warmup=5)
    os.environ["PIXEL_TENANT"] = "benchTenant"
    os.chdir(with_env)
    results["get_client() with .env"] = measure(lambda: get_client())
    results["versions"] = {"python": sys.version.split()[0], "pixel-client": metadata.version("pixel-client")}
    shutil.rmtree(empty, ignore_errors=True)
    shutil.rmtree(with_env, ignore_errors=True)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
