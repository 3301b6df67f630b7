package org.sdqkd.qkd.node.impl.agent;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;

/**
 * Builds the notifications of ETSI GS QKD 015 ({@code etsi-qkd-sdn-node}), element by element as the model
 * defines them.
 */
final class EtsiNotifications {
    /** The {@code app_qos} leaves, in the model's order. */
    private static final List<String> QOS = List.of("max_bandwidth", "min_bandwidth", "jitter", "ttl",
        "clients_shared_path_enable", "clients_shared_keys_required");

    private EtsiNotifications() {
        // static only
    }

    /**
     * A link's performance as notifications carry it.
     *
     * @param expectedConsumption the applications' recent consumption, bits per second
     * @param skr                 the secret key rate, bits per second
     * @param eskr                the effective secret key rate, bits per second
     * @param qber                the QBER, on PHYS links
     */
    record Performance(long expectedConsumption, long skr, long eskr, OptionalDouble qber) {
        /** Writes the leaves into a {@code performance}/{@code qkdl_performance} element. */
        void writeTo(final Xml performance, final boolean withPhysPerf) {
            performance.leaf("expected_consumption", uint32(expectedConsumption)).leaf("skr", uint32(skr))
                .leaf("eskr", uint32(eskr));
            if (withPhysPerf && qber.isPresent()) {
                performance.child("phys_perf").identity("perf_type", "QBER")
                    .leaf("value", String.format(Locale.ROOT, "%.3f", qber.getAsDouble()));
            }
        }
    }

    /** A value clamped into uint32. */
    static long uint32(final long value) {
        return Math.max(0, Math.min(value, 0xFFFF_FFFFL));
    }

    /** {@code sdqkdn_application_new} for an application configured. */
    static Xml applicationNew(final NodeConfig.App app, final UUID localNode) {
        final Xml root = Xml.etsi("sdqkdn_application_new");
        final Xml application = root.child("qkd_application");
        app.type().ifPresent(t -> application.identity("app_type", t));
        application.leaf("server_app_id", app.serverAppId());
        app.clientAppIds().forEach(c -> application.leaf("client_app_id", c));
        app.priority().ifPresent(p -> application.leaf("app_priority", p));
        application.leaf("local_qkdn_id", app.localNode().orElse(localNode));
        qos(application, app);
        return root;
    }

    /** {@code sdqkdn_application_qos_update} for an application whose QoS or priority changed. */
    static Xml applicationQosUpdate(final NodeConfig.App app) {
        final Xml root = Xml.etsi("sdqkdn_application_qos_update");
        final Xml application = root.child("qkd_application").leaf("app_id", app.id());
        qos(application, app);
        app.priority().ifPresent(p -> application.leaf("app_priority", p));
        return root;
    }

    private static void qos(final Xml application, final NodeConfig.App app) {
        final Xml qos = application.child("app_qos");
        for (String leaf : QOS) {
            qos.leaf(leaf, Optional.ofNullable(app.qos().get(leaf)));
        }
    }

    /** {@code sdqkdn_application_disconnected} for an application removed or expired. */
    static Xml applicationDisconnected(final UUID app) {
        final Xml root = Xml.etsi("sdqkdn_application_disconnected");
        root.child("qkd_application").leaf("app_id", app);
        return root;
    }

    /** {@code sdqkdn_interface_new} for an interface configured. */
    static Xml interfaceNew(final NodeConfig.Interface iface) {
        final Xml root = Xml.etsi("sdqkdn_interface_new");
        final Xml out = root.child("qkd_interface").leaf("qkdi_id", iface.id());
        final var leaves = iface.leaves();
        out.leaf("qkdi_model", Optional.ofNullable(leaves.get("qkdi_model")));
        Optional.ofNullable(leaves.get("qkdi_type")).ifPresent(t -> out.identity("qkdi_type", t));
        final Xml attachment = out.child("qkdi_att_point");
        attachment.leaf("device", Optional.ofNullable(leaves.get("qkdi_att_point/device")))
            .leaf("port", Optional.ofNullable(leaves.get("qkdi_att_point/port")));
        final Xml capabilities = out.child("qkdi_capabilities");
        Optional.ofNullable(leaves.get("qkdi_capabilities/role_support"))
            .ifPresent(r -> capabilities.identity("role_support", r));
        capabilities.leaf("wavelength_range", Optional.ofNullable(leaves.get("qkdi_capabilities/wavelength_range")))
            .leaf("max_absorption", Optional.ofNullable(leaves.get("qkdi_capabilities/max_absorption")));
        return root;
    }

    /** {@code sdqkdn_interface_down} for an interface that failed. */
    static Xml interfaceDown(final long iface, final String reason) {
        final Xml root = Xml.etsi("sdqkdn_interface_down");
        root.child("qkd_interface").leaf("qkdi_id", iface).leaf("reason", reason);
        return root;
    }

    /** {@code sdqkdn_interface_out} for an interface removed. */
    static Xml interfaceOut(final long iface) {
        final Xml root = Xml.etsi("sdqkdn_interface_out");
        root.child("qkd_interface").leaf("qkdi_id", iface);
        return root;
    }

    /** {@code sdqkdn_link_down} for a link that stopped being connected. */
    static Xml linkDown(final UUID link, final String reason) {
        final Xml root = Xml.etsi("sdqkdn_link_down");
        root.child("qkd_link").leaf("qkdl_id", link).leaf("reason", reason);
        return root;
    }

    /** {@code sdqkdn_link_perf_update}. */
    static Xml linkPerfUpdate(final UUID link, final Performance performance) {
        final Xml root = Xml.etsi("sdqkdn_link_perf_update");
        performance.writeTo(root.child("qkd_link").leaf("qkdl_id", link).child("performance"), true);
        return root;
    }

    /** {@code sdqkdn_link_overloaded}. */
    static Xml linkOverloaded(final UUID link, final Performance performance) {
        final Xml root = Xml.etsi("sdqkdn_link_overloaded");
        performance.writeTo(root.child("qkd_link").leaf("qkdl_id", link).child("performance"), false);
        return root;
    }

    /** An {@code alarm} (severity MAJOR) about a link. */
    static Xml linkAlarm(final UUID link, final LinkStatus status, final String message) {
        return linkReport("alarm", link, status, message, "MAJOR");
    }

    /** An {@code event} (severity MINOR) about a link. */
    static Xml linkEvent(final UUID link, final LinkStatus status, final String message) {
        return linkReport("event", link, status, message, "MINOR");
    }

    private static Xml linkReport(final String kind, final UUID link, final LinkStatus status, final String message,
            final String severity) {
        final Xml root = Xml.etsi(kind);
        root.child("link").leaf("qkdl_id", link).identity("qkdl_status", status.name()).leaf("message", message)
            .identity("severity", severity);
        return root;
    }

    /** An {@code alarm} (MAJOR) or {@code event} (MINOR) about an interface. */
    static Xml interfaceReport(final boolean alarm, final long iface, final String status, final String message) {
        final Xml root = Xml.etsi(alarm ? "alarm" : "event");
        root.child("interface").leaf("qkdi_id", iface).identity("qkdi_status", status).leaf("message", message)
            .identity("severity", alarm ? "MAJOR" : "MINOR");
        return root;
    }
}
