#!/usr/bin/env python3
"""Generate src/cli/model/model.json (the trimmed Kinesis service model the CLI layer embeds) and
src/cli/model/docs.json (its documentation strings, which the page fetches only when `help` needs them).

Reads the Kinesis model bundled with AWS CLI 2.36.7 (service-2, paginators-1, waiters-2 in
shared/reference/cli-2.36.7/), the one model the playground is pinned to, and keeps what the CLI needs for every
operation the CLI offers (all of them but SubscribeToShard, which the AWS CLI removes: it needs HTTP/2 event
streams). The CLI then offers those the api layer simulates (src/cli/model/mod.rs filters by crate::api):
- the operations' input/output shapes and every shape they reach (type, members in model order, required, min,
  enum, list member, map key/value);
- in docs.json, the service's, each operation's and each member's documentation, cut to its first paragraph and
  stripped of HTML (kept out of the browser's wasm: about 9 KB gzip the page need not load before it starts);
- not the CLI names of members and operations: the CLI derives them (botocore's xform_name, src/cli/model/operations.rs);
- the names of all operations of the real service (so "Invalid choice" lists what the real CLI lists);
- the paginators and waiters of those operations.

Usage: python3 scripts/gen_cli_model.py [MODEL_DIR]   (default ../shared/reference/cli-2.36.7 beside the project)
The output is committed, so the build never needs the reference directory.
"""
import html
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REF = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "reference", "cli-2.36.7")
# The operations the AWS CLI leaves out of `aws kinesis` (awscli/customizations/removals.py).
REMOVED_BY_CLI = {"SubscribeToShard"}

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


def main():
    with open(os.path.join(REF, "service-2.json"), encoding="utf-8") as f:
        service = json.load(f)
    with open(os.path.join(REF, "paginators-1.json"), encoding="utf-8") as f:
        paginators = json.load(f)["pagination"]
    with open(os.path.join(REF, "waiters-2.json"), encoding="utf-8") as f:
        waiters = json.load(f)["waiters"]

    ops = [op for op in service["operations"] if op not in REMOVED_BY_CLI]
    shapes_in = service["shapes"]
    keep = {}
    member_docs = {}

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
                # "Name" when the member's shape has its name, else "Name:Shape" (fewer bytes in the page's wasm).
                shape_name = member["shape"]
                out["members"].append(mname if shape_name == mname else f"{mname}:{shape_name}")
                doc = first_paragraph(member.get("documentation", ""))
                if doc:
                    member_docs.setdefault(name, {})[mname] = doc
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
    operation_docs = {}
    for op in ops:
        spec = service["operations"][op]
        entry = {
            "input": spec.get("input", {}).get("shape"),
            "output": spec.get("output", {}).get("shape"),
        }
        operation_docs[op] = first_paragraph(spec.get("documentation", ""))
        for key in ("input", "output"):
            if entry[key]:
                visit(entry[key])
        if op in paginators:
            entry["paginator"] = paginators[op]
        operations[op] = entry

    model = {
        "all_operations": [xform_name(op) for op in ops],
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
    docs = {
        "service": first_paragraph(service.get("documentation", "")),
        "operations": operation_docs,
        "members": dict(sorted(member_docs.items())),
    }
    docs_path = os.path.join(ROOT, "src/cli/model/docs.json")
    with open(docs_path, "w", encoding="utf-8") as f:
        json.dump(docs, f, separators=(",", ":"), ensure_ascii=False)
        f.write("\n")
    print(f"wrote {docs_path}: {os.path.getsize(docs_path)} bytes")


if __name__ == "__main__":
    main()
