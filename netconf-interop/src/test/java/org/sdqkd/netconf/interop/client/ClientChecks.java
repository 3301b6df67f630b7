package org.sdqkd.netconf.interop.client;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.sdqkd.netconf.client.api.CommitOptions;
import org.sdqkd.netconf.client.api.ConnectOptions;
import org.sdqkd.netconf.client.api.Datastore;
import org.sdqkd.netconf.client.api.EditOptions;
import org.sdqkd.netconf.client.api.EditOptions.DefaultOperation;
import org.sdqkd.netconf.client.api.EditOptions.ErrorOption;
import org.sdqkd.netconf.client.api.EditOptions.TestOption;
import org.sdqkd.netconf.client.api.Filter;
import org.sdqkd.netconf.client.NetconfClient;
import org.sdqkd.netconf.client.NetconfOperations;
import org.sdqkd.netconf.client.api.NetconfRpcException;
import org.sdqkd.netconf.client.api.NetconfSession;
import org.sdqkd.netconf.client.api.NmdaDatastore;
import org.sdqkd.netconf.client.api.SubscriptionOptions;
import org.sdqkd.netconf.protocol.api.Capabilities;
import org.sdqkd.netconf.protocol.api.ErrorInfo;
import org.sdqkd.netconf.protocol.api.Notification;
import org.sdqkd.netconf.protocol.api.RpcError;
import org.sdqkd.netconf.protocol.api.XmlElement;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The operations of {@code ncclient_session.py}, run with sdqkd's client and its typed operations against one
 * server: retrieval with subtree and XPath filters, every edit-config operation and option, copy-config and
 * delete-config, locks, close-session and kill-session, the candidate (commit, confirmed commit, cancel-commit,
 * discard-changes, validate), get-schema, notifications and NMDA. Checks have the script's names. Each leaves the
 * datastores as it found them, and the last check ({@code datastore-restored}) compares them with the start.
 *
 * <p>A check needing a capability the server does not announce is skipped (the tests then assert which checks
 * passed, so a capability that goes missing is noticed). Run the checks with {@link #run()}: it never throws, it
 * reports each check.
 */
final class ClientChecks {

    /** How a check ended. */
    enum Status {
        /** Every assertion held. */
        PASS,
        /** An assertion failed or an operation failed unexpectedly. */
        FAIL,
        /** Not run: unsupported by the server, not applicable to the session or skipped on request. */
        SKIP
    }

    /**
     * One check's outcome.
     *
     * @param name the check's name
     * @param status how it ended
     * @param detail what was seen
     * @param millis how long it took
     */
    record Outcome(String name, Status status, String detail, long millis) {
    }

    /**
     * The outcomes of a run, in order.
     *
     * @param outcomes the outcomes
     * @param millis how long the whole run took
     */
    record Report(List<Outcome> outcomes, long millis) {

        /** @return the failed checks */
        List<Outcome> failures() {
            return outcomes.stream().filter(o -> o.status() == Status.FAIL).toList();
        }

        /** @return the names of the checks that passed */
        List<String> passed() {
            return names(Status.PASS);
        }

        /** @return the names of the skipped checks */
        List<String> skipped() {
            return names(Status.SKIP);
        }

        private List<String> names(final Status status) {
            return outcomes.stream().filter(o -> o.status() == status).map(Outcome::name).toList();
        }

        /** @return every outcome, one per line, for assertion messages and the test log */
        String describe() {
            return outcomes.stream().map(o -> String.format("%-48s %-4s %5d ms %s", o.name(), o.status(), o.millis(),
                o.detail())).collect(Collectors.joining("\n", "", "\n" + passed().size() + " passed, "
                    + failures().size() + " failed, " + skipped().size() + " skipped in " + millis + " ms"));
        }
    }

    /**
     * What differs between servers.
     *
     * @param skip checks not to run
     * @param valueErrorTags the error-tags accepted for a leaf value that breaks its type (RFC 7950 section 8.3.1
     *     asks {@code invalid-value})
     * @param confirmTimeout the confirm-timeout of the confirmed commits that are left to time out
     * @param confirmPoll how often to look whether a confirmed commit was rolled back (netconfd runs its confirm
     *     timer only while idle, so polling it often keeps the commit alive)
     * @param otherTags error-tags a server answers instead of the one RFC 6241 asks, by the request's description
     *     in the check (such as {@code delete-config running})
     */
    record Settings(Set<String> skip, Set<String> valueErrorTags, Duration confirmTimeout, Duration confirmPoll,
            Map<String, Set<String>> otherTags) {

        /** Copies the collections. */
        Settings {
            skip = Set.copyOf(skip);
            valueErrorTags = Set.copyOf(valueErrorTags);
            otherTags = Map.copyOf(otherTags);
        }

        /** @return RFC defaults: nothing skipped, invalid-value, a 2 s confirm-timeout polled every 0.25 s */
        static Settings defaults() {
            return new Settings(Set.of(), Set.of("invalid-value"), Duration.ofSeconds(2), Duration.ofMillis(250),
                Map.of());
        }

        /**
         * @param request the request's description in the check
         * @param tags the error-tags the server answers to it, accepted besides RFC 6241's
         * @return changed settings
         */
        Settings accepting(final String request, final String... tags) {
            Map<String, Set<String>> more = new HashMap<>(otherTags);
            more.put(request, Set.of(tags));
            return new Settings(skip, valueErrorTags, confirmTimeout, confirmPoll, more);
        }

        /**
         * @param names checks not to run
         * @return changed settings
         */
        Settings skipping(final String... names) {
            return new Settings(Set.of(names), valueErrorTags, confirmTimeout, confirmPoll, otherTags);
        }

        /**
         * @param tags the error-tags accepted for a value that breaks its type
         * @return changed settings
         */
        Settings valueErrorTags(final String... tags) {
            return new Settings(skip, Set.of(tags), confirmTimeout, confirmPoll, otherTags);
        }

        /**
         * @param poll how often to look for a rollback
         * @return changed settings
         */
        Settings confirmPoll(final Duration poll) {
            return new Settings(skip, valueErrorTags, confirmTimeout, poll, otherTags);
        }
    }

    /** Every check's name, in the order they run. */
    static final List<String> ALL = List.of("hello", "get-monitoring-sessions", "get-model-data",
        "get-config-subtree-filter", "get-config-xpath-filter", "edit-merge", "edit-replace",
        "edit-create-and-data-exists", "edit-delete-and-data-missing", "edit-remove", "default-operation-none",
        "default-operation-merge", "default-operation-replace", "test-option-test-only", "test-option-test-then-set",
        "test-option-set", "invalid-edit-rejected", "error-option-rollback-on-error",
        "error-option-continue-on-error", "error-option-stop-on-error", "copy-config-running-to-startup",
        "delete-config-startup", "copy-config-candidate-to-running", "copy-config-running-to-candidate",
        "lock-unlock", "lock-denied-names-holder", "close-session", "kill-session", "commit-and-discard-changes",
        "confirmed-commit-timeout-rollback", "confirming-commit", "confirmed-commit-session-close-rollback",
        "persist-confirmed-from-other-session", "cancel-commit", "cancel-commit-persist-id-from-other-session",
        "get-schema", "notification-config-change", "interleave", "edit-data-and-get-data-running",
        "get-data-operational", "validate-config-source", "validate-candidate", "datastore-restored");

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CAP = "urn:ietf:params:netconf:capability:";
    private static final String MONITORING = "urn:ietf:params:xml:ns:yang:ietf-netconf-monitoring";
    private static final String NOTIFICATIONS = "urn:ietf:params:xml:ns:yang:ietf-netconf-notifications";

    private final NetconfClient client;
    private final ConnectOptions options;
    private final DataModel model;
    private final Settings settings;
    private final Map<String, Check> checks = new LinkedHashMap<>();
    private final List<NetconfSession> others = new ArrayList<>();
    private NetconfSession main;
    private Datastore target;

    /** A check's body; returns a detail for the report. */
    @FunctionalInterface
    private interface Body {
        String run() throws Exception;
    }

    /**
     * A check.
     *
     * @param needs capabilities (":candidate", matched as a prefix of the capability URI) or module names
     * @param base11 whether it needs a base:1.1 session
     * @param body what it does
     */
    private record Check(List<String> needs, boolean base11, Body body) {
    }

    /** Thrown by a check that does not apply to the session. */
    private static final class NotApplicable extends Exception {
        private static final long serialVersionUID = 1L;

        NotApplicable(final String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Prepares the checks.
     *
     * @param client the client
     * @param options where and how to connect; every session of the run (the main one and the second sessions
     *     some checks open) uses them, so their capabilities choose the framing
     * @param model the data the checks write
     * @param settings what differs on this server
     */
    ClientChecks(final NetconfClient client, final ConnectOptions options, final DataModel model,
            final Settings settings) {
        this.client = client;
        this.options = options;
        this.model = model;
        this.settings = settings;
        register();
    }

    /**
     * Connects, runs every check in order and closes the session.
     *
     * @return the outcomes; a failure to connect is the outcome of a check named {@code connect}
     */
    Report run() {
        long start = System.nanoTime();
        List<Outcome> outcomes = new ArrayList<>();
        try {
            main = await(client.connect(options));
        } catch (Exception e) {
            outcomes.add(new Outcome("connect", Status.FAIL, e.toString(), 0));
            return new Report(outcomes, elapsed(start));
        }
        try {
            target = has(":writable-running") ? Datastore.RUNNING : Datastore.CANDIDATE;
            Map<Datastore, String> before;
            try {
                before = snapshot();
            } catch (Exception e) {
                outcomes.add(new Outcome("snapshot", Status.FAIL, e.toString(), 0));
                return new Report(outcomes, elapsed(start));
            }
            for (Map.Entry<String, Check> check : checks.entrySet()) {
                outcomes.add(runOne(check.getKey(), check.getValue()));
            }
            outcomes.add(runOne("datastore-restored", new Check(List.of(), false, () -> {
                Map<Datastore, String> after = snapshot();
                List<Datastore> changed = before.keySet().stream()
                    .filter(ds -> !before.get(ds).equals(after.get(ds))).toList();
                expect(changed.isEmpty(), "changed: " + changed.stream()
                    .map(ds -> ds + " was " + before.get(ds) + ", is " + after.get(ds)).toList());
                return before.keySet() + " as found";
            })));
        } finally {
            try {
                ops(main).closeSession().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                main.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                main.close();
            }
        }
        return new Report(outcomes, elapsed(start));
    }

    private Outcome runOne(final String name, final Check check) {
        long start = System.nanoTime();
        List<String> missing = check.needs().stream().filter(need -> !has(need)).toList();
        try {
            if (settings.skip().contains(name)) {
                return new Outcome(name, Status.SKIP, "skipped on request", 0);
            }
            if (!missing.isEmpty()) {
                return new Outcome(name, Status.SKIP, "server does not announce " + missing, 0);
            }
            if (check.base11() && Capabilities.same(main.framing(), Capabilities.BASE_1_0)) {
                return new Outcome(name, Status.SKIP, "a base:1.1 feature, and this session is base:1.0", 0);
            }
            String detail = check.body().run();
            return new Outcome(name, Status.PASS, detail == null ? "" : detail, elapsed(start));
        } catch (NotApplicable e) {
            return new Outcome(name, Status.SKIP, e.getMessage(), elapsed(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(name, Status.FAIL, "interrupted", elapsed(start));
        } catch (Exception | AssertionError e) {
            return new Outcome(name, Status.FAIL, e.toString(), elapsed(start));
        } finally {
            closeOthers();
        }
    }

    private void register() {
        add("hello", this::hello);
        add("get-monitoring-sessions", this::getMonitoringSessions, "ietf-netconf-monitoring");
        add("get-model-data", this::getModelData);
        add("get-config-subtree-filter", this::getConfigSubtree);
        add("get-config-xpath-filter", this::getConfigXpath, ":xpath");
        add("edit-merge", this::editMerge);
        add("edit-replace", this::editReplace);
        add("edit-create-and-data-exists", this::editCreate);
        add("edit-delete-and-data-missing", this::editDelete);
        checks.put("edit-remove", new Check(List.of(), true, this::editRemove));
        add("default-operation-none", this::defaultNone);
        add("default-operation-merge", this::defaultMerge);
        add("default-operation-replace", this::defaultReplace);
        add("test-option-test-only", this::testOnly, ":validate:1.1");
        add("test-option-test-then-set", this::testThenSet, ":validate");
        add("test-option-set", this::testSet, ":validate");
        add("invalid-edit-rejected", this::invalidEdit);
        add("error-option-rollback-on-error", () -> errorOption("rollback", ErrorOption.ROLLBACK_ON_ERROR),
            ":rollback-on-error");
        add("error-option-continue-on-error", () -> errorOption("continue", ErrorOption.CONTINUE_ON_ERROR));
        add("error-option-stop-on-error", () -> errorOption("stop", ErrorOption.STOP_ON_ERROR));
        add("copy-config-running-to-startup", this::copyToStartup, ":startup");
        add("delete-config-startup", this::deleteStartup, ":startup");
        add("copy-config-candidate-to-running", this::copyCandidateToRunning, ":candidate", ":writable-running");
        add("copy-config-running-to-candidate", this::copyRunningToCandidate, ":candidate");
        add("lock-unlock", this::lockUnlock);
        add("lock-denied-names-holder", this::lockDenied);
        add("close-session", this::closeSession);
        add("kill-session", this::killSession);
        add("commit-and-discard-changes", this::commitAndDiscard, ":candidate");
        add("confirmed-commit-timeout-rollback", this::confirmedTimeout, ":candidate", ":confirmed-commit");
        add("confirming-commit", this::confirmingCommit, ":candidate", ":confirmed-commit");
        add("confirmed-commit-session-close-rollback", this::confirmedSessionClose, ":candidate",
            ":confirmed-commit");
        checks.put("persist-confirmed-from-other-session", new Check(List.of(":candidate", ":confirmed-commit:1.1"),
            true, this::persistConfirmed));
        checks.put("cancel-commit", new Check(List.of(":candidate", ":confirmed-commit:1.1"), true,
            this::cancelCommit));
        checks.put("cancel-commit-persist-id-from-other-session", new Check(List.of(":candidate",
            ":confirmed-commit:1.1"), true, this::cancelCommitPersistId));
        add("get-schema", this::getSchema, "ietf-netconf-monitoring");
        add("notification-config-change", this::notificationConfigChange, ":notification",
            "ietf-netconf-notifications");
        add("interleave", this::interleave, ":notification", ":interleave");
        add("edit-data-and-get-data-running", this::nmdaRunning, "ietf-netconf-nmda");
        add("get-data-operational", this::nmdaOperational, "ietf-netconf-nmda");
        add("validate-config-source", this::validateConfig, ":validate");
        add("validate-candidate", this::validateCandidate, ":candidate", ":validate");
        List<String> names = new ArrayList<>(checks.keySet());
        names.add("datastore-restored");
        if (!names.equals(ALL)) {
            throw new IllegalStateException("ALL does not list the checks in order: " + names);
        }
    }

    private void add(final String name, final Body body, final String... needs) {
        checks.put(name, new Check(Arrays.asList(needs), false, body));
    }

    // ---- hello, retrieval ----

    private String hello() {
        long id = main.sessionId();
        expect(id > 0, "session-id " + id);
        expect(main.serverCapabilities().contains(Capabilities.BASE_1_0), "the server's hello lacks base:1.0");
        boolean offered11 = options.capabilities().contains(Capabilities.BASE_1_1);
        boolean server11 = main.serverCapabilities().contains(Capabilities.BASE_1_1);
        URI expected = offered11 && server11 ? Capabilities.BASE_1_1 : Capabilities.BASE_1_0;
        expect(expected.equals(main.framing()), "framing " + main.framing() + ", expected " + expected);
        if (!offered11) {
            expect(server11, "the server does not offer base:1.1, so forcing 1.0 proves nothing");
        }
        return "session-id " + id + ", framing " + main.framing() + ", " + main.serverCapabilities().size()
            + " capabilities";
    }

    private String getMonitoringSessions() throws Exception {
        List<XmlElement> data = await(ops(main).get(Filter.subtree(Xml.parse("<netconf-state xmlns=\"" + MONITORING
            + "\"><sessions/></netconf-state>"))));
        List<String> ids = Xml.descendants(data, MONITORING, "session-id").stream()
            .map(e -> e.getTextContent().strip()).toList();
        expect(ids.contains(Long.toString(main.sessionId())), "own session " + main.sessionId() + " not in " + ids);
        List<String> users = Xml.descendants(data, MONITORING, "username").stream()
            .map(e -> e.getTextContent().strip()).toList();
        expect(users.contains(options.user()), "user " + options.user() + " not among " + users);
        return "sessions " + ids;
    }

    private String getModelData() throws Exception {
        try {
            edit(main, model.entry("get", "for get"), EditOptions.DEFAULT);
            List<XmlElement> data = await(ops(main).get(Filter.subtree(Xml.parse(model.keyFilter("get")))));
            Element entry = Xml.entry(data, model, "get").orElseThrow(() -> new AssertionError("get misses it"));
            expect("for get".equals(text(entry)), "text leaf " + text(entry));
            return "";
        } finally {
            remove("get");
        }
    }

    private String getConfigSubtree() throws Exception {
        try {
            edit(main, model.entry("sub-a", "a") + model.entry("sub-b", "b"), EditOptions.DEFAULT);
            List<XmlElement> data = await(ops(main).getConfig(Datastore.RUNNING,
                Filter.subtree(Xml.parse(model.keyFilter("sub-a")))));
            List<Element> entries = Xml.entries(data, model);
            expect(entries.size() == 1 && Xml.entry(data, model, "sub-a").isPresent(),
                "the filter selected " + entries.size() + " entries: " + data);
            expect("a".equals(text(entries.getFirst())), "wrong content " + data);
            return "";
        } finally {
            remove("sub-a", "sub-b");
        }
    }

    private String getConfigXpath() throws Exception {
        try {
            edit(main, model.entry("xp-a", "a") + model.entry("xp-b", "b"), EditOptions.DEFAULT);
            List<XmlElement> data = await(ops(main).getConfig(Datastore.RUNNING,
                Filter.xpath(model.xpath("xp-b"), model.xpathPrefixes())));
            List<Element> entries = Xml.entries(data, model);
            expect(entries.size() == 1 && Xml.entry(data, model, "xp-b").isPresent(),
                "the XPath selected " + entries.size() + " entries: " + data);
            expect("b".equals(text(entries.getFirst())), "wrong content " + data);
            return "";
        } finally {
            remove("xp-a", "xp-b");
        }
    }

    // ---- edit-config ----

    private String editMerge() throws Exception {
        try {
            edit(main, model.entry("merge", "first"), EditOptions.DEFAULT);
            expect("first".equals(textIn(Datastore.RUNNING, "merge")), "merge did not create");
            edit(main, model.entry("merge", "second", "merge", false), EditOptions.DEFAULT);
            expect("second".equals(textIn(Datastore.RUNNING, "merge")), "merge did not modify");
            return "";
        } finally {
            remove("merge");
        }
    }

    private String editReplace() throws Exception {
        try {
            edit(main, model.entry("replace", "old"), EditOptions.DEFAULT);
            edit(main, model.entry("replace", null, "replace", false), EditOptions.DEFAULT);
            Element entry = entryIn(Datastore.RUNNING, "replace")
                .orElseThrow(() -> new AssertionError("entry gone after replace"));
            expect(text(entry) == null, "replace kept the leaf it did not contain");
            return "";
        } finally {
            remove("replace");
        }
    }

    private String editCreate() throws Exception {
        try {
            edit(main, model.entry("create", "c", "create", false), EditOptions.DEFAULT);
            expect(entryIn(Datastore.RUNNING, "create").isPresent(), "create did not create");
            RpcError error = editError(model.entry("create", "again", "create", false), EditOptions.DEFAULT,
                "create of an existing entry", "data-exists");
            expect("application".equals(error.type().elementBody()), "error-type " + error.type().elementBody());
            expect("c".equals(textIn(Datastore.RUNNING, "create")), "the failed create changed the entry");
            return describe(error);
        } finally {
            remove("create");
        }
    }

    private String editDelete() throws Exception {
        try {
            edit(main, model.entry("delete", "d"), EditOptions.DEFAULT);
            edit(main, model.keyOnly("delete", "delete"), EditOptions.DEFAULT);
            expect(entryIn(Datastore.RUNNING, "delete").isEmpty(), "delete did not delete");
            RpcError error = editError(model.keyOnly("delete", "delete"), EditOptions.DEFAULT,
                "delete of an absent entry", "data-missing");
            expect("application".equals(error.type().elementBody()), "error-type " + error.type().elementBody());
            return describe(error);
        } finally {
            remove("delete");
        }
    }

    private String editRemove() throws Exception {
        try {
            edit(main, model.keyOnly("remove", "remove"), EditOptions.DEFAULT);
            edit(main, model.entry("remove", "r"), EditOptions.DEFAULT);
            edit(main, model.keyOnly("remove", "remove"), EditOptions.DEFAULT);
            expect(entryIn(Datastore.RUNNING, "remove").isEmpty(), "remove did not remove");
            return "";
        } finally {
            remove("remove");
        }
    }

    private String defaultNone() throws Exception {
        EditOptions none = EditOptions.DEFAULT.withDefaultOperation(DefaultOperation.NONE);
        try {
            edit(main, model.entry("none", "kept"), EditOptions.DEFAULT);
            edit(main, model.entry("none", "ignored"), none);
            expect("kept".equals(textIn(Datastore.RUNNING, "none")),
                "default-operation none changed a node without an operation attribute");
            String leaf = "<" + model.textLeaf() + " xmlns:nc=\"" + DataModel.BASE + "\" nc:operation=\"replace\">"
                + "applied</" + model.textLeaf() + ">";
            edit(main, "<node><" + model.keyLeaf() + ">" + model.key("none") + "</" + model.keyLeaf() + ">" + leaf
                + "</node>", none);
            expect("applied".equals(textIn(Datastore.RUNNING, "none")),
                "the explicit operation under default-operation none was not applied");
            editError(model.entry("none-absent", "x"), none, "default-operation none on absent data",
                "data-missing");
            expect(entryIn(Datastore.RUNNING, "none-absent").isEmpty(), "default-operation none created data");
            return "";
        } finally {
            remove("none", "none-absent");
        }
    }

    private String defaultMerge() throws Exception {
        try {
            edit(main, model.entry("dmerge", "one"), EditOptions.DEFAULT);
            edit(main, model.entry("dmerge", "two"), EditOptions.DEFAULT.withDefaultOperation(DefaultOperation.MERGE));
            expect("two".equals(textIn(Datastore.RUNNING, "dmerge")), "not merged");
            return "";
        } finally {
            remove("dmerge");
        }
    }

    /** Replaces the whole configuration with itself plus one entry, then with itself again. */
    private String defaultReplace() throws Exception {
        EditOptions replace = EditOptions.DEFAULT.withDefaultOperation(DefaultOperation.REPLACE);
        List<XmlElement> before = await(ops(main).getConfig(target));
        Document original = Xml.configOf(before);
        Document withEntry = Xml.configOf(before);
        Element config = withEntry.getDocumentElement();
        Element container = Xml.child(config, model.namespace(), model.container()).orElseGet(() -> {
            Element created = withEntry.createElementNS(model.namespace(), model.container());
            config.appendChild(created);
            return created;
        });
        Element entry = Xml.parse(model.wrap(model.entry("dreplace", "whole"))).toElement();
        container.appendChild(withEntry.importNode(Xml.children(entry).getFirst(), true));
        try {
            editConfig(main, XmlElement.of(withEntry), replace);
            expect(entryIn(Datastore.RUNNING, "dreplace").isPresent(), "the replacing config's entry is missing");
            editConfig(main, XmlElement.of(original), replace);
            expect(entryIn(Datastore.RUNNING, "dreplace").isEmpty(), "replacing back left the entry");
            expect(Xml.canonical(await(ops(main).getConfig(target))).equals(Xml.canonical(before)),
                "the configuration differs after the round trip");
            return before.size() + " top-level nodes replaced twice";
        } finally {
            remove("dreplace");
        }
    }

    private String testOnly() throws Exception {
        EditOptions testOnly = EditOptions.DEFAULT.withTestOption(TestOption.TEST_ONLY);
        try {
            await(ops(main).editConfig(target, Xml.parse(model.config(model.entry("testonly", "t"))), testOnly));
            expect(entryIn(target, "testonly").isEmpty(), "test-only changed the target");
            RpcError error = rpcError(ops(main).editConfig(target,
                Xml.parse(model.config(model.entry("testonly", null, null, true))), testOnly),
                "test-only of invalid data", settings.valueErrorTags());
            return describe(error);
        } finally {
            if (target == Datastore.CANDIDATE) {
                await(ops(main).discardChanges());
            }
        }
    }

    private String testThenSet() throws Exception {
        EditOptions testThenSet = EditOptions.DEFAULT.withTestOption(TestOption.TEST_THEN_SET);
        try {
            edit(main, model.entry("ttset", "t"), testThenSet);
            expect(entryIn(Datastore.RUNNING, "ttset").isPresent(), "test-then-set did not set");
            editError(model.entry("ttset-bad", null, null, true), testThenSet, "test-then-set of invalid data",
                settings.valueErrorTags().toArray(String[]::new));
            expect(entryIn(Datastore.RUNNING, "ttset-bad").isEmpty(), "invalid data set");
            return "";
        } finally {
            remove("ttset", "ttset-bad");
        }
    }

    private String testSet() throws Exception {
        try {
            edit(main, model.entry("tset", "t"), EditOptions.DEFAULT.withTestOption(TestOption.SET));
            expect(entryIn(Datastore.RUNNING, "tset").isPresent(), "set did not set");
            return "";
        } finally {
            remove("tset");
        }
    }

    private String invalidEdit() throws Exception {
        String before = Xml.canonical(await(ops(main).getConfig(Datastore.RUNNING)));
        RpcError error = editError(model.entry("invalid", null, null, true), EditOptions.DEFAULT, "invalid edit",
            settings.valueErrorTags().toArray(String[]::new));
        expect(Set.of("application", "protocol").contains(error.type().elementBody()),
            "error-type " + error.type().elementBody());
        expect(before.equals(Xml.canonical(await(ops(main).getConfig(Datastore.RUNNING)))),
            "running changed by a rejected edit");
        return describe(error);
    }

    private String errorOption(final String name, final ErrorOption option) throws Exception {
        try {
            RpcError error = editError(model.entry(name + "-good", "good") + model.entry(name + "-bad", null, null,
                true), EditOptions.DEFAULT.withErrorOption(option), option.value(),
                settings.valueErrorTags().toArray(String[]::new));
            expect(entryIn(Datastore.RUNNING, name + "-bad").isEmpty(), "the invalid entry was applied");
            boolean applied = entryIn(Datastore.RUNNING, name + "-good").isPresent();
            if (option == ErrorOption.ROLLBACK_ON_ERROR) {
                expect(!applied, "rollback-on-error kept the valid part of a failed edit");
            }
            return describe(error) + "; valid part applied: " + applied;
        } finally {
            remove(name + "-good", name + "-bad");
        }
    }

    // ---- copy-config, delete-config ----

    private Optional<List<XmlElement>> saveStartup() throws Exception {
        try {
            return Optional.of(await(ops(main).getConfig(Datastore.STARTUP)));
        } catch (NetconfRpcException e) {
            return Optional.empty();
        }
    }

    private void restoreStartup(final Optional<List<XmlElement>> saved) throws Exception {
        if (saved.isPresent()) {
            await(ops(main).copyConfig(Datastore.STARTUP, XmlElement.of(Xml.configOf(saved.orElseThrow()))));
        } else {
            await(ops(main).deleteConfig(Datastore.STARTUP));
        }
    }

    private String copyToStartup() throws Exception {
        Optional<List<XmlElement>> saved = saveStartup();
        try {
            edit(main, model.entry("startup", "s"), EditOptions.DEFAULT);
            await(ops(main).copyConfig(Datastore.STARTUP, Datastore.RUNNING));
            expect(entryIn(Datastore.STARTUP, "startup").isPresent(), "startup lacks the copied entry");
            expect(Xml.canonical(await(ops(main).getConfig(Datastore.RUNNING)))
                .equals(Xml.canonical(await(ops(main).getConfig(Datastore.STARTUP)))),
                "startup differs from running after copy-config");
            return "";
        } finally {
            remove("startup");
            restoreStartup(saved);
        }
    }

    private String deleteStartup() throws Exception {
        Optional<List<XmlElement>> saved = saveStartup();
        try {
            await(ops(main).copyConfig(Datastore.STARTUP, Datastore.RUNNING));
            await(ops(main).deleteConfig(Datastore.STARTUP));
            String after;
            try {
                List<XmlElement> startup = await(ops(main).getConfig(Datastore.STARTUP));
                expect(Xml.canonical(startup).equals("[]"), "startup not empty after delete-config: " + startup);
                after = "get-config startup answers empty data";
            } catch (NetconfRpcException e) {
                after = "get-config startup answers " + describe(e.firstError());
            }
            RpcError error = rpcError(ops(main).deleteConfig(Datastore.RUNNING), "delete-config running",
                Set.of("operation-not-supported"));
            return after + "; delete-config running: " + describe(error);
        } finally {
            restoreStartup(saved);
        }
    }

    private String copyCandidateToRunning() throws Exception {
        try {
            await(ops(main).discardChanges());
            await(ops(main).editConfig(Datastore.CANDIDATE, Xml.parse(model.config(model.entry("copy", "c")))));
            expect(entryIn(Datastore.RUNNING, "copy").isEmpty(), "the edit of the candidate reached running");
            await(ops(main).copyConfig(Datastore.RUNNING, Datastore.CANDIDATE));
            expect(entryIn(Datastore.RUNNING, "copy").isPresent(), "running lacks the copied entry");
            return "";
        } finally {
            await(ops(main).discardChanges());
            remove("copy");
        }
    }

    private String copyRunningToCandidate() throws Exception {
        try {
            await(ops(main).editConfig(Datastore.CANDIDATE, Xml.parse(model.config(model.entry("rtoc", "c")))));
            await(ops(main).copyConfig(Datastore.CANDIDATE, Datastore.RUNNING));
            expect(entryIn(Datastore.CANDIDATE, "rtoc").isEmpty(), "the candidate still has the uncommitted entry");
            return "";
        } finally {
            await(ops(main).discardChanges());
        }
    }

    // ---- locks, sessions ----

    private String lockUnlock() throws Exception {
        List<Datastore> stores = has(":candidate") ? List.of(Datastore.RUNNING, Datastore.CANDIDATE)
            : List.of(Datastore.RUNNING);
        for (Datastore ds : stores) {
            await(ops(main).lock(ds));
            try {
                rpcError(ops(main).lock(ds), "second lock of " + ds + " by its holder", Set.of("lock-denied"));
            } finally {
                await(ops(main).unlock(ds));
            }
        }
        RpcError error = rpcError(ops(main).unlock(Datastore.RUNNING), "unlock of an unlocked datastore",
            Set.of("operation-failed"));
        return stores + "; unlock when unlocked: " + describe(error);
    }

    private String lockDenied() throws Exception {
        NetconfSession other = other();
        await(ops(main).lock(Datastore.RUNNING));
        if (target == Datastore.CANDIDATE) {
            await(ops(main).lock(Datastore.CANDIDATE));
        }
        RpcError denied;
        try {
            denied = rpcError(ops(other).lock(Datastore.RUNNING), "lock by a second session", Set.of("lock-denied"));
            expect("protocol".equals(denied.type().elementBody()), "error-type " + denied.type().elementBody());
            List<String> holder = denied.info().stream().filter(i -> "session-id".equals(i.name().getLocalPart()))
                .map(ErrorInfo::value).map(String::strip).toList();
            expect(holder.equals(List.of(Long.toString(main.sessionId()))),
                "error-info " + denied.info() + " does not name the holder " + main.sessionId());
            // the failed edit changed nothing, so there is nothing to discard (netconfd refuses discard-changes of
            // a candidate another session locked, with in-use)
            rpcError(ops(other).editConfig(target, Xml.parse(model.config(model.entry("locked", "x")))),
                "edit of a datastore another session locked", Set.of("in-use", "lock-denied"));
            rpcError(ops(other).unlock(Datastore.RUNNING), "unlock by a non-holder",
                Set.of("operation-failed", "in-use"));
        } finally {
            if (target == Datastore.CANDIDATE) {
                await(ops(main).unlock(Datastore.CANDIDATE));
            }
            await(ops(main).unlock(Datastore.RUNNING));
        }
        expect(entryIn(Datastore.RUNNING, "locked").isEmpty(), "edited despite the lock");
        return "holder " + main.sessionId() + " named in error-info";
    }

    private String closeSession() throws Exception {
        NetconfSession other = other();
        await(ops(other).closeSession());
        expect(!other.isOpen(), "the session is still open after close-session");
        return "closed: " + other.closeFuture().getNow(null);
    }

    private String killSession() throws Exception {
        NetconfSession other = other();
        long victim = other.sessionId();
        await(ops(other).lock(Datastore.RUNNING));
        await(ops(main).killSession(victim));
        other.closeFuture().get(5, TimeUnit.SECONDS);
        expect(!other.isOpen(), "the killed session is still open");
        await(ops(main).lock(Datastore.RUNNING));
        await(ops(main).unlock(Datastore.RUNNING));
        RpcError error = rpcError(ops(main).killSession(main.sessionId()), "kill-session of the own session",
            Set.of("invalid-value"));
        return "killed " + victim + "; own: " + describe(error);
    }

    // ---- candidate, commit ----

    private String commitAndDiscard() throws Exception {
        try {
            await(ops(main).editConfig(Datastore.CANDIDATE, Xml.parse(model.config(model.entry("commit", "c")))));
            expect(entryIn(Datastore.CANDIDATE, "commit").isPresent(), "the candidate lacks the edit");
            expect(entryIn(Datastore.RUNNING, "commit").isEmpty(), "running changed before commit");
            await(ops(main).commit());
            expect(entryIn(Datastore.RUNNING, "commit").isPresent(), "commit did not reach running");
            await(ops(main).editConfig(Datastore.CANDIDATE,
                Xml.parse(model.config(model.keyOnly("commit", "delete")))));
            expect(entryIn(Datastore.CANDIDATE, "commit").isEmpty(), "the delete did not reach the candidate");
            await(ops(main).discardChanges());
            expect(entryIn(Datastore.CANDIDATE, "commit").isPresent(), "discard-changes did not restore the candidate");
            return "";
        } finally {
            await(ops(main).discardChanges());
            remove("commit");
        }
    }

    private void confirmed(final NetconfSession session, final String name, final CommitOptions commit)
            throws Exception {
        await(ops(session).discardChanges());
        await(ops(session).editConfig(Datastore.CANDIDATE, Xml.parse(model.config(model.entry(name, "cc")))));
        await(ops(session).commit(commit));
    }

    private boolean waitGone(final String name, final Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (entryIn(Datastore.RUNNING, name).isEmpty()) {
                return true;
            }
            Thread.sleep(settings.confirmPoll().toMillis());
        }
        return false;
    }

    private String confirmedTimeout() throws Exception {
        Duration timeout = settings.confirmTimeout();
        try {
            confirmed(main, "cctimeout", CommitOptions.confirmedCommit(timeout));
            long committed = System.nanoTime();
            expect(entryIn(Datastore.RUNNING, "cctimeout").isPresent(), "the confirmed commit did not reach running");
            expect(waitGone("cctimeout", timeout.plusSeconds(10)), "not rolled back 10 s after the confirm-timeout");
            return "rolled back after " + elapsed(committed) + " ms (confirm-timeout " + timeout.toSeconds() + " s)";
        } finally {
            remove("cctimeout");
        }
    }

    private String confirmingCommit() throws Exception {
        Duration timeout = settings.confirmTimeout();
        try {
            confirmed(main, "ccconfirm", CommitOptions.confirmedCommit(timeout));
            await(ops(main).commit());
            Thread.sleep(timeout.plusMillis(1500).toMillis());
            expect(entryIn(Datastore.RUNNING, "ccconfirm").isPresent(), "rolled back despite the confirming commit");
            return "";
        } finally {
            remove("ccconfirm");
        }
    }

    private String confirmedSessionClose() throws Exception {
        NetconfSession other = other();
        try {
            confirmed(other, "ccclose", CommitOptions.confirmedCommit(Duration.ofSeconds(120)));
            expect(entryIn(Datastore.RUNNING, "ccclose").isPresent(), "the confirmed commit did not reach running");
            await(ops(other).closeSession());
            expect(waitGone("ccclose", Duration.ofSeconds(5)), "not rolled back when its session closed");
            return "";
        } finally {
            remove("ccclose");
        }
    }

    private String persistConfirmed() throws Exception {
        NetconfSession other = other();
        String token = "nc-client-persist-" + ProcessHandle.current().pid();
        try {
            confirmed(other, "persist", CommitOptions.confirmedCommit(Duration.ofSeconds(120)).withPersist(token));
            await(ops(other).closeSession());
            Thread.sleep(500);
            expect(entryIn(Datastore.RUNNING, "persist").isPresent(), "a persistent confirmed commit rolled back");
            rpcError(ops(main).commit(CommitOptions.confirming(token + "-wrong")), "commit with a wrong persist-id",
                Set.of("invalid-value"));
            await(ops(main).commit(CommitOptions.confirming(token)));
            expect(entryIn(Datastore.RUNNING, "persist").isPresent(), "the change was lost after confirming");
            RpcError error = rpcError(ops(main).cancelCommit(), "cancel-commit without a confirmed commit",
                Set.of("operation-failed"));
            return "cancel-commit afterwards: " + describe(error);
        } finally {
            remove("persist");
        }
    }

    private String cancelCommit() throws Exception {
        try {
            confirmed(main, "cancel", CommitOptions.confirmedCommit(Duration.ofSeconds(120)));
            expect(entryIn(Datastore.RUNNING, "cancel").isPresent(), "the confirmed commit did not reach running");
            await(ops(main).cancelCommit());
            expect(entryIn(Datastore.RUNNING, "cancel").isEmpty(), "cancel-commit did not roll back");
            return "";
        } finally {
            remove("cancel");
        }
    }

    private String cancelCommitPersistId() throws Exception {
        NetconfSession other = other();
        String token = "nc-client-cancel-" + ProcessHandle.current().pid();
        try {
            confirmed(other, "cancelp", CommitOptions.confirmedCommit(Duration.ofSeconds(120)).withPersist(token));
            await(ops(main).cancelCommit(token));
            expect(entryIn(Datastore.RUNNING, "cancelp").isEmpty(), "cancel-commit did not roll back");
            return "";
        } finally {
            remove("cancelp");
        }
    }

    private String validateConfig() throws Exception {
        await(main.rpc(validateRequest(model.entry("valcfg", "v"))));
        RpcError error = rpcError(main.rpc(validateRequest(model.entry("valcfg", null, null, true))),
            "validate of an invalid <config>", settings.valueErrorTags());
        expect(entryIn(Datastore.RUNNING, "valcfg").isEmpty(), "validate changed running");
        return describe(error);
    }

    private XmlElement validateRequest(final String entry) {
        return Xml.parse("<validate xmlns=\"" + DataModel.BASE + "\"><source>" + model.config(entry)
            + "</source></validate>");
    }

    /** Last of the checks that write: netconfd 2.13 answers ok to a commit after validate but does not apply it. */
    private String validateCandidate() throws Exception {
        try {
            await(ops(main).editConfig(Datastore.CANDIDATE, Xml.parse(model.config(model.entry("val", "v")))));
            await(ops(main).validate(Datastore.CANDIDATE));
            return "";
        } finally {
            await(ops(main).discardChanges());
        }
    }

    // ---- get-schema, notifications, NMDA ----

    private String getSchema() throws Exception {
        String text = await(ops(main).getSchema(model.module()));
        expect(text.contains("module " + model.module()), "not the module's YANG: "
            + text.substring(0, Math.min(200, text.length())));
        RpcError error = rpcError(ops(main).getSchema("no-such-module-nc-client"), "get-schema of an unknown module",
            Set.of("invalid-value", "operation-failed"));
        return text.length() + " characters; unknown module: " + describe(error);
    }

    private String notificationConfigChange() throws Exception {
        NetconfSession listener = other();
        BlockingQueue<Notification> received = new LinkedBlockingQueue<>();
        listener.addNotificationListener(received::add);
        try {
            await(ops(listener).createSubscription(SubscriptionOptions.DEFAULT.withStream("NETCONF").withFilter(
                Filter.subtree(Xml.parse("<netconf-config-change xmlns=\"" + NOTIFICATIONS + "\"/>")))));
            NetconfSession editor = other();
            edit(editor, model.entry("notif", "n"), EditOptions.DEFAULT);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            List<String> seen = new ArrayList<>();
            Element found = null;
            while (found == null && System.nanoTime() < deadline) {
                Notification notification = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (notification == null) {
                    break;
                }
                Element event = notification.event().toElement();
                seen.add(event.getLocalName());
                expect(NOTIFICATIONS.equals(event.getNamespaceURI()) && "netconf-config-change".equals(
                    event.getLocalName()), "the filter let through " + notification.event());
                String targets = Xml.descendants(List.of(notification.event()), NOTIFICATIONS, "target").stream()
                    .map(Element::getTextContent).collect(Collectors.joining(" "));
                if (targets.contains(model.key("notif")) || targets.contains(model.container())) {
                    found = event;
                }
            }
            expect(found != null, "no netconf-config-change about the edit within 10 s (saw " + seen + ")");
            List<String> changedBy = Xml.descendants(List.of(XmlElement.of(found)), NOTIFICATIONS, "session-id")
                .stream().map(e -> e.getTextContent().strip()).toList();
            expect(changedBy.equals(List.of(Long.toString(editor.sessionId()))),
                "changed-by session-id " + changedBy + ", editor " + editor.sessionId());
            if (has(":interleave")) {
                expect(Xml.entry(await(ops(listener).getConfig(Datastore.RUNNING,
                    Filter.subtree(Xml.parse(model.keyFilter("notif"))))), model, "notif").isPresent(),
                    "an interleaved get-config misses the entry");
            }
            return "operation " + Xml.descendants(List.of(XmlElement.of(found)), NOTIFICATIONS, "operation")
                .stream().map(Element::getTextContent).toList() + " by session " + changedBy;
        } finally {
            remove("notif");
        }
    }

    private String interleave() throws Exception {
        NetconfSession listener = other();
        await(ops(listener).createSubscription(SubscriptionOptions.DEFAULT.withStream("NETCONF")));
        await(ops(listener).get(Filter.subtree(Xml.parse("<netconf-state xmlns=\"" + MONITORING
            + "\"><sessions/></netconf-state>"))));
        await(ops(listener).lock(Datastore.RUNNING));
        await(ops(listener).unlock(Datastore.RUNNING));
        RpcError error = rpcError(ops(listener).createSubscription(SubscriptionOptions.DEFAULT.withStream("NETCONF")),
            "a second create-subscription", Set.of("in-use", "operation-failed"));
        return "second subscription: " + describe(error);
    }

    private String nmdaRunning() throws Exception {
        try {
            await(ops(main).editData(NmdaDatastore.RUNNING, List.of(Xml.parse(model.wrap(model.entry("nmda", "n")))),
                Optional.empty()));
            expect(entryIn(Datastore.RUNNING, "nmda").isPresent(), "edit-data did not reach running");
            List<XmlElement> data = await(ops(main).getData(NmdaDatastore.RUNNING,
                Optional.of(Filter.subtree(Xml.parse(model.keyFilter("nmda"))))));
            Element entry = Xml.entry(data, model, "nmda").orElseThrow(() -> new AssertionError("get-data misses it"));
            expect("n".equals(text(entry)), "text leaf " + text(entry));
            await(ops(main).editData(NmdaDatastore.RUNNING, List.of(Xml.parse(model.wrap(model.keyOnly("nmda",
                "delete")))), Optional.empty()));
            expect(entryIn(Datastore.RUNNING, "nmda").isEmpty(), "edit-data delete left the entry");
            return "";
        } finally {
            remove("nmda");
        }
    }

    private String nmdaOperational() throws Exception {
        try {
            edit(main, model.entry("oper", "o"), EditOptions.DEFAULT);
            List<XmlElement> data = await(ops(main).getData(NmdaDatastore.OPERATIONAL,
                Optional.of(Filter.subtree(Xml.parse(model.keyFilter("oper"))))));
            expect(Xml.entry(data, model, "oper").isPresent(), "operational misses the applied entry: " + data);
            RpcError error = rpcError(ops(main).editData(NmdaDatastore.OPERATIONAL, List.of(Xml.parse(model.wrap(
                model.entry("oper2", "x")))), Optional.empty()), "edit-data on operational", Set.of("invalid-value"));
            return "edit-data operational: " + describe(error);
        } finally {
            remove("oper");
        }
    }

    // ---- helpers ----

    private boolean has(final String need) {
        if (need.startsWith(":")) {
            String uri = CAP + need.substring(1);
            return main.serverCapabilities().stream().map(URI::toString)
                .anyMatch(c -> c.equals(uri) || c.startsWith(uri + "?") || c.startsWith(uri + ":"));
        }
        return main.serverCapabilities().stream().map(URI::toString)
            .anyMatch(c -> c.contains("module=" + need + "&") || c.endsWith("module=" + need));
    }

    private NetconfSession other() throws Exception {
        NetconfSession session = await(client.connect(options));
        others.add(session);
        return session;
    }

    /** The typed operations on a session. */
    private static NetconfOperations ops(final NetconfSession session) {
        return new NetconfOperations(session);
    }

    private void closeOthers() {
        for (NetconfSession session : others) {
            session.close();
        }
        others.clear();
    }

    private Map<Datastore, String> snapshot() throws Exception {
        Map<Datastore, String> snapshot = new LinkedHashMap<>();
        snapshot.put(Datastore.RUNNING, Xml.canonical(await(ops(main).getConfig(Datastore.RUNNING))));
        if (has(":candidate")) {
            snapshot.put(Datastore.CANDIDATE, Xml.canonical(await(ops(main).getConfig(Datastore.CANDIDATE))));
        }
        if (has(":startup")) {
            snapshot.put(Datastore.STARTUP, saveStartup().map(Xml::canonical).orElse("(no startup)"));
        }
        return snapshot;
    }

    /** edit-config of entries on the edit target; on the candidate, commits after success, discards on error. */
    private void edit(final NetconfSession session, final String entries, final EditOptions edit) throws Exception {
        editConfig(session, Xml.parse(model.config(entries)), edit);
    }

    private void editConfig(final NetconfSession session, final XmlElement config, final EditOptions edit)
            throws Exception {
        try {
            await(ops(session).editConfig(target, config, edit));
        } catch (NetconfRpcException e) {
            if (target == Datastore.CANDIDATE) {
                await(ops(session).discardChanges());
            }
            throw e;
        }
        if (target == Datastore.CANDIDATE && !edit.testOption().equals(Optional.of(TestOption.TEST_ONLY))) {
            await(ops(session).commit());
        }
    }

    private RpcError editError(final String entries, final EditOptions edit, final String what,
            final String... tags) throws Exception {
        try {
            edit(main, entries, edit);
        } catch (NetconfRpcException e) {
            return matching(e, what, Set.of(tags));
        }
        throw new AssertionError(what + ": expected rpc-error " + Arrays.toString(tags) + ", got ok");
    }

    private RpcError rpcError(final CompletableFuture<?> future, final String what, final Set<String> tags)
            throws Exception {
        try {
            await(future);
        } catch (NetconfRpcException e) {
            return matching(e, what, tags);
        }
        throw new AssertionError(what + ": expected rpc-error " + tags + ", got ok");
    }

    private RpcError matching(final NetconfRpcException e, final String what, final Set<String> tags) {
        Set<String> accepted = new HashSet<>(tags);
        accepted.addAll(settings.otherTags().getOrDefault(what, Set.of()));
        return e.errors().stream().filter(error -> accepted.contains(error.tag().elementBody())).findFirst()
            .orElseThrow(() -> new AssertionError(what + ": expected error-tag " + accepted + ", got "
                + e.getMessage()));
    }

    private void remove(final String... names) throws Exception {
        if (has(":candidate")) {
            await(ops(main).discardChanges());
        }
        StringBuilder present = new StringBuilder();
        for (String name : names) {
            if (entryIn(Datastore.RUNNING, name).isPresent()) {
                present.append(model.keyOnly(name, "delete"));
            }
        }
        if (!present.isEmpty()) {
            edit(main, present.toString(), EditOptions.DEFAULT);
        }
    }

    private Optional<Element> entryIn(final Datastore ds, final String name) throws Exception {
        return Xml.entry(await(ops(main).getConfig(ds, Filter.subtree(Xml.parse(model.keyFilter(name))))), model, name);
    }

    private String textIn(final Datastore ds, final String name) throws Exception {
        return text(entryIn(ds, name).orElseThrow(() -> new AssertionError(name + " not in " + ds)));
    }

    private String text(final Element entry) {
        return Xml.leaf(entry, model.textLeaf(), model).orElse(null);
    }

    private static String describe(final RpcError error) {
        return error.type().elementBody() + "/" + error.tag().elementBody()
            + error.message().map(m -> " \"" + m.text() + "\"").orElse("");
    }

    private static void expect(final boolean condition, final String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }

    /**
     * Waits for a future; its failure is thrown as it is (such as {@link NetconfRpcException}).
     *
     * @param future the future
     * @return its value
     * @throws Exception the future's failure, or a timeout after 30 s
     */
    static <T> T await(final CompletableFuture<T> future) throws Exception {
        try {
            return future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static long elapsed(final long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
