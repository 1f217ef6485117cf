#!/usr/bin/env python3
"""Where the bytes of a wasm binary go, from its name section (no other tool needed).

Usage:
  scripts/wasm_sizes.py FILE.wasm [--top N] [--grep TEXT]    the N largest functions (or those whose name has TEXT)
  scripts/wasm_sizes.py FILE.wasm --group                    code bytes summed by crate/module prefix
  scripts/wasm_sizes.py FILE.wasm --data [--top N]           the data section: text and binary bytes (raw and gzip -9),
                                                             source paths of panic locations, the N longest texts
  scripts/wasm_sizes.py FILE.wasm --forbid TEXT [--forbid T2] exit 1 when a function's name contains TEXT

Reads a wasm that still has its `name` section: `cargo build --release --target wasm32-unknown-unknown` keeps it
(wasm-opt -Oz, as Trunk runs it, drops it). scripts/test.sh uses --forbid to keep code the page budget cannot
afford (core's f64 parser, the standard library's sorts) from sneaking back in.
"""
import argparse
import gzip
import re
import shutil
import subprocess
import sys


def leb(data, pos):
    result = shift = 0
    while True:
        b = data[pos]
        pos += 1
        result |= (b & 0x7F) << shift
        shift += 7
        if b < 0x80:
            return result, pos


def read_name(data, pos):
    n, pos = leb(data, pos)
    return data[pos : pos + n].decode("utf-8", "replace"), pos + n


def parse(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:4] != b"\0asm":
        sys.exit(f"wasm_sizes: {path} is not a wasm binary")
    pos = 8
    imported_funcs = 0
    bodies = []  # sizes of defined functions, in order
    names = {}
    data_bytes = 0
    while pos < len(data):
        sid = data[pos]
        size, body = leb(data, pos + 1)
        end = body + size
        if sid == 2:  # imports
            count, p = leb(data, body)
            for _ in range(count):
                _, p = read_name(data, p)
                _, p = read_name(data, p)
                kind = data[p]
                p += 1
                if kind == 0:
                    _, p = leb(data, p)
                    imported_funcs += 1
                elif kind == 1:  # table: reftype, limits
                    p += 1
                    flags, p = leb(data, p)
                    _, p = leb(data, p)
                    if flags & 1:
                        _, p = leb(data, p)
                elif kind == 2:  # memory: limits
                    flags, p = leb(data, p)
                    _, p = leb(data, p)
                    if flags & 1:
                        _, p = leb(data, p)
                elif kind == 3:  # global: valtype, mut
                    p += 2
                else:
                    sys.exit("wasm_sizes: unknown import kind")
        elif sid == 10:  # code
            count, p = leb(data, body)
            for _ in range(count):
                n, q = leb(data, p)
                bodies.append(q + n - p)
                p = q + n
        elif sid == 11:
            data_bytes = size
            DATA_SEGMENTS.extend(data_segments(data, body))
        elif sid == 0:
            name, p = read_name(data, body)
            if name == "name":
                while p < end:
                    sub = data[p]
                    n, q = leb(data, p + 1)
                    if sub == 1:
                        count, r = leb(data, q)
                        for _ in range(count):
                            idx, r = leb(data, r)
                            fname, r = read_name(data, r)
                            names[idx] = fname
                    p = q + n
        pos = end
    demangled = demangle(names)
    funcs = []
    for i, size in enumerate(bodies):
        idx = imported_funcs + i
        funcs.append((size, demangled.get(idx, f"<func {idx}>")))
    return funcs, data_bytes, len(data)


DATA_SEGMENTS = []  # the bytes of each active data segment, filled by parse()


def data_segments(data, pos):
    """The contents of the data section's segments (active ones with an i32.const offset, as rustc writes them)."""
    count, pos = leb(data, pos)
    out = []
    for _ in range(count):
        flags, pos = leb(data, pos)
        if flags == 2:
            _, pos = leb(data, pos)  # memory index
        if flags in (0, 2):
            while data[pos] != 0x0B:  # the offset expression, up to its `end`
                pos += 1
            pos += 1
        n, pos = leb(data, pos)
        out.append(data[pos : pos + n])
        pos += n
    return out


def data_summary(top):
    """What the data section holds: readable text (string literals, model.json) versus binary tables (vtables, panic
    locations, lookup tables), each with its gzip -9 size, and the source files panic locations point at."""
    blob = b"".join(DATA_SEGMENTS)
    texts = [m.group() for m in re.finditer(rb"[\x20-\x7e\n\t\xc2-\xf4\x80-\xbf]{6,}", blob)]
    text = b"".join(texts)
    binary = re.sub(rb"[\x20-\x7e\n\t\xc2-\xf4\x80-\xbf]{6,}", b"", blob)
    gz = lambda b: len(gzip.compress(b, 9))
    print(f"data: {len(blob)} B raw, {gz(blob)} B gzip -9")
    print(f"  text   {len(text):8d} B raw {gz(text):7d} B gzip -9 in {len(texts)} runs of 6+ readable bytes")
    print(f"  binary {len(binary):8d} B raw {gz(binary):7d} B gzip -9")
    paths = sorted(set(re.findall(rb"[\w/.\-]+\.rs", blob)))
    print(f"  {len(paths)} source paths (panic locations), {sum(len(p) for p in paths)} B")
    for t in sorted(texts, key=len, reverse=True)[:top]:
        print(f"{len(t):7d} B  {t[:110].decode('utf-8', 'replace')!r}")


def demangle(names):
    """Rust symbol names made readable with binutils' c++filt (Debian's binutils), when it is there."""
    tool = shutil.which("c++filt")
    if not tool or not names:
        return names
    keys = list(names)
    text = "\n".join(names[k].replace("\n", " ") for k in keys) + "\n"
    out = subprocess.run([tool, "-s", "rust"], input=text, capture_output=True, text=True, check=False).stdout
    lines = out.split("\n")
    if len(lines) < len(keys):
        return names
    # Drop the legacy mangling's hash suffix (`::h0123456789abcdef`) and v0's crate disambiguators (`[0123abcd]`).
    clean = [re.sub(r"\[[0-9a-f]+\]", "", re.sub(r"::h[0-9a-f]{16}$", "", line)) for line in lines]
    return dict(zip(keys, clean))


def group_of(name):
    name = re.sub(r"^<([^ >]+) as [^>]+>", r"\1", name)
    name = name.lstrip("<&*( ")
    parts = name.split("::")
    if parts[0] in ("core", "alloc", "std") and len(parts) > 1:
        return "::".join(parts[:2])
    return parts[0]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("wasm")
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--grep", action="append", default=[])
    ap.add_argument("--group", action="store_true")
    ap.add_argument("--forbid", action="append", default=[])
    ap.add_argument("--data", action="store_true")
    args = ap.parse_args()
    funcs, data_bytes, total = parse(args.wasm)
    if args.data:
        data_summary(args.top)
        return
    if not any(not n.startswith("<func ") for _, n in funcs):
        sys.exit(f"wasm_sizes: {args.wasm} has no name section (build it with cargo, not through wasm-opt)")
    if args.forbid:
        bad = [(s, n) for s, n in funcs if any(f in n for f in args.forbid)]
        for s, n in sorted(bad, reverse=True):
            print(f"forbidden: {s:7d} B {n}")
        if bad:
            print(f"wasm_sizes: {len(bad)} forbidden function(s) in {args.wasm}", file=sys.stderr)
            sys.exit(1)
        print(f"wasm_sizes: none of {', '.join(args.forbid)} in {args.wasm}")
        return
    code = sum(s for s, _ in funcs)
    print(f"{args.wasm}: {total} B, code {code} B in {len(funcs)} functions, data {data_bytes} B")
    if args.group:
        groups = {}
        for s, n in funcs:
            g = group_of(n)
            c = groups.setdefault(g, [0, 0])
            c[0] += s
            c[1] += 1
        for g, (s, c) in sorted(groups.items(), key=lambda kv: -kv[1][0])[: args.top]:
            print(f"{s:8d} B {c:5d} fns  {g}")
        return
    shown = [(s, n) for s, n in funcs if all(g in n for g in args.grep)]
    if args.grep:
        print(f"matching {' & '.join(args.grep)}: {sum(s for s, _ in shown)} B in {len(shown)} functions")
    for s, n in sorted(shown, reverse=True)[: args.top]:
        print(f"{s:8d} B  {n[:160]}")


if __name__ == "__main__":
    main()
