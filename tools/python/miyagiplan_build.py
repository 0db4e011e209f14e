"""An in-tree PEP 517 backend: builds the `miyagiplan` package with the project's own CMake and
packs it into a wheel, with nothing to fetch (the Python package index is not needed)."""

import base64
import hashlib
import os
import re
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _version():
    header = (ROOT / "include" / "miyagiplan" / "version.hpp").read_text(encoding="utf-8")
    parts = [re.search(rf"MIYAGIPLAN_VERSION_{p} (\d+)", header).group(1) for p in ("MAJOR", "MINOR", "PATCH")]
    return ".".join(parts)


def _tag():
    impl = f"cp{sys.version_info.major}{sys.version_info.minor}"
    platform = sysconfig.get_platform().replace("-", "_").replace(".", "_")
    return f"{impl}-{impl}{sys.abiflags}-{platform}"


def _build_package():
    """Configures and builds the extension for this interpreter; returns the package folder."""
    build = ROOT / "build-pip" / f"{sys.implementation.cache_tag}"
    configure = [
        "cmake", "-S", str(ROOT), "-B", str(build), "-DCMAKE_BUILD_TYPE=Release",
        f"-DPython_EXECUTABLE={sys.executable}", "-DMIYAGIPLAN_BUILD_TESTS=OFF",
        "-DMIYAGIPLAN_BUILD_EXAMPLES=OFF", "-DMIYAGIPLAN_BUILD_BENCHMARKS=OFF", "-DMIYAGIPLAN_INSTALL=OFF",
        # Link-time optimisation doubles the build time for little gain in a wheel built here.
        "-DCMAKE_INTERPROCEDURAL_OPTIMIZATION=OFF",
    ]
    subprocess.run(configure, check=True, stdout=sys.stderr)
    subprocess.run(["cmake", "--build", str(build), "--target", "miyagiplan_python", "-j2"],
                   check=True, stdout=sys.stderr)
    return build / "python" / "miyagiplan"


def _metadata(version):
    return (f"Metadata-Version: 2.1\nName: miyagiplan\nVersion: {version}\n"
            "Summary: Japanese prefectural plans, their indicators and attainment, with 和暦 and 年度\n"
            "Requires-Python: >=3.9\n")


def get_requires_for_build_wheel(config_settings=None):
    return []


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    version = _version()
    package = _build_package()
    name = f"miyagiplan-{version}-{_tag()}.whl"
    dist_info = f"miyagiplan-{version}.dist-info"
    records = []

    def add(zf, arcname, data):
        zf.writestr(arcname, data)
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        records.append(f"{arcname},sha256={digest},{len(data)}")

    with zipfile.ZipFile(Path(wheel_directory) / name, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(package.iterdir()):
            if path.is_file() and not path.name.endswith(".pyc"):
                add(zf, f"miyagiplan/{path.name}", path.read_bytes())
        add(zf, f"{dist_info}/METADATA", _metadata(version).encode())
        add(zf, f"{dist_info}/WHEEL",
            f"Wheel-Version: 1.0\nGenerator: miyagiplan_build\nRoot-Is-Purelib: false\nTag: {_tag()}\n".encode())
        records.append(f"{dist_info}/RECORD,,")
        zf.writestr(f"{dist_info}/RECORD", "\n".join(records) + "\n")
    return name


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    version = _version()
    dist_info = Path(metadata_directory) / f"miyagiplan-{version}.dist-info"
    dist_info.mkdir(parents=True, exist_ok=True)
    (dist_info / "METADATA").write_text(_metadata(version), encoding="utf-8")
    return dist_info.name
