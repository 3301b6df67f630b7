#!/usr/bin/python3
"""A scripted NETCONF session with ncclient that covers every RFC 6241 operation and the optional
capabilities the agent advertises, with assertions on each reply.

Usage: ncclient_session.py HOST PORT USER PASSWORD WORKDIR [--framing 1.0|1.1] [--model probe|sdqkd]
                           [--skip CHECK,...] [--skip-unsupported] [--only CHECK,...] [--confirm-timeout S]

Prints one line "NCCLIENT-SUMMARY {json}" (each check: name, status pass/fail/skip, detail) and exits 1 if a
check failed, 2 on a usage or connection error, 3 if ncclient is not importable. A check whose capability
the server does not advertise fails, unless --skip-unsupported is given (then it is skipped). The script
removes every entry it created and checks at the end that running (and candidate, startup) are as found.
"""

import argparse
import copy
import os
import sys
import time
import traceback

from nc_common import (BASE_10, BASE_11, NC, NS, connect, element, errors_of, etree, framing_of, is_ok,
                       print_summary, set_tick)
from nc_models import MODELS

CAP = "urn:ietf:params:netconf:capability:"
NOTIF_NS = "urn:ietf:params:xml:ns:netconf:notification:1.0"
NCN_NS = "urn:ietf:params:xml:ns:yang:ietf-netconf-notifications"
MON_NS = "urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring"
NMDA_NS = "urn:ietf:params:xml:ns:yang:ietf-netconf-nmda"
DS_NS = "urn:ietf:params:xml:ns:yang:ietf-datastores"
WD_ATTR_NS = "urn:ietf:params:xml:ns:netconf:default:1.0"

CHECKS = []


class CheckFailed(Exception):
    pass


class Unsupported(Exception):
    pass


class NotApplicable(Exception):
    """The check does not apply to this session (always a skip)."""


def check(name, *needs):
    """Registers a check; needs are capability prefixes (":candidate") or module names ("ietf-netconf-nmda")."""
    def register(fn):
        CHECKS.append((name, needs, fn))
        return fn
    return register


def expect(cond, message):
    if not cond:
        raise CheckFailed(message)


def canon(el):
    """An order-independent, whitespace-independent form of an element tree (attributes ignored). Empty
    elements below the top are left out: a server may keep or drop a non-presence container whose last
    child was deleted."""
    text = (el.text or "").strip() if len(el) == 0 else ""
    children = (canon(c) for c in el if isinstance(c.tag, str))
    return (el.tag, text, tuple(sorted(c for c in children if c[1] or c[2])))


class Session:
    """The run's state: the main session, the model, the capabilities and the helpers the checks use."""

    def __init__(self, args):
        self.args = args
        self.model = MODELS[args.model]()
        self.m = connect(args)
        self.caps = set(self.m.server_capabilities)
        self.target = "running" if self.has(":writable-running") else "candidate"
        self.opened = []
        # the error-tag of a leaf value that does not match its type: RFC 7950 section 8.3.1 says invalid-value
        self.value_tags = tuple(args.value_error_tags.split(","))

    # capabilities

    def has(self, need):
        if need.startswith(":"):
            uri = CAP + need[1:]
            return any(c == uri or c.startswith(uri + "?") or c.startswith(uri + ":") for c in self.caps)
        return any(("module=%s&" % need) in c or c.endswith("module=" + need) for c in self.caps)

    def wd_modes(self):
        for c in self.caps:
            if c.startswith(CAP + "with-defaults:1.0"):
                params = dict(p.split("=", 1) for p in c.split("?", 1)[1].split("&")) if "?" in c else {}
                modes = [params.get("basic-mode")]
                modes += params.get("also-supported", "").split(",")
                return [x for x in modes if x]
        return []

    # sessions

    def other(self):
        s = connect(self.args)
        self.opened.append(s)
        return s

    def close_others(self):
        for s in self.opened:
            try:
                if s.connected:
                    s.close_session()
            except Exception:
                pass
        self.opened = []

    # replies

    def ok(self, reply, what):
        errs = errors_of(reply)
        expect(not errs and is_ok(reply), "%s: expected <ok/>, got %s" % (what, reply.xml[:1500]))

    def error(self, reply, what, tag, etype=None):
        errs = errors_of(reply)
        expect(errs, "%s: expected rpc-error %s, got %s" % (what, tag, reply.xml[:1500]))
        tags = [e["tag"] for e in errs]
        wanted = (tag,) if isinstance(tag, str) else tuple(tag)
        hits = [e for e in errs if e["tag"] in wanted]
        expect(hits, "%s: expected error-tag %s, got %s" % (what, "|".join(wanted), tags))
        err = hits[0]
        if etype is not None:
            types = (etype,) if isinstance(etype, str) else tuple(etype)
            expect(err["type"] in types, "%s: expected error-type %s, got %s" % (what, "|".join(types), err["type"]))
        return err

    def data(self, reply, what):
        errs = errors_of(reply)
        expect(not errs, "%s: rpc-error %s" % (what, [(e["tag"], e["message"]) for e in errs]))
        root = etree.fromstring(reply.xml.encode("utf-8"))
        data = root.find("nc:data", NS)
        if data is None:
            data = root.find("{%s}data" % NMDA_NS)
        expect(data is not None, "%s: no <data> in %s" % (what, reply.xml[:1500]))
        return data

    # the model's entries

    def find_entry(self, data, short):
        md = self.model
        for entry in data.iter("{%s}%s" % (md.ns, md.list_name)):
            key = entry.find("{%s}%s" % (md.ns, md.key_leaf))
            if key is not None and (key.text or "").strip() == md.key(short):
                return entry
        return None

    def leaf(self, entry, name):
        el = entry.find("{%s}%s" % (self.model.ns, name))
        return None if el is None else (el.text or "").strip()

    def entry_in(self, source, short, session=None):
        s = session or self.m
        reply = s.get_config(source=source, filter=("subtree", self.model.key_filter(short)))
        return self.find_entry(self.data(reply, "get-config " + source), short)

    def config(self, *entries, op=None):
        return '<config xmlns="%s">%s</config>' % (NC, self.model.wrap("".join(entries), op))

    def edit(self, *entries, session=None, op=None, **options):
        """edit-config on the edit target; on the candidate, commits when the edit succeeded."""
        s = session or self.m
        reply = s.edit_config(target=self.target, config=self.config(*entries, op=op), **options)
        if self.target == "candidate":
            if errors_of(reply):
                s.discard_changes()
            elif options.get("test_option") != "test-only":
                self.ok(s.commit(), "commit after edit-config")
        return reply

    def remove(self, *shorts, session=None):
        """Removes the given entries from running (through the candidate when running is not writable)."""
        s = session or self.m
        if self.has(":candidate"):
            s.discard_changes()
        # "remove" is a base:1.1 operation, so delete what exists (a base:1.0 session may be used)
        present = [x for x in shorts if self.entry_in("running", x, session=s) is not None]
        if not present:
            return
        entries = "".join('<%s xmlns:nc="%s" nc:operation="delete"><%s>%s</%s></%s>' % (
            self.model.list_name, NC, self.model.key_leaf, self.model.key(x), self.model.key_leaf,
            self.model.list_name) for x in present)
        reply = self.edit(entries, session=s)
        self.ok(reply, "cleanup delete %s" % (present,))

    def snapshot(self):
        snap = {}
        for ds in ("running", "candidate", "startup"):
            if ds == "candidate" and not self.has(":candidate"):
                continue
            if ds == "startup" and not self.has(":startup"):
                continue
            reply = self.m.get_config(source=ds)
            errs = errors_of(reply)
            snap[ds] = None if errs else canon(self.data(reply, "get-config " + ds))
        return snap


# ---------------------------------------------------------------------------------------------------------
# hello, framing, retrieval

@check("hello")
def hello(t):
    caps = t.caps
    expect(BASE_10 in caps, "server hello lacks base:1.0")
    sid = int(t.m.session_id)
    expect(sid > 0, "session-id %s" % sid)
    used = framing_of(t.m)
    expect(used == t.args.framing or (t.args.framing == "1.1" and BASE_11 not in caps),
           "asked framing %s, session uses %s" % (t.args.framing, used))
    sent = list(t.m._session._client_capabilities)
    if t.args.framing == "1.0":
        expect(BASE_11 not in sent, "client hello still offers base:1.1")
        expect(BASE_11 in caps, "server does not offer base:1.1, so forcing 1.0 proves nothing")
    return "session-id %d, framing %s (server offers base:1.1: %s)" % (sid, used, BASE_11 in caps)


@check("get-monitoring-sessions", "ietf-netconf-monitoring")
def get_sessions(t):
    reply = t.m.get(filter=("subtree", '<netconf-state xmlns="%s"><sessions/></netconf-state>' % MON_NS))
    data = t.data(reply, "get")
    ids = [s.text.strip() for s in data.iter("{%s}session-id" % MON_NS)]
    expect(str(t.m.session_id) in ids, "own session %s not in /netconf-state/sessions %s" % (t.m.session_id, ids))
    users = [s.text.strip() for s in data.iter("{%s}username" % MON_NS)]
    expect(t.args.user in users, "user %s not among %s" % (t.args.user, users))
    return "sessions %s" % ids


@check("get-model-data")
def get_model(t):
    try:
        t.ok(t.edit(t.model.entry("get", "for get")), "edit-config")
        data = t.data(t.m.get(filter=("subtree", t.model.key_filter("get"))), "get")
        entry = t.find_entry(data, "get")
        expect(entry is not None, "entry not returned by <get>")
        expect(t.leaf(entry, t.model.text_leaf) == "for get", "text leaf %s" % t.leaf(entry, t.model.text_leaf))
    finally:
        t.remove("get")


@check("get-config-subtree-filter")
def get_config_subtree(t):
    try:
        t.ok(t.edit(t.model.entry("sub-a", "a"), t.model.entry("sub-b", "b")), "edit-config")
        data = t.data(t.m.get_config(source="running", filter=("subtree", t.model.key_filter("sub-a"))),
                      "get-config")
        entries = list(data.iter("{%s}%s" % (t.model.ns, t.model.list_name)))
        expect(len(entries) == 1 and t.find_entry(data, "sub-a") is not None,
               "filter selected %d entries: %s" % (len(entries), etree.tostring(data)[:500]))
        expect(t.leaf(entries[0], t.model.text_leaf) == "a", "wrong content")
    finally:
        t.remove("sub-a", "sub-b")


@check("get-config-xpath-filter", ":xpath")
def get_config_xpath(t):
    try:
        t.ok(t.edit(t.model.entry("xp-a", "a"), t.model.entry("xp-b", "b")), "edit-config")
        data = t.data(t.m.get_config(source="running", filter=("xpath", t.model.xpath("xp-b"))), "get-config")
        entries = list(data.iter("{%s}%s" % (t.model.ns, t.model.list_name)))
        expect(len(entries) == 1 and t.find_entry(data, "xp-b") is not None,
               "XPath selected %d entries: %s" % (len(entries), etree.tostring(data)[:500]))
        expect(t.leaf(entries[0], t.model.text_leaf) == "b", "wrong content")
    finally:
        t.remove("xp-a", "xp-b")


# ---------------------------------------------------------------------------------------------------------
# edit-config operations

@check("edit-merge")
def edit_merge(t):
    md = t.model
    try:
        t.ok(t.edit(md.entry("merge", "first")), "merge (create)")
        expect(t.leaf(t.entry_in("running", "merge"), md.text_leaf) == "first", "merge did not create")
        t.ok(t.edit(md.entry("merge", "second", op="merge")), "merge (modify)")
        entry = t.entry_in("running", "merge")
        expect(t.leaf(entry, md.text_leaf) == "second", "merge did not modify")
        expect(t.leaf(entry, md.key_leaf) == md.key("merge"), "key lost")
    finally:
        t.remove("merge")


@check("edit-replace")
def edit_replace(t):
    md = t.model
    try:
        t.ok(t.edit(md.entry("replace", "old")), "create")
        t.ok(t.edit(md.entry("replace", None, op="replace")), "replace")
        entry = t.entry_in("running", "replace")
        expect(entry is not None, "entry gone after replace")
        expect(t.leaf(entry, md.text_leaf) is None, "replace kept the leaf it did not contain")
    finally:
        t.remove("replace")


@check("edit-create-and-data-exists")
def edit_create(t):
    md = t.model
    try:
        t.ok(t.edit(md.entry("create", "c", op="create")), "create")
        expect(t.entry_in("running", "create") is not None, "create did not create")
        t.error(t.edit(md.entry("create", "again", op="create")), "create of an existing entry",
                "data-exists", "application")
        expect(t.leaf(t.entry_in("running", "create"), md.text_leaf) == "c", "failed create changed the entry")
    finally:
        t.remove("create")


@check("edit-delete-and-data-missing")
def edit_delete(t):
    md = t.model
    try:
        t.ok(t.edit(md.entry("delete", "d")), "create")
        t.ok(t.edit(md.entry("delete", op="delete")), "delete")
        expect(t.entry_in("running", "delete") is None, "delete did not delete")
        t.error(t.edit(md.entry("delete", op="delete")), "delete of an absent entry", "data-missing",
                "application")
    finally:
        t.remove("delete")


@check("edit-remove")
def edit_remove(t):
    md = t.model
    if framing_of(t.m) == "1.0":
        raise NotApplicable("remove is a base:1.1 operation and this session is base:1.0")
    t.ok(t.edit(md.entry("remove", op="remove")), "remove of an absent entry")
    try:
        t.ok(t.edit(md.entry("remove", "r")), "create")
        t.ok(t.edit(md.entry("remove", op="remove")), "remove")
        expect(t.entry_in("running", "remove") is None, "remove did not remove")
    finally:
        t.remove("remove")


@check("default-operation-none")
def default_none(t):
    md = t.model
    try:
        t.ok(t.edit(md.entry("none", "kept")), "create")
        t.ok(t.edit(md.entry("none", "ignored"), default_operation="none"), "edit with default-operation none")
        expect(t.leaf(t.entry_in("running", "none"), md.text_leaf) == "kept",
               "default-operation none changed a node without an operation attribute")
        leaf = '<%s xmlns:nc="%s" nc:operation="replace">applied</%s>' % (md.text_leaf, NC, md.text_leaf)
        entry = "<%s><%s>%s</%s>%s</%s>" % (md.list_name, md.key_leaf, md.key("none"), md.key_leaf, leaf,
                                            md.list_name)
        t.ok(t.edit(entry, default_operation="none"), "default-operation none with an operation attribute")
        expect(t.leaf(t.entry_in("running", "none"), md.text_leaf) == "applied",
               "the explicit operation under default-operation none was not applied")
        t.error(t.edit(md.entry("none-absent", "x"), default_operation="none"),
                "default-operation none on absent data", "data-missing")
        expect(t.entry_in("running", "none-absent") is None, "default-operation none created data")
    finally:
        t.remove("none", "none-absent")


@check("default-operation-merge")
def default_merge(t):
    md = t.model
    try:
        t.ok(t.edit(md.entry("dmerge", "one")), "create")
        t.ok(t.edit(md.entry("dmerge", "two"), default_operation="merge"), "default-operation merge")
        expect(t.leaf(t.entry_in("running", "dmerge"), md.text_leaf) == "two", "not merged")
    finally:
        t.remove("dmerge")


@check("default-operation-replace")
def default_replace(t):
    """Replaces the whole configuration with itself plus one entry, then with itself again."""
    md = t.model
    reply = t.m.get_config(source=t.target)
    before = t.data(reply, "get-config")
    full = etree.fromstring(('<config xmlns="%s"/>' % NC).encode())
    for child in before:
        full.append(copy.deepcopy(child))
    container = full.find("{%s}%s" % (md.ns, md.container))
    if container is None:
        container = etree.SubElement(full, "{%s}%s" % (md.ns, md.container))
    original = etree.tostring(full, encoding="unicode")
    container.append(element(md.wrap(md.entry("dreplace", "whole")))[0])
    with_entry = etree.tostring(full, encoding="unicode")
    try:
        t.ok(t.edit_raw(with_entry, default_operation="replace"), "default-operation replace")
        expect(t.entry_in("running", "dreplace") is not None, "entry of the replacing config missing")
        t.ok(t.edit_raw(original, default_operation="replace"), "default-operation replace back")
        expect(t.entry_in("running", "dreplace") is None, "replace back left the entry")
        after = t.data(t.m.get_config(source="running"), "get-config")
        expect(canon(after) == canon(before), "configuration differs after replace round trip")
    finally:
        t.remove("dreplace")


def _edit_raw(self, config, session=None, **options):
    s = session or self.m
    reply = s.edit_config(target=self.target, config=config, **options)
    if self.target == "candidate":
        if errors_of(reply):
            s.discard_changes()
        else:
            self.ok(s.commit(), "commit after edit-config")
    return reply


Session.edit_raw = _edit_raw


@check("test-option-test-only", ":validate:1.1")
def test_only(t):
    md = t.model
    reply = t.m.edit_config(target=t.target, config=t.config(md.entry("testonly", "t")), test_option="test-only")
    try:
        t.ok(reply, "test-only")
        expect(t.entry_in(t.target, "testonly") is None, "test-only changed the target")
        reply = t.m.edit_config(target=t.target, config=t.config(md.entry("testonly", invalid=True)),
                                test_option="test-only")
        t.error(reply, "test-only of invalid data", t.value_tags)
    finally:
        if t.target == "candidate":
            t.m.discard_changes()


@check("test-option-test-then-set", ":validate")
def test_then_set(t):
    md = t.model
    try:
        t.ok(t.edit(md.entry("ttset", "t"), test_option="test-then-set"), "test-then-set")
        expect(t.entry_in("running", "ttset") is not None, "test-then-set did not set")
        t.error(t.edit(md.entry("ttset-bad", invalid=True), test_option="test-then-set"),
                "test-then-set of invalid data", t.value_tags)
        expect(t.entry_in("running", "ttset-bad") is None, "invalid data set")
    finally:
        t.remove("ttset", "ttset-bad")


@check("test-option-set", ":validate")
def test_set(t):
    md = t.model
    try:
        t.ok(t.edit(md.entry("tset", "t"), test_option="set"), "set")
        expect(t.entry_in("running", "tset") is not None, "set did not set")
    finally:
        t.remove("tset")


@check("invalid-edit-rejected")
def invalid_edit(t):
    md = t.model
    before = t.snapshot()["running"]
    err = t.error(t.edit(md.entry("invalid", invalid=True)), "invalid edit", t.value_tags,
                  ("application", "protocol"))
    expect(t.snapshot()["running"] == before, "running changed by a rejected edit")
    return "error-message %r, error-path %r" % (err["message"], err["path"])


def _two_entry_edit(t, short, option):
    md = t.model
    try:
        reply = t.edit(md.entry(short + "-good", "good"), md.entry(short + "-bad", invalid=True),
                       error_option=option)
        err = t.error(reply, option, t.value_tags)
        expect(t.entry_in("running", short + "-bad") is None, "invalid entry applied")
        return err, t.entry_in("running", short + "-good") is not None
    finally:
        t.remove(short + "-good", short + "-bad")


@check("error-option-rollback-on-error", ":rollback-on-error")
def rollback_on_error(t):
    _, applied = _two_entry_edit(t, "rollback", "rollback-on-error")
    expect(not applied, "rollback-on-error kept the valid part of a failed edit")


@check("error-option-continue-on-error")
def continue_on_error(t):
    _, applied = _two_entry_edit(t, "continue", "continue-on-error")
    return "valid part applied: %s" % applied


@check("error-option-stop-on-error")
def stop_on_error(t):
    _, applied = _two_entry_edit(t, "stop", "stop-on-error")
    return "valid part applied: %s" % applied


# ---------------------------------------------------------------------------------------------------------
# copy-config, delete-config

def _save_startup(t):
    reply = t.m.get_config(source="startup")
    return None if errors_of(reply) else t.data(reply, "get-config startup")


def _restore_startup(t, saved):
    if saved is None:
        t.m.delete_config(target="startup")
        return
    config = etree.Element("{%s}config" % NC)
    for child in saved:
        config.append(child)
    rpc = etree.Element("{%s}copy-config" % NC)
    etree.SubElement(etree.SubElement(rpc, "{%s}target" % NC), "{%s}startup" % NC)
    etree.SubElement(rpc, "{%s}source" % NC).append(config)
    t.ok(t.m.dispatch(rpc), "copy-config of the saved <config> to startup")


@check("copy-config-running-to-startup", ":startup")
def copy_to_startup(t):
    saved = _save_startup(t)
    try:
        t.ok(t.edit(t.model.entry("startup", "s")), "edit-config")
        t.ok(t.m.copy_config(source="running", target="startup"), "copy-config running to startup")
        expect(t.entry_in("startup", "startup") is not None, "startup lacks the copied entry")
        running = t.data(t.m.get_config(source="running"), "get-config running")
        startup = t.data(t.m.get_config(source="startup"), "get-config startup")
        expect(canon(running)[2] == canon(startup)[2], "startup differs from running after copy-config")
    finally:
        t.remove("startup")
        _restore_startup(t, saved)


@check("delete-config-startup", ":startup")
def delete_startup(t):
    saved = _save_startup(t)
    try:
        _delete_startup(t)
    finally:
        _restore_startup(t, saved)


def _delete_startup(t):
    t.ok(t.m.copy_config(source="running", target="startup"), "copy-config running to startup")
    t.ok(t.m.delete_config(target="startup"), "delete-config startup")
    reply = t.m.get_config(source="startup")
    if not errors_of(reply):
        expect(len(t.data(reply, "get-config startup")) == 0, "startup not empty after delete-config")
    t.error(t.m.delete_config(target="running"), "delete-config running", "operation-not-supported")


@check("copy-config-candidate-to-running", ":candidate", ":writable-running")
def copy_candidate_to_running(t):
    md = t.model
    try:
        t.ok(t.m.discard_changes(), "discard-changes")
        t.ok(t.m.edit_config(target="candidate", config=t.config(md.entry("copy", "c"))), "edit candidate")
        expect(t.entry_in("running", "copy") is None, "edit of candidate reached running")
        t.ok(t.m.copy_config(source="candidate", target="running"), "copy-config candidate to running")
        expect(t.entry_in("running", "copy") is not None, "running lacks the copied entry")
    finally:
        t.m.discard_changes()
        t.remove("copy")


@check("copy-config-running-to-candidate", ":candidate")
def copy_running_to_candidate(t):
    md = t.model
    try:
        t.ok(t.m.edit_config(target="candidate", config=t.config(md.entry("rtoc", "c"))), "edit candidate")
        t.ok(t.m.copy_config(source="running", target="candidate"), "copy-config running to candidate")
        expect(t.entry_in("candidate", "rtoc") is None, "candidate still has the uncommitted entry")
    finally:
        t.m.discard_changes()


# ---------------------------------------------------------------------------------------------------------
# locks, sessions

@check("lock-unlock")
def lock_unlock(t):
    for ds in ["running"] + (["candidate"] if t.has(":candidate") else []):
        t.ok(t.m.lock(target=ds), "lock " + ds)
        try:
            t.error(t.m.lock(target=ds), "second lock of %s by its holder" % ds, "lock-denied")
        finally:
            t.ok(t.m.unlock(target=ds), "unlock " + ds)
    t.error(t.m.unlock(target="running"), "unlock of an unlocked datastore", "operation-failed")


@check("lock-denied-names-holder")
def lock_denied(t):
    other = t.other()
    t.ok(t.m.lock(target="running"), "lock")
    if t.target == "candidate":
        t.ok(t.m.lock(target="candidate"), "lock candidate")
    try:
        err = t.error(other.lock(target="running"), "lock by a second session", "lock-denied", "protocol")
        info = err["info_element"]
        expect(info is not None, "no error-info")
        sid = info.find("nc:session-id", NS)
        expect(sid is not None and sid.text.strip() == str(t.m.session_id),
               "error-info %s does not name holder %s" % (err["info"], t.m.session_id))
        t.error(other.edit_config(target=t.target, config=t.config(t.model.entry("locked", "x"))),
                "edit of a datastore another session locked", ("in-use", "lock-denied"))
        if t.target == "candidate":
            other.discard_changes()
        t.error(other.unlock(target="running"), "unlock by a non-holder", ("operation-failed", "in-use"))
    finally:
        if t.target == "candidate":
            t.ok(t.m.unlock(target="candidate"), "unlock candidate")
        t.ok(t.m.unlock(target="running"), "unlock")
        t.close_others()
    expect(t.entry_in("running", "locked") is None, "edit despite the lock")


@check("close-session")
def close_session(t):
    other = t.other()
    t.ok(other.close_session(), "close-session")
    deadline = time.time() + 5
    while other.connected and time.time() < deadline:
        time.sleep(0.05)
    expect(not other.connected, "transport still open after close-session")


@check("kill-session")
def kill_session(t):
    other = t.other()
    sid = other.session_id
    t.ok(other.lock(target="running"), "lock by the victim")
    t.ok(t.m.kill_session(session_id=sid), "kill-session %s" % sid)
    deadline = time.time() + 5
    while other.connected and time.time() < deadline:
        time.sleep(0.05)
    expect(not other.connected, "killed session still connected")
    t.ok(t.m.lock(target="running"), "lock after the holder was killed")
    t.ok(t.m.unlock(target="running"), "unlock")
    t.error(t.m.kill_session(session_id=t.m.session_id), "kill-session of the own session", "invalid-value")
    t.close_others()


# ---------------------------------------------------------------------------------------------------------
# candidate, validate, commit

@check("validate-candidate", ":candidate", ":validate")
def validate_candidate(t):
    try:
        t.ok(t.m.edit_config(target="candidate", config=t.config(t.model.entry("val", "v"))), "edit candidate")
        t.ok(t.m.validate(source="candidate"), "validate candidate")
    finally:
        t.m.discard_changes()


@check("validate-config-source", ":validate")
def validate_config(t):
    t.ok(t.m.validate(source=element(t.config(t.model.entry("valcfg", "v")))), "validate <config>")
    t.error(t.m.validate(source=element(t.config(t.model.entry("valcfg", invalid=True)))),
            "validate invalid <config>", t.value_tags)
    expect(t.entry_in("running", "valcfg") is None, "validate changed running")


@check("commit-and-discard-changes", ":candidate")
def commit_discard(t):
    md = t.model
    try:
        t.ok(t.m.edit_config(target="candidate", config=t.config(md.entry("commit", "c"))), "edit candidate")
        expect(t.entry_in("candidate", "commit") is not None, "candidate lacks the edit")
        expect(t.entry_in("running", "commit") is None, "running changed before commit")
        t.ok(t.m.commit(), "commit")
        expect(t.entry_in("running", "commit") is not None, "commit did not reach running")
        t.ok(t.m.edit_config(target="candidate", config=t.config(md.entry("commit", op="delete"))),
             "edit candidate")
        t.ok(t.m.discard_changes(), "discard-changes")
        expect(t.entry_in("candidate", "commit") is not None, "discard-changes did not restore the candidate")
    finally:
        t.m.discard_changes()
        t.remove("commit")


def _confirmed(t, short, session=None, **kw):
    s = session or t.m
    s.discard_changes()
    t.ok(s.edit_config(target="candidate", config=t.config(t.model.entry(short, "cc"))), "edit candidate")
    return s.commit(confirmed=True, **kw)


def _wait_gone(t, short, seconds):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if t.entry_in("running", short) is None:
            return True
        time.sleep(1.0)  # netconfd runs its confirm timer only when it has been idle for a while
    return False


@check("confirmed-commit-timeout-rollback", ":candidate", ":confirmed-commit")
def confirmed_timeout(t):
    timeout = t.args.confirm_timeout
    try:
        t.ok(_confirmed(t, "cctimeout", timeout=str(timeout)), "confirmed commit")
        expect(t.entry_in("running", "cctimeout") is not None, "confirmed commit did not reach running")
        started = time.time()
        expect(_wait_gone(t, "cctimeout", timeout + 10), "not rolled back %d s after the confirm-timeout" % 10)
        return "rolled back after %.1f s (confirm-timeout %d s)" % (time.time() - started, timeout)
    finally:
        t.remove("cctimeout")


@check("confirming-commit", ":candidate", ":confirmed-commit")
def confirming_commit(t):
    timeout = t.args.confirm_timeout
    try:
        t.ok(_confirmed(t, "ccconfirm", timeout=str(timeout)), "confirmed commit")
        t.ok(t.m.commit(), "confirming commit")
        time.sleep(timeout + 1.5)
        expect(t.entry_in("running", "ccconfirm") is not None, "confirmed change rolled back despite confirming")
    finally:
        t.remove("ccconfirm")


@check("confirmed-commit-session-close-rollback", ":candidate", ":confirmed-commit")
def confirmed_close(t):
    other = t.other()
    try:
        t.ok(_confirmed(t, "ccclose", session=other, timeout="120"), "confirmed commit")
        expect(t.entry_in("running", "ccclose") is not None, "confirmed commit did not reach running")
        t.ok(other.close_session(), "close-session")
        expect(_wait_gone(t, "ccclose", 5), "confirmed commit not rolled back when its session closed")
    finally:
        t.close_others()
        t.remove("ccclose")


@check("persist-confirmed-from-other-session", ":candidate", ":confirmed-commit:1.1")
def persist_confirm(t):
    other = t.other()
    token = "nc-interop-persist-%d" % os.getpid()
    try:
        t.ok(_confirmed(t, "persist", session=other, timeout="120", persist=token), "confirmed commit persist")
        t.ok(other.close_session(), "close-session")
        time.sleep(0.5)
        expect(t.entry_in("running", "persist") is not None, "persistent confirmed commit rolled back on close")
        t.error(t.m.commit(persist_id=token + "-wrong"), "commit with a wrong persist-id", "invalid-value")
        t.ok(t.m.commit(persist_id=token), "confirming commit with persist-id")
        expect(t.entry_in("running", "persist") is not None, "change lost after confirming")
        t.error(t.m.cancel_commit(), "cancel-commit without a confirmed commit", "operation-failed")
    finally:
        t.close_others()
        t.remove("persist")


@check("cancel-commit", ":candidate", ":confirmed-commit:1.1")
def cancel_commit(t):
    try:
        t.ok(_confirmed(t, "cancel", timeout="120"), "confirmed commit")
        expect(t.entry_in("running", "cancel") is not None, "confirmed commit did not reach running")
        t.ok(t.m.cancel_commit(), "cancel-commit")
        expect(t.entry_in("running", "cancel") is None, "cancel-commit did not roll back")
    finally:
        t.remove("cancel")


@check("cancel-commit-persist-id-from-other-session", ":candidate", ":confirmed-commit:1.1")
def cancel_commit_persist(t):
    other = t.other()
    token = "nc-interop-cancel-%d" % os.getpid()
    try:
        t.ok(_confirmed(t, "cancelp", session=other, timeout="120", persist=token), "confirmed commit persist")
        t.ok(t.m.cancel_commit(persist_id=token), "cancel-commit persist-id from another session")
        expect(t.entry_in("running", "cancelp") is None, "cancel-commit did not roll back")
    finally:
        t.close_others()
        t.remove("cancelp")


# ---------------------------------------------------------------------------------------------------------
# with-defaults

def _wd(t, mode):
    md = t.model
    data = t.data(t.m.get_config(source="running", filter=("subtree", md.defaults_filter("wd")),
                                 with_defaults=mode), "get-config with-defaults " + mode)
    return [el for el in data.iter("{%s}%s" % (md.defaults_ns, md.default_leaf))]


def _wd_check(t, mode, present):
    if mode not in t.wd_modes():
        raise Unsupported("with-defaults mode %s not advertised (%s)" % (mode, t.wd_modes()))
    setup = t.model.defaults_setup("wd")
    try:
        if setup is not None:
            t.ok(t.edit(setup), "create")
        leaves = _wd(t, mode)
        expect(bool(leaves) == present, "%s: default leaf %s %s" % (mode, t.model.default_leaf,
                                                                    "missing" if present else "reported"))
        return leaves
    finally:
        if setup is not None:
            t.remove("wd")


@check("with-defaults-report-all", ":with-defaults")
def wd_report_all(t):
    leaves = _wd_check(t, "report-all", True)
    return "%s=%s" % (t.model.default_leaf, leaves[0].text)


@check("with-defaults-trim", ":with-defaults")
def wd_trim(t):
    _wd_check(t, "trim", False)


@check("with-defaults-explicit", ":with-defaults")
def wd_explicit(t):
    _wd_check(t, "explicit", False)


@check("with-defaults-report-all-tagged", ":with-defaults")
def wd_tagged(t):
    leaves = _wd_check(t, "report-all-tagged", True)
    tag = leaves[0].get("{%s}default" % WD_ATTR_NS)
    expect(tag in ("true", "1"), "default leaf not tagged wd:default=\"true\": %s" % etree.tostring(leaves[0]))


# ---------------------------------------------------------------------------------------------------------
# notifications

@check("notification-config-change", ":notification", "ietf-netconf-notifications")
def notification(t):
    md = t.model
    listener = t.other()
    editor = t.other()
    try:
        # RFC 5277 puts <filter> in the notification namespace; ncclient's create_subscription puts it in the
        # base namespace (see check create-subscription-ncclient-filter), so the request is built here
        t.ok(listener.dispatch(element(
            '<create-subscription xmlns="%s"><stream>NETCONF</stream><filter type="subtree">'
            '<netconf-config-change xmlns="%s"/></filter></create-subscription>' % (NOTIF_NS, NCN_NS))),
            "create-subscription")
        t.ok(t.edit(md.entry("notif", "n"), session=editor), "edit by another session")
        deadline = time.time() + 10
        found = None
        seen = []
        while found is None and time.time() < deadline:
            n = listener.take_notification(block=True, timeout=max(0.1, deadline - time.time()))
            if n is None:
                break
            root = etree.fromstring(n.notification_xml.encode("utf-8"))
            expect(root.tag == "{%s}notification" % NOTIF_NS, "not a notification: %s" % root.tag)
            expect(root.find("{%s}eventTime" % NOTIF_NS) is not None, "no eventTime")
            events = [c for c in root if c.tag != "{%s}eventTime" % NOTIF_NS]
            seen.append([e.tag for e in events])
            expect(all(e.tag == "{%s}netconf-config-change" % NCN_NS for e in events),
                   "the filter let through %s" % [e.tag for e in events])
            for e in events:
                targets = " ".join(x.text or "" for x in e.iter("{%s}target" % NCN_NS))
                if md.key("notif") in targets or md.container in targets:
                    found = e
        expect(found is not None, "no netconf-config-change about the edit within 10 s (saw %s)" % seen)
        sid = found.find("{%s}changed-by/{%s}session-id" % (NCN_NS, NCN_NS))
        expect(sid is not None and sid.text.strip() == str(editor.session_id),
               "changed-by session-id %s, editor %s" % (None if sid is None else sid.text, editor.session_id))
        ds = found.find("{%s}datastore" % NCN_NS)
        expect(ds is None or ds.text.strip() == "running", "datastore %s" % (ds.text if ds is not None else None))
        if t.has(":interleave"):
            reply = listener.get_config(source="running", filter=("subtree", md.key_filter("notif")))
            expect(t.find_entry(t.data(reply, "get-config on the subscribed session"), "notif") is not None,
                   "interleaved get-config misses the entry")
        return "operation %s" % " ".join(x.text for x in found.iter("{%s}operation" % NCN_NS))
    finally:
        t.close_others()
        t.remove("notif")


@check("create-subscription-ncclient-filter", ":notification")
def subscription_ncclient_filter(t):
    """ncclient's own create_subscription(filter=...), which sends the filter in the base:1.0 namespace."""
    listener = t.other()
    flt = ("subtree", '<netconf-config-change xmlns="%s"/>' % NCN_NS)
    t.ok(listener.create_subscription(filter=flt, stream_name="NETCONF"), "create-subscription")


@check("interleave", ":notification", ":interleave")
def interleave(t):
    listener = t.other()
    try:
        t.ok(listener.create_subscription(stream_name="NETCONF"), "create-subscription")
        reply = listener.get(filter=("subtree", '<netconf-state xmlns="%s"><sessions/></netconf-state>' % MON_NS))
        t.data(reply, "get on the subscribed session")
        t.ok(listener.lock(target="running"), "lock on the subscribed session")
        t.ok(listener.unlock(target="running"), "unlock on the subscribed session")
        t.error(listener.create_subscription(stream_name="NETCONF"), "second create-subscription", "in-use")
    finally:
        t.close_others()


# ---------------------------------------------------------------------------------------------------------
# NMDA (RFC 8526)

def _nmda(t, body):
    return t.m.dispatch(element('<%s xmlns="%s" xmlns:ds="%s">%s</%s>' % (
        body[0], NMDA_NS, DS_NS, body[1], body[0])))


@check("edit-data-and-get-data-running", "ietf-netconf-nmda")
def nmda_running(t):
    md = t.model
    try:
        cfg = '<config>%s</config>' % md.wrap(md.entry("nmda", "n"))
        t.ok(_nmda(t, ("edit-data", "<datastore>ds:running</datastore>%s" % cfg)), "edit-data running merge")
        expect(t.entry_in("running", "nmda") is not None, "edit-data did not reach running")
        reply = _nmda(t, ("get-data", "<datastore>ds:running</datastore><subtree-filter>%s</subtree-filter>"
                          % md.key_filter("nmda")))
        entry = t.find_entry(t.data(reply, "get-data running"), "nmda")
        expect(entry is not None and t.leaf(entry, md.text_leaf) == "n", "get-data running misses the entry")
        cfg = '<config>%s</config>' % md.wrap(md.entry("nmda", op="delete"))
        t.ok(_nmda(t, ("edit-data", "<datastore>ds:running</datastore>%s" % cfg)), "edit-data running delete")
        expect(t.entry_in("running", "nmda") is None, "edit-data delete left the entry")
    finally:
        t.remove("nmda")


@check("get-data-operational", "ietf-netconf-nmda")
def nmda_operational(t):
    md = t.model
    try:
        t.ok(t.edit(md.entry("oper", "o")), "edit-config")
        reply = _nmda(t, ("get-data", "<datastore>ds:operational</datastore><subtree-filter>%s</subtree-filter>"
                          % md.key_filter("oper")))
        entry = t.find_entry(t.data(reply, "get-data operational"), "oper")
        expect(entry is not None, "operational misses the applied entry: %s" % reply.xml[:800])
        reply = _nmda(t, ("get-data", "<datastore>ds:operational</datastore><subtree-filter>%s</subtree-filter>"
                          "<config-filter>false</config-filter>" % md.container_filter()))
        t.data(reply, "get-data operational config-filter false")
        reply = _nmda(t, ("edit-data", "<datastore>ds:operational</datastore><config>%s</config>"
                          % md.wrap(md.entry("oper2", "x"))))
        t.error(reply, "edit-data on operational", "invalid-value")
    finally:
        t.remove("oper")


# ---------------------------------------------------------------------------------------------------------

def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("host")
    p.add_argument("port", type=int)
    p.add_argument("user")
    p.add_argument("password")
    p.add_argument("workdir")
    p.add_argument("--framing", choices=["1.0", "1.1"], default="1.1")
    p.add_argument("--tick", type=float, default=0.005,
                   help="ncclient's SSH loop period in seconds (ncclient's own is 0.1; only timing changes)")
    p.add_argument("--model", choices=sorted(MODELS), default="sdqkd")
    p.add_argument("--skip", default="", help="comma-separated check names to skip")
    p.add_argument("--only", default="", help="comma-separated check names to run (default all)")
    p.add_argument("--skip-unsupported", action="store_true",
                   help="skip (instead of fail) checks whose capability the server does not advertise")
    p.add_argument("--value-error-tags", default="invalid-value",
                   help="error-tags accepted for a leaf value of the wrong type (comma-separated)")
    p.add_argument("--confirm-timeout", type=int, default=2)
    p.add_argument("--list", action="store_true", help="list the check names and exit")
    args = p.parse_args()
    if args.list:
        for name, needs, _ in CHECKS:
            print(name, " ".join(needs))
        return 0
    skip = set(filter(None, args.skip.split(",")))
    only = set(filter(None, args.only.split(",")))
    known = {name for name, _, _ in CHECKS} | {"datastore-restored"}
    unknown = (skip | only) - known
    if unknown:
        print("unknown checks: %s" % sorted(unknown), file=sys.stderr)
        return 2
    set_tick(args.tick)
    os.makedirs(args.workdir, exist_ok=True)
    try:
        t = Session(args)
    except Exception as e:
        print_summary([{"name": "connect", "status": "fail", "detail": "%s: %s" % (type(e).__name__, e)}])
        return 2
    results = []
    before = t.snapshot()
    for name, needs, fn in CHECKS:
        if name in skip or (only and name not in only):
            results.append({"name": name, "status": "skip", "detail": "skipped on request"})
            continue
        missing = [n for n in needs if not t.has(n)]
        started = time.time()
        try:
            if ":confirmed-commit:1.1" in needs and framing_of(t.m) == "1.0":
                raise NotApplicable("confirmed-commit:1.1 (persist, cancel-commit) needs a base:1.1 session")
            if missing:
                raise Unsupported("server does not advertise %s" % ", ".join(missing))
            detail = fn(t) or ""
            status = "pass"
        except Unsupported as e:
            status, detail = ("skip" if args.skip_unsupported else "fail"), str(e)
        except NotApplicable as e:
            status, detail = "skip", str(e)
        except CheckFailed as e:
            status, detail = "fail", str(e)
        except Exception as e:
            status, detail = "fail", "%s: %s\n%s" % (type(e).__name__, e, traceback.format_exc(limit=4))
        finally:
            t.close_others()
        results.append({"name": name, "status": status, "detail": detail,
                        "seconds": round(time.time() - started, 2)})
        print("%-45s %s %s" % (name, status, detail.splitlines()[0] if detail else ""), file=sys.stderr)
    if "datastore-restored" not in skip:
        after = t.snapshot()
        changed = sorted(ds for ds in before if before[ds] != after.get(ds))
        results.append({"name": "datastore-restored", "status": "fail" if changed else "pass",
                        "detail": "changed: %s" % changed if changed else "running%s as found" % (
                            "".join(", " + d for d in sorted(before) if d != "running"))})
    framing = framing_of(t.m)
    try:
        t.m.close_session()
    except Exception:
        pass
    summary = print_summary(results, {"framing": framing, "model": args.model,
                                      "server_capabilities": sorted(t.caps)})
    return 1 if summary["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
