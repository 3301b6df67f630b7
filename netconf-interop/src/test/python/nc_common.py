"""Shared helpers of the ncclient interop scripts: connecting with a chosen framing, reading replies.

Runs with Debian's /usr/bin/python3 and python3-ncclient 0.6.x.
"""

import json
import sys

try:
    from lxml import etree
    from ncclient import manager
    from ncclient.devices.default import DefaultDeviceHandler
    from ncclient.operations import RaiseMode
    from ncclient.transport.session import NetconfBase
    from ncclient.xml_ import to_ele
except ImportError as missing:  # the Java side looks for this marker
    print("NCCLIENT-MISSING: %s (install python3-ncclient, run with /usr/bin/python3)" % missing,
          file=sys.stderr)
    sys.exit(3)

BASE_10 = "urn:ietf:params:netconf:base:1.0"
BASE_11 = "urn:ietf:params:netconf:base:1.1"
NC = "urn:ietf:params:xml:ns:netconf:base:1.0"
NS = {"nc": NC}


class Base10Only(DefaultDeviceHandler):
    """ncclient's default device handler without base:1.1 in the client hello (so the session uses
    end-of-message framing, RFC 6242 section 4.1)."""

    def get_capabilities(self):
        return [c for c in super().get_capabilities() if c != BASE_11]


def set_tick(seconds):
    """ncclient's SSH loop looks at its send queue only when select() returns, at the latest every TICK
    (0.1 s), so every request waits up to that long; a shorter tick changes timing only, not what is sent."""
    import ncclient.transport.ssh as ssh_transport
    ssh_transport.TICK = seconds


def connect(args, timeout=30):
    """Opens a session; args has host, port, user, password and framing ("1.0" or "1.1")."""
    params = {}
    if args.framing == "1.0":
        params["device_params"] = {"handler": Base10Only}
    m = manager.connect(host=args.host, port=args.port, username=args.user, password=args.password,
                        hostkey_verify=False, allow_agent=False, look_for_keys=False, timeout=timeout,
                        manager_params={"timeout": timeout}, **params)
    m.raise_mode = RaiseMode.NONE
    return m


def framing_of(m):
    """The framing ncclient uses on the session: "1.1" (chunked) or "1.0" (end-of-message)."""
    return "1.1" if m._session._base == NetconfBase.BASE_11 else "1.0"


def root_of(reply):
    return etree.fromstring(reply.xml.encode("utf-8") if isinstance(reply.xml, str) else reply.xml)


def errors_of(reply):
    """The rpc-errors of a reply as dicts with tag, type, app_tag, message, info (XML text)."""
    out = []
    for err in root_of(reply).iter("{%s}rpc-error" % NC):
        def text(name):
            e = err.find("nc:" + name, NS)
            return e.text.strip() if e is not None and e.text else None
        info = err.find("nc:error-info", NS)
        out.append({"tag": text("error-tag"), "type": text("error-type"), "app_tag": text("error-app-tag"),
                    "severity": text("error-severity"), "message": text("error-message"),
                    "path": text("error-path"),
                    "info": etree.tostring(info, encoding="unicode") if info is not None else None,
                    "info_element": info})
    return [e for e in out if e["severity"] != "warning"]


def is_ok(reply):
    return root_of(reply).find("nc:ok", NS) is not None


def print_summary(results, extra=None):
    summary = {"passed": sum(1 for r in results if r["status"] == "pass"),
               "failed": sum(1 for r in results if r["status"] == "fail"),
               "skipped": sum(1 for r in results if r["status"] == "skip"),
               "checks": results}
    if extra:
        summary.update(extra)
    print("NCCLIENT-SUMMARY " + json.dumps(summary, sort_keys=True))
    sys.stdout.flush()
    return summary


def element(xml):
    return to_ele(xml)
