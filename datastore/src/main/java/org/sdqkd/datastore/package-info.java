/**
 * The entry points of the datastore module: {@link org.sdqkd.datastore.Datastores} opens the running, candidate,
 * startup and operational datastores, {@link org.sdqkd.datastore.YangModels} loads the YANG schema context and its
 * codecs. The only package that wires the implementation; the contracts are in {@code org.sdqkd.datastore.api}.
 */
package org.sdqkd.datastore;
