/**
 * Scheduled refresh: when each dataset refreshes on its own (days of the week and times of day, or a Quartz cron
 * expression, in an IANA time zone), what happens to a slot missed while the gateway was down, and the schedule's
 * state (enabled, consecutive failures). Implemented by the core; used by the scheduler and the shell.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.gatehouse.api.schedule;
