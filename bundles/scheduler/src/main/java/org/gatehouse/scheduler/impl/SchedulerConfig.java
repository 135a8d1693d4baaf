package org.gatehouse.scheduler.impl;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Gatehouse scheduler", description = "Scheduled refresh: how many run at once and "
        + "when a failing schedule is turned off.")
public @interface SchedulerConfig {

    @AttributeDefinition(description = "Scheduled refreshes that run at the same time, all datasets together; "
            + "further slots wait for a thread.", min = "1")
    int maxConcurrentRefreshes() default 4;

    @AttributeDefinition(description = "A schedule is disabled after this many scheduled refreshes in a row "
            + "failed (gateway:schedule-enable turns it back on); 0 never disables.", min = "0")
    int disableAfterFailures() default 4;

    @AttributeDefinition(description = "Several gateways share one PostgreSQL gateway store: Quartz fires each slot "
            + "on one of them and takes over the slots of a gateway that stopped. Off for a single gateway.")
    boolean clustered() default false;
}
