package org.sdqkd.netconf.server.impl.agent;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.sdqkd.datastore.api.Checkpoint;
import org.sdqkd.datastore.api.DatastoreException;
import org.sdqkd.datastore.Datastores;
import org.sdqkd.datastore.api.DocumentException;
import org.sdqkd.datastore.api.DocumentFormat;
import org.sdqkd.datastore.api.InstanceDocumentCodec;
import org.sdqkd.datastore.api.SessionId;
import org.sdqkd.datastore.api.StorageException;
import org.sdqkd.netconf.protocol.api.ErrorInfo;
import org.sdqkd.netconf.protocol.api.RpcError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Confirmed commits (RFC 6241 section 8.4, {@code :confirmed-commit:1.1}). A confirmed commit takes a checkpoint of
 * running, commits, and rolls running back to the checkpoint unless a confirming commit comes before the timeout.
 * Without {@code persist}, only the session that started it can confirm, extend or cancel it, and it is rolled back
 * when that session ends; with {@code persist}, any session that gives the token as {@code persist-id} can, and it
 * outlives its session. The pending commit (checkpoint, owner, token, deadline) is kept sealed in the datastore
 * directory, so that after a restart a persistent one is still pending and any other is rolled back.
 */
final class ConfirmedCommits {
    /** The default confirm-timeout (RFC 6241 section 8.4.5.1): 600 seconds. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(600);

    private static final Logger LOG = LoggerFactory.getLogger(ConfirmedCommits.class);
    private static final String STATE = "confirmed-commit";

    /** What a commit asks for. */
    record Request(boolean confirmed, Optional<Duration> timeout, Optional<String> persist,
            Optional<String> persistId) {
    }

    /** The kind of event RFC 6470 {@code netconf-confirmed-commit} reports. */
    enum Event { START, EXTEND, COMPLETE, CANCEL, TIMEOUT }

    /** Told of every confirmed-commit event, for the netconf-confirmed-commit notification. */
    interface Listener {
        void onEvent(Event event, SessionId session, Optional<String> persistId, Optional<Duration> timeout);
    }

    private record Pending(Checkpoint checkpoint, SessionId owner, Optional<String> persist, Instant deadline) {
    }

    private final Datastores datastores;
    private final InstanceDocumentCodec codec;
    private final ScheduledExecutorService scheduler;
    private final Listener listener;
    private Pending pending;
    private ScheduledFuture<?> timer;

    ConfirmedCommits(final Datastores datastores, final InstanceDocumentCodec codec,
            final ScheduledExecutorService scheduler, final Listener listener) {
        this.datastores = requireNonNull(datastores);
        this.codec = requireNonNull(codec);
        this.scheduler = requireNonNull(scheduler);
        this.listener = requireNonNull(listener);
    }

    /**
     * Restores a pending confirmed commit kept from before a restart: a persistent one waits for the rest of its
     * timeout, any other is rolled back now, its session being gone.
     */
    synchronized void restore() throws StorageException {
        final Optional<byte[]> stored = datastores.loadSealed(STATE);
        if (stored.isEmpty()) {
            return;
        }
        final byte[] bytes = stored.orElseThrow();
        try {
            pending = decode(new String(bytes, UTF_8));
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
        if (pending.persist().isEmpty()) {
            LOG.info("rolling back the confirmed commit of {}: the agent restarted before it was confirmed",
                pending.owner());
            rollback(Event.CANCEL);
        } else {
            LOG.info("the persistent confirmed commit of {} is pending until {}", pending.owner(), pending.deadline());
            arm();
        }
    }

    /** Commits the candidate as RFC 6241 section 8.4 says for the request. */
    synchronized void commit(final SessionId session, final Request request) throws OperationException,
            DatastoreException {
        if (pending == null) {
            if (request.persistId().isPresent()) {
                throw OperationException.badElement(ErrorTag.INVALID_VALUE, "persist-id",
                    "no confirmed commit is pending with that persist-id");
            }
            if (!request.confirmed()) {
                datastores.commit(session);
                return;
            }
            final Checkpoint checkpoint = datastores.checkpoint();
            datastores.commit(session);
            pending = new Pending(checkpoint, session, request.persist(), deadline(request));
            store();
            arm();
            listener.onEvent(Event.START, session, request.persist(), request.timeout().or(() ->
                Optional.of(DEFAULT_TIMEOUT)));
            return;
        }
        authorize(session, request.persistId(), "commit");
        datastores.commit(session);
        if (request.confirmed()) {
            pending = new Pending(pending.checkpoint(), pending.owner(),
                request.persist().or(pending::persist), deadline(request));
            store();
            arm();
            listener.onEvent(Event.EXTEND, session, pending.persist(), request.timeout().or(() ->
                Optional.of(DEFAULT_TIMEOUT)));
        } else {
            final Optional<String> persist = pending.persist();
            clear();
            listener.onEvent(Event.COMPLETE, session, persist, Optional.empty());
        }
    }

    /** cancel-commit (RFC 6241 section 8.4.4.1): rolls back the pending confirmed commit. */
    synchronized void cancel(final SessionId session, final Optional<String> persistId) throws OperationException,
            DatastoreException {
        if (pending == null) {
            throw OperationException.of(ErrorType.PROTOCOL, ErrorTag.OPERATION_FAILED,
                "no confirmed commit is pending");
        }
        authorize(session, persistId, "cancel-commit");
        final Optional<String> persist = pending.persist();
        datastores.rollback(pending.checkpoint(), session);
        clear();
        listener.onEvent(Event.CANCEL, session, persist, Optional.empty());
    }

    /** A session ended: its non-persistent confirmed commit is rolled back. */
    synchronized void sessionEnded(final SessionId session) {
        if (pending != null && pending.persist().isEmpty() && pending.owner().id() == session.id()) {
            LOG.info("rolling back the confirmed commit of {}: the session ended", session);
            rollback(Event.CANCEL);
        }
    }

    /** Whether a confirmed commit is pending. */
    synchronized boolean isPending() {
        return pending != null;
    }

    private void authorize(final SessionId session, final Optional<String> persistId, final String operation)
            throws OperationException {
        if (pending.persist().isPresent()) {
            if (!pending.persist().equals(persistId)) {
                throw OperationException.badElement(ErrorTag.INVALID_VALUE, "persist-id",
                    "a persistent confirmed commit is pending: " + operation + " needs its persist-id");
            }
        } else if (persistId.isPresent()) {
            throw OperationException.badElement(ErrorTag.INVALID_VALUE, "persist-id",
                "the pending confirmed commit has no persist token");
        } else if (pending.owner().id() != session.id()) {
            throw new OperationException(RpcError.of(ErrorType.PROTOCOL, ErrorTag.IN_USE,
                    "a confirmed commit of session " + pending.owner().id() + " is pending; only that session can "
                        + operation + " now")
                .withInfo(ErrorInfo.sessionId(pending.owner().id())));
        }
    }

    private static Instant deadline(final Request request) {
        return Instant.now().plus(request.timeout().orElse(DEFAULT_TIMEOUT));
    }

    private void arm() {
        if (timer != null) {
            timer.cancel(false);
        }
        final Pending armed = pending;
        final long delay = Math.max(0, Duration.between(Instant.now(), armed.deadline()).toMillis());
        timer = scheduler.schedule(() -> timeout(armed), delay, TimeUnit.MILLISECONDS);
    }

    private synchronized void timeout(final Pending armed) {
        if (pending == armed) {
            LOG.info("the confirmed commit of {} timed out: rolling back", armed.owner());
            rollback(Event.TIMEOUT);
        }
    }

    private void rollback(final Event event) {
        final Pending rolled = pending;
        try {
            datastores.rollback(rolled.checkpoint(), rolled.owner());
        } catch (DatastoreException e) {
            // another session holds the running lock: try again shortly, the rollback must happen
            LOG.warn("cannot roll back the confirmed commit of {} yet: {}", rolled.owner(), e.getMessage());
            timer = scheduler.schedule(() -> timeout(rolled), 1, TimeUnit.SECONDS);
            return;
        }
        try {
            clear();
        } catch (StorageException e) {
            LOG.error("rolled back, but cannot forget the confirmed commit", e);
            pending = null;
        }
        listener.onEvent(event, rolled.owner(), rolled.persist(), Optional.empty());
    }

    private void clear() throws StorageException {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        pending = null;
        datastores.deleteSealed(STATE);
    }

    private void store() throws StorageException {
        final StringWriter text = new StringWriter();
        text.append("owner: ").append(Long.toString(pending.owner().id())).append('\n')
            .append("user: ").append(pending.owner().user()).append('\n')
            .append("sequence: ").append(Long.toString(pending.checkpoint().sequence())).append('\n')
            .append("deadline: ").append(pending.deadline().toString()).append('\n');
        pending.persist().ifPresent(p -> text.append("persist: ").append(p).append('\n'));
        text.append('\n');
        try {
            codec.write(pending.checkpoint().running(), DocumentFormat.XML, text);
        } catch (IOException e) {
            throw new StorageException("cannot write the checkpoint", e);
        }
        final byte[] bytes = text.toString().getBytes(UTF_8);
        try {
            datastores.storeSealed(STATE, bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private Pending decode(final String text) throws StorageException {
        final int body = text.indexOf("\n\n");
        if (body < 0) {
            throw new StorageException("the stored confirmed commit has no checkpoint", null);
        }
        long owner = 0;
        String user = "";
        long sequence = 0;
        Instant deadline = Instant.now();
        Optional<String> persist = Optional.empty();
        for (String line : text.substring(0, body).split("\n")) {
            final int colon = line.indexOf(": ");
            final String key = line.substring(0, colon);
            final String value = line.substring(colon + 2);
            switch (key) {
                case "owner" -> owner = Long.parseLong(value);
                case "user" -> user = value;
                case "sequence" -> sequence = Long.parseLong(value);
                case "deadline" -> deadline = Instant.parse(value);
                case "persist" -> persist = Optional.of(value);
                default -> LOG.warn("ignoring {} in the stored confirmed commit", key);
            }
        }
        final ContainerNode running;
        try {
            running = codec.read(new StringReader(text.substring(body + 2)), DocumentFormat.XML);
        } catch (DocumentException | IOException e) {
            throw new StorageException("the stored confirmed commit's checkpoint does not fit the models", e);
        }
        return new Pending(new Checkpoint(sequence, running), new SessionId(owner, user), persist, deadline);
    }
}
