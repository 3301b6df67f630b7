"""ncclient as a subscriber of the node agent's ETSI GS QKD 015 notifications.

Usage: ncclient_node_agent.py HOST PORT USER PASSWORD APP_ID LINK_ID
Subscribes, adds an application by edit-config (expects sdqkdn_application_new), injects a link-down fault on
LINK_ID by edit-config (expects sdqkdn_link_down and an alarm), and prints the notifications it got and a
NCCLIENT-SUMMARY line as the netconf-interop scripts do. Runs with Debian's /usr/bin/python3 (python3-ncclient).
"""

import json
import sys
import time

try:
    from lxml import etree
    from ncclient import manager
    from ncclient.operations import RaiseMode
except ImportError as missing:  # the Java side looks for this marker
    print("NCCLIENT-MISSING: %s (install python3-ncclient, run with /usr/bin/python3)" % missing, file=sys.stderr)
    sys.exit(3)

NC = "urn:ietf:params:xml:ns:netconf:base:1.0"
ETSI = "urn:etsi:qkd:yang:etsi-qkd-node"
TYPES = "urn:etsi:qkd:yang:etsi-qkd-node-types"
SDQKD = "urn:sdqkd:yang:sdqkd-qkd-node"

host, port, user, password, app_id, link_id = sys.argv[1:7]
checks = []
seen = []


def check(name, ok, detail=""):
    checks.append({"name": name, "status": "pass" if ok else "fail", "detail": detail})


def config(body):
    return ('<config xmlns="%s"><qkd_node xmlns="%s" xmlns:etsi-qkdn-types="%s">%s</qkd_node></config>'
            % (NC, ETSI, TYPES, body))


def wait_for(m, names, timeout=20):
    """Takes notifications until every name in names was seen (or the time is up); returns the missing ones."""
    missing = set(names)
    deadline = time.time() + timeout
    while missing and time.time() < deadline:
        n = m.take_notification(block=True, timeout=max(0.1, deadline - time.time()))
        if n is None:
            continue
        root = etree.fromstring(n.notification_xml.encode("utf-8"))
        events = [e for e in root if etree.QName(e).localname != "eventTime"]
        for event in events:
            name = etree.QName(event).localname
            seen.append(name)
            print("NOTIFICATION %s %s" % (name, etree.tostring(event, encoding="unicode")))
            missing.discard(name)
    return missing


m = manager.connect(host=host, port=int(port), username=user, password=password, hostkey_verify=False,
                    allow_agent=False, look_for_keys=False, timeout=30, manager_params={"timeout": 30})
m.raise_mode = RaiseMode.NONE
try:
    reply = m.create_subscription()
    check("subscribe", reply.ok, str(reply))
    reply = m.edit_config(target="running", config=config(
        "<qkd_applications><qkd_app><app_id>%s</app_id><app_type>etsi-qkdn-types:CLIENT</app_type>"
        "<server_app_id>urn:sdqkd:sae:sae-almagro</server_app_id><client_app_id>sae-norte</client_app_id>"
        "<backing_qkdl_id>%s</backing_qkdl_id></qkd_app></qkd_applications>" % (app_id, link_id)))
    check("edit-app", reply.ok, str(reply))
    missing = wait_for(m, ["sdqkdn_application_new"])
    check("application-new", not missing, "seen: %s" % seen)
    reply = m.edit_config(target="running", config=config(
        "<qkd_links><qkd_link><qkdl_id>%s</qkdl_id><emulation xmlns=\"%s\"><fault>link-down</fault></emulation>"
        "</qkd_link></qkd_links>" % (link_id, SDQKD)))
    check("edit-fault", reply.ok, str(reply))
    missing = wait_for(m, ["sdqkdn_link_down", "alarm"])
    check("link-down-and-alarm", not missing, "missing %s, seen: %s" % (sorted(missing), seen))
finally:
    m.close_session()

print("NCCLIENT-SUMMARY " + json.dumps({"checks": checks, "notifications": seen}, sort_keys=True))
sys.stdout.flush()
