package org.gatehouse.demo.impl;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/org.gatehouse.demo.cfg}: where the demo database lives and how big it is. */
@ObjectClassDefinition(name = "Gatehouse demo data")
public @interface DemoConfig {

    @AttributeDefinition(description = "H2 database path without the .mv.db suffix; default: <karaf.data>/demo/sales")
    String database() default "";

    @AttributeDefinition(description = "Rows in the sales table")
    int rows() default 100_000;
}
