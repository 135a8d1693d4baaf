package org.gatehouse.scheduler.impl;

import java.util.function.Consumer;

import org.quartz.JobExecutionContext;
import org.quartz.Trigger;
import org.quartz.TriggerListener;

/**
 * Hears Quartz give up on a slot it could not fire in time (its threads were all busy for longer than the misfire
 * threshold, or the gateway was stopped): the schedules' triggers do nothing on a misfire (they wait for their next
 * slot), so without this the slot would pass in silence. The callback gets the trigger's name.
 */
final class MisfireListener implements TriggerListener {

    private final Consumer<String> misfired;

    MisfireListener(Consumer<String> misfired) {
        this.misfired = misfired;
    }

    @Override
    public String getName() {
        return "gatehouse-missed-slots";
    }

    @Override
    public void triggerMisfired(Trigger trigger) {
        misfired.accept(trigger.getKey().getName());
    }

    @Override
    public void triggerFired(Trigger trigger, JobExecutionContext context) {
        // fired slots are accounted for by the route
    }

    @Override
    public boolean vetoJobExecution(Trigger trigger, JobExecutionContext context) {
        return false;
    }

    @Override
    public void triggerComplete(Trigger trigger, JobExecutionContext context,
                                Trigger.CompletedExecutionInstruction instruction) {
        // nothing to do once the route ran
    }
}
