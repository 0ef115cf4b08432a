package org.circuitgrammar.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar manifest, the one place the Maven build sets it. */
public final class ManifestVersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = CgramCommand.class.getPackage().getImplementationVersion();
        return new String[] {"cgram " + (version == null ? "(development build)" : version),
            "Java " + System.getProperty("java.version") + " on " + System.getProperty("os.name")
                + " " + System.getProperty("os.arch")};
    }
}
