package org.sdqkd.qkd.node.api;

import java.util.List;
import java.util.UUID;
import org.sdqkd.etsi014.api.Status;

/**
 * What the ETSI GS QKD 014 KME asks of the node's key plane. The caller's SAE ID is the one its client certificate
 * proves; every method checks that the applications configured on the node allow the pair of SAEs. A key is given
 * to its master SAE once (by {@link #encKeys}) and to each slave SAE named for it once (by {@link #decKeys}).
 */
public interface KeyDelivery {
    /**
     * The status of the key supply between a master SAE at this node and a slave SAE (ETSI GS QKD 014 section
     * 5.1, 6.1).
     *
     * @param masterSae the calling SAE
     * @param slaveSae  the slave SAE named in the request
     * @return the status
     * @throws KeyDeliveryException when the pair is not allowed (unauthorized) or the slave is unknown
     */
    Status status(String masterSae, String slaveSae) throws KeyDeliveryException;

    /**
     * New keys for a master SAE to share with one or more slave SAEs (ETSI GS QKD 014 section 5.2). The keys are
     * reserved at the slaves' KME before they are returned, so only the slaves named can get them there.
     *
     * @param masterSae the calling SAE
     * @param slaveSaes the slave SAE of the URL first, then the additional_slave_SAE_IDs
     * @param number    how many keys, at least one
     * @param sizeBits  the size of each key in bits, a multiple of 8
     * @return the keys, each with a new key_ID; the caller erases them once sent
     * @throws KeyDeliveryException bad request (size, number, slaves), unauthorized, or unavailable (not enough
     *                              keys, the peer KME unreachable)
     */
    List<DeliveredKey> encKeys(String masterSae, List<String> slaveSaes, int number, int sizeBits)
        throws KeyDeliveryException;

    /**
     * The keys with the given IDs, for a slave SAE (ETSI GS QKD 014 section 5.3). All or nothing: when one ID is
     * refused, no key is given and none is used up.
     *
     * @param slaveSae  the calling SAE
     * @param masterSae the master SAE of the URL
     * @param keyIds    the key_IDs, at least one
     * @return the keys, in the order of the IDs; the caller erases them once sent
     * @throws KeyDeliveryException bad request (an unknown or already delivered key_ID), or unauthorized (a key
     *                              made for another SAE or another master)
     */
    List<DeliveredKey> decKeys(String slaveSae, String masterSae, List<UUID> keyIds) throws KeyDeliveryException;
}
