/**
 * The controller's configuration: its YAML file read with SnakeYAML into records (datastore, RESTCONF, local KME,
 * SSH login and known hosts, the initial network), with errors that name the file and the key.
 */
package org.sdqkd.controller.impl.config;
