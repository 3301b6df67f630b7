package org.sdqkd.netconf.server.impl.agent;

import org.sdqkd.datastore.api.DatastoreException;
import org.sdqkd.netconf.protocol.api.ReplyContent;
import org.sdqkd.netconf.protocol.api.XmlElement;

/** One operation of the agent: what it replies to a request on a session. */
@FunctionalInterface
interface RpcHandler {
    /**
     * Runs the operation.
     *
     * @param operation the operation element of the rpc, with its parameters
     * @param session   the session that asked
     * @return the reply's content
     * @throws OperationException when the request is refused: its rpc-errors are the reply
     * @throws DatastoreException when the datastore refuses: its errors become the reply's rpc-errors
     */
    ReplyContent handle(XmlElement operation, AgentSession session) throws OperationException, DatastoreException;
}
