"""One JSON line describing the machine and the tools of a benchmark run (start), or the load
average when it ended (--end), for requests_report.py."""

import argparse
import datetime
import json
import os
import platform
import subprocess


def first_line(command):
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    text = (result.stdout or result.stderr).strip()
    return text.splitlines()[0] if text else None


def cpu_model():
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or None


def memory_gib():
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--end", action="store_true")
    parser.add_argument("--elapsed-seconds", type=int)
    parser.add_argument("--configuration")
    parser.add_argument("--build-seconds", type=int)
    parser.add_argument("--smoke", type=int, default=0)
    parser.add_argument("--warmup-seconds", type=float)
    parser.add_argument("--nginx", default="nginx")
    args = parser.parse_args()
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    if args.end:
        print(json.dumps({"kind": "machine_end", "time": now, "load_average": os.getloadavg(),
                          "elapsed_seconds": args.elapsed_seconds}))
        return
    try:
        from importlib import metadata
        pixel_client = metadata.version("pixel-client")
    except Exception:  # noqa: BLE001
        pixel_client = None
    print(json.dumps({
        "kind": "machine", "time": now, "cpu": cpu_model(), "cores": os.cpu_count(), "memory_gib": memory_gib(),
        "kernel": platform.release(), "load_average": os.getloadavg(), "configuration": args.configuration,
        "build_seconds": args.build_seconds, "smoke": bool(args.smoke), "warmup_seconds": args.warmup_seconds,
        "versions": {
            "swift": first_line(["swift", "--version"]), "wrk": first_line(["wrk", "-v"]),
            "nginx": first_line([args.nginx, "-v"]), "curl": first_line(["curl", "--version"]),
            "valgrind": first_line(["valgrind", "--version"]), "python": platform.python_version(),
            "pixel-client": pixel_client,
        },
    }))


if __name__ == "__main__":
    main()
