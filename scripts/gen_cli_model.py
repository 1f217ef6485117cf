#!/usr/bin/env python3
"""Generate src/cli/model/model.json: the trimmed Kinesis service model the CLI layer embeds.

Reads the botocore files (service-2, paginators-1, waiters-2) and keeps only what the CLI needs for the operations
listed in src/cli/model/operations.rs (between the BEGIN/END SUPPORTED OPERATIONS markers):
- the operations' input/output shapes and every shape they reach (type, members in model order, required, min,
  enum, list member, map key/value), with each documentation cut to its first paragraph and stripped of HTML;
- the CLI name of every member and operation (botocore's xform_name with '-');
- the names of all operations of the real service (so "Invalid choice" lists what the real CLI lists);
- the paginators and waiters of the supported operations.

Usage: python3 scripts/gen_cli_model.py [REFERENCE_DIR]   (default /work/shared/reference)
The output is committed, so the build never needs the reference directory.
"""
import html
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REF = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/reference"
PREFIX = "kinesis-2013-12-02."

_first_cap = re.compile("(.)([A-Z][a-z]+)")
_end_cap = re.compile("([a-z0-9])([A-Z])")


def xform_name(name):
    """botocore.xform_name(name, '-')."""
    s1 = _first_cap.sub(r"\1-\2", name)
    return _end_cap.sub(r"\1-\2", s1).lower()


def first_paragraph(doc):
    """The first <p>...</p> of a documentation string, as plain text."""
    if not doc:
        return ""
    m = re.search(r"<p>(.*?)</p>", doc, re.S)
    text = m.group(1) if m else doc
    text = re.sub(r"<[^>]+>", "", text)
    text = html.unescape(text)
    return re.sub(r"\s+", " ", text).strip()


def supported_operations():
    with open(os.path.join(ROOT, "src/cli/model/operations.rs"), encoding="utf-8") as f:
        src = f.read()
    block = src.split("// BEGIN SUPPORTED OPERATIONS")[1].split("// END SUPPORTED OPERATIONS")[0]
    return re.findall(r'"([A-Za-z]+)"', block)


def main():
    with open(os.path.join(REF, PREFIX + "service-2.json"), encoding="utf-8") as f:
        service = json.load(f)
    with open(os.path.join(REF, PREFIX + "paginators-1.json"), encoding="utf-8") as f:
        paginators = json.load(f)["pagination"]
    with open(os.path.join(REF, PREFIX + "waiters-2.json"), encoding="utf-8") as f:
        waiters = json.load(f)["waiters"]

    ops = supported_operations()
    shapes_in = service["shapes"]
    keep = {}

    def visit(name):
        if name in keep:
            return
        shape = shapes_in[name]
        out = {"type": shape["type"]}
        keep[name] = out
        for key in ("min", "enum"):
            if key in shape:
                out[key] = shape[key]
        if shape["type"] == "structure":
            out["required"] = shape.get("required", [])
            out["members"] = []
            for mname, member in shape["members"].items():
                out["members"].append(
                    {
                        "name": mname,
                        "cli": xform_name(mname),
                        "shape": member["shape"],
                        "doc": first_paragraph(member.get("documentation", "")),
                    }
                )
                visit(member["shape"])
        elif shape["type"] == "list":
            out["member"] = shape["member"]["shape"]
            visit(out["member"])
        elif shape["type"] == "map":
            out["key"] = shape["key"]["shape"]
            out["value"] = shape["value"]["shape"]
            visit(out["key"])
            visit(out["value"])

    operations = {}
    for op in ops:
        spec = service["operations"][op]
        entry = {
            "cli": xform_name(op),
            "input": spec.get("input", {}).get("shape"),
            "output": spec.get("output", {}).get("shape"),
            "doc": first_paragraph(spec.get("documentation", "")),
        }
        for key in ("input", "output"):
            if entry[key]:
                visit(entry[key])
        if op in paginators:
            entry["paginator"] = paginators[op]
        operations[op] = entry

    model = {
        "service_doc": first_paragraph(service.get("documentation", "")),
        "all_operations": [xform_name(op) for op in service["operations"]],
        "operations": operations,
        "shapes": dict(sorted(keep.items())),
        "waiters": {
            xform_name(name): {
                "name": name,
                "operation": w["operation"],
                "delay": w["delay"],
                "max_attempts": w["maxAttempts"],
                "acceptors": w["acceptors"],
            }
            for name, w in waiters.items()
            if w["operation"] in ops
        },
    }
    out_path = os.path.join(ROOT, "src/cli/model/model.json")
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(model, f, separators=(",", ":"), ensure_ascii=False)
        f.write("\n")
    print(f"wrote {out_path}: {len(operations)} operations, {len(keep)} shapes, {os.path.getsize(out_path)} bytes")


if __name__ == "__main__":
    main()
