"""ncclient configures a new QKD link and application on two running node processes.

Usage: ncclient_node_config.py HOST PORT USER PASSWORD PEER_PORT LINK_ID APP_ID NODE_ID PEER_NODE_ID

HOST:PORT is the agent of one node (it will listen for the new link on a free port), PEER_PORT the agent of the
other (it connects). By edit-config on running: a PHYS link LINK_ID with sdqkd-qkd-node emulation and an
application APP_ID pairing sae-almagro-2 with sae-norte-2 over it, mirrored at the two nodes; the listening end's
bound port is read from its operational key-store. Then checks the link becomes ACTIVE with keys at both ends,
and that an invalid edit (a PHYS-only leaf on a VIRT link) is refused with an rpc-error and changes nothing.
Prints a NCCLIENT-SUMMARY line as the netconf-interop scripts do.
"""

import json
import sys
import time
import uuid

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

host, port, user, password, peer_port, link_id, app_id, node_id, peer_id = sys.argv[1:10]
checks = []


def check(name, ok, detail=""):
    checks.append({"name": name, "status": "pass" if ok else "fail", "detail": str(detail)})
    print("CHECK %s %s %s" % (name, "pass" if ok else "fail", detail))


def connect(p):
    m = manager.connect(host=host, port=int(p), username=user, password=password, hostkey_verify=False,
                        allow_agent=False, look_for_keys=False, timeout=30, manager_params={"timeout": 30})
    m.raise_mode = RaiseMode.NONE
    return m


def edit(m, body):
    cfg = ('<config xmlns="%s"><qkd_node xmlns="%s" xmlns:t="%s">%s</qkd_node></config>' % (NC, ETSI, TYPES, body))
    return m.edit_config(target="running", config=cfg)


def link(local, remote, channel):
    return ('<qkd_links><qkd_link><qkdl_id>%s</qkdl_id><qkdl_enable>true</qkdl_enable>'
            '<qkdl_local><qkdn_id>%s</qkdn_id><qkdi_id>1</qkdi_id></qkdl_local>'
            '<qkdl_remote><qkdn_id>%s</qkdn_id><qkdi_id>1</qkdi_id></qkdl_remote>'
            '<qkdl_type>t:PHYS</qkdl_type><qkdl_applications>%s</qkdl_applications>'
            '<emulation xmlns="%s"><channel>%s</channel><rate><skr>1000000</skr></rate></emulation>'
            '</qkd_link></qkd_links>' % (link_id, local, remote, app_id, SDQKD, channel))


def app(local_sae, remote_sae, local, remote):
    return ('<qkd_applications><qkd_app><app_id>%s</app_id><app_type>t:CLIENT</app_type>'
            '<server_app_id>%s</server_app_id><client_app_id>%s</client_app_id>'
            '<backing_qkdl_id>%s</backing_qkdl_id><local_qkdn_id>%s</local_qkdn_id>'
            '<remote_qkdn_id>%s</remote_qkdn_id></qkd_app></qkd_applications>'
            % (app_id, local_sae, remote_sae, link_id, local, remote))


def key_store(m):
    flt = ('<qkd_node xmlns="%s"><qkd_links><qkd_link><qkdl_id>%s</qkdl_id><qkdl_status/>'
           '<key-store xmlns="%s"/></qkd_link></qkd_links></qkd_node>' % (ETSI, link_id, SDQKD))
    root = etree.fromstring(m.get(("subtree", flt)).xml.encode("utf-8"))

    def text(ns, name):
        e = root.find(".//{%s}%s" % (ns, name))
        return e.text if e is not None else None
    return {"status": (text(ETSI, "qkdl_status") or "").split(":")[-1], "condition": text(SDQKD, "condition"),
            "listen-port": text(SDQKD, "listen-port"), "stored": int(text(SDQKD, "stored-keys") or -1)}


def wait(m, predicate, timeout=30):
    deadline = time.time() + timeout
    state = key_store(m)
    while not predicate(state) and time.time() < deadline:
        time.sleep(0.3)
        state = key_store(m)
    return state


listener = connect(port)
connector = connect(peer_port)

reply = edit(listener, app("sae-almagro-2", "sae-norte-2", node_id, peer_id)
             + link(node_id, peer_id, '<listen><address>127.0.0.1</address><port>0</port></listen>'))
check("edit-listening-end", reply.ok, reply.xml if not reply.ok else "")
state = wait(listener, lambda s: s["listen-port"] not in (None, "0"))
check("listen-port", state["listen-port"] not in (None, "0"), state)

reply = edit(connector, app("sae-norte-2", "sae-almagro-2", peer_id, node_id)
             + link(peer_id, node_id, '<connect><host>127.0.0.1</host><port>%s</port></connect>'
                    % state["listen-port"]))
check("edit-connecting-end", reply.ok, reply.xml if not reply.ok else "")
state = wait(listener, lambda s: s["status"] == "ACTIVE" and s["stored"] > 0)
check("listening-end-active", state["status"] == "ACTIVE" and state["stored"] > 0, state)
state = wait(connector, lambda s: s["status"] == "ACTIVE" and s["stored"] > 0)
check("connecting-end-active", state["status"] == "ACTIVE" and state["stored"] > 0, state)

# a PHYS-only leaf on a VIRT link is refused (the model's when), and nothing of the edit is kept
virt = str(uuid.uuid4())
reply = edit(listener, '<qkd_links><qkd_link><qkdl_id>%s</qkdl_id><qkdl_type>t:VIRT</qkdl_type>'
             '<phys_wavelength>35</phys_wavelength></qkd_link></qkd_links>' % virt)
errors = etree.fromstring(reply.xml.encode("utf-8")).findall(".//{%s}rpc-error" % NC)
tags = [e.findtext("{%s}error-tag" % NC) for e in errors]
check("invalid-refused", not reply.ok and bool(errors), tags)
running = listener.get_config(source="running", filter=("subtree", '<qkd_node xmlns="%s"/>' % ETSI)).xml
check("invalid-not-kept", virt not in running and link_id in running, "")

listener.close_session()
connector.close_session()
print("NCCLIENT-SUMMARY " + json.dumps({"checks": checks}))
