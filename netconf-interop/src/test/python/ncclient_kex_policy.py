"""ncclient (paramiko) against an agent with a hybrid QKD key exchange policy.

    ncclient_kex_policy.py HOST PORT USER PASSWORD EXPECT

EXPECT "connects": the session opens with a standard key exchange method, get-config works, and the agent's
session monitoring (sdqkd-ssh-qkd's ssh-key-exchange) reports that method. EXPECT "refused": the connection fails
in the SSH key exchange. Prints one line "NCCLIENT-SUMMARY {json}".
"""

import sys

from nc_common import NC, connect, print_summary, root_of

MONITORING = "urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring"
SSH_QKD = "urn:sdqkd:yang:sdqkd-ssh-qkd"


class Args:
    def __init__(self, argv):
        self.host, self.port, self.user, self.password, self.expect = argv[1], int(argv[2]), argv[3], argv[4], \
            argv[5]
        self.framing = "1.1"


def main():
    args = Args(sys.argv)
    results = []
    extra = {}
    try:
        m = connect(args, timeout=20)
    except Exception as e:  # paramiko's SSHException for a failed key exchange
        text = "%s: %s" % (type(e).__name__, e)
        extra["error"] = text
        refused = args.expect == "refused" and ("kex" in text.lower() or "key exchange" in text.lower()
                                                or "incompatible" in text.lower())
        results.append({"name": "refused-in-key-exchange", "status": "pass" if refused else "fail",
                        "detail": text})
        print_summary(results, extra)
        return 0 if refused else 1
    if args.expect == "refused":
        results.append({"name": "refused-in-key-exchange", "status": "fail", "detail": "the session opened"})
        m.close_session()
        print_summary(results, extra)
        return 1
    transport = m._session._transport
    extra["paramiko_kex"] = type(transport.kex_engine).__name__ if transport.kex_engine else None
    reply = m.get_config(source="running")
    results.append({"name": "get-config", "status": "pass" if root_of(reply).find("{%s}data" % NC) is not None
                    else "fail", "detail": ""})
    state = root_of(m.get(filter=("subtree", '<netconf-state xmlns="%s"><sessions/></netconf-state>'
                                  % MONITORING)))
    methods = [e.text for e in state.iter("{%s}method" % SSH_QKD)]
    extra["methods"] = methods
    standard = len(methods) == 1 and "@sdqkd.org" not in methods[0]
    results.append({"name": "standard-method-in-monitoring", "status": "pass" if standard else "fail",
                    "detail": ",".join(m or "" for m in methods)})
    m.close_session()
    print_summary(results, extra)
    return 0 if all(r["status"] == "pass" for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
