"""ncclient against two node processes: faults injected at one end of a QKD link, seen at the other.

Usage: ncclient_node_faults.py HOST PORT USER PASSWORD PEER_PORT LINK_ID

HOST:PORT is the agent of the node that listens for the link (Almagro); PEER_PORT the agent of the node at its
other end (Norte). This script subscribes at Almagro, injects link-down, skr-zero and a QBER above the threshold at
Norte by edit-config (sdqkd-qkd-node emulation), and checks at Almagro: the ETSI GS QKD 015 notifications, the
operational state (qkdl_status, key-store condition) and that the stored keys stop growing and grow again when the
fault is cleared. Prints a NCCLIENT-SUMMARY line as the netconf-interop scripts do. Runs with Debian's
/usr/bin/python3 (python3-ncclient).
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
SDQKD = "urn:sdqkd:yang:sdqkd-qkd-node"

host, port, user, password, peer_port, link_id = sys.argv[1:7]
checks = []


def check(name, ok, detail=""):
    checks.append({"name": name, "status": "pass" if ok else "fail", "detail": str(detail)})
    print("CHECK %s %s %s" % (name, "pass" if ok else "fail", detail))


def connect(p):
    m = manager.connect(host=host, port=int(p), username=user, password=password, hostkey_verify=False,
                        allow_agent=False, look_for_keys=False, timeout=30, manager_params={"timeout": 30})
    m.raise_mode = RaiseMode.NONE
    return m


def link_state(m):
    """(qkdl_status local name, key-store condition, stored-keys) of the link at this node."""
    flt = ('<qkd_node xmlns="%s"><qkd_links><qkd_link><qkdl_id>%s</qkdl_id><qkdl_status/>'
           '<key-store xmlns="%s"/></qkd_link></qkd_links></qkd_node>' % (ETSI, link_id, SDQKD))
    reply = m.get(("subtree", flt))
    root = etree.fromstring(reply.xml.encode("utf-8"))
    status = root.find(".//{%s}qkdl_status" % ETSI)
    condition = root.find(".//{%s}condition" % SDQKD)
    stored = root.find(".//{%s}stored-keys" % SDQKD)
    return (status.text.split(":")[-1] if status is not None else None,
            condition.text if condition is not None else None,
            int(stored.text) if stored is not None else -1)


def wait_state(m, status, condition, timeout=20):
    deadline = time.time() + timeout
    state = link_state(m)
    while (state[0], state[1]) != (status, condition) and time.time() < deadline:
        time.sleep(0.3)
        state = link_state(m)
    return state


def grows(m, seconds=2.5):
    before = link_state(m)[2]
    time.sleep(seconds)
    after = link_state(m)[2]
    return after > before, "%d -> %d" % (before, after)


def inject(m, body):
    cfg = ('<config xmlns="%s"><qkd_node xmlns="%s"><qkd_links><qkd_link><qkdl_id>%s</qkdl_id>'
           '<emulation xmlns="%s" xmlns:nc="%s">%s</emulation></qkd_link></qkd_links></qkd_node></config>'
           % (NC, ETSI, link_id, SDQKD, NC, body))
    reply = m.edit_config(target="running", config=cfg)
    return reply.ok, reply.xml if not reply.ok else ""


def notifications(m, wanted, timeout=20):
    """Takes notifications until every (name, text) in wanted was seen; returns the missing ones."""
    missing = list(wanted)
    deadline = time.time() + timeout
    while missing and time.time() < deadline:
        n = m.take_notification(block=True, timeout=max(0.1, deadline - time.time()))
        if n is None:
            continue
        text = n.notification_xml
        root = etree.fromstring(text.encode("utf-8"))
        for event in root:
            name = etree.QName(event).localname
            if name == "eventTime":
                continue
            print("NOTIFICATION %s %s" % (name, etree.tostring(event, encoding="unicode")))
            for item in list(missing):
                if item[0] == name and item[1] in text:
                    missing.remove(item)
    return missing


almagro = connect(port)
norte = connect(peer_port)
reply = almagro.create_subscription()
check("subscribe", reply.ok, reply.xml if not reply.ok else "")

state = wait_state(almagro, "ACTIVE", "up")
check("active", state[:2] == ("ACTIVE", "up"), state)
ok, detail = grows(almagro)
check("keys-grow", ok, detail)

# a cut fibre at Norte's end: both ends go down; Almagro reports it
ok, detail = inject(norte, "<fault>link-down</fault>")
check("inject-link-down", ok, detail)
missing = notifications(almagro, [("sdqkdn_link_down", link_id), ("alarm", link_id)])
check("link-down-notified", not missing, missing)
state = wait_state(almagro, "OFF", "down")
check("link-down-state", state[:2] == ("OFF", "down"), state)
ok, detail = grows(almagro)
check("link-down-keys-stop", not ok, detail)

ok, detail = inject(norte, "<fault>none</fault>")
check("clear-link-down", ok, detail)
missing = notifications(almagro, [("event", link_id)])
check("recovered-notified", not missing, missing)
state = wait_state(almagro, "ACTIVE", "up")
check("recovered-state", state[:2] == ("ACTIVE", "up"), state)
ok, detail = grows(almagro)
check("recovered-keys-grow", ok, detail)

# the secret key rate falls to zero: connected, no key. Performance updates are sent at most once per 10 s per
# link and report a change against the last one sent; a change that is undone within that time is coalesced
# away. Wait out the interval so that the recovered rate has been reported and the drop to zero is a change.
time.sleep(11)
ok, detail = inject(norte, "<fault>skr-zero</fault>")
check("inject-skr-zero", ok, detail)
state = wait_state(almagro, "PASSIVE", "no-key-rate")
check("skr-zero-state", state[:2] == ("PASSIVE", "no-key-rate"), state)
missing = notifications(almagro, [("sdqkdn_link_perf_update", link_id)], timeout=25)
check("skr-zero-notified", not missing, missing)
ok, detail = grows(almagro)
check("skr-zero-keys-stop", not ok, detail)
ok, detail = inject(norte, "<fault>none</fault>")
check("clear-skr-zero", ok, detail)
state = wait_state(almagro, "ACTIVE", "up")
check("skr-back-state", state[:2] == ("ACTIVE", "up"), state)

# an eavesdropper raises the QBER above the threshold: alarm, no key distilled
ok, detail = inject(norte, "<injected-qber>0.09</injected-qber>")
check("inject-qber", ok, detail)
missing = notifications(almagro, [("alarm", "QBER")])
check("qber-alarm-notified", not missing, missing)
state = wait_state(almagro, "PASSIVE", "qber-alarm")
check("qber-alarm-state", state[:2] == ("PASSIVE", "qber-alarm"), state)
ok, detail = grows(almagro)
check("qber-keys-stop", not ok, detail)
ok, detail = inject(norte, '<injected-qber nc:operation="remove"/>')
check("clear-qber", ok, detail)
missing = notifications(almagro, [("event", link_id)])
check("qber-recovered-notified", not missing, missing)
state = wait_state(almagro, "ACTIVE", "up")
check("qber-recovered-state", state[:2] == ("ACTIVE", "up"), state)
ok, detail = grows(almagro)
check("qber-recovered-keys-grow", ok, detail)

almagro.close_session()
norte.close_session()
print("NCCLIENT-SUMMARY " + json.dumps({"checks": checks}))
