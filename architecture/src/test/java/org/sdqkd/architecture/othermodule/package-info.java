/** A fixture module whose code reaches into another module's impl package, for the impl rule's test. */
package org.sdqkd.architecture.othermodule;
