"""Requirement diagnosis after a failed hook: what the backend's
get_requires_for_build_* asked for that the environment lacks. twinbuild
turns a non-empty list into an environment problem (exit 2 with the command
to install it), never a finding."""
import importlib

REQUIRES_HOOK = {
    "build_wheel": "get_requires_for_build_wheel",
    "build_sdist": "get_requires_for_build_sdist",
    "build_editable": "get_requires_for_build_editable",
    "prepare_metadata_for_build_wheel": "get_requires_for_build_wheel",
    "prepare_metadata_for_build_editable": "get_requires_for_build_editable",
}


def missing_requirements(backend, hook, args):
    """The requirements get_requires_for_build_* names that no installed
    distribution satisfies by name (markers evaluated when `packaging` can be
    imported; a requirement whose marker cannot be evaluated counts as
    applying). Best effort: any failure of the check itself gives []."""
    fn = getattr(backend, hook, None)
    if fn is None:
        return []
    try:
        reqs = fn(args.get("config_settings"))
        import importlib.metadata as md
        import re
        markers = None
        for mod in ("packaging.markers", "setuptools._vendor.packaging.markers", "pip._vendor.packaging.markers"):
            try:
                markers = importlib.import_module(mod)
                break
            except Exception:  # noqa: BLE001
                continue
        missing = []
        for r in reqs or []:
            if not isinstance(r, str):
                continue
            m = re.match(r"\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)", r)
            if not m:
                continue
            if ";" in r and markers is not None:
                try:
                    if not markers.Marker(r.split(";", 1)[1]).evaluate():
                        continue
                except Exception:  # noqa: BLE001
                    pass
            try:
                md.distribution(m.group(1))
            except md.PackageNotFoundError:
                missing.append(r.strip())
        return missing
    except BaseException:  # noqa: BLE001
        return []
