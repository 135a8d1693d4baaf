package org.gatehouse.connector.file.impl;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** etc/org.gatehouse.connector.file.cfg: what the gateway's owner lets file data sources read. */
@ObjectClassDefinition(name = "Gatehouse file connector",
        description = "The folders file data sources may read. Only the gateway's owner sets this (in etc/); data "
                + "source definitions and refresh requests cannot widen it.")
public @interface FileConnectorConfig {

    @AttributeDefinition(name = "Allowed roots", description = "Absolute folder paths, comma separated. Every "
            + "file read must be inside one of them, after symbolic links are resolved. None: nothing is readable.")
    String[] allowedRoots() default {};
}
