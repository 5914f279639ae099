"""pixel-client 1.2.8 anchor for the request-throughput benchmark: its async client
(`PixelClientAsync`) with N asyncio tasks in a closed loop, each awaiting `me()` or
`get_project(id)` again as soon as the last call returned, for a fixed time.

    python request_anchor.py --auth URL --api URL [--target me|project] [--project-id N]
        [--in-flight 64] [--warmup 1] [--duration 5] [--repetitions 3] [--server emulator]

Prints one JSON line in the same shape as the Swift load generators (RequestLoad).
"""

import argparse
import asyncio
import json
import os
import resource
import sys
import time

os.environ.setdefault("PIXEL_CLIENT_NO_VERSION_CHECK", "1")

from pixel_client import PixelClientAsync  # noqa: E402

TARGET_NAMES = {"me": "GET /users/me", "project": "GET /projects/{id}"}


async def closed_loop(call, in_flight, seconds):
    """Runs `call` from `in_flight` tasks until `seconds` have passed; returns (completed, errors, elapsed, first error)."""
    deadline = time.perf_counter() + seconds
    first_error = []

    async def worker():
        done = failed = 0
        while time.perf_counter() < deadline:
            try:
                await call()
                done += 1
            except Exception as error:  # noqa: BLE001 - counted and reported
                failed += 1
                if not first_error:
                    first_error.append(repr(error)[:300])
        return done, failed

    start = time.perf_counter()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    results = await asyncio.gather(*(worker() for _ in range(in_flight)))
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (after.ru_utime - usage.ru_utime) + (after.ru_stime - usage.ru_stime)
    return sum(r[0] for r in results), sum(r[1] for r in results), elapsed, cpu, (first_error or [None])[0]


async def main(args):
    async with PixelClientAsync(
        url=args.api, keycloak_server_url=args.auth, realm="demo", client_id="frontend",
        username="demo@example.com", password="demo-password",
    ) as client:
        if args.target == "me":
            call = lambda: client.me()  # noqa: E731
        else:
            call = lambda: client.get_project(args.project_id)  # noqa: E731
        await call()  # the token fetch (it blocks the event loop in 1.2.8) stays out of the figures
        errors, first_error = 0, None
        if args.warmup > 0:
            _, failed, _, _, error = await closed_loop(call, args.in_flight, args.warmup)
            errors, first_error = failed, error
        rates, counts, cpu_per_request = [], [], []
        for _ in range(max(1, args.repetitions)):
            done, failed, elapsed, cpu, error = await closed_loop(call, args.in_flight, args.duration)
            rates.append(round(done / elapsed, 1))
            counts.append(done)
            cpu_per_request.append(round(cpu * 1e6 / max(1, done), 1))
            errors += failed
            first_error = first_error or error
    return {
        "kind": "requests", "client": "pixel-client 1.2.8 async (Python %d.%d)" % sys.version_info[:2],
        "target": TARGET_NAMES[args.target], "server": args.server, "in_flight": args.in_flight,
        "duration_seconds": args.duration, "requests_per_second": rates, "requests": counts,
        "cpu_microseconds_per_request": cpu_per_request, "errors": errors, "first_error": first_error,
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--auth", required=True)
    parser.add_argument("--api", required=True)
    parser.add_argument("--server", default="emulator")
    parser.add_argument("--target", choices=["me", "project"], default="me")
    parser.add_argument("--project-id", type=int, default=1)
    parser.add_argument("--in-flight", type=int, default=64)
    parser.add_argument("--warmup", type=float, default=1.0)
    parser.add_argument("--duration", type=float, default=5.0)
    parser.add_argument("--repetitions", type=int, default=3)
    print(json.dumps(asyncio.run(main(parser.parse_args()))), flush=True)
