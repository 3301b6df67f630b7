package org.sdqkd.etsi014;

import org.sdqkd.etsi014.impl.KeyContainerCodec;
import org.sdqkd.etsi014.impl.RequestReader;
import org.sdqkd.etsi014.impl.SmallFormats;
import org.sdqkd.etsi014.api.Etsi014Error;
import org.sdqkd.etsi014.api.Etsi014FormatException;
import org.sdqkd.etsi014.api.Etsi014Limits;
import org.sdqkd.etsi014.api.KeyContainer;
import org.sdqkd.etsi014.api.KeyIds;
import org.sdqkd.etsi014.api.KeyRequest;
import org.sdqkd.etsi014.api.Status;

/**
 * The JSON of the ETSI GS QKD 014 V1.1.1 data formats (section 6), with the member names the standard spells. Readers
 * are strict: the body must be one JSON object, members have their types and ranges, no member is given twice;
 * members the standard does not name are ignored. Writers leave out absent optional members and empty extensions.
 * A Key container is written into one array that the caller erases once sent, and read without a string copy of a
 * key.
 */
public final class Etsi014Json {
    private Etsi014Json() {
    }

    /**
     * Writes a Status.
     *
     * @param status the Status
     * @return the JSON bytes
     */
    public static byte[] write(final Status status) {
        return SmallFormats.write(status);
    }

    /**
     * Reads a Status.
     *
     * @param body the JSON bytes
     * @return the Status
     * @throws Etsi014FormatException when it is not one
     */
    public static Status readStatus(final byte[] body) throws Etsi014FormatException {
        return SmallFormats.readStatus(body);
    }

    /**
     * Writes a Key request.
     *
     * @param request the request
     * @return the JSON bytes
     */
    public static byte[] write(final KeyRequest request) {
        return SmallFormats.write(request);
    }

    /**
     * Reads a Key request, refusing more keys or slaves than the limits allow.
     *
     * @param body   the JSON bytes, at most {@value Etsi014Limits#MAX_REQUEST_BODY}
     * @param limits the KME's limits
     * @return the request
     * @throws Etsi014FormatException when it is not one, or exceeds a limit
     */
    public static KeyRequest readKeyRequest(final byte[] body, final Etsi014Limits limits)
            throws Etsi014FormatException {
        return RequestReader.keyRequest(body, limits);
    }

    /**
     * Writes Key IDs.
     *
     * @param ids the Key IDs
     * @return the JSON bytes
     */
    public static byte[] write(final KeyIds ids) {
        return SmallFormats.write(ids);
    }

    /**
     * Reads Key IDs, refusing more than the limits allow.
     *
     * @param body   the JSON bytes, at most {@value Etsi014Limits#MAX_REQUEST_BODY}
     * @param limits the KME's limits
     * @return the Key IDs
     * @throws Etsi014FormatException when it is not one, or exceeds a limit
     */
    public static KeyIds readKeyIds(final byte[] body, final Etsi014Limits limits) throws Etsi014FormatException {
        return RequestReader.keyIds(body, limits);
    }

    /**
     * Writes a Key container into one array, which the caller erases once sent. The keys are left as they are.
     *
     * @param container the container
     * @return the JSON bytes, holding the keys
     */
    public static byte[] write(final KeyContainer container) {
        return KeyContainerCodec.write(container);
    }

    /**
     * Reads a Key container. The caller erases the body and, once used, the keys.
     *
     * @param body the JSON bytes
     * @return the container
     * @throws Etsi014FormatException when it is not one
     */
    public static KeyContainer readKeyContainer(final byte[] body) throws Etsi014FormatException {
        return KeyContainerCodec.read(body);
    }

    /**
     * Writes an Error.
     *
     * @param error the Error
     * @return the JSON bytes
     */
    public static byte[] write(final Etsi014Error error) {
        return SmallFormats.write(error);
    }

    /**
     * Reads an Error.
     *
     * @param body the JSON bytes
     * @return the Error
     * @throws Etsi014FormatException when it is not one
     */
    public static Etsi014Error readError(final byte[] body) throws Etsi014FormatException {
        return SmallFormats.readError(body);
    }
}
