package org.sdqkd.netconf.protocol.impl;

import static org.sdqkd.netconf.protocol.api.NetconfMessage.NAMESPACE;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import org.opendaylight.yangtools.yang.common.ErrorSeverity;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.ErrorType;
import org.sdqkd.netconf.protocol.api.ErrorInfo;
import org.sdqkd.netconf.protocol.api.ErrorMessage;
import org.sdqkd.netconf.protocol.api.ErrorPath;
import org.sdqkd.netconf.protocol.api.MessageException;
import org.sdqkd.netconf.protocol.api.RpcError;
import org.w3c.dom.Element;

/** The XML form of an rpc-error, in the element order of RFC 6241 appendix B (the XML schema). */
final class RpcErrorXml {
    private static final Pattern PREFIX = Pattern.compile("(?<![\\w.-])([A-Za-z_][\\w.-]*):(?=[A-Za-z_*])");
    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"");

    private RpcErrorXml() {
        // static only
    }

    /** Appends the {@code rpc-error} element for an error to a parent, usually rpc-reply. */
    public static void write(final Element parent, final RpcError error) {
        final Element element = DomNodes.append(parent, NAMESPACE, "rpc-error", null);
        DomNodes.append(element, NAMESPACE, "error-type", error.type().elementBody());
        DomNodes.append(element, NAMESPACE, "error-tag", error.tag().elementBody());
        DomNodes.append(element, NAMESPACE, "error-severity", error.severity().elementBody());
        error.appTag().ifPresent(appTag -> DomNodes.append(element, NAMESPACE, "error-app-tag", appTag));
        error.path().ifPresent(path -> {
            final Element pathElement = DomNodes.append(element, NAMESPACE, "error-path", path.xpath());
            new TreeMap<>(path.namespaces()).forEach((prefix, namespace) -> pathElement.setAttributeNS(
                XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:" + prefix, namespace));
        });
        error.message().ifPresent(message -> {
            final Element messageElement = DomNodes.append(element, NAMESPACE, "error-message", message.text());
            message.lang().ifPresent(lang -> messageElement.setAttributeNS(XMLConstants.XML_NS_URI, "xml:lang", lang));
        });
        if (!error.info().isEmpty()) {
            final Element info = DomNodes.append(element, NAMESPACE, "error-info", null);
            for (ErrorInfo item : error.info()) {
                final QName name = item.name();
                final Element child = info.getOwnerDocument().createElementNS(
                    name.getNamespaceURI().isEmpty() ? null : name.getNamespaceURI(),
                    name.getPrefix().isEmpty() ? name.getLocalPart() : name.getPrefix() + ':' + name.getLocalPart());
                child.setTextContent(item.value());
                info.appendChild(child);
            }
        }
    }

    /** Reads an {@code rpc-error} element. */
    public static RpcError read(final Element element) throws MessageException {
        final ErrorType type = ErrorType.forElementBody(required(element, "error-type"));
        final ErrorSeverity severity = ErrorSeverity.forElementBody(required(element, "error-severity"));
        if (type == null || severity == null) {
            throw RpcReplyXml.malformed("rpc-error with an unknown error-type or error-severity");
        }
        final ErrorTag tag = new ErrorTag(required(element, "error-tag"));
        final Optional<String> appTag = DomNodes.child(element, NAMESPACE, "error-app-tag").map(DomNodes::text);
        final Optional<ErrorPath> path = DomNodes.child(element, NAMESPACE, "error-path").map(RpcErrorXml::path);
        final Optional<ErrorMessage> message = DomNodes.child(element, NAMESPACE, "error-message")
            .map(e -> new ErrorMessage(DomNodes.text(e), Optional.of(e.getAttributeNS(XMLConstants.XML_NS_URI,
                "lang")).filter(lang -> !lang.isEmpty())));
        final List<ErrorInfo> info = new ArrayList<>();
        DomNodes.child(element, NAMESPACE, "error-info").ifPresent(infoElement -> {
            for (Element child : DomNodes.childElements(infoElement)) {
                info.add(new ErrorInfo(new QName(child.getNamespaceURI() == null ? "" : child.getNamespaceURI(),
                    child.getLocalName()), DomNodes.text(child)));
            }
        });
        return new RpcError(type, tag, severity, appTag, path, message, info);
    }

    private static String required(final Element element, final String name) throws MessageException {
        final Optional<Element> child = DomNodes.child(element, NAMESPACE, name);
        if (child.isEmpty()) {
            throw RpcReplyXml.malformed("rpc-error without " + name);
        }
        return DomNodes.text(child.orElseThrow());
    }

    private static ErrorPath path(final Element element) {
        final String xpath = DomNodes.text(element);
        final Map<String, String> namespaces = new LinkedHashMap<>();
        final Matcher prefixes = PREFIX.matcher(QUOTED.matcher(xpath).replaceAll("''"));
        while (prefixes.find()) {
            final String namespace = element.lookupNamespaceURI(prefixes.group(1));
            if (namespace != null) {
                namespaces.put(prefixes.group(1), namespace);
            }
        }
        return new ErrorPath(xpath, namespaces);
    }
}
