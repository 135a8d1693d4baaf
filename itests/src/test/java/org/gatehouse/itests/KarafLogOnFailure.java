package org.gatehouse.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.rules.TestWatcher;
import org.junit.runner.Description;

/**
 * Runs inside the container. Pax Exam deletes the unpacked runtime after the class, so a failing test copies
 * karaf.log to target/karaf-logs/ where it survives for the person (or CI log) reading the failure.
 */
public class KarafLogOnFailure extends TestWatcher {

    @Override
    protected void failed(Throwable e, Description description) {
        String karafData = System.getProperty("karaf.data");
        String target = System.getProperty(GatehouseTestSupport.TARGET_DIRECTORY_PROPERTY);
        if (karafData == null || target == null) {
            return;
        }
        try {
            Path log = Path.of(karafData, "log", "karaf.log");
            Path keptDirectory = Files.createDirectories(Path.of(target, "karaf-logs"));
            Path kept = keptDirectory.resolve(description.getClassName() + "." + description.getMethodName() + ".log");
            Files.copy(log, kept, StandardCopyOption.REPLACE_EXISTING);
            System.err.println("karaf.log of the failed test kept at " + kept);
        } catch (IOException copyFailure) {
            e.addSuppressed(copyFailure);
        }
    }
}
