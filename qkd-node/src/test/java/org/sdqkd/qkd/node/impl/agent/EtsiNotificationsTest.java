package org.sdqkd.qkd.node.impl.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.sdqkd.qkd.node.impl.agent.AgentHarness.validateNotification;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.sdqkd.datastore.api.YangModels;

class EtsiNotificationsTest {
    private static final EffectiveModelContext MODELS = YangModels.projectModels();
    private static final UUID LINK = UUID.fromString("d67b82c3-a30d-4bf7-af6a-364fbf7ae968");
    private static final NodeConfig.App APP = new NodeConfig.App(UUID.randomUUID(), Optional.of("CLIENT"),
        Optional.of("urn:sdqkd:sae:sae-a"), List.of("urn:sdqkd:sae:sae-b", "sae-c"), OptionalLong.of(4),
        Optional.empty(), Map.of("max_bandwidth", "1024", "clients_shared_path_enable", "true"), List.of(LINK),
        Optional.empty(), Optional.empty());
    private static final EtsiNotifications.Performance PERF = new EtsiNotifications.Performance(2048, 70_000,
        70_000, OptionalDouble.of(0.0183));

    @Test
    void everyNotificationFitsTheModel() {
        final NodeConfig.Interface iface = new NodeConfig.Interface(3, Map.of("qkdi_model", "emulated",
            "qkdi_type", "DV-QKD", "qkdi_att_point/device", "ttyQKD", "qkdi_att_point/port", "2",
            "qkdi_capabilities/role_support", "TRANSCEIVER", "qkdi_capabilities/max_absorption", "3.5"));
        final List<Xml> all = List.of(EtsiNotifications.applicationNew(APP, UUID.randomUUID()),
            EtsiNotifications.applicationQosUpdate(APP), EtsiNotifications.applicationDisconnected(APP.id()),
            EtsiNotifications.interfaceNew(iface), EtsiNotifications.interfaceDown(3, "every link is down"),
            EtsiNotifications.interfaceOut(3), EtsiNotifications.linkDown(LINK, "fault injected"),
            EtsiNotifications.linkPerfUpdate(LINK, PERF), EtsiNotifications.linkOverloaded(LINK, PERF),
            EtsiNotifications.linkAlarm(LINK, LinkStatus.PASSIVE, "QBER 0.0800 above the threshold 0.0500"),
            EtsiNotifications.linkEvent(LINK, LinkStatus.ACTIVE, "link active"),
            EtsiNotifications.interfaceReport(true, 3, "FAILED", "down"),
            EtsiNotifications.interfaceReport(false, 3, "ENABLED", "up"));
        for (Xml notification : all) {
            validateNotification(MODELS, notification.toDom());
        }
    }

    @Test
    void theCheckRefusesWhatTheModelDoesNotHave() {
        final Xml bad = EtsiNotifications.linkDown(LINK, "x");
        bad.child("not_in_the_model").leaf("x", 1);
        assertThrows(AssertionError.class, () -> validateNotification(MODELS, bad.toDom()));
        final Xml badValue = Xml.etsi("sdqkdn_interface_out");
        badValue.child("qkd_interface").leaf("qkdi_id", -1);
        assertThrows(AssertionError.class, () -> validateNotification(MODELS, badValue.toDom()));
    }

    @Test
    void performanceIsClampedToUint32AndQberHasThreeDigits() {
        final String text = EtsiNotifications.linkPerfUpdate(LINK, new EtsiNotifications.Performance(
            1L << 40, 5, 5, OptionalDouble.of(0.12345))).toText();
        assertEquals(true, text.contains("<expected_consumption>4294967295</expected_consumption>"), text);
        assertEquals(true, text.contains("<value>0.123</value>"), text);
    }

    @Test
    void saeIdsAreReadFromApplicationIds() {
        assertEquals("sae-a", Specs.saeId("urn:sdqkd:sae:sae-a"));
        assertEquals("sae-b", Specs.saeId("sae-b"));
        assertEquals("urn:other:sae-c", Specs.saeId("urn:other:sae-c"));
    }
}
