package org.sdqkd.restconf.gateway.spi;

import static java.util.Objects.requireNonNull;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import org.opendaylight.yangtools.binding.DataObject;
import org.opendaylight.yangtools.binding.Rpc;
import org.opendaylight.yangtools.binding.RpcInput;
import org.opendaylight.yangtools.binding.RpcOutput;
import org.opendaylight.yangtools.binding.data.codec.api.BindingNormalizedNodeSerializer;
import org.opendaylight.yangtools.yang.common.ErrorTag;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.YangConstants;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier.Absolute;

/**
 * An RPC implementation written on generated bindings: it takes the RPC's generated {@code RpcInput} and returns its
 * {@code RpcOutput}, and this adapter turns the gateway's input data into the input object and the output object
 * back into data with the binding codec (RFC 8040 section 3.6; the gateway has already read and checked the input
 * with the yangtools codecs). Register it under {@link #operation()}:
 *
 * <pre>
 * BindingRpc&lt;KillSessionInput, KillSessionOutput&gt; rpc = BindingRpc.of(codec, KillSession.class, input -&gt; ...);
 * Registration registration = gateway.register(rpc.operation(), rpc);
 * </pre>
 *
 * @param <I> the RPC's generated input
 * @param <O> the RPC's generated output
 */
public final class BindingRpc<I extends RpcInput, O extends RpcOutput> implements OperationImplementation {
    /**
     * The implementation on binding objects.
     *
     * @param <I> the RPC's generated input
     * @param <O> the RPC's generated output
     */
    @FunctionalInterface
    public interface Implementation<I extends RpcInput, O extends RpcOutput> {
        /**
         * Carries out the RPC.
         *
         * @param input the input; its absent leaves read as absent (or as their defaults, as the binding codec's
         *              objects answer)
         * @return the output, never {@code null}; one without children answers 204 No Content
         * @throws OperationException when the RPC fails; the client gets its error as an RFC 8040 error
         */
        O invoke(I input) throws OperationException;
    }

    private final BindingNormalizedNodeSerializer codec;
    private final QName rpc;
    private final Absolute inputPath;
    private final Class<I> inputType;
    private final Class<O> outputType;
    private final Implementation<I, O> implementation;

    private BindingRpc(final BindingNormalizedNodeSerializer codec, final QName rpc, final Class<I> inputType,
            final Class<O> outputType, final Implementation<I, O> implementation) {
        this.codec = codec;
        this.rpc = rpc;
        this.inputPath = Absolute.of(rpc, YangConstants.operationInputQName(rpc.getModule()));
        this.inputType = inputType;
        this.outputType = outputType;
        this.implementation = implementation;
    }

    /**
     * An adapter for one RPC.
     *
     * @param codec          a binding codec whose runtime context has the RPC's module
     * @param type           the RPC's generated interface ({@code KillSession.class})
     * @param implementation the implementation
     * @param <I>            the RPC's generated input
     * @param <O>            the RPC's generated output
     * @return the adapter
     * @throws IllegalArgumentException when {@code type} is not a generated RPC interface
     */
    public static <I extends RpcInput, O extends RpcOutput> BindingRpc<I, O> of(
            final BindingNormalizedNodeSerializer codec, final Class<? extends Rpc<I, O>> type,
            final Implementation<I, O> implementation) {
        requireNonNull(codec);
        requireNonNull(implementation);
        final Type[] arguments = Arrays.stream(type.getGenericInterfaces())
            .filter(ParameterizedType.class::isInstance).map(ParameterizedType.class::cast)
            .filter(generic -> generic.getRawType() == Rpc.class).findFirst()
            .map(ParameterizedType::getActualTypeArguments)
            .orElseThrow(() -> new IllegalArgumentException(type.getName() + " is no generated RPC interface"));
        final QName name;
        try {
            name = (QName) type.getField("QNAME").get(null);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalArgumentException(type.getName() + " has no QNAME of its RPC", e);
        }
        @SuppressWarnings("unchecked")
        final Class<I> input = (Class<I>) arguments[0];
        @SuppressWarnings("unchecked")
        final Class<O> output = (Class<O>) arguments[1];
        return new BindingRpc<>(codec, name, input, output, implementation);
    }

    /** The RPC's schema path, what {@code RestconfGateway.register} takes. */
    public Absolute operation() {
        return Absolute.of(rpc);
    }

    @Override
    public ContainerNode invoke(final YangInstanceIdentifier target, final ContainerNode input)
            throws OperationException {
        final DataObject decoded = codec.fromNormalizedNodeRpcData(inputPath, input);
        if (!inputType.isInstance(decoded)) {
            throw new OperationException(ErrorTag.OPERATION_FAILED, "the input of " + rpc.getLocalName()
                + " did not decode to " + inputType.getSimpleName());
        }
        final O output = implementation.invoke(inputType.cast(decoded));
        if (!outputType.isInstance(output)) {
            throw new OperationException(ErrorTag.OPERATION_FAILED, rpc.getLocalName() + " gave no "
                + outputType.getSimpleName());
        }
        return codec.toNormalizedNodeRpcData(output);
    }
}
