"""Validates a STIX 2.1 bundle with OASIS's stix2-validator and prints what it found as JSON.

usage: check_stix.py <file>
Prints {"valid": bool, "errors": [...], "warnings": [...], "objects": {type: count}}: the errors and
warnings of every object, each as "<object id>: <message>". Strict about the version (2.1); the
custom objects and properties scamnet writes (x-scamnet-*, x_scamnet_*) are allowed, as STIX 2.1
section 11 allows them. Exits 0 whether or not the bundle is valid; non-zero only when it cannot run.
"""
import json
import sys
from collections import Counter

from stix2validator import ValidationOptions, validate_string


def main():
    path = sys.argv[1]
    with open(path, encoding="utf-8") as f:
        text = f.read()
    options = ValidationOptions(version="2.1", strict=False, strict_types=False, strict_properties=False)
    results = validate_string(text, options)
    results = results if isinstance(results, list) else [results]
    errors, warnings = [], []
    for r in results:
        for obj in getattr(r, "object_results", None) or [r]:
            oid = getattr(obj, "object_id", "") or ""
            errors += [f"{oid}: {e.message if hasattr(e, 'message') else e}" for e in (obj.errors or [])]
            warnings += [f"{oid}: {w.message if hasattr(w, 'message') else w}" for w in (obj.warnings or [])]
    bundle = json.loads(text)
    counts = Counter(o.get("type") for o in bundle.get("objects", []))
    print(json.dumps({"valid": all(r.is_valid for r in results), "errors": errors, "warnings": warnings, "objects": counts}))


if __name__ == "__main__":
    main()
