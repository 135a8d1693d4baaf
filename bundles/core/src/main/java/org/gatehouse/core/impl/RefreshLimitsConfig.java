package org.gatehouse.core.impl;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/org.gatehouse.refresh.cfg}: how many refreshes run at once and how long one may take. */
@ObjectClassDefinition(name = "Gatehouse refresh limits")
public @interface RefreshLimitsConfig {

    @AttributeDefinition(description = "Refreshes that run at once, whoever started them (relay, shell, schedules); "
            + "more wait their turn in order")
    int maxConcurrentRefreshes() default 4;

    @AttributeDefinition(description = "A refresh still running after this many minutes is cancelled")
    int timeLimitMinutes() default 120;
}
