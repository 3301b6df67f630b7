package org.sdqkd.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.sdqkd.generated.BindingCodecFixture.encodeDecode;
import static org.sdqkd.generated.BindingCodecFixture.entry;
import static org.sdqkd.generated.BindingCodecFixture.exists;
import static org.sdqkd.generated.BindingCodecFixture.find;
import static org.sdqkd.generated.BindingCodecFixture.leaf;
import static org.sdqkd.generated.BindingCodecFixture.leafList;
import static org.sdqkd.generated.BindingCodecFixture.nid;
import static org.sdqkd.generated.BindingCodecFixture.roundTrip;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.ssh.qkd.rev261122.KexMethod;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.ssh.qkd.rev261122.Mlkem768X25519Qkd;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.ssh.qkd.rev261122.Policy;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.ssh.qkd.rev261122.SshQkd;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.ssh.qkd.rev261122.SshQkdBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.ssh.qkd.rev261122.X25519Qkd;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.ssh.qkd.rev261122.ssh.qkd.KmeBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.ssh.qkd.rev261122.ssh.qkd.Peer;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.ssh.qkd.rev261122.ssh.qkd.PeerBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.ssh.qkd.rev261122.ssh.qkd.PeerKey;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.ssh.qkd.rev261122.ssh.qkd.RekeyBuilder;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.HttpsUrl;
import org.opendaylight.yang.gen.v1.urn.sdqkd.yang.sdqkd.types.rev261122.SaeId;
import org.opendaylight.yangtools.binding.DataObjectIdentifier;
import org.opendaylight.yangtools.binding.util.BindingMap;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.common.Uint64;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.UserLeafSetNode;

/**
 * sdqkd-ssh-qkd: the hybrid SSH key exchange settings survive binding -> NormalizedNode -> binding, with the
 * user order of the offered methods.
 */
class SshQkdRoundTripTest {
    private static final DataObjectIdentifier<SshQkd> SSH_QKD = DataObjectIdentifier.builder(SshQkd.class).build();
    /** 2^40 bytes. */
    private static final Uint64 ONE_TERABYTE = Uint64.valueOf(1L << 40);

    private static final QName NS = SshQkd.QNAME;

    @BeforeAll
    static void createCodec() {
        BindingCodecFixture.codec();
    }

    private static SshQkd richSettings(final List<KexMethod> methods) {
        return new SshQkdBuilder()
            .setPolicy(Policy.Required)
            .setFallbackOnKmeFailure(false)
            .setMethod(methods)
            .setKme(new KmeBuilder()
                .setUrl(new HttpsUrl("https://kme.madrid.example:8443"))
                .setLocalSaeId(new SaeId("sae-madrid-netconf"))
                .setTimeout(Uint32.valueOf(1_500))
                .build())
            .setPeer(BindingMap.of(
                new PeerBuilder().setSaeId(new SaeId("sae-controller")).setDescription("SD-QKD controller").build(),
                new PeerBuilder().setSaeId(new SaeId("sae-backup-controller")).build()))
            .setRekey(new RekeyBuilder().setMaxBytes(ONE_TERABYTE).setMaxTime(Uint32.valueOf(600)).build())
            .build();
    }

    @Test
    void sshQkdSettingsRoundTrip() {
        final var built = richSettings(List.of(Mlkem768X25519Qkd.VALUE, X25519Qkd.VALUE));
        final var rt = roundTrip(SSH_QKD, built);

        assertEquals(YangInstanceIdentifier.of(SshQkd.QNAME), rt.path());
        assertEquals("urn:sdqkd:yang:sdqkd-ssh-qkd", NS.getNamespace().toString());
        assertEquals("required", leaf(rt.node(), nid(NS, "policy")));
        assertEquals(Boolean.FALSE, leaf(rt.node(), nid(NS, "fallback-on-kme-failure")));
        assertEquals("https://kme.madrid.example:8443", leaf(rt.node(), nid(NS, "kme"), nid(NS, "url")));
        assertEquals(Uint32.valueOf(1_500), leaf(rt.node(), nid(NS, "kme"), nid(NS, "timeout")));
        assertEquals(ONE_TERABYTE, leaf(rt.node(), nid(NS, "rekey"), nid(NS, "max-bytes")));
        assertEquals("SD-QKD controller", leaf(rt.node(), nid(Peer.QNAME),
            entry(Peer.QNAME, "sae-id", "sae-controller"), nid(NS, "description")));
        assertFalse(exists(rt.node(), nid(Peer.QNAME), entry(Peer.QNAME, "sae-id", "sae-backup-controller"),
            nid(NS, "description")));

        final var decoded = rt.decoded();
        assertSame(Policy.Required, decoded.getPolicy());
        assertEquals(new HttpsUrl("https://kme.madrid.example:8443"), decoded.getKme().getUrl());
        assertEquals(new SaeId("sae-madrid-netconf"), decoded.getKme().getLocalSaeId());
        assertInstanceOf(Uint64.class, decoded.getRekey().getMaxBytes());
        assertEquals(ONE_TERABYTE, decoded.getRekey().getMaxBytes());
        assertEquals("SD-QKD controller",
            decoded.nonnullPeer().get(new PeerKey(new SaeId("sae-controller"))).getDescription());
        assertEquals(built, decoded);
        assertEquals(decoded, built);
    }

    @Test
    void orderedByUserMethodLeafListKeepsPreferenceOrder() {
        final var qnames = Map.<KexMethod, QName>of(
            Mlkem768X25519Qkd.VALUE, Mlkem768X25519Qkd.QNAME,
            X25519Qkd.VALUE, X25519Qkd.QNAME);
        for (var order : List.of(
                List.<KexMethod>of(Mlkem768X25519Qkd.VALUE, X25519Qkd.VALUE),
                List.<KexMethod>of(X25519Qkd.VALUE, Mlkem768X25519Qkd.VALUE))) {
            final var rt = roundTrip(SSH_QKD, richSettings(order));

            assertInstanceOf(UserLeafSetNode.class, find(rt.node(), nid(NS, "method")));
            // identityref leaf-list entries are the identities' QNames, in the order given
            assertEquals(order.stream().map(qnames::get).toList(), leafList(rt.node(), nid(NS, "method")));
            // and come back as the identity classes' singletons, in the same order
            final var decoded = rt.decoded().getMethod();
            assertEquals(order, decoded);
            for (int i = 0; i < order.size(); i++) {
                assertSame(order.get(i), decoded.get(i));
            }
        }
    }

    @Test
    void emptyPresenceContainerRoundTripsAndReportsDefaults() {
        final var empty = new SshQkdBuilder().build();
        final var rt = encodeDecode(SSH_QKD, empty);

        // presence container: it exists even without children
        final var container = assertInstanceOf(ContainerNode.class, rt.node());
        assertEquals(0, container.size());
        final var decoded = rt.decoded();
        assertNotNull(decoded);
        // ...and reads back the YANG defaults
        assertSame(Policy.Preferred, decoded.getPolicy());
        assertEquals(Boolean.FALSE, decoded.getFallbackOnKmeFailure());
        assertNull(decoded.getMethod());
        assertNull(decoded.getKme());
        assertNull(decoded.getRekey());
        assertNull(empty.getPolicy());
        assertNotEquals(empty, decoded);
    }

    @Test
    void decodedSettingsReportNestedDefaultsForAbsentLeaves() {
        final var partial = new SshQkdBuilder()
            .setPolicy(Policy.Off)
            .setKme(new KmeBuilder().build())
            .setRekey(new RekeyBuilder().build())
            .build();
        final var rt = encodeDecode(SSH_QKD, partial);
        assertFalse(exists(rt.node(), nid(NS, "kme"), nid(NS, "timeout")));

        final var decoded = rt.decoded();
        assertSame(Policy.Off, decoded.getPolicy());
        assertEquals(Uint32.valueOf(3_000), decoded.getKme().getTimeout());
        assertNull(decoded.getKme().getUrl());
        assertEquals(Uint64.valueOf(1_073_741_824L), decoded.getRekey().getMaxBytes());
        assertEquals(Uint32.valueOf(3_600), decoded.getRekey().getMaxTime());
    }
}
