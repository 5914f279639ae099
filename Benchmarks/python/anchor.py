"""Python anchor for the settings benchmarks: what pixel-client 1.2.8 (pydantic-settings) pays for
the same inputs as Benchmarks/SettingsBenchmarks.

pixel-client has no cache and no change detection: `get_client()` builds `PixelApiSettings()` on
every call, so its per-call cost is a cold resolution. We measure:

  env only          PixelApiSettings()                          (what get_client() does per call)
  env + .env        PixelApiSettings(_env_file=bench.env)       (from_env_file)
  env + .env + YAML a subclass adding pydantic-settings' YamlConfigSettingsSource (pixel section)

Prints one JSON object: {name: {"median_ns": …, "p90_ns": …, "runs": …}, "versions": {…}}.
"""

import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from importlib import metadata

from pixel_client import PixelApiSettings
from pydantic_settings import PydanticBaseSettingsSource, SettingsConfigDict, YamlConfigSettingsSource

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Fixtures")


def measure(function, seconds=2.0, warmup=50):
    for _ in range(warmup):
        function()
    samples = []
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        start = time.perf_counter_ns()
        function()
        samples.append(time.perf_counter_ns() - start)
    samples.sort()
    return {
        "median_ns": statistics.median(samples),
        "p90_ns": samples[int(len(samples) * 0.9)],
        "runs": len(samples),
    }


def main():
    os.environ["PIXEL_USERNAME"] = "bench-user"
    os.environ["PIXEL_PASSWORD"] = "bench-password"
    os.environ["KEYCLOAK_REALM"] = "benchRealm"
    directory = tempfile.mkdtemp(prefix="pixel-bench-py-")
    env_file = os.path.join(directory, ".env")
    yaml_file = os.path.join(directory, "pixel.yaml")
    shutil.copy(os.path.join(FIXTURES, "bench.env"), env_file)
    shutil.copy(os.path.join(FIXTURES, "bench.yaml"), yaml_file)

    class YamlPixelSettings(PixelApiSettings):
        model_config = SettingsConfigDict(frozen=True, extra="ignore", yaml_file=yaml_file, yaml_config_section="pixel")

        @classmethod
        def settings_customise_sources(cls, settings_cls, init_settings, env_settings, dotenv_settings, file_secret_settings):
            return (init_settings, env_settings, dotenv_settings, YamlConfigSettingsSource(settings_cls))

    # Same answers as the Swift side before timing anything.
    with_files = YamlPixelSettings(_env_file=env_file)
    assert with_files.PIXEL_TENANT == "benchRealm", with_files.PIXEL_TENANT  # env KEYCLOAK_REALM beats .env PIXEL_TENANT
    assert with_files.PIXEL_ENV == "test"

    results = {
        "env only": measure(lambda: PixelApiSettings()),
        "env + .env": measure(lambda: PixelApiSettings(_env_file=env_file)),
        "env + .env + YAML": measure(lambda: YamlPixelSettings(_env_file=env_file)),
        "versions": {
            "python": sys.version.split()[0],
            "pydantic": metadata.version("pydantic"),
            "pydantic-settings": metadata.version("pydantic-settings"),
            "python-dotenv": metadata.version("python-dotenv"),
            "pixel-client": metadata.version("pixel-client"),
            "pyyaml": metadata.version("pyyaml"),
        },
    }
    shutil.rmtree(directory, ignore_errors=True)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
