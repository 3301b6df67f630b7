/** The module boundaries the build enforces on main classes, and the tests that show each rule catches a breach. */
package org.sdqkd.architecture;
