"""curl anchor for the multipart upload benchmark: the same number of bytes, in parts of the same
size, PUT by `curl` to presigned part URLs of the same emulator with the same concurrency.

The driver (this script, standard library only) signs in, creates a project, a raster data
collection and a multipart upload job exactly as a client would, and writes the parts to files
beforehand; only the transfer is timed: from starting the first `curl -T part URL` to the end of
the last one, `concurrency` processes at a time, each with the part's `Content-MD5` header as the
job asks. Each repetition uses a fresh job. The jobs are not finished, so the emulator spends
nothing on assembly afterwards (its storage is removed when it stops).

    python curl_upload_anchor.py --auth URL --api URL [--size-mib 1024] [--part-mib 8]
        [--concurrency 10] [--repetitions 1]

Prints one JSON line in the shape of RequestLoad's upload report.
"""

import argparse
import base64
import concurrent.futures
import hashlib
import json
import os
import resource
import shutil
import subprocess
import tempfile
import time
import urllib.parse
import urllib.request


def call(method, url, token=None, body=None, form=None):
    headers = {"Accept": "application/json"}
    data = None
    if token:
        headers["Authorization"] = "Bearer " + token
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    if form is not None:
        data = urllib.parse.urlencode(form).encode()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read() or b"null")


def write_parts(directory, size_mib, part_mib):
    """Pseudo-random parts of `part_mib` MiB (the last one shorter), each in its own file; returns
    [(number, path, base64 md5, length)]."""
    parts, remaining, number = [], size_mib << 20, 1
    while remaining > 0:
        length = min(part_mib << 20, remaining)
        path = os.path.join(directory, "part-%05d" % number)
        digest = hashlib.md5()
        with open(path, "wb") as out:
            left = length
            while left > 0:
                chunk = os.urandom(min(left, 1 << 20))
                digest.update(chunk)
                out.write(chunk)
                left -= len(chunk)
        parts.append((number, path, base64.b64encode(digest.digest()).decode(), length))
        remaining -= length
        number += 1
    return parts


def put_part(part, url):
    number, path, md5, _ = part
    subprocess.run(
        ["curl", "-sS", "--fail", "-o", "/dev/null", "-T", path, "-H", "Content-MD5: " + md5, "-H", "Expect:", url],
        check=True,
    )
    return number


def main(args):
    token = call("POST", args.auth + "/realms/demo/protocol/openid-connect/token", form={
        "client_id": "frontend", "username": "demo@example.com", "password": "demo-password",
        "scope": "openid email profile", "grant_type": "password",
    })["access_token"]
    area = {"type": "Polygon", "coordinates": [[[10.0, 59.0], [11.0, 59.0], [11.0, 60.0], [10.0, 60.0], [10.0, 59.0]]]}
    project = call("POST", args.api + "/projects/", token, {"name": "curl anchor", "description": "", "area_of_interest": area})
    dc_path = "%s/projects/%d/data_collections/" % (args.api, project["id"])
    collection = call("POST", dc_path, token, {"name": "curl anchor", "description": "", "data_collection_type": "raster"})
    jobs_url = "%s%d/upload_jobs/multipart" % (dc_path, collection["id"])

    directory = tempfile.mkdtemp(prefix="pixel-curl-anchor-")
    try:
        parts = write_parts(directory, args.size_mib, args.part_mib)
        transfer, cpu = [], []
        for repetition in range(max(1, args.repetitions)):
            descriptor = {"name": "curl-%d.tif" % repetition, "parts": [
                {"part_number": n, "md5": md5, "content_length": length} for n, _, md5, length in parts]}
            job = call("POST", jobs_url, token, {"files": [descriptor]})[0]
            urls = {p["part_number"]: p["url"] for p in job["upload_parts"]}
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            with concurrent.futures.ThreadPoolExecutor(max_workers=args.concurrency) as pool:
                list(pool.map(lambda part: put_part(part, urls[part[0]]), parts))
            transfer.append(round(time.perf_counter() - start, 3))
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu.append(round((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), 3))
    finally:
        shutil.rmtree(directory, ignore_errors=True)
    version = subprocess.run(["curl", "--version"], capture_output=True, text=True).stdout.split()[1]
    return {
        "kind": "upload", "client": "curl %s (%d processes at a time)" % (version, args.concurrency),
        "server": "emulator", "size_mib": args.size_mib, "part_mib": args.part_mib, "concurrency": args.concurrency,
        "transfer_seconds": transfer, "cpu_seconds": cpu,
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--auth", required=True)
    parser.add_argument("--api", required=True)
    parser.add_argument("--size-mib", type=int, default=1024)
    parser.add_argument("--part-mib", type=int, default=8)
    parser.add_argument("--concurrency", type=int, default=10)
    parser.add_argument("--repetitions", type=int, default=1)
    print(json.dumps(main(parser.parse_args())), flush=True)
