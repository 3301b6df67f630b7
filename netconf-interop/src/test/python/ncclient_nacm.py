"""RFC 8341 access control as ncclient sees it: the NOC user is refused edit-config with access-denied and its
get omits the secret (nacm:default-deny-all) leaves, which the admin user's get includes.

usage: ncclient_nacm.py HOST PORT NOC-USER NOC-PASSWORD ADMIN-USER ADMIN-PASSWORD
Runs with Debian's /usr/bin/python3 and python3-ncclient 0.6.x.
"""

import argparse

from nc_common import connect, errors_of, print_summary, root_of, set_tick

POT = "urn:ietf:params:xml:ns:yang:ietf-pot-profile"
ACM = "urn:ietf:params:xml:ns:yang:ietf-netconf-acm"
EDIT = """<config xmlns="urn:ietf:params:xml:ns:netconf:base:1.0">
  <pot-profiles xmlns="%s"><pot-profile-set><pot-profile-name>sfc-chain-42</pot-profile-name>
    <pot-profile-list><pot-profile-index>0</pot-profile-index><status>false</status></pot-profile-list>
  </pot-profile-set></pot-profiles></config>""" % POT


def leaves(reply, name, ns=POT):
    return [e.text for e in root_of(reply).iter("{%s}%s" % (ns, name))]


def check(results, name, ok, detail):
    results.append({"name": name, "status": "pass" if ok else "fail", "detail": detail})


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    for name in ("host", "port", "user", "password", "admin_user", "admin_password"):
        p.add_argument(name, type=int if name == "port" else str)
    p.add_argument("--framing", choices=["1.0", "1.1"], default="1.1")
    args = p.parse_args()
    set_tick(0.005)
    results = []
    noc = connect(args)
    errors = errors_of(noc.edit_config(target="running", config=EDIT))
    check(results, "noc-edit-config-denied", [e["tag"] for e in errors] == ["access-denied"],
          "errors: %s" % [(e["tag"], e["type"], e["message"]) for e in errors])
    reply = noc.get()
    check(results, "noc-get-ok", not errors_of(reply), "errors: %s" % errors_of(reply))
    check(results, "noc-get-has-profiles", leaves(reply, "pot-profile-name") == ["sfc-chain-42"],
          "profile names: %s" % leaves(reply, "pot-profile-name"))
    check(results, "noc-get-no-secret-share", leaves(reply, "secret-share") == [],
          "secret-share values seen: %d" % len(leaves(reply, "secret-share")))
    check(results, "noc-get-no-prime", leaves(reply, "prime-number") == [],
          "prime-number values seen: %d" % len(leaves(reply, "prime-number")))
    check(results, "noc-get-no-nacm", leaves(reply, "rule-list", ACM) == [] and
          not list(root_of(reply).iter("{%s}nacm" % ACM)), "nacm shown to the NOC")
    noc.close_session()
    args.user, args.password = args.admin_user, args.admin_password
    admin = connect(args)
    reply = admin.get()
    check(results, "admin-get-secret-share", len(leaves(reply, "secret-share")) == 2,
          "secret-share values seen: %d" % len(leaves(reply, "secret-share")))
    check(results, "admin-get-nacm", len(list(root_of(reply).iter("{%s}nacm" % ACM))) == 1, "nacm for the admin")
    admin.close_session()
    print_summary(results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
