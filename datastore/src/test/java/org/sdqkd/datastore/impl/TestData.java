package org.sdqkd.datastore.impl;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.sdqkd.datastore.api.DocumentException;
import org.sdqkd.datastore.api.DocumentFormat;
import org.sdqkd.datastore.api.InstanceDocumentCodec;
import org.sdqkd.datastore.YangModels;

/**
 * Documents of the project models for the datastore tests: an sdqkd-ssh-qkd configuration and an
 * ietf-pot-profile set, both with a number to vary, the latter with secret values.
 */
final class TestData {
    static final EffectiveModelContext CONTEXT = YangModels.projectModels();
    static final InstanceDocumentCodec CODEC = YangModels.documentCodec(CONTEXT);

    static final QNameModule SSH_QKD = module("sdqkd-ssh-qkd");
    static final QNameModule POT = module("ietf-pot-profile");
    static final YangInstanceIdentifier SSH_QKD_PATH = YangInstanceIdentifier.of(QName.create(SSH_QKD, "ssh-qkd"));
    static final YangInstanceIdentifier POT_PATH = YangInstanceIdentifier.of(QName.create(POT, "pot-profiles"));

    /** The secret values in {@link #potProfiles}: prime-number, validator-key (secret-share is the argument). */
    static final String PRIME = "4294967291";
    static final String VALIDATOR_KEY = "987654321987";

    private TestData() {
        // no instances
    }

    /** An ssh-qkd container whose rekey/max-bytes is {@code maxBytes} (at least 1024). */
    static String sshQkd(final long maxBytes) {
        return """
            <ssh-qkd xmlns="urn:sdqkd:yang:sdqkd-ssh-qkd">
              <policy>required</policy>
              <kme>
                <url>https://127.0.0.1:8441</url>
                <local-sae-id>sae-almagro-ssh</local-sae-id>
              </kme>
              <peer><sae-id>sae-norte-ssh</sae-id></peer>
              <rekey><max-bytes>%d</max-bytes></rekey>
            </ssh-qkd>
            """.formatted(maxBytes);
    }

    /** A pot-profiles container with two profiles; the first one's secret-share is {@code secretShare}. */
    static String potProfiles(final long secretShare) {
        return """
            <pot-profiles xmlns="urn:ietf:params:xml:ns:yang:ietf-pot-profile">
              <pot-profile-set>
                <pot-profile-name>sfc-chain-42</pot-profile-name>
                <pot-profile-list>
                  <pot-profile-index>1</pot-profile-index>
                  <prime-number>%s</prime-number>
                  <secret-share>%d</secret-share>
                  <public-polynomial>2345678</public-polynomial>
                  <lpc>3456789</lpc>
                  <validator>true</validator>
                  <validator-key>%s</validator-key>
                  <opot-masks>
                    <downstream-mask>111111</downstream-mask>
                    <upstream-mask>333333</upstream-mask>
                  </opot-masks>
                </pot-profile-list>
                <pot-profile-list>
                  <pot-profile-index>0</pot-profile-index>
                  <prime-number>4294967279</prime-number>
                  <secret-share>7654321</secret-share>
                  <public-polynomial>8765432</public-polynomial>
                  <lpc>9876543</lpc>
                </pot-profile-list>
              </pot-profile-set>
            </pot-profiles>
            """.formatted(PRIME, secretShare, VALIDATOR_KEY);
    }

    /** The content of both documents for a counter value, as the crash test commits it. */
    static ContainerNode counterRoot(final long counter) {
        return root(sshQkd(1024 + counter) + potProfiles(counter));
    }

    /** Reads a document of top-level nodes into a datastore root. */
    static ContainerNode root(final String xml) {
        try {
            return CODEC.read(new StringReader(xml), DocumentFormat.XML);
        } catch (DocumentException | IOException e) {
            throw new IllegalArgumentException("bad test document", e);
        }
    }

    /** The one top-level node of a document. */
    static DataContainerChild topLevel(final String xml) {
        return root(xml).body().iterator().next();
    }

    /** The child of a root named by a single-step path. */
    static DataContainerChild child(final ContainerNode root, final YangInstanceIdentifier path) {
        return root.childByArg((NodeIdentifier) path.getLastPathArgument());
    }

    /** Writes a datastore root as an XML document. */
    static byte[] serialize(final ContainerNode root) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(out, UTF_8)) {
            CODEC.write(root, DocumentFormat.XML, writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static QNameModule module(final String name) {
        return CONTEXT.findModules(name).iterator().next().getQNameModule();
    }
}
