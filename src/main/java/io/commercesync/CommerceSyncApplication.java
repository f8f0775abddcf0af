package io.commercesync;

import java.util.Arrays;

import io.commercesync.deadletter.ReplayCommand;
import io.commercesync.sandbox.SandboxOrg;
import org.apache.camel.main.Main;

/**
 * Starts Commerce Sync: camel-main with {@code application.properties} from the working directory and the
 * YAML routes under {@code routes/}. With the defaults it also starts an embedded Kafka broker and the
 * sandbox org, so {@code bin/commerce-sync} is a complete, working installation.
 */
public final class CommerceSyncApplication {

    private CommerceSyncApplication() {
    }

    /**
     * {@code bin/commerce-sync} runs the app; {@code bin/commerce-sync replay …} replays dead letters
     * ({@link ReplayCommand}); {@code bin/commerce-sync sandbox-org [--port 8444]} runs the sandbox org alone,
     * for integrators without an org.
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("replay")) {
            System.exit(ReplayCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("sandbox-org")) {
            SandboxOrg.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        System.exit(create().run(args));
    }

    /** A camel-main configured as the application; tests start it with override properties. */
    public static Main create() {
        Main main = new Main();
        main.setPropertyPlaceholderLocations("file:application.properties");
        main.configure().addConfiguration(CommerceSyncConfiguration.class);
        return main;
    }

    /** The version in the jar's manifest, or the development version when run from classes. */
    public static String version() {
        String version = CommerceSyncApplication.class.getPackage().getImplementationVersion();
        return version != null ? version : "0.1.0-SNAPSHOT";
    }
}
