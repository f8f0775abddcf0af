package io.commercesync.testing;

import io.commercesync.devstack.EmbeddedKafkaBroker;
import io.commercesync.sandbox.SandboxOrg;
import io.commercesync.sandbox.SandboxOrgSettings;

/**
 * One real Kafka broker and one sandbox org for the whole test JVM, started on first use on free ports
 * and stopped when the JVM exits. Test classes isolate themselves by topic names, not by brokers.
 */
public final class SharedInfrastructure {

    private static EmbeddedKafkaBroker broker;
    private static SandboxOrg sandboxOrg;

    private SharedInfrastructure() {
    }

    public static synchronized EmbeddedKafkaBroker kafka() {
        if (broker == null) {
            broker = EmbeddedKafkaBroker.startTemporary(3);
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-shutdown"));
        }
        return broker;
    }

    public static synchronized SandboxOrg sandboxOrg() {
        if (sandboxOrg == null) {
            sandboxOrg = SandboxOrg.start(SandboxOrgSettings.defaults());
            Runtime.getRuntime().addShutdownHook(new Thread(sandboxOrg::close, "sandbox-org-shutdown"));
        }
        return sandboxOrg;
    }
}
