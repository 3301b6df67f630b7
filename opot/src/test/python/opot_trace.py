#!/usr/bin/env python3
"""An independent implementation of the OPoT trace semantics (issue 17), written from the issue's text and the
opot module's README, not from the Java code: reads the trace JSON on stdin (or from a file given as argument) and
prints the result JSON on stdout (several files: a JSON array of their results). Plain Python 3 integers, no packages.

Exit status 0 with the result; 2 with a message on stderr when the input is not a valid trace.
"""
import json
import sys


class TraceError(Exception):
    pass


def number(value, where):
    if isinstance(value, bool):
        raise TraceError(where + ": an integer expected")
    if isinstance(value, int):
        result = value
    elif isinstance(value, str):
        text = value.strip()
        try:
            result = int(text[2:], 16) if text.lower().startswith("0x") else int(text, 10)
        except ValueError:
            raise TraceError(where + ": not an integer") from None
    else:
        raise TraceError(where + ": an integer expected")
    if result < 0:
        raise TraceError(where + ": negative")
    return result


def is_prime(n):
    if n < 2:
        return False
    small = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37]
    for q in small:
        if n % q == 0:
            return n == q
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for a in small:  # deterministic for n < 3.3e24
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True


def run(trace):
    bits = number(trace["field_bits"], "field_bits")
    if bits not in (32, 64):
        raise TraceError("field_bits: 32 or 64")
    p = number(trace["p"], "p")
    if p >= 1 << bits or p % 2 == 0 or not is_prime(p):
        raise TraceError("p: an odd prime of the field's width")
    width = bits // 4  # hex digits of one field

    def element(value, where):
        v = number(value, where)
        if v >= p:
            raise TraceError(where + ": not below p")
        return v

    def key(value, where):
        v = number(value, where)
        if v >= 1 << bits:
            raise TraceError(where + ": wider than the field")
        return v

    secret = element(trace["secret"], "secret")
    lpc = [element(v, "lpc") for v in trace["lpc"]]
    share = [element(v, "share") for v in trace["share"]]
    k = len(lpc)
    if k != len(share) or k < 2:
        raise TraceError("lpc/share: same length, at least 2")
    masking = trace["masking"]
    if masking is not True and masking is not False:
        raise TraceError("masking: a boolean")
    links = [(0, 0)] * (k - 1)
    if masking:
        if len(trace["links"]) != k - 1:
            raise TraceError("links: k-1 of them")
        links = [(key(l["key_rnd"], "key_rnd"), key(l["key_cml"], "key_cml")) for l in trace["links"]]
    rule = trace.get("out_of_range", "reduce")
    if rule not in ("reduce", "reject"):
        raise TraceError("out_of_range: reduce or reject")

    results = []
    for packet in trace["packets"]:
        rnd = element(packet["rnd"], "rnd")
        route = packet["route"]
        if not route or any(not isinstance(n, int) or isinstance(n, bool) or n < 1 or n > k for n in route):
            raise TraceError("route: node numbers 1 to k")
        flips = {}
        for t in packet.get("tamper", []):
            after = number(t["after_hop"], "after_hop")
            bit = number(t["bit"], "bit")
            if not 1 <= after < len(route) or bit >= bits or t["field"] not in ("cml", "rnd"):
                raise TraceError("tamper: bad entry")
            flips.setdefault(after, []).append((t["field"], bit))
        verifier_keys = None
        if "verifier_keys" in packet and masking:
            vk = packet["verifier_keys"]
            verifier_keys = (key(vk["key_rnd"], "key_rnd"), key(vk["key_cml"], "key_cml"))

        hops = []
        out = {"hops": hops}
        on_wire = None  # (cml, rnd) as they travel
        cml = 0
        value_rnd = rnd
        refused = False
        for position, node in enumerate(route, start=1):
            if position == 1:
                cml, value_rnd = 0, rnd
            else:
                if node == 1:
                    k_rnd, k_cml = 0, 0
                elif node == k and verifier_keys is not None:
                    k_rnd, k_cml = verifier_keys
                else:
                    k_rnd, k_cml = links[node - 2]
                got_cml = on_wire[0] ^ k_cml
                got_rnd = on_wire[1] ^ k_rnd
                if (got_cml >= p or got_rnd >= p) and rule == "reject":
                    out["rejected_at"] = str(node)
                    refused = True
                    break
                cml, value_rnd = got_cml % p, got_rnd % p
            cml = (cml + lpc[node - 1] * ((share[node - 1] + value_rnd) % p)) % p
            hop = {"node": str(node), "cml": str(cml)}
            verifying = position == len(route) and node == k
            if not verifying:
                m_rnd, m_cml = links[node - 1] if node < k else (0, 0)
                sent = (cml ^ m_cml, value_rnd ^ m_rnd)
                hop["wire_hex"] = format(sent[0], "0%dx" % width) + format(sent[1], "0%dx" % width)
                c, r = sent
                for which, bit in flips.get(position, []):
                    if which == "cml":
                        c ^= 1 << bit
                    else:
                        r ^= 1 << bit
                on_wire = (c, r)
            hops.append(hop)
        out["final_cml"] = str(cml)
        out["valid"] = (not refused) and route[-1] == k and cml == (secret + value_rnd) % p
        results.append(out)
    return {"packets": results}


def main():
    """One file (or stdin): its result. Several files: a JSON array of their results, in order."""
    try:
        if len(sys.argv) <= 2:
            source = open(sys.argv[1], encoding="utf-8") if len(sys.argv) == 2 else sys.stdin
            with source:
                result = run(json.load(source))
        else:
            result = []
            for name in sys.argv[1:]:
                with open(name, encoding="utf-8") as source:
                    result.append(run(json.load(source)))
    except (TraceError, KeyError, TypeError, ValueError) as e:
        print("opot_trace.py: %s" % e, file=sys.stderr)
        return 2
    json.dump(result, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
