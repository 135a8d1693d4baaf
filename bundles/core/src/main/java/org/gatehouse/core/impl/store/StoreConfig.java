package org.gatehouse.core.impl.store;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration {@code org.gatehouse.store} ({@code etc/org.gatehouse.store.cfg}); every key is optional. */
@ObjectClassDefinition(name = "Gatehouse store",
        description = "The gateway's own database (refresh history): embedded H2 by default, or PostgreSQL")
public @interface StoreConfig {

    @AttributeDefinition(description = "JDBC URL of the store; empty for the embedded H2 database "
            + "${karaf.data}/gatehouse/store. PostgreSQL: jdbc:postgresql://HOST:5432/DATABASE")
    String url() default "";

    @AttributeDefinition(description = "database user; empty for none (the embedded H2 database needs none)")
    String user() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "database password")
    String password() default "";

    @AttributeDefinition(description = "refresh history older than this many days is removed")
    int retentionDays() default 60;

    @AttributeDefinition(description = "at most this many history entries are kept per dataset, the newest")
    int maxEntriesPerDataset() default 1000;
}
