"""Connects to NETCONF servers with ncclient, reads each server's hello and runs one get-config.

Reads one server per line on standard input, tab-separated: host, port, user, password, private key file
(or "-"), datastore. Talks to up to 16 servers at once. A connection that fails is tried again (4 attempts,
1 s apart): a freshly started Java server under CPU load can be slow to send its SSH banner to many clients at
once. Writes, per server, in input order:
  BEGIN <index>
  SESSION <session-id>
  CAPABILITY <uri>          (one line per capability of the server's hello)
  REPLY <base64 of the get-config rpc-reply>
  ERROR <base64 of the error>   (instead of SESSION/CAPABILITY/REPLY when something failed)
  END
"""
import base64
import concurrent.futures
import logging
import sys
import time

from ncclient import manager


def b64(text):
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


ATTEMPTS = 4


def probe(host, port, user, password, key, source):
    for attempt in range(1, ATTEMPTS + 1):
        lines = probe_once(host, port, user, password, key, source)
        if not lines[0].startswith("ERROR ") or attempt == ATTEMPTS:
            return lines
        time.sleep(1)


def probe_once(host, port, user, password, key, source):
    lines = []
    try:
        with manager.connect(host=host, port=int(port), username=user, password=password,
                             key_filename=None if key == "-" else key, hostkey_verify=False,
                             allow_agent=False, look_for_keys=False, timeout=30) as session:
            lines.append("SESSION %s" % session.session_id)
            for capability in sorted(session.server_capabilities):
                lines.append("CAPABILITY %s" % capability)
            reply = session.get_config(source=source)
            lines.append("REPLY %s" % b64(reply.xml))
    except Exception as error:  # report every failure to the Java side, which fails the test
        lines = ["ERROR %s" % b64("%s: %s" % (type(error).__name__, error))]
    return lines


def main():
    # failed attempts are reported on ERROR lines; paramiko's own tracebacks would only bury them
    logging.getLogger("paramiko").setLevel(logging.CRITICAL)
    servers = [line.rstrip("\n").split("\t") for line in sys.stdin if line.strip()]
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, min(16, len(servers)))) as pool:
        results = list(pool.map(lambda server: probe(*server), servers))
    out = []
    for index, lines in enumerate(results):
        out.append("BEGIN %d" % index)
        out.extend(lines)
        out.append("END")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
