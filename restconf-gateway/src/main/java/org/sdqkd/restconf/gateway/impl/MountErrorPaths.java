package org.sdqkd.restconf.gateway.impl;

import static java.util.Objects.requireNonNull;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.xml.namespace.NamespaceContext;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;

/**
 * Error-paths of errors below a mount point (RFC 8040 section 7.1): the mount point's instance identifier in the
 * gateway's models, then {@code /yang-ext:mount}, then the device's path in the device's models and module
 * namespaces, the way the request's URL is built, so a client can follow it back to the resource:
 * {@code /sdqkd-network:network/node[node-id='n1']/yang-ext:mount/mount-test:system/interface[name='eth0']} in JSON;
 * the same with prefixes bound on the {@code error-path} element in XML ({@code yang-ext} to OpenDaylight's
 * {@code urn:opendaylight:yang:extension:yang-ext}). An error about the device's whole data ends in
 * {@code /yang-ext:mount}.
 */
final class MountErrorPaths implements ErrorWriter.Paths {
    private static final String MOUNT = "/" + MountPaths.SEGMENT;

    private final ModelCodecs gateway;
    private final YangInstanceIdentifier mountPoint;
    private final ModelCodecs device;

    /**
     * The paths below one mount point.
     *
     * @param gateway    the gateway's codecs
     * @param mountPoint the mount point in the gateway's models
     * @param device     the device's codecs
     */
    MountErrorPaths(final ModelCodecs gateway, final YangInstanceIdentifier mountPoint, final ModelCodecs device) {
        this.gateway = requireNonNull(gateway);
        this.mountPoint = requireNonNull(mountPoint);
        this.device = requireNonNull(device);
    }

    @Override
    public String json(final YangInstanceIdentifier path) {
        return gateway.json().instanceIdentifierCodec().unparseValue(mountPoint).rawString() + MOUNT
            + (path.isEmpty() ? "" : device.json().instanceIdentifierCodec().unparseValue(path).rawString());
    }

    @Override
    public void xml(final XMLStreamWriter xml, final YangInstanceIdentifier path) throws XMLStreamException {
        // each codec binds the prefixes it needs unless the element binds them already: bind them all first, with
        // distinct prefixes, then let each codec write its part into a buffer, since no namespace can be declared
        // once the element has text
        bind(xml, "yang-ext", MountPaths.NAMESPACE);
        for (QNameModule module : modules(mountPoint)) {
            bind(xml, gateway.context().findModuleStatement(module).orElseThrow().argument().getLocalName(),
                module.namespace().toString());
        }
        for (QNameModule module : modules(path)) {
            bind(xml, device.context().findModuleStatement(module).orElseThrow().argument().getLocalName(),
                module.namespace().toString());
        }
        final StringBuilder text = new StringBuilder();
        gateway.xml().instanceIdentifierCodec().writeValue(capturing(xml, text), mountPoint);
        text.append(MOUNT);
        if (!path.isEmpty()) {
            device.xml().instanceIdentifierCodec().writeValue(capturing(xml, text), path);
        }
        xml.writeCharacters(text.toString());
    }

    private static Set<QNameModule> modules(final YangInstanceIdentifier path) {
        final Set<QNameModule> modules = new LinkedHashSet<>();
        for (PathArgument step : path.getPathArguments()) {
            modules.add(step.getNodeType().getModule());
            if (step instanceof NodeIdentifierWithPredicates entry) {
                entry.keySet().forEach(key -> modules.add(key.getModule()));
            }
        }
        return modules;
    }

    /** Binds a namespace on the current element, under the preferred prefix or a numbered one if that is taken. */
    private static void bind(final XMLStreamWriter xml, final String preferred, final String namespace)
            throws XMLStreamException {
        final NamespaceContext context = xml.getNamespaceContext();
        if (context.getPrefix(namespace) != null && !context.getPrefix(namespace).isEmpty()) {
            return;
        }
        String prefix = preferred;
        for (int i = 1; bound(context, prefix); i++) {
            prefix = preferred + i;
        }
        xml.setPrefix(prefix, namespace);
        xml.writeNamespace(prefix, namespace);
    }

    private static boolean bound(final NamespaceContext context, final String prefix) {
        final String namespace = context.getNamespaceURI(prefix);
        return namespace != null && !namespace.isEmpty();
    }

    /** The writer, except that its text goes into a buffer (namespace declarations still go to the element). */
    private static XMLStreamWriter capturing(final XMLStreamWriter xml, final StringBuilder text) {
        return (XMLStreamWriter) Proxy.newProxyInstance(XMLStreamWriter.class.getClassLoader(),
            new Class<?>[] {XMLStreamWriter.class}, (proxy, method, args) -> {
                if ("writeCharacters".equals(method.getName()) && args.length == 1) {
                    text.append((String) args[0]);
                    return null;
                }
                try {
                    return method.invoke(xml, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
    }
}
