package org.sdqkd.features;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code sdqkd} command line. The bash launcher of the same name finds a JDK 21+, builds the project
 * on first use and runs this class with the subcommand given.
 */
// scope INHERIT: every subcommand, at every level, has --help and --version with this version provider
@Command(name = "sdqkd", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    scope = CommandLine.ScopeType.INHERIT,
    description = "Model-driven control platform for software-defined QKD networks.",
    subcommands = { ValidateCommand.class, AgentCommand.class, NodeCommand.class, ControllerCommand.class,
        DemoCommand.class, PkiCommand.class, HashPasswordCommand.class, OpotCommand.class })
public final class Main implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * Runs the command line and exits with its status.
     *
     * @param args the arguments
     */
    public static void main(final String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }
}
