package org.gatehouse.core.impl.vault;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

import javax.crypto.SecretKey;

import org.gatehouse.api.AuthenticationType;
import org.gatehouse.api.Credentials;
import org.gatehouse.api.gateway.DataSourceInfo;
import org.gatehouse.api.gateway.DatasetInfo;
import org.gatehouse.api.gateway.GatewayDefinitions;
import org.gatehouse.api.gateway.GatewayTransfer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Export and import of a whole gateway: a properties file with every data source (settings and sign-in, its secret
 * still encrypted with the gateway key), every dataset, and the gateway key encrypted with the recovery key. The
 * file is useless without the recovery key; with it, an import re-encrypts each secret with the importing gateway's
 * own key.
 */
@Component(service = GatewayTransfer.class)
public class VaultTransfer implements GatewayTransfer {

    private static final Logger LOG = LoggerFactory.getLogger(VaultTransfer.class);
    static final String FORMAT = "gatehouse-export";
    static final String VERSION = "1";

    private final GatewayDefinitions definitions;
    private final StoredVault vault;

    @Activate
    public VaultTransfer(@Reference GatewayDefinitions definitions, @Reference StoredVault vault) {
        this.definitions = definitions;
        this.vault = vault;
    }

    @Override
    public Summary exportTo(Path file) {
        VaultTables.KeyRow keys = vault.keyRow();
        if (keys.keyByRecovery() == null) {
            throw new IllegalStateException("no recovery key is set, so an export could not be opened anywhere else: "
                    + "choose one first with gateway:vault-recovery-key");
        }
        Properties out = new Properties();
        out.setProperty("format", FORMAT);
        out.setProperty("version", VERSION);
        out.setProperty("vault.key", keys.keyByRecovery());
        out.setProperty("vault.salt", keys.recoverySalt());
        out.setProperty("vault.iterations", String.valueOf(keys.recoveryIterations()));
        Map<String, VaultTables.CredentialRow> credentials = new TreeMap<>();
        for (VaultTables.CredentialRow row : vault.encryptedCredentials()) {
            credentials.put(row.dataSource(), row);
        }
        List<String> sources = new ArrayList<>();
        int index = 0;
        for (DataSourceInfo source : definitions.dataSources()) {
            String prefix = "datasource." + (++index) + ".";
            out.setProperty(prefix + "id", source.id());
            out.setProperty(prefix + "kind", source.kind());
            source.settings().forEach((key, value) -> out.setProperty(prefix + "setting." + key, value));
            VaultTables.CredentialRow row = credentials.get(source.id());
            if (row != null) {
                out.setProperty(prefix + "auth", row.type().name());
                optional(out, prefix + "user", row.user());
                optional(out, prefix + "secret", row.secret());
                optional(out, prefix + "expires", row.expiresAt() == null ? null : row.expiresAt().toString());
            } else {
                // provisioned in its etc/ file rather than signed in: carried over without a secret
                out.setProperty(prefix + "auth", source.authentication().name());
                optional(out, prefix + "user", source.user());
            }
            sources.add(source.id());
        }
        List<String> datasets = new ArrayList<>();
        index = 0;
        for (DatasetInfo dataset : definitions.datasets()) {
            String prefix = "dataset." + (++index) + ".";
            out.setProperty(prefix + "name", dataset.name());
            optional(out, prefix + "destination", dataset.destination());
            int queryIndex = 0;
            for (DatasetInfo.QueryInfo query : dataset.queries()) {
                String queryPrefix = prefix + "query." + (++queryIndex) + ".";
                out.setProperty(queryPrefix + "name", query.name());
                out.setProperty(queryPrefix + "datasource", query.dataSourceId());
                out.setProperty(queryPrefix + "text", query.text());
            }
            datasets.add(dataset.name());
        }
        write(file, out);
        LOG.info("gateway exported to {}: {} data sources, {} datasets", file, sources.size(), datasets.size());
        return new Summary(sources, datasets, List.of());
    }

    @Override
    public Summary importFrom(Path file, char[] recoveryKey) {
        Properties in = read(file);
        if (!FORMAT.equals(in.getProperty("format"))) {
            throw new IllegalArgumentException(file + " is not a Gatehouse export");
        }
        if (!VERSION.equals(in.getProperty("version"))) {
            throw new IllegalArgumentException(file + " is a Gatehouse export of version " + in.getProperty("version")
                    + "; this gateway reads version " + VERSION);
        }
        SecretKey exportedKey = StoredVault.unwrapWithRecoveryKey(require(in, "vault.key"), require(in, "vault.salt"),
                Integer.parseInt(require(in, "vault.iterations")), recoveryKey,
                "the recovery key does not open " + file);
        List<String> sources = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (int index = 1; in.containsKey("datasource." + index + ".id"); index++) {
            String prefix = "datasource." + index + ".";
            String id = in.getProperty(prefix + "id");
            if (definitions.dataSource(id).isPresent()) {
                skipped.add("data source " + id + ": exists here already");
                continue;
            }
            Credentials credentials = credentials(in, prefix, id, exportedKey);
            definitions.addDataSource(id, require(in, prefix + "kind"), settings(in, prefix + "setting."));
            if (credentials.type() != AuthenticationType.ANONYMOUS) {
                vault.save(id, credentials);
            }
            sources.add(id);
        }
        List<String> datasets = new ArrayList<>();
        for (int index = 1; in.containsKey("dataset." + index + ".name"); index++) {
            String prefix = "dataset." + index + ".";
            String name = in.getProperty(prefix + "name");
            if (definitions.dataset(name).isPresent()) {
                skipped.add("dataset " + name + ": exists here already");
                continue;
            }
            List<DatasetInfo.QueryInfo> queries = new ArrayList<>();
            for (int q = 1; in.containsKey(prefix + "query." + q + ".name"); q++) {
                String queryPrefix = prefix + "query." + q + ".";
                queries.add(new DatasetInfo.QueryInfo(in.getProperty(queryPrefix + "name"),
                        require(in, queryPrefix + "datasource"), require(in, queryPrefix + "text")));
            }
            definitions.addDataset(new DatasetInfo(name, queries, in.getProperty(prefix + "destination")));
            datasets.add(name);
        }
        LOG.info("gateway imported from {}: {} data sources, {} datasets added, {} skipped", file, sources.size(),
                datasets.size(), skipped.size());
        return new Summary(sources, datasets, skipped);
    }

    /** The exported sign-in, its secret decrypted with the exporting gateway's key. */
    private static Credentials credentials(Properties in, String prefix, String id, SecretKey exportedKey) {
        AuthenticationType type;
        try {
            type = AuthenticationType.valueOf(in.getProperty(prefix + "auth", "ANONYMOUS"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("data source " + id + " in the export has an unknown sign-in type");
        }
        String user = in.getProperty(prefix + "user");
        Instant expires = Optional.ofNullable(in.getProperty(prefix + "expires")).map(Instant::parse).orElse(null);
        String encrypted = in.getProperty(prefix + "secret");
        String secret = null;
        if (encrypted != null) {
            try {
                secret = StoredVault.decryptSecret(exportedKey, new VaultTables.CredentialRow(id, type, user,
                        encrypted, expires, Instant.EPOCH));
            } catch (Aead.WrongKeyException e) {
                throw new IllegalArgumentException("the credentials of data source " + id + " in the export do not "
                        + "decrypt: the file was altered");
            }
        }
        return Credentials.of(type, user, secret, expires);
    }

    private static Map<String, String> settings(Properties in, String prefix) {
        Map<String, String> settings = new TreeMap<>();
        for (String key : in.stringPropertyNames()) {
            if (key.startsWith(prefix)) {
                settings.put(key.substring(prefix.length()), in.getProperty(key));
            }
        }
        return settings;
    }

    private static void optional(Properties out, String key, String value) {
        if (value != null) {
            out.setProperty(key, value);
        }
    }

    private static String require(Properties in, String key) {
        String value = in.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("the export has no " + key + ": it is incomplete");
        }
        return value;
    }

    private static void write(Path file, Properties out) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, ".gatehouse-export", ".tmp");
            try (OutputStream stream = Files.newOutputStream(temporary)) {
                out.store(stream, "Gatehouse export: secrets are encrypted; the recovery key opens them");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("the export cannot be written to " + file + ": " + e.getMessage(), e);
        }
    }

    private static Properties read(Path file) {
        Properties in = new Properties();
        try (InputStream stream = Files.newInputStream(file)) {
            in.load(stream);
            return in;
        } catch (IOException e) {
            throw new IllegalArgumentException("the export " + file + " cannot be read: " + e.getMessage());
        }
    }
}
