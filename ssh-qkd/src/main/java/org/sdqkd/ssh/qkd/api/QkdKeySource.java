package org.sdqkd.ssh.qkd.api;

import java.util.UUID;
import org.sdqkd.etsi014.api.QkdKey;

/**
 * Where an SSH endpoint takes QKD keys from: its own KME, as the SAE {@link #localSaeId()}. The SSH client is the
 * master of each key ({@link #newKey}), the server the slave ({@link #keyById}). Implementations are thread-safe and
 * bound every call by their own timeout.
 */
public interface QkdKeySource {

    /** The SAE identity this endpoint has towards its KME. */
    String localSaeId();

    /**
     * Takes a new key shared with the peer SAE (ETSI 014 {@code enc_keys}, this SAE as master).
     *
     * @param peerSaeId the SAE of the remote endpoint, the key's slave
     * @return a key its slave can take once by its key_ID
     * @throws QkdKeyException when no key can be had
     */
    QkdKey newKey(String peerSaeId) throws QkdKeyException;

    /**
     * Takes the key with the given key_ID that the peer SAE took as master (ETSI 014 {@code dec_keys}).
     *
     * @param peerSaeId the SAE of the remote endpoint, the key's master
     * @param keyId     the key_ID the peer sent
     * @return the key
     * @throws QkdKeyException when the key cannot be had: unknown, already taken, another SAE's, or no answer
     */
    QkdKey keyById(String peerSaeId, UUID keyId) throws QkdKeyException;
}
