package org.sdqkd.ssh.qkd.testing;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.sdqkd.etsi014.api.QkdKey;
import org.sdqkd.ssh.qkd.api.QkdKeyException;
import org.sdqkd.ssh.qkd.api.QkdKeySource;

/**
 * A key source that passes every call on and records the key_IDs {@code newKey} handed out. Tests extend it to change
 * what a call returns. (The handshake benchmark times the calls with a meter of its own.)
 */
public class RecordingKeySource implements QkdKeySource {
    private final QkdKeySource delegate;
    private final List<UUID> newKeyIds = new CopyOnWriteArrayList<>();

    /**
     * Wraps a key source.
     *
     * @param delegate the key source
     */
    public RecordingKeySource(final QkdKeySource delegate) {
        this.delegate = requireNonNull(delegate);
    }

    @Override
    public String localSaeId() {
        return delegate.localSaeId();
    }

    @Override
    public QkdKey newKey(final String peerSaeId) throws QkdKeyException {
        final QkdKey key = delegate.newKey(peerSaeId);
        newKeyIds.add(key.id());
        return key;
    }

    @Override
    public QkdKey keyById(final String peerSaeId, final UUID keyId) throws QkdKeyException {
        return delegate.keyById(peerSaeId, keyId);
    }

    /** The key_IDs {@code newKey} handed out, in order. */
    public List<UUID> newKeyIds() {
        return List.copyOf(newKeyIds);
    }
}
