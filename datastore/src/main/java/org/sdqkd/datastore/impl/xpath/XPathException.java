package org.sdqkd.datastore.impl.xpath;

/** An expression that cannot be evaluated over the data: an unsupported construct or a type error. */
public final class XPathException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public XPathException(final String message) {
        super(message);
    }
}
