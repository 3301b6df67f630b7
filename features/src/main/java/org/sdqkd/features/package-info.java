/**
 * The {@code sdqkd} command line (picocli), started by the launcher script at the repository root.
 */
package org.sdqkd.features;
