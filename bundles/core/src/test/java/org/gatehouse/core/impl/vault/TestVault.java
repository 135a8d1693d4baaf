package org.gatehouse.core.impl.vault;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.UUID;

import org.gatehouse.core.impl.store.GatewayStore;
import org.gatehouse.core.impl.store.StoreException;
import org.gatehouse.core.impl.store.StoreSettings;

/** A real vault in a private in-memory H2 store, with its machine key in {@code folder}; close it after use. */
public final class TestVault implements AutoCloseable {

    public final GatewayStore store;
    public final StoredVault vault;

    private TestVault(GatewayStore store, StoredVault vault) {
        this.store = store;
        this.vault = vault;
    }

    public static TestVault inMemory(Path folder) throws StoreException, SQLException {
        GatewayStore store = GatewayStore.open(new org.h2.Driver(), new StoreSettings("jdbc:h2:mem:vault-"
                + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", "", 30, 100), Clock.systemUTC());
        return new TestVault(store, StoredVault.open(store.connection(),
                new MachineKey(folder.resolve("machine.key")), Clock.systemUTC()));
    }

    @Override
    public void close() {
        store.close();
    }
}
