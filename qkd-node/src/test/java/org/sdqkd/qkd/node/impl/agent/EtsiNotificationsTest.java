package org.sdqkd.qkd.node.impl.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.sdqkd.qkd.node.impl.agent.AgentHarness.text;
import static org.sdqkd.qkd.node.impl.agent.AgentHarness.validateNotification;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.app_qos.AppQosBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.augmented_app_qos.AppQos1Builder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_interface_item.QkdiCapabilitiesBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkd_interfaces.qkd_interfaces.QkdInterfaceBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.rev220130.qkdi_att_point.QkdiAttPointBuilder;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.CLIENT;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.DVQKD;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.ENABLED;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.FAILED;
import org.opendaylight.yang.gen.v1.urn.etsi.qkd.yang.etsi.qkd.node.types.rev220130.TRANSCEIVER;
import org.opendaylight.yangtools.binding.Notification;
import org.opendaylight.yangtools.yang.common.Decimal64;
import org.opendaylight.yangtools.yang.common.Uint32;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.sdqkd.datastore.YangModels;
import org.w3c.dom.Element;

class EtsiNotificationsTest {
    private static final EffectiveModelContext MODELS = YangModels.projectModels();
    private static final NodeBindings BINDINGS = NodeBindings.create();
    private static final UUID LINK = UUID.fromString("d67b82c3-a30d-4bf7-af6a-364fbf7ae968");
    private static final QkdNodeConfig.App APP = new QkdNodeConfig.App(UUID.randomUUID(), Optional.of(CLIENT.VALUE),
        Optional.of("urn:sdqkd:sae:sae-a"), List.of("urn:sdqkd:sae:sae-b", "sae-c"), OptionalLong.of(4),
        Optional.empty(), Optional.of(new AppQosBuilder().setMaxBandwidth(Uint32.valueOf(1024))
            .addAugmentation(new AppQos1Builder().setClientsSharedPathEnable(true).build()).build()),
        List.of(LINK), Optional.empty(), Optional.empty());
    private static final EtsiNotifications.Performance PERF = new EtsiNotifications.Performance(2048, 70_000,
        70_000, OptionalDouble.of(0.0183));

    @Test
    void everyNotificationFitsTheModel() {
        final var iface = new QkdInterfaceBuilder().setQkdiId(Uint32.valueOf(3)).setQkdiModel("emulated")
            .setQkdiType(DVQKD.VALUE)
            .setQkdiAttPoint(new QkdiAttPointBuilder().setDevice("ttyQKD").setPort(Uint32.valueOf(2)).build())
            .setQkdiCapabilities(new QkdiCapabilitiesBuilder().setRoleSupport(TRANSCEIVER.VALUE)
                .setMaxAbsorption(Decimal64.of(3, 3500)).build())
            .build();
        final List<Notification<?>> all = List.of(EtsiNotifications.applicationNew(APP, UUID.randomUUID()),
            EtsiNotifications.applicationQosUpdate(APP), EtsiNotifications.applicationDisconnected(APP.id()),
            EtsiNotifications.interfaceNew(iface), EtsiNotifications.interfaceDown(3, "every link is down"),
            EtsiNotifications.interfaceOut(3), EtsiNotifications.linkDown(LINK, "fault injected"),
            EtsiNotifications.linkPerfUpdate(LINK, PERF), EtsiNotifications.linkOverloaded(LINK, PERF),
            EtsiNotifications.linkAlarm(LINK, LinkStatus.PASSIVE, "QBER 0.0800 above the threshold 0.0500"),
            EtsiNotifications.linkEvent(LINK, LinkStatus.ACTIVE, "link active"),
            EtsiNotifications.interfaceReport(true, 3, FAILED.VALUE, "down"),
            EtsiNotifications.interfaceReport(false, 3, ENABLED.VALUE, "up"));
        for (Notification<?> notification : all) {
            validateNotification(MODELS, BINDINGS.element(notification));
        }
    }

    @Test
    void theCheckRefusesWhatTheModelDoesNotHave() {
        final Element bad = BINDINGS.element(EtsiNotifications.linkDown(LINK, "x"));
        final Element unknown = bad.getOwnerDocument().createElementNS(AgentHarness.ETSI, "not_in_the_model");
        unknown.setTextContent("1");
        bad.getFirstChild().appendChild(unknown);
        assertThrows(AssertionError.class, () -> validateNotification(MODELS, bad));
        final Element badValue = AgentHarness.xml("<sdqkdn_interface_out xmlns='" + AgentHarness.ETSI
            + "'><qkd_interface><qkdi_id>-1</qkdi_id></qkd_interface></sdqkdn_interface_out>").toElement();
        assertThrows(AssertionError.class, () -> validateNotification(MODELS, badValue));
    }

    @Test
    void performanceIsClampedToUint32AndQberHasThreeDigits() {
        final Element event = BINDINGS.element(EtsiNotifications.linkPerfUpdate(LINK,
            new EtsiNotifications.Performance(1L << 40, 5, 5, OptionalDouble.of(0.12345))));
        final String text = event.getTextContent();
        assertEquals(Optional.of("4294967295"), text(event, "expected_consumption"), text);
        assertEquals(Optional.of("0.123"), text(event, "value"), text);
    }

    @Test
    void saeIdsAreReadFromApplicationIds() {
        assertEquals("sae-a", Specs.saeId("urn:sdqkd:sae:sae-a"));
        assertEquals("sae-b", Specs.saeId("sae-b"));
        assertEquals("urn:other:sae-c", Specs.saeId("urn:other:sae-c"));
    }
}
