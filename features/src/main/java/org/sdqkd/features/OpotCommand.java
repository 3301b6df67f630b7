package org.sdqkd.features;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code sdqkd opot}: ordered proof of transit tools, the trace runner for test vectors and the attack lab.
 */
@Command(name = "opot", mixinStandardHelpOptions = true,
    description = "Ordered proof of transit (OPoT): test vectors and the attack lab.",
    subcommands = { OpotTraceCommand.class, OpotAttackCommand.class })
final class OpotCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }
}
