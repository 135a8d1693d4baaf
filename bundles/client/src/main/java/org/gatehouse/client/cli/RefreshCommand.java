package org.gatehouse.client.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.gatehouse.client.ClientOptions;
import org.gatehouse.client.GatehouseClient;
import org.gatehouse.client.RefreshSummary;
import org.gatehouse.client.ResultFileWriter;
import org.gatehouse.protocol.PartialResultException;
import org.gatehouse.protocol.RelayEndpoint;
import org.gatehouse.protocol.RemoteErrorException;

/** {@code gatehouse-client refresh}: refreshes a dataset (or runs one query) and writes the result to a file. */
final class RefreshCommand {

    static final Set<String> OPTIONS = options();

    private final PrintStream out;
    private final Function<String, String> environment;

    RefreshCommand(PrintStream out, Function<String, String> environment) {
        this.out = out;
        this.environment = environment;
    }

    int run(CommandLine line) throws UsageException, PartialResultException, RemoteErrorException, IOException {
        // every usage error is found before the relay is contacted
        RelayEndpoint endpoint = RelaySettings.endpoint(line, environment);
        String gateway = line.required("gateway");
        String dataset = line.required("dataset");
        Optional<String> query = line.optional("query");
        OutputFormat format = format(line);
        Path target = Path.of(line.optional("out").orElse(defaultFileName(dataset, query, format)));
        Path directory = target.toAbsolutePath().getParent();
        if (!Files.isDirectory(directory)) {
            throw new UsageException("--out: directory " + directory + " does not exist");
        }
        ClientOptions options = line.seconds("timeout").map(t -> new ClientOptions(t, t))
                .orElse(ClientOptions.defaults());

        try (GatehouseClient client = GatehouseClient.connect(endpoint, options);
             ResultFileWriter writer = format.writer(target)) {
            RefreshSummary summary = query.isPresent()
                    ? client.runQuery(gateway, dataset, query.get(), writer)
                    : client.refreshDataset(gateway, dataset, writer);
            List<Path> files = writer.commit();
            String what = query.map(q -> dataset + "/" + q).orElse(dataset);
            out.println(SummaryLine.of(what, summary, files.stream().map(f -> shown(target, f)).toList()));
            summary.warnings().forEach(w -> out.println("  warning: " + w));
        }
        return ExitCode.OK;
    }

    private static OutputFormat format(CommandLine line) throws UsageException {
        Optional<String> named = line.optional("format");
        if (named.isPresent()) {
            return OutputFormat.named(named.get());
        }
        return line.optional("out").map(OutputFormat::forFile).orElse(OutputFormat.CSV);
    }

    private static String defaultFileName(String dataset, Optional<String> query, OutputFormat format) {
        String name = query.map(q -> dataset + "-" + q).orElse(dataset);
        return name.replaceAll("[^A-Za-z0-9._-]", "_") + "." + format.extension();
    }

    /** A written file as the user named its directory: relative stays relative. */
    private static String shown(Path target, Path written) {
        return target.resolveSibling(written.getFileName()).toString();
    }

    private static Set<String> options() {
        Set<String> options = new HashSet<>(RelaySettings.OPTIONS);
        options.addAll(Set.of("gateway", "dataset", "query", "out", "format", "timeout"));
        return Set.copyOf(options);
    }

}
