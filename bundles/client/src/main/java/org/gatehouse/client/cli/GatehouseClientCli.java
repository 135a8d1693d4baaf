package org.gatehouse.client.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.function.Function;

import org.gatehouse.client.ResultTimeoutException;
import org.gatehouse.protocol.PartialResultException;
import org.gatehouse.protocol.RemoteErrorException;

/**
 * The {@code gatehouse-client} command: {@code refresh} and {@code heartbeat}. {@link #run} does everything but
 * exit, so that tests can call it in-process.
 */
public final class GatehouseClientCli {

    private final PrintStream out;
    private final PrintStream err;
    private final Function<String, String> environment;

    /**
     * @param out         where results go
     * @param err         where failures go, one line each
     * @param environment looks up environment variables (for --password-env and --relay-env)
     */
    public GatehouseClientCli(PrintStream out, PrintStream err, Function<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(new GatehouseClientCli(System.out, System.err, System::getenv).run(args));
    }

    /** Runs a command line and returns the exit status (see {@link ExitCode}). */
    public int run(String... args) {
        if (args.length == 0) {
            err.print(Usage.TEXT);
            return ExitCode.USAGE;
        }
        String command = args[0];
        String[] options = Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (command) {
                case "--help", "-h", "help" -> help();
                case "refresh" -> {
                    CommandLine line = CommandLine.parse(options, RefreshCommand.OPTIONS);
                    yield line.helpRequested() ? help() : new RefreshCommand(out, environment).run(line);
                }
                case "heartbeat" -> {
                    CommandLine line = CommandLine.parse(options, HeartbeatCommand.OPTIONS);
                    yield line.helpRequested() ? help() : new HeartbeatCommand(out, err, environment).run(line);
                }
                default -> throw new UsageException("unknown command '" + command + "'; expected refresh or heartbeat");
            };
        } catch (UsageException e) {
            err.println("gatehouse-client: " + e.getMessage());
            err.println("run 'gatehouse-client --help' for usage");
            return ExitCode.USAGE;
        } catch (RemoteErrorException e) {
            err.println(command + " failed: " + e.getMessage()); // "CODE: reason", as the gateway put it
            return ExitCode.REMOTE_ERROR;
        } catch (ResultTimeoutException e) {
            err.println(command + " failed: " + e.reason());
            return ExitCode.INCOMPLETE;
        } catch (PartialResultException e) {
            err.println(command + " failed: " + e.getMessage());
            return ExitCode.INCOMPLETE;
        } catch (IOException e) {
            err.println(command + " failed: " + e.getMessage());
            return ExitCode.FAILURE;
        }
    }

    private int help() {
        out.print(Usage.TEXT);
        return ExitCode.OK;
    }
}
