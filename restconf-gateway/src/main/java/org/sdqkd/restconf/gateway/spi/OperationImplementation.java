package org.sdqkd.restconf.gateway.spi;

import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;

/**
 * The implementation of one RPC or action of the served models (RFC 7950 sections 7.14 and 7.15), registered with
 * {@link org.sdqkd.restconf.gateway.RestconfGateway#register}. The gateway reads and checks the input with the
 * yangtools codecs before calling it, and writes the output with them. It may be called from several threads at once.
 */
@FunctionalInterface
public interface OperationImplementation {
    /**
     * Carries out the operation.
     *
     * @param target for an action, the data node it is invoked on (a list entry for an action in a list); for an
     *               RPC, {@link YangInstanceIdentifier#of()}
     * @param input  the {@code input} container, named by the operation's input QName; empty when the request had no
     *               input
     * @return the {@code output} container, named by the operation's output QName; one without children answers
     *         204 No Content
     * @throws OperationException when the operation fails; the client gets its error as an RFC 8040 error
     */
    ContainerNode invoke(YangInstanceIdentifier target, ContainerNode input) throws OperationException;
}
