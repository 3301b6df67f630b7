package org.sdqkd.etsi014;

import java.util.Map;
import org.sdqkd.etsi014.impl.RequestReader;
import org.sdqkd.etsi014.api.Etsi014FormatException;
import org.sdqkd.etsi014.api.Etsi014Limits;
import org.sdqkd.etsi014.api.KeyIds;
import org.sdqkd.etsi014.api.KeyRequest;

/**
 * The query parameters of the GET forms of {@code enc_keys} ({@code number}, {@code size}) and {@code dec_keys}
 * ({@code key_ID}), ETSI GS QKD 014 V1.1.1 sections 5.2 and 5.3.
 */
public final class Etsi014Query {
    private Etsi014Query() {
    }

    /**
     * The parameters of a query string, decoded.
     *
     * @param rawQuery the query, without {@code ?}; may be null
     * @return the parameters by name
     * @throws Etsi014FormatException when a parameter is given twice or badly encoded
     */
    public static Map<String, String> parameters(final String rawQuery) throws Etsi014FormatException {
        return RequestReader.parameters(rawQuery);
    }

    /**
     * The Key request of a GET {@code enc_keys}.
     *
     * @param parameters the query parameters
     * @param limits     the KME's limits
     * @return the request
     * @throws Etsi014FormatException when a parameter is not an integer or out of range
     */
    public static KeyRequest keyRequest(final Map<String, String> parameters, final Etsi014Limits limits)
            throws Etsi014FormatException {
        return RequestReader.keyRequest(parameters, limits);
    }

    /**
     * The Key IDs of a GET {@code dec_keys}: its one {@code key_ID}.
     *
     * @param parameters the query parameters
     * @return the Key IDs
     * @throws Etsi014FormatException when key_ID is missing or not a UUID
     */
    public static KeyIds keyIds(final Map<String, String> parameters) throws Etsi014FormatException {
        return RequestReader.keyIds(parameters);
    }
}
