"""Drive the official Python client (pixel-client 1.2.8) through a real workflow against
`pixel emulator`. Reads PIXEL_* from the environment (printed by `pixel emulator`) plus
PIXEL_EMULATOR_ADMIN_URL for byte-for-byte checks. Exits non-zero on the first failure.

Flow: create project -> create image collection -> single-part upload -> multipart upload ->
batch upload (group job) -> attachment -> search with a filter -> paginate images."""

import asyncio
import base64
import hashlib
import json
import os
import sys
import tempfile
import urllib.request
from pathlib import Path

from geojson_pydantic import Polygon
from pixel_client import get_client
from pixel_client.models import PixelAttachmentUpload, PixelUploadFile, SearchQuery


def md5_b64(data: bytes) -> str:
    return base64.b64encode(hashlib.md5(data).digest()).decode()


def check(condition: bool, message: str) -> None:
    if not condition:
        print(f"FAIL: {message}", file=sys.stderr)
        sys.exit(1)
    print(f"ok   {message}")


def stored_objects() -> list[dict]:
    admin = os.environ["PIXEL_EMULATOR_ADMIN_URL"]
    with urllib.request.urlopen(f"{admin}/objects", timeout=10) as response:
        return json.load(response)


async def main() -> None:
    workdir = Path(tempfile.mkdtemp(prefix="pixel-smoke-"))
    files = {}
    for index, size in enumerate([200_000, 350_000, 1_000, 2_000]):
        data = os.urandom(size)
        path = workdir / f"photo{index}.jpg"
        path.write_bytes(data)
        files[path.name] = (path, data)
    report = workdir / "report.txt"
    report.write_bytes(b"smoke test attachment\n" * 100)

    aoi = Polygon(type="Polygon", coordinates=[[(10.0, 59.0), (11.0, 59.0), (11.0, 60.0), (10.0, 60.0), (10.0, 59.0)]])
    async with get_client(async_=True) as client:
        me = await client.me()
        check(me.get("username") == os.environ["PIXEL_USERNAME"], "me() returns the emulator account")

        project = await client.create_project(name="Smoke project", description="python smoke", area_of_interest=aoi, tags=["smoke"])
        check(isinstance(project.get("id"), int), f"create_project -> id {project.get('id')}")
        collection = await client.create_data_collection(project["id"], "Smoke images", "images from python", "image")
        check(collection.get("data_collection_type") == "image", f"create_data_collection -> id {collection.get('id')}")
        p, dc = project["id"], collection["id"]

        single_path, single_data = files["photo0.jpg"]
        image = await client.upload_image(p, dc, single_path)
        check(image.get("name") == "photo0.jpg", f"upload_image (single-part) -> image {image.get('id')}")

        multi_path, multi_data = files["photo1.jpg"]
        multi = await client.upload_image(p, dc, multi_path, multipart=True, multipart_part_size=100_000)
        check(multi.get("name") == "photo1.jpg", f"upload_image (multipart, 4 parts) -> image {multi.get('id')}")

        batch = [PixelUploadFile(file=files[name][0]) for name in ("photo2.jpg", "photo3.jpg")]
        created, errors = await client.upload_multiple_images(p, dc, batch)
        check(not errors and len(created) == 2, f"upload_multiple_images -> {len(created)} images, {len(errors)} errors")

        attached = await client.add_attachments("project", p, [PixelAttachmentUpload(file=report, description="smoke")])
        check(len(attached) == 1 and attached[0].get("status") == "Completed", "add_attachments -> Completed")

        results = await client.search(
            SearchQuery(on="images", filter={"~": [{"var": "name"}, "photo%"]}, limit=10, offset=0)
        )
        names = sorted(item["name"] for item in results["results"])
        check(results["total_count"] == 4 and names == sorted(files), f"search images by name pattern -> {names}")

        paged = [item async for item in client.paginate_images(p, dc, page_size=3)]
        check(len(paged) == 4, f"paginate_images(page_size=3) -> {len(paged)} images")

    objects = {obj["name"]: obj for obj in stored_objects() if obj.get("resource_type") == "image"}
    for name, (_, data) in files.items():
        check(objects.get(name, {}).get("md5") == md5_b64(data), f"stored bytes of {name} match (md5)")
    print("python-client-smoke: all checks passed")


if __name__ == "__main__":
    asyncio.run(main())
