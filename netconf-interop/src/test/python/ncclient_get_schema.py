#!/usr/bin/python3
"""Downloads every YANG module the server lists in ietf-netconf-monitoring /netconf-state/schemas with
<get-schema> (RFC 6022) into a directory, as NAME@REVISION.yang (NAME.yang without a revision).

Usage: ncclient_get_schema.py HOST PORT USER PASSWORD OUTDIR [--framing 1.0|1.1] [--omit-version]

--omit-version: send get-schema without <version> (netconfd 2.13 closes the session and then exits on
get-schema of ietf-netconf with version 2011-06-01, the version it lists itself).

Prints "NCCLIENT-SUMMARY {json}" with one check per schema (and one for the listing) and exits 1 when a
listed YANG schema could not be downloaded or is empty, 2 on a connection error, 3 without ncclient.
"""

import argparse
import os
import sys

from nc_common import set_tick, NS, connect, errors_of, etree, print_summary

MON_NS = "urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring"


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    for name in ("host", "port", "user", "password", "outdir"):
        p.add_argument(name, type=int if name == "port" else str)
    p.add_argument("--framing", choices=["1.0", "1.1"], default="1.1")
    p.add_argument("--tick", type=float, default=0.005,
                   help="ncclient's SSH loop period in seconds (ncclient's own is 0.1; only timing changes)")
    p.add_argument("--omit-version", action="store_true")
    args = p.parse_args()
    set_tick(args.tick)
    os.makedirs(args.outdir, exist_ok=True)
    try:
        m = connect(args)
    except Exception as e:
        print_summary([{"name": "connect", "status": "fail", "detail": "%s: %s" % (type(e).__name__, e)}])
        return 2
    results = []
    reply = m.get(filter=("subtree", '<netconf-state xmlns="%s"><schemas/></netconf-state>' % MON_NS))
    errs = errors_of(reply)
    schemas = []
    if not errs:
        root = etree.fromstring(reply.xml.encode("utf-8"))
        for schema in root.iterfind("nc:data/{%s}netconf-state/{%s}schemas/{%s}schema" % (MON_NS, MON_NS, MON_NS),
                                    NS):
            def text(name):
                el = schema.find("{%s}%s" % (MON_NS, name))
                return (el.text or "").strip() if el is not None else ""
            fmt = text("format")
            if fmt.split(":")[-1] == "yang":
                schemas.append((text("identifier"), text("version")))
    results.append({"name": "list-schemas", "status": "pass" if schemas else "fail",
                    "detail": "%d YANG schemas listed" % len(schemas) if schemas else "no YANG schema listed: %s"
                    % ([(e["tag"], e["message"]) for e in errs] or reply.xml[:1000])})
    for identifier, version in schemas:
        name = "get-schema %s@%s" % (identifier, version)
        try:
            # format left out: it defaults to yang, and netconfd rejects ncclient's unprefixed <format>yang</format>
            r = m.get_schema(identifier, version=None if args.omit_version else (version or None))
            errs = errors_of(r)
            if errs:
                raise RuntimeError("rpc-error %s" % [(e["tag"], e["message"]) for e in errs])
            text = r.data
            if not text or "module" not in text and "submodule" not in text:
                raise RuntimeError("empty or not YANG: %r" % (text or "")[:200])
            fname = "%s@%s.yang" % (identifier, version) if version else identifier + ".yang"
            with open(os.path.join(args.outdir, fname), "w", encoding="utf-8") as out:
                out.write(text)
            results.append({"name": name, "status": "pass", "detail": "%d characters" % len(text)})
        except Exception as e:
            results.append({"name": name, "status": "fail", "detail": "%s: %s" % (type(e).__name__, e)})
            if not m.connected:
                m = connect(args)
    try:
        m.close_session()
    except Exception:
        pass
    summary = print_summary(results, {"directory": os.path.abspath(args.outdir)})
    return 1 if summary["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
