"""pixel-client 1.2.8 anchor for the 1 GiB upload benchmark (issue 6).

Uploads a 1 GiB pseudo-random file as a raster, multipart with 8 MiB parts and the default
concurrency of 10, to a Pixel emulator running as another process (`pixel emulator --port N`),
and prints one JSON object: wall time of `upload_raster`, the part of it spent in the client's
own polling sleeps (wait_for_job sleeps 3 s per poll), its CPU time and the peak resident
memory growth (1.2.8 holds every part in flight in memory: about concurrency x part size).

    python upload_anchor.py http://127.0.0.1:18766 [size_in_mib]

Needs a virtualenv with pixel-client==1.2.8. The file lives in a temporary directory that is
removed afterwards.
"""

import asyncio
import json
import os
import resource
import shutil
import sys
import tempfile
from pathlib import Path
import time

from geojson_pydantic import Polygon

import pixel_client._base as base
from pixel_client import PixelClientAsync

AREA = Polygon.model_validate({"type": "Polygon", "coordinates": [[[10.0, 59.0], [11.0, 59.0], [11.0, 60.0], [10.0, 60.0], [10.0, 59.0]]]})
PART_SIZE = 8 * 1024 * 1024


def resident_bytes() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


async def main(emulator: str, size_mib: int) -> dict:
    directory = tempfile.mkdtemp(prefix="pixel-upload-anchor-")
    try:
        path = Path(directory) / "gigabyte.tif"
        with open(path, "wb") as out:
            for _ in range(size_mib):
                out.write(os.urandom(1 << 20))

        slept = 0.0
        real_sleep = asyncio.sleep

        async def counting_sleep(delay, *args, **kwargs):
            nonlocal slept
            slept += delay
            return await real_sleep(delay, *args, **kwargs)

        base.asyncio.sleep = counting_sleep  # the client's polling sleeps, reported separately
        async with PixelClientAsync(
            url=emulator + "/demo", keycloak_server_url=emulator, realm="demo", client_id="frontend",
            username="demo@example.com", password="demo-password",
        ) as client:
            project = await client.create_project("anchor", "", AREA)
            collection = await client.create_data_collection(project["id"], "anchor", "", "raster")
            before = resident_bytes()
            usage = resource.getrusage(resource.RUSAGE_SELF)
            start = time.perf_counter()
            await client.upload_raster(project["id"], collection["id"], path, multipart=True, multipart_part_size=PART_SIZE)
            wall = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_SELF)
            cpu = (after.ru_utime - usage.ru_utime) + (after.ru_stime - usage.ru_stime)
            peak = after.ru_maxrss * 1024
        return {
            "client": "pixel-client 1.2.8 (Python %d.%d)" % sys.version_info[:2],
            "size_mib": size_mib,
            "wall_s": round(wall, 3),
            "polling_sleep_s": round(slept, 3),
            "cpu_s": round(cpu, 3),
            "throughput_mib_s": round(size_mib / wall, 1),
            "throughput_without_sleeps_mib_s": round(size_mib / max(wall - slept, 1e-9), 1),
            "rss_before_mib": before >> 20,
            "peak_rss_mib": peak >> 20,
            "peak_rss_growth_mib": (peak - before) >> 20,
        }
    finally:
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    print(json.dumps(asyncio.run(main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1024))))
