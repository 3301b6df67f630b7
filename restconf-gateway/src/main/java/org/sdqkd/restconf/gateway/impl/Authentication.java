package org.sdqkd.restconf.gateway.impl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.sdqkd.restconf.gateway.RestconfGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates every request before the RESTCONF handler sees it (RFC 8040 section 2.5): by the client certificate
 * TLS verified, mapped to a user ({@link CertificateUsers}), or by HTTP Basic (RFC 7617) against the users' PBKDF2
 * hashes ({@link PasswordChecks}). The user name is put in the request attribute {@link #USER_ATTRIBUTE}. Without
 * credentials the answer is 401 with {@code WWW-Authenticate: Basic realm="restconf"} and an {@code access-denied}
 * errors body; failed logins get the same answer, held back by {@link LoginThrottle} on Jetty's scheduler (no thread
 * waits). The answer never says whether the name or the password was wrong.
 */
final class Authentication extends Handler.Wrapper {
    /** The request attribute holding the authenticated user name, a {@link String}. */
    static final String USER_ATTRIBUTE = RestconfGateway.USER_ATTRIBUTE;

    private static final Logger LOG = LoggerFactory.getLogger(Authentication.class);
    private static final String CHALLENGE = "Basic realm=\"restconf\", charset=\"UTF-8\"";
    private static final String DENIED = "authentication failed or missing";

    private final CertificateUsers certificates;
    private final PasswordChecks passwords;
    private final LoginThrottle throttle;
    private final ErrorWriter errors;
    private final boolean acceptsPasswords;

    /**
     * An authenticating wrapper.
     *
     * @param next      the RESTCONF handler
     * @param users     the users
     * @param passwords the password checks over the users' hashes
     * @param throttle  the failed-login delays
     * @param errors    the writer of errors bodies
     */
    Authentication(final Handler next, final Users users, final PasswordChecks passwords,
            final LoginThrottle throttle, final ErrorWriter errors) {
        super(next);
        this.certificates = new CertificateUsers(users.certificateUsers());
        this.passwords = passwords;
        this.throttle = throttle;
        this.errors = errors;
        this.acceptsPasswords = !users.passwords().isEmpty();
    }

    @Override
    public boolean handle(final Request request, final Response response, final Callback callback)
            throws Exception {
        final String source = Request.getRemoteAddr(request);
        final Optional<X509Certificate> certificate = peerCertificate(request);
        if (certificate.isPresent()) {
            final Optional<String> user = certificates.userOf(certificate.orElseThrow());
            if (user.isPresent()) {
                return proceed(request, response, callback, user.orElseThrow());
            }
            LOG.info("a client certificate from {} names no configured user", source);
        }
        final String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (authorization == null || !acceptsPasswords) {
            if (certificate.isPresent() || authorization != null) {
                refuseLater(request, response, callback, throttle.failed(source, null));
            } else {
                refuse(request, response, callback, 401);
            }
            return true;
        }
        final Optional<Credentials> credentials = Credentials.ofBasic(authorization);
        if (credentials.isEmpty()) {
            refuseLater(request, response, callback, throttle.failed(source, null));
            return true;
        }
        final String user = credentials.orElseThrow().user();
        if (throttle.isWaiting(source)) {
            credentials.orElseThrow().erase();
            refuseLater(request, response, callback, throttle.failed(source, user));
            return true;
        }
        passwords.check(user, credentials.orElseThrow().password()).whenComplete((matches, failure) -> {
            if (failure != null) {
                LOG.warn("password checks are saturated; a login from {} is refused as busy", source);
                response.getHeaders().put(HttpHeader.RETRY_AFTER, 1L);
                refuse(request, response, callback, 503);
            } else if (matches) {
                throttle.succeeded(source);
                request.getComponents().getThreadPool().execute(() -> proceed(request, response, callback, user));
            } else {
                LOG.info("HTTP Basic login from {} failed", source);
                refuseLater(request, response, callback, throttle.failed(source, user));
            }
        });
        return true;
    }

    private boolean proceed(final Request request, final Response response, final Callback callback,
            final String user) {
        request.setAttribute(USER_ATTRIBUTE, user);
        try {
            if (!super.handle(request, response, callback)) {
                Response.writeError(request, response, callback, 404);
            }
        } catch (Exception e) {
            LOG.warn("a request failed", e);
            Response.writeError(request, response, callback, 500);
        }
        return true;
    }

    private void refuseLater(final Request request, final Response response, final Callback callback,
            final Duration delay) {
        request.getComponents().getScheduler().schedule(() -> refuse(request, response, callback, 401),
            delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void refuse(final Request request, final Response response, final Callback callback, final int status) {
        Encoding encoding;
        try {
            encoding = Encoding.ofAccept(request.getHeaders().get(HttpHeader.ACCEPT));
        } catch (RestconfException e) {
            encoding = Encoding.JSON;
        }
        final ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try {
            errors.write(List.of(status == 401 ? RestconfError.of(ErrorTag.ACCESS_DENIED, DENIED)
                : RestconfError.of(ErrorTag.RESOURCE_DENIED, "the server is busy; try again")), encoding, out);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        response.setStatus(status);
        if (status == 401) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, CHALLENGE);
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, encoding.mediaType());
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, (long) out.size());
        response.write(true, "HEAD".equals(request.getMethod()) ? ByteBuffer.allocate(0)
            : ByteBuffer.wrap(out.toByteArray()), callback);
    }

    private static Optional<X509Certificate> peerCertificate(final Request request) {
        if (request.getAttribute(EndPoint.SslSessionData.ATTRIBUTE) instanceof EndPoint.SslSessionData ssl
                && ssl.peerCertificates() != null && ssl.peerCertificates().length > 0) {
            return Optional.of(ssl.peerCertificates()[0]);
        }
        return Optional.empty();
    }

    /** A user name and password from an {@code Authorization: Basic} header (RFC 7617 section 2). */
    private record Credentials(String user, char[] password) {
        static Optional<Credentials> ofBasic(final String header) {
            final String value = header.strip();
            if (value.length() < 6 || !value.regionMatches(true, 0, "Basic ", 0, 6)) {
                return Optional.empty();
            }
            final byte[] decoded;
            try {
                decoded = Base64.getDecoder().decode(value.substring(6).strip());
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            try {
                final CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(decoded));
                final char[] all = new char[chars.remaining()];
                chars.get(all);
                Arrays.fill(chars.array(), '\0');
                int colon = -1;
                for (int i = 0; i < all.length && colon < 0; i++) {
                    if (all[i] == ':') {
                        colon = i;
                    }
                }
                if (colon <= 0) {
                    Arrays.fill(all, '\0');
                    return Optional.empty();
                }
                final Credentials credentials = new Credentials(new String(all, 0, colon),
                    Arrays.copyOfRange(all, colon + 1, all.length));
                Arrays.fill(all, '\0');
                return Optional.of(credentials);
            } catch (CharacterCodingException e) {
                return Optional.empty();
            } finally {
                Arrays.fill(decoded, (byte) 0);
            }
        }

        void erase() {
            Arrays.fill(password, '\0');
        }

        @Override
        public String toString() {
            return "Credentials[" + user + "]";
        }
    }
}
