package org.gatehouse.itests;

import java.nio.file.Path;

import org.junit.rules.TestWatcher;
import org.junit.runner.Description;

/**
 * For tests that run the distribution as shipped ({@link GatewayInstallation}): after a failed test its logs are kept
 * beside the failsafe reports, and after every test the gateway (and its console) is stopped, whatever happened.
 */
final class InstallationRule extends TestWatcher {

    private GatewayInstallation installation;

    /** The installation this test runs; returned for chaining. */
    GatewayInstallation watch(GatewayInstallation installation) {
        this.installation = installation;
        return installation;
    }

    @Override
    protected void failed(Throwable e, Description description) {
        if (installation != null) {
            installation.keepLog(reports(), description.getClassName() + "." + description.getMethodName());
        }
    }

    @Override
    protected void finished(Description description) {
        if (installation != null) {
            installation.close();
            installation = null;
        }
    }

    static Path target() {
        return Path.of(System.getProperty("gatehouse.itests.target", "target"));
    }

    private static Path reports() {
        return target().resolve("failsafe-reports");
    }
}
