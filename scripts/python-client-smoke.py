"""Drive every method of the official Python client (pixel-client 1.2.8) against `pixel emulator`.

Reads PIXEL_* from the environment (as `pixel emulator` prints them) plus PIXEL_EMULATOR_ADMIN_URL
(the emulator's /_emulator endpoint, for byte checks and route coverage).

Every public method of the async client has one check here. Checks run one after another and are
independent: a failing check is reported and the next one runs. Shared objects (a project, data
collections, uploaded resources, services) are made on first use by fixtures, through the client
too; when a fixture fails, the checks that need it fail with that reason.

Output: one `ok` or `FAIL` line per method, whether every sync and async method has a row in the
published coverage table (Sources/PixelClient/PixelClient.docc/APICoverage.md), the API routes the
run did not reach, then `N passed, M failed`. Exit status 1 when any check failed.
"""

import asyncio
import base64
import hashlib
import json
import logging
import os
import sys
import tempfile
import traceback
import urllib.request
from pathlib import Path

from geojson_pydantic import Polygon
from pixel_client import get_client
from pixel_client.exceptions import PixelBadRequestError
from pixel_client.models import (
    AnalysisServiceCreateUpdateInput,
    AnalysisServicePatchInput,
    AnalysisTaskCreateInput,
    AnalysisTaskListParams,
    ArcGISFeatureServiceImageLayerOptions,
    ArcGISFeatureServiceOptions,
    ArcGISImageServiceOptions,
    ArcGISImageServiceWMSOptions,
    ArcgisServiceCreateInput,
    ArcgisServiceCreateOptions,
    ArcgisServiceUpdateInput,
    Credentials,
    FieldMapsUpdateInput,
    HarvestAuthInfo,
    HarvestFieldMap,
    HarvestFieldMapping,
    HarvestFieldMapUpdate,
    HarvestServiceCreateInput,
    HarvestServiceUpdateInput,
    HarvestTaskListParams,
    ImageUpdateInput,
    ListParams,
    MetadataObject,
    NearblackOptions,
    OIDCUserCreateInput,
    OIDCUserUpdateInput,
    OptimizedPointCloudListParams,
    PixelAttachmentUpload,
    PixelUploadFile,
    PointCloudListParams,
    PointCloudUpdateInput,
    RasterListParams,
    RasterMetadataFields,
    RasterUpdateInput,
    SearchQuery,
)

SUFFIXES = {"image": ".jpg", "raster": ".tif", "point_cloud": ".laz"}
AOI = Polygon(type="Polygon", coordinates=[[(10.0, 59.0), (11.0, 59.0), (11.0, 60.0), (10.0, 60.0), (10.0, 59.0)]])


class CheckFailed(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise CheckFailed(message)


async def expect_status(status, call):
    """Runs `call` (a coroutine) and expects PixelBadRequestError with `status`."""
    try:
        result = await call
    except PixelBadRequestError as error:
        expect(error.status_code == status, f"expected HTTP {status}, got {error.status_code}")
        return
    raise CheckFailed(f"expected HTTP {status}, got a result: {str(result)[:120]}")


def md5_b64(data):
    return base64.b64encode(hashlib.md5(data).digest()).decode()


def admin(path):
    with urllib.request.urlopen(os.environ["PIXEL_EMULATOR_ADMIN_URL"] + path, timeout=10) as response:
        return json.load(response)


class Smoke:
    """The client, a scratch directory and memoised fixtures."""

    def __init__(self, client, workdir):
        self.c = client
        self.workdir = workdir
        self.fixtures = {}
        self.counter = 0

    def file(self, suffix, size=2_000):
        self.counter += 1
        data = os.urandom(size)
        path = self.workdir / f"file{self.counter:03d}{suffix}"
        path.write_bytes(data)
        return path

    async def fixture(self, name, make):
        """`make()` once per name; a failure is remembered and reported to every later user."""
        if name not in self.fixtures:
            try:
                self.fixtures[name] = ("ok", await make())
            except Exception as error:  # noqa: BLE001 - reported to the checks that need it
                self.fixtures[name] = ("error", f"fixture {name} failed: {describe(error)}")
        state, value = self.fixtures[name]
        if state == "error":
            raise CheckFailed(value)
        return value

    async def project(self, name="main"):
        return await self.fixture(
            f"project:{name}",
            lambda: self.c.create_project(name=f"Smoke {name}", description="python smoke", area_of_interest=AOI, tags=["smoke"]),
        )

    async def collection(self, kind, name="main"):
        async def make():
            project = await self.project(name)
            return await self.c.create_data_collection(project["id"], f"Smoke {kind} {name}", "", kind)

        collection = await self.fixture(f"collection:{kind}:{name}", make)
        return collection["project_id"], collection["id"]

    async def resource(self, kind):
        """One uploaded image, raster or point cloud in the main collection of its kind."""

        async def make():
            p, dc = await self.collection(kind)
            return await self.upload(kind)(p, dc, self.file(SUFFIXES[kind]))

        return await self.fixture(kind, make)

    async def batch(self, kind):
        """The "batch" collection of `kind`, filled by one upload_multiple_<kind>s call (three
        images; two rasters with support files and names; two point clouds in parts).
        Returns `(p, dc, created, errors)`."""

        async def make():
            p, dc = await self.collection(kind, "batch")
            if kind == "image":
                created, errors = await self.c.upload_multiple_images(p, dc, [PixelUploadFile(file=self.file(".jpg")) for _ in range(3)])
            elif kind == "raster":
                files = [
                    PixelUploadFile(
                        file=self.file(".tif"), support_files=[self.file(".tfw", 100)], metadata=MetadataObject(fields=RasterMetadataFields(name=f"r{i}"))
                    )
                    for i in range(2)
                ]
                created, errors = await self.c.upload_multiple_rasters(p, dc, files)
            else:
                files = [PixelUploadFile(file=self.file(".laz")) for _ in range(2)]
                created, errors = await self.c.upload_multiple_point_clouds(p, dc, files, multipart=True, multipart_part_size=1_000)
            return p, dc, created, errors

        return await self.fixture(f"batch:{kind}", make)

    def upload(self, kind):
        return {"image": self.c.upload_image, "raster": self.c.upload_raster, "point_cloud": self.c.upload_point_cloud}[kind]

    async def upload_into(self, kind, name):
        """A fresh resource in its own collection, for checks that move or delete it."""
        p, dc = await self.collection(kind, name)
        return p, dc, await self.upload(kind)(p, dc, self.file(SUFFIXES[kind]))

    async def arcgis_service(self, service_type):
        """A Feature service over the main image collection, or an Image service over the raster one."""

        async def make():
            if service_type == "Feature":
                _, dc = await self.collection("image")
                options = ArcgisServiceCreateOptions(
                    gdo_users=(await self.c.list_gdo_users())[:1],
                    feature_service_options=ArcGISFeatureServiceOptions(image_layer=ArcGISFeatureServiceImageLayerOptions()),
                )
            else:
                _, dc = await self.collection("raster")
                wms = ArcGISImageServiceWMSOptions(supported_srids=[25833, 4326])
                options = ArcgisServiceCreateOptions(image_service_options=ArcGISImageServiceOptions(default_service_srid=25833, wms_options=wms))
            create = ArcgisServiceCreateInput(name=f"Smoke {service_type}", description="", data_collection_ids=[dc], options=options)
            return await self.c.create_arcgis_service(service_type, create)

        return await self.fixture(f"arcgis:{service_type}", make)

    async def harvest_service(self, name="main"):
        async def make():
            p, dc = await self.collection("image")
            return await self.c.create_harvest_service(p, dc, harvest_input(f"Smoke harvest {name}"))

        return await self.fixture(f"harvest:{name}", make)

    async def analysis_service(self, name="main"):
        async def make():
            modules = await self.c.list_analysis_modules()
            return await self.c.create_analysis_service(
                AnalysisServiceCreateUpdateInput(name=f"Smoke analysis {name}", module_name=modules[0]["name"], config={"threshold": 0.5})
            )

        return await self.fixture(f"analysis:{name}", make)

    async def analysis_task(self, name):
        async def make():
            service = await self.analysis_service()
            return await self.c.create_analysis_task(service["id"], AnalysisTaskCreateInput(name=name, params={"area": "all"}))

        return await self.fixture(f"analysis_task:{name}", make)

    async def oidc_user(self):
        return await self.fixture(
            "oidc_user",
            lambda: self.c.create_oidc_user(
                OIDCUserCreateInput(first_name="Ada", last_name="Lovelace", email="ada@example.com", password="S3NT1NEL-pw", user_type="viewer")
            ),
        )


def harvest_input(name):
    return HarvestServiceCreateInput(
        name=name,
        description="",
        url="https://services.example.com/arcgis/rest/services/Trees/FeatureServer/0",
        auth=HarvestAuthInfo(credentials=Credentials(username="harvester", password="S3NT1NEL-pw")),
        field_mappings=HarvestFieldMapping(maps=[HarvestFieldMap(model="image", field_name="name", external_field="TREE_ID")]),
    )


def describe(error):
    if isinstance(error, PixelBadRequestError):
        return f"HTTP {error.status_code} {error.method} {error.url}: {' '.join(str(error.json_resp_msg).split())[:300]}"
    if isinstance(error, CheckFailed):
        return str(error)
    return f"{type(error).__name__}: {error}"


CHECKS = []


def check(function):
    CHECKS.append(function)
    return function


# Account, plugins and users


@check
async def me(s):
    user = await s.c.me(extended=True)
    expect(user.get("username") == os.environ["PIXEL_USERNAME"], f"username {user.get('username')}")
    expect(isinstance(user.get("projects"), list), "extended=True lists the user's projects")


@check
async def get_plugins(s):
    names = [plugin["name"] for plugin in await s.c.get_plugins()]
    expect(names == ["optimized_raster", "image_service"], f"plugins {names}")


@check
async def create_oidc_user(s):
    user = await s.oidc_user()
    expect(user["email"] == "ada@example.com" and user["enabled"] is True, f"user {user}")
    expect("S3NT1NEL" not in json.dumps(user), "the password is not echoed")
    await expect_status(
        409,
        s.c.create_oidc_user(OIDCUserCreateInput(first_name="A", last_name="L", email="ada@example.com", password="pw", user_type="viewer")),
    )


@check
async def update_oidc_user(s):
    user = await s.oidc_user()
    updated = await s.c.update_oidc_user(user["id"], OIDCUserUpdateInput(last_name="Byron", enabled=False, user_type="creator"))
    expect(updated["last_name"] == "Byron" and updated["enabled"] is False and updated["user_type"] == "creator", f"user {updated}")
    await expect_status(404, s.c.update_oidc_user(999, OIDCUserUpdateInput(first_name="X")))


# Projects


@check
async def create_project(s):
    project = await s.project()
    expect(isinstance(project.get("id"), int) and project["tags"] == ["smoke"], f"project {project}")


@check
async def list_projects(s):
    project = await s.project()
    listed = await s.c.list_projects(ids=[project["id"]], limit=5)
    expect([p["id"] for p in listed] == [project["id"]], f"listed {[p['id'] for p in listed]}")


@check
async def get_project(s):
    p, dc = await s.collection("image")
    project = await s.c.get_project(p, extended=True)
    expect(dc in [c["id"] for c in project.get("data_collections", [])], "extended project lists its collections")
    await expect_status(404, s.c.get_project(99_999))


@check
async def update_project(s):
    project = await s.project("update")
    updated = await s.c.update_project(project["id"], name="Renamed", add_tags=["b"], remove_tags=["smoke"])
    expect(updated["name"] == "Renamed" and updated["tags"] == ["b"], f"project {updated}")


@check
async def move_project(s):
    parent, child = await s.project("parent"), await s.project("child")
    moved = await s.c.move_project(child["id"], parent["id"])
    expect(moved["parent_project_id"] == parent["id"], f"parent {moved['parent_project_id']}")
    moved = await s.c.move_project(child["id"], None)
    expect(moved["parent_project_id"] is None, "None moves to the root")


@check
async def delete_project(s):
    project = await s.project("delete")
    deleted = await s.c.delete_project(project["id"])
    expect(deleted.get("deleted_at"), "deleted_at is set")
    await expect_status(404, s.c.get_project(project["id"]))


@check
async def list_deleted_projects(s):
    project = await s.project("deleted-list")
    await s.c.delete_project(project["id"])
    listed = await s.c.list_deleted_projects(ListParams(ids=[project["id"]]))
    expect([p["id"] for p in listed] == [project["id"]], f"listed {listed}")


@check
async def restore_project(s):
    project = await s.project("restore")
    await s.c.delete_project(project["id"])
    restored = await s.c.restore_project(project["id"])
    expect(restored["deleted_at"] is None, "restored")


# Data collections


@check
async def create_data_collection(s):
    p, dc = await s.collection("image")
    collection = await s.c.get_data_collection(p, dc)
    expect(collection["data_collection_type"] == "image", f"collection {collection}")


@check
async def list_data_collections(s):
    p, dc = await s.collection("image")
    listed = await s.c.list_data_collections(p, data_collection_type="image")
    expect(dc in [c["id"] for c in listed], f"listed {listed}")


@check
async def get_data_collection(s):
    p, dc = await s.collection("raster")
    expect((await s.c.get_data_collection(p, dc))["data_collection_type"] == "raster", "raster collection")
    await expect_status(404, s.c.get_data_collection(p, 99_999))


@check
async def update_data_collection(s):
    p, dc = await s.collection("image", "dc-update")
    updated = await s.c.update_data_collection(p, dc, description="new", add_tags=["t"])
    expect(updated["description"] == "new" and updated["tags"] == ["t"], f"collection {updated}")


@check
async def move_data_collection(s):
    p, dc = await s.collection("image", "dc-move")
    target = await s.project("dc-target")
    moved = await s.c.move_data_collection(p, dc, target["id"])
    expect(moved["project_id"] == target["id"], f"project {moved['project_id']}")


@check
async def delete_data_collection(s):
    p, dc = await s.collection("image", "dc-delete")
    await s.c.delete_data_collection(p, dc)
    await expect_status(404, s.c.get_data_collection(p, dc))


@check
async def list_deleted_data_collections(s):
    p, dc = await s.collection("image", "dc-deleted-list")
    await s.c.delete_data_collection(p, dc)
    listed = await s.c.list_deleted_data_collections(p)
    expect([c["id"] for c in listed] == [dc], f"listed {listed}")


@check
async def restore_data_collection(s):
    p, dc = await s.collection("image", "dc-restore")
    await s.c.delete_data_collection(p, dc)
    expect((await s.c.restore_data_collection(p, dc))["deleted_at"] is None, "restored")


# Uploads


@check
async def upload_image(s):
    p, dc = await s.collection("image", "uploads")
    single = s.file(".jpg", 150_000)
    image = await s.c.upload_image(p, dc, single, metadata={"fields": {"fields_type": "image", "cam_heading": 90.0}})
    expect(image["name"] == single.name and image["fields"]["cam_heading"] == 90.0, f"single-part image {image}")
    multi = s.file(".jpg", 250_000)
    image = await s.c.upload_image(p, dc, multi, multipart=True, multipart_part_size=100_000)
    stored = {o["name"]: o["md5"] for o in admin("/objects") if o.get("resource_type") == "image"}
    expect(stored.get(multi.name) == md5_b64(multi.read_bytes()), "the three multipart parts were assembled byte for byte")


@check
async def upload_multiple_images(s):
    _, _, created, errors = await s.batch("image")
    expect(len(created) == 3 and not errors, f"{len(created)} created, errors {errors}")


@check
async def upload_raster(s):
    raster = await s.resource("raster")
    expect(raster["format"] == "GTiff", f"raster {raster}")


@check
async def upload_multiple_rasters(s):
    _, _, created, errors = await s.batch("raster")
    expect(sorted(r["name"] for r in created) == ["r0", "r1"] and not errors, f"created {created}, errors {errors}")


@check
async def upload_point_cloud(s):
    cloud = await s.resource("point_cloud")
    expect(cloud["format"] == "LAZ", f"point cloud {cloud}")


@check
async def upload_multiple_point_clouds(s):
    _, _, created, errors = await s.batch("point_cloud")
    expect(len(created) == 2 and not errors, f"created {created}, errors {errors}")


@check
async def get_upload_jobs(s):
    image = await s.resource("image")
    p, dc = await s.collection("image")
    jobs = await s.c.get_upload_jobs(p, dc, ids=[image["upload_job_id"]])
    expect(len(jobs) == 1 and jobs[0]["status"] == "validated_and_moved", f"jobs {jobs}")


# Images, rasters and point clouds: the same six methods each, plus image metadata


def resource_checks(kind, plural, list_params, update_input, updated):
    """get_<plural>, paginate_<plural>, get_, update_, move_ and delete_<kind>, as checks."""

    async def get_list(s):
        item = await s.resource(kind)
        p, dc = await s.collection(kind)
        listed = await getattr(s.c, f"get_{plural}")(p, dc, **list_params(item))
        expect(item["id"] in [x["id"] for x in listed], f"listed {listed}")

    async def paginate(s):
        p, dc, _, _ = await s.batch(kind)
        paged = [x async for x in getattr(s.c, f"paginate_{plural}")(p, dc, page_size=1)]
        listed = await getattr(s.c, f"get_{plural}")(p, dc, limit=100)
        expect(len(paged) == len(listed) > 1, f"{len(paged)} paged of {len(listed)}")

    async def get_one(s):
        item = await s.resource(kind)
        p, dc = await s.collection(kind)
        get = getattr(s.c, f"get_{kind}")
        expect((await get(p, dc, item["id"]))["id"] == item["id"], f"same {kind}")
        await expect_status(404, get(p, dc, 99_999))

    async def update(s):
        item = await s.resource(kind)
        p, dc = await s.collection(kind)
        changed = await getattr(s.c, f"update_{kind}")(p, dc, item["id"], update_input)
        expect(updated(changed), f"{kind} {changed}")

    async def move(s):
        p, dc, item = await s.upload_into(kind, f"{kind}-move")
        tp, tdc = await s.collection(kind, f"{kind}-target")
        move = getattr(s.c, f"move_{kind}")
        # Point clouds move by POST with only the target collection; the others by PUT with both ids.
        moved = await (move(p, dc, item["id"], tdc) if kind == "point_cloud" else move(p, dc, item["id"], tp, tdc))
        expect(moved["data_collection_id"] == tdc, f"{kind} {moved}")

    async def delete(s):
        p, dc, item = await s.upload_into(kind, f"{kind}-delete")
        await getattr(s.c, f"delete_{kind}")(p, dc, item["id"])
        await expect_status(404, getattr(s.c, f"get_{kind}")(p, dc, item["id"]))

    for function, name in [
        (get_list, f"get_{plural}"), (paginate, f"paginate_{plural}"), (get_one, f"get_{kind}"),
        (update, f"update_{kind}"), (move, f"move_{kind}"), (delete, f"delete_{kind}"),
    ]:
        function.__name__ = name
        CHECKS.append(function)


resource_checks(
    "image", "images",
    lambda image: {"ids": [image["id"]]},  # a raw list: sent as repeated ids= keys
    ImageUpdateInput(add_tags=["cat"], json_metadata={"k": "v"}),
    lambda image: image["tags"] == ["cat"] and image["json_metadata"] == {"k": "v"},
)
resource_checks(
    "raster", "rasters",
    lambda _: {"params": RasterListParams(format="GTiff")},
    RasterUpdateInput(fields=RasterMetadataFields(name="Ortho 2024")),
    lambda raster: raster["name"] == "Ortho 2024",
)
resource_checks(
    "point_cloud", "point_clouds",
    lambda _: {"params": PointCloudListParams(format="LAZ", point_record_format=6)},
    PointCloudUpdateInput(add_tags=["lidar"]),
    lambda cloud: cloud["tags"] == ["lidar"],
)


@check
async def get_image_metadata(s):
    image = await s.resource("image")
    p, dc = await s.collection("image")
    metadata = await s.c.get_image_metadata(p, dc, image["id"])
    expect("fields" in metadata and "json_metadata" in metadata, f"metadata {metadata}")


# Optimized rasters


@check
async def create_optimized_rasters(s):
    raster = await s.resource("raster")
    p, dc = await s.collection("raster")
    created = await s.c.create_optimized_rasters(p, dc, [raster["id"]], profile="smoke", nearblack=NearblackOptions(enabled=True, color=255))
    expect(len(created) == 1 and created[0]["status"] == "pending", f"created {created}")
    expect(created[0]["creation_options"]["nearblack_options"]["color"] == 255, "nearblack options kept")


@check
async def run_optimize_rasters(s):
    p, dc, raster = await s.upload_into("raster", "run-optimize")
    created = await s.c.create_optimized_rasters(p, dc, None)
    group = await s.c.run_optimize_rasters(p, dc, [o["id"] for o in created])
    expect(group["completed"] and group["success_count"] == len(created) == 1, f"group {group}")


@check
async def get_optimized_rasters(s):
    raster = await s.resource("raster")
    p, dc = await s.collection("raster")
    await s.c.create_optimized_rasters(p, dc, [raster["id"]], profile="listed")
    listed = await s.c.get_optimized_rasters(p, dc, limit=10)
    expect(any(o["profile"] == "listed" and o["raster_id"] == raster["id"] for o in listed), f"listed {listed}")


@check
async def delete_optimized_rasters(s):
    raster = await s.resource("raster")
    p, dc = await s.collection("raster")
    await s.c.create_optimized_rasters(p, dc, [raster["id"]], profile="doomed")
    deleted = await s.c.delete_optimized_rasters(p, dc, raster["id"], profile="doomed")
    expect([o["profile"] for o in deleted] == ["doomed"], f"deleted {deleted}")


@check
async def optimize_rasters(s):
    p, dc, _, _ = await s.batch("raster")
    optimized = await s.c.optimize_rasters(p, dc, overview_resampling="nearest")
    expect(len(optimized) == 2 and all(o["status"] == "completed" for o in optimized), f"optimized {optimized}")


@check
async def create_optimized_point_clouds(s):
    cloud = await s.resource("point_cloud")
    p, dc = await s.collection("point_cloud")
    created = await s.c.create_optimized_point_clouds(p, dc, [cloud["id"]])
    expect(len(created) == 1 and created[0]["point_cloud_id"] == cloud["id"], f"created {created}")


@check
async def run_optimize_point_clouds(s):
    p, dc, cloud = await s.upload_into("point_cloud", "pc-run")
    await s.c.create_optimized_point_clouds(p, dc, None)
    group = await s.c.run_optimize_point_clouds(p, dc, [cloud["id"]])  # source ids are accepted too
    expect(group["completed"] and group["success_count"] == 1, f"group {group}")


@check
async def get_optimized_point_clouds(s):
    cloud = await s.resource("point_cloud")
    p, dc = await s.collection("point_cloud")
    await s.c.create_optimized_point_clouds(p, dc, [cloud["id"]])
    listed = await s.c.get_optimized_point_clouds(p, dc, OptimizedPointCloudListParams(format="LAZ"))
    expect([o["point_cloud_id"] for o in listed] == [cloud["id"]], f"listed {listed}")


@check
async def delete_optimized_point_cloud(s):
    p, dc, cloud = await s.upload_into("point_cloud", "pc-optimized-delete")
    await s.c.create_optimized_point_clouds(p, dc, [cloud["id"]])
    await s.c.delete_optimized_point_cloud(p, dc, cloud["id"])
    await expect_status(404, s.c.delete_optimized_point_cloud(p, dc, cloud["id"]))


@check
async def optimize_point_clouds(s):
    p, dc, _, _ = await s.batch("point_cloud")
    optimized = await s.c.optimize_point_clouds(p, dc)
    expect(len(optimized) == 2 and all(o["status"] == "completed" for o in optimized), f"optimized {optimized}")


# Jobs


@check
async def get_job(s):
    service = await s.arcgis_service("Feature")
    started = await s.c.start_arcgis_service("Feature", service["id"], wait=False)
    job = await s.c.get_job(started["job"]["job_id"])
    expect(job["completed"] is False and job["name"], f"job {job}")
    await s.c.wait_for_job(job["id"])
    await s.c.stop_arcgis_service("Feature", service["id"])


@check
async def wait_for_job(s):
    service = await s.arcgis_service("Image")
    started = await s.c.start_arcgis_service("Image", service["id"], wait=False)
    job = await s.c.wait_for_job(started["job"]["job_id"])
    expect(job["completed"] and job["status"] == "success", f"job {job}")
    await s.c.stop_arcgis_service("Image", service["id"])


async def pending_group(s, name):
    """A job group nobody has polled yet: an optimize run sent without waiting (the client's
    run_optimize_rasters always waits, so the request goes out through its transport directly)."""
    p, dc, _ = await s.upload_into("raster", name)
    created = await s.c.create_optimized_rasters(p, dc, None)
    response = await s.c._post(f"/projects/{p}/data_collections/{dc}/rasters/optimized/run", json={"retry_failed": False})
    return response.json()["group_job"]["group_id"], len(created)


@check
async def get_job_group(s):
    group_id, jobs = await pending_group(s, "group-get")
    group = await s.c.get_job_group(group_id)
    expect(group["total_jobs"] == jobs and group["completed"] is False, f"group {group}")


@check
async def wait_for_group_job(s):
    group_id, _ = await pending_group(s, "group-wait")
    group = await s.c.wait_for_group_job(group_id)
    expect(group["completed"] and group["success_count"] == group["total_jobs"], f"group {group}")


# ArcGIS services


@check
async def list_gdo_users(s):
    users = await s.c.list_gdo_users()
    expect(users and all(isinstance(u, str) for u in users), f"users {users}")


@check
async def create_arcgis_service(s):
    feature, image = await s.arcgis_service("Feature"), await s.arcgis_service("Image")
    expect(feature["status"] == "stopped" and feature["options"]["feature_service_options"]["image_layer"]["image_processed_type"] == "blurred", f"feature {feature}")
    expect(image["options"]["image_service_options"]["default_service_srid"] == 25833, f"image {image}")


@check
async def list_arcgis_services(s):
    feature = await s.arcgis_service("Feature")
    listed = await s.c.list_arcgis_services("Feature")
    expect(feature["id"] in [x["id"] for x in listed], f"listed {listed}")
    expect(feature["id"] not in [x["id"] for x in await s.c.list_arcgis_services("Image")], "Image services are listed apart")


@check
async def get_arcgis_service(s):
    feature = await s.arcgis_service("Feature")
    expect((await s.c.get_arcgis_service("Feature", feature["id"]))["name"] == feature["name"], "same service")
    await expect_status(404, s.c.get_arcgis_service("Image", feature["id"]))


@check
async def update_arcgis_service(s):
    feature = await s.arcgis_service("Feature")
    updated = await s.c.update_arcgis_service("Feature", feature["id"], ArcgisServiceUpdateInput(description="updated"))
    expect(updated["description"] == "updated", f"service {updated}")
    wrong_block = ArcgisServiceUpdateInput(options=ArcgisServiceCreateOptions(image_service_options=ArcGISImageServiceOptions(default_service_srid=4326)))
    await expect_status(422, s.c.update_arcgis_service("Feature", feature["id"], wrong_block))


@check
async def start_arcgis_service(s):
    feature = await s.arcgis_service("Feature")
    started = await s.c.start_arcgis_service("Feature", feature["id"])
    expect(started["job"]["completed"] and started["arcgis_service"]["status"] == "running", f"started {started}")
    again = await s.c.start_arcgis_service("Feature", feature["id"])
    expect(again["job"] is None, "starting a running service needs no job")


@check
async def stop_arcgis_service(s):
    feature = await s.arcgis_service("Feature")
    if (await s.c.get_arcgis_service("Feature", feature["id"]))["status"] != "running":
        await s.c.start_arcgis_service("Feature", feature["id"])
    stopped = await s.c.stop_arcgis_service("Feature", feature["id"])
    expect(stopped["arcgis_service"]["status"] == "stopped", f"stopped {stopped}")


@check
async def refresh_arcgis_service(s):
    image = await s.arcgis_service("Image")
    refreshed = await s.c.refresh_arcgis_service("Image", image["id"], refresh_data=True)
    expect(refreshed["arcgis_service"]["data_refreshed_at"], f"refreshed {refreshed}")


@check
async def delete_arcgis_service(s):
    _, dc = await s.collection("image")
    service = await s.c.create_arcgis_service(
        "Feature",
        ArcgisServiceCreateInput(
            name="doomed", description="", data_collection_ids=[dc],
            options=ArcgisServiceCreateOptions(feature_service_options=ArcGISFeatureServiceOptions(image_layer=ArcGISFeatureServiceImageLayerOptions())),
        ),
    )
    await s.c.delete_arcgis_service("Feature", service["id"])
    await expect_status(404, s.c.get_arcgis_service("Feature", service["id"]))


# Harvest services


@check
async def create_harvest_service(s):
    service = await s.harvest_service()
    expect(service["status"] == "stopped" and service["where_clause"] == "1=1", f"service {service}")
    expect("S3NT1NEL" not in json.dumps(service), "the password is not echoed")


@check
async def list_harvest_services(s):
    service = await s.harvest_service()
    p, dc = await s.collection("image")
    expect(service["id"] in [x["id"] for x in await s.c.list_harvest_services(p, dc)], "listed")


@check
async def get_harvest_service(s):
    service = await s.harvest_service()
    p, dc = await s.collection("image")
    expect((await s.c.get_harvest_service(p, dc, service["id"]))["name"] == service["name"], "same service")
    await expect_status(404, s.c.get_harvest_service(p, dc, 99_999))


@check
async def update_harvest_service(s):
    service = await s.harvest_service("update")
    p, dc = await s.collection("image")
    update = HarvestServiceUpdateInput(
        where_clause="HEIGHT > 2",
        field_mappings=FieldMapsUpdateInput(
            maps=[HarvestFieldMapUpdate(operation="update", model="image", field_name="name", external_field="TREE_NAME")], add_extra_fields=["SPECIES"]
        ),
    )
    updated = await s.c.update_harvest_service(p, dc, service["id"], update)
    expect(updated["where_clause"] == "HEIGHT > 2" and updated["field_mappings"]["maps"][0]["external_field"] == "TREE_NAME", f"service {updated}")
    expect(updated["field_mappings"]["extra_fields"] == ["SPECIES"], "extra field added")


@check
async def start_harvest_service(s):
    service = await s.harvest_service()
    p, dc = await s.collection("image")
    started = await s.c.start_harvest_service(p, dc, service["id"])
    expect(started["harvest_service"]["status"] == "running" and started["task"]["status"] == "in_progress", f"started {started}")


@check
async def get_harvest_service_tasks(s):
    service = await s.harvest_service()
    p, dc = await s.collection("image")
    tasks = await s.c.get_harvest_service_tasks(p, dc, service["id"], HarvestTaskListParams(status="in_progress", get_new=True))
    expect(len(tasks) == 1 and tasks[0]["harvest_service_id"] == service["id"], f"tasks {tasks}")


@check
async def stop_harvest_service(s):
    service = await s.harvest_service()
    p, dc = await s.collection("image")
    if (await s.c.get_harvest_service(p, dc, service["id"]))["status"] != "running":
        await s.c.start_harvest_service(p, dc, service["id"])
    stopped = await s.c.stop_harvest_service(p, dc, service["id"])
    expect(stopped["harvest_service"]["status"] == "stopped" and stopped["task"]["status"] == "completed", f"stopped {stopped}")
    await expect_status(409, s.c.stop_harvest_service(p, dc, service["id"]))


@check
async def delete_harvest_service(s):
    service = await s.harvest_service("delete")
    p, dc = await s.collection("image")
    await s.c.delete_harvest_service(p, dc, service["id"])
    await expect_status(404, s.c.get_harvest_service(p, dc, service["id"]))


# Attachments


@check
async def add_attachments(s):
    project = await s.project()
    report = s.file(".pdf", 5_000)
    attached = await s.c.add_attachments("project", project["id"], [PixelAttachmentUpload(file=report, description="smoke")])
    expect(len(attached) == 1 and attached[0]["status"] == "Completed", f"attached {attached}")
    stored = {o["resource_id"]: o["md5"] for o in admin("/objects") if o.get("resource_type") == "attachment"}
    expect(stored.get(attached[0]["id"]) == md5_b64(report.read_bytes()), "attachment bytes match")


@check
async def list_attachments(s):
    project = await s.project("attachments")
    await s.c.add_attachments("project", project["id"], [s.file(".txt", 100)])
    expect(len(await s.c.list_attachments("project", project["id"], status="Completed")) == 1, "one completed attachment")


@check
async def move_attachment(s):
    project = await s.project("attachment-move")
    (attachment,) = await s.c.add_attachments("project", project["id"], [s.file(".txt", 100)])
    image = await s.resource("image")
    moved = await s.c.move_attachment("project", project["id"], attachment["id"], "image", image["id"])
    expect(moved["resource_type"] == "image" and moved["resource_id"] == image["id"], f"moved {moved}")


@check
async def delete_attachment(s):
    project = await s.project("attachment-delete")
    (attachment,) = await s.c.add_attachments("project", project["id"], [s.file(".txt", 100)])
    await s.c.delete_attachment("project", project["id"], attachment["id"])
    expect(await s.c.list_attachments("project", project["id"]) == [], "no attachments left")


# Search


@check
async def search_info(s):
    info = await s.c.search_info("images")
    expect(info.get("filterable_fields"), f"info {info}")


@check
async def search(s):
    image = await s.resource("image")
    results = await s.c.search(SearchQuery(on="images", filter={"==": [{"var": "id"}, image["id"]]}))
    expect(results["total_count"] == 1 and results["results"][0]["id"] == image["id"], f"results {results}")


@check
async def paginate_search(s):
    p, dc, _, _ = await s.batch("image")
    found = [item async for item in s.c.paginate_search(SearchQuery(on="images", filter={"==": [{"var": "data_collection_id"}, dc]}), page_size=2)]
    expect(len(found) == 3, f"{len(found)} found")


# Analysis


@check
async def list_analysis_modules(s):
    modules = await s.c.list_analysis_modules()
    expect(modules and all("name" in m for m in modules), f"modules {modules}")


@check
async def create_analysis_service(s):
    service = await s.analysis_service()
    expect(service["enabled"] is True and service["config"] == {"threshold": 0.5}, f"service {service}")


@check
async def list_analysis_services(s):
    service = await s.analysis_service()
    listed = await s.c.list_analysis_services(enabled=True, ids=[service["id"]])
    expect([x["id"] for x in listed] == [service["id"]], f"listed {listed}")


@check
async def patch_analysis_service(s):
    service = await s.analysis_service("patch")
    patched = await s.c.patch_analysis_service(service["id"], AnalysisServicePatchInput(enabled=False, config={"band": 2}))
    expect(patched["enabled"] is False and patched["config"] == {"threshold": 0.5, "band": 2}, f"patched {patched}")


@check
async def delete_analysis_service(s):
    service = await s.analysis_service("delete")
    expect(await s.c.delete_analysis_service(service["id"]) is True, "deleted")
    await expect_status(404, s.c.patch_analysis_service(service["id"], name="gone"))


@check
async def create_analysis_task(s):
    task = await s.analysis_task("first")
    expect(task["status"] == "PENDING" and task["params"] == {"area": "all"}, f"task {task}")


@check
async def run_analysis_task(s):
    task = await s.analysis_task("run")
    run = await s.c.run_analysis_task(task["service_id"], task["id"])
    expect(run["status"] == "SCHEDULED", f"run {run}")


@check
async def list_analysis_tasks(s):
    task = await s.analysis_task("listed")
    await s.c.run_analysis_task(task["service_id"], task["id"])
    statuses = []
    for _ in range(2):
        (listed,) = await s.c.list_analysis_tasks(task["service_id"], AnalysisTaskListParams(ids=[task["id"]]))
        statuses.append(listed["status"])
    expect(statuses == ["RUNNING", "SUCCESS"], f"statuses {statuses}")


@check
async def revoke_analysis_task(s):
    task = await s.analysis_task("revoke")
    revoked = await s.c.revoke_analysis_task(task["service_id"], task["id"])
    expect(revoked["status"] == "REVOKED", f"revoked {revoked}")
    await expect_status(409, s.c.revoke_analysis_task(task["service_id"], task["id"]))


@check
async def delete_analysis_task(s):
    task = await s.analysis_task("delete")
    expect(await s.c.delete_analysis_task(task["service_id"], task["id"]) is True, "deleted")
    await expect_status(404, s.c.run_analysis_task(task["service_id"], task["id"]))


def public_methods(cls):
    """The public API methods of a client class: 94 in pixel-client 1.2.8."""
    return sorted(
        name for name in dir(cls) if not name.startswith("_") and name != "from_settings" and callable(getattr(cls, name))
    )


def client_methods(client):
    return public_methods(type(client))


COVERAGE = Path(__file__).resolve().parent.parent / "Sources/PixelClient/PixelClient.docc/APICoverage.md"


def coverage_gaps(async_client):
    """Methods of the installed sync or async client without a row in the published coverage table."""
    from pixel_client import PixelClient as SyncClient

    rows = {line.split("|")[1].strip().strip("`") for line in COVERAGE.read_text().splitlines() if line.startswith("| `")}
    methods = set(client_methods(async_client)) | set(public_methods(SyncClient))
    return sorted(methods - rows), len(methods)


async def main():
    logging.getLogger("pixel_client").setLevel(logging.CRITICAL)  # expected 4xx answers are not news
    workdir = Path(tempfile.mkdtemp(prefix="pixel-smoke-"))
    passed, failed = 0, []
    async with get_client(async_=True) as client:
        smoke = Smoke(client, workdir)
        checked = {function.__name__ for function in CHECKS}
        unchecked = [name for name in client_methods(client) if name not in checked]
        for function in CHECKS:
            try:
                await function(smoke)
                passed += 1
                print(f"ok    {function.__name__}", flush=True)
            except Exception as error:  # noqa: BLE001 - every failure is reported, the next check runs
                failed.append(function.__name__)
                print(f"FAIL  {function.__name__}: {describe(error)}", flush=True)
                if not isinstance(error, (CheckFailed, PixelBadRequestError)):
                    traceback.print_exc(limit=3, file=sys.stdout)
        for name in unchecked:
            failed.append(name)
            print(f"FAIL  {name}: no check drives this method", flush=True)
        gaps, total = coverage_gaps(client)
        if gaps:
            failed.extend(gaps)
            print(f"FAIL  coverage table: no row for {', '.join(gaps)}", flush=True)
        else:
            print(f"coverage table: all {total} sync and async methods have a row", flush=True)
    try:
        served, counts = admin("/routes"), admin("/stats")["routes"]
        missed = [route for route in served if not counts.get(route)]
        print(f"API routes reached: {len(served) - len(missed)} of {len(served)}" + (f"; not reached: {', '.join(missed)}" if missed else ""))
    except OSError as error:
        print(f"API route coverage unavailable: {error}")
    print(f"{passed} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
