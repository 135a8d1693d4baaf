package org.gatehouse.connector.excel.impl;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** etc/org.gatehouse.connector.excel.cfg: what the gateway's owner lets excel-workbook data sources read. */
@ObjectClassDefinition(name = "Gatehouse Excel workbook connector",
        description = "The folders excel-workbook data sources may read: the workbooks themselves and every file or "
                + "folder their Power Query reads. Only the gateway's owner sets this (in etc/).")
public @interface ExcelConnectorConfig {

    @AttributeDefinition(name = "Allowed roots", description = "Absolute folder paths, comma separated. The workbook "
            + "and every file its queries read must be inside one of them, after symbolic links are resolved. "
            + "None: nothing is readable.")
    String[] allowedRoots() default {};
}
