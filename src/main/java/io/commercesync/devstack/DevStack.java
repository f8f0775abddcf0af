package io.commercesync.devstack;

import java.nio.file.Path;

import io.commercesync.sandbox.SandboxOrg;
import io.commercesync.sandbox.SandboxOrgSettings;
import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local stand-ins the app runs with by default, so that one command gives a working system on a
 * machine with nothing else: an embedded Kafka broker and the sandbox org (the Salesforce emulator).
 * Each is switched off in production ({@code commerce.devstack.kafka.enabled=false},
 * {@code commerce.devstack.sandbox-org.enabled=false}); they start before the routes and stop after them.
 */
public final class DevStack extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(DevStack.class);

    private final boolean kafkaEnabled;
    private final int kafkaPort;
    private final Path kafkaDataDirectory;
    private final int kafkaPartitions;
    private final boolean sandboxEnabled;
    private final String sandboxHost;
    private final int sandboxPort;

    private EmbeddedKafkaBroker broker;
    private SandboxOrg sandbox;

    private DevStack(boolean kafkaEnabled, int kafkaPort, Path kafkaDataDirectory, int kafkaPartitions,
                     boolean sandboxEnabled, String sandboxHost, int sandboxPort) {
        this.kafkaEnabled = kafkaEnabled;
        this.kafkaPort = kafkaPort;
        this.kafkaDataDirectory = kafkaDataDirectory;
        this.kafkaPartitions = kafkaPartitions;
        this.sandboxEnabled = sandboxEnabled;
        this.sandboxHost = sandboxHost;
        this.sandboxPort = sandboxPort;
    }

    public static DevStack fromProperties(CamelContext context) {
        return new DevStack(
                Boolean.parseBoolean(context.resolvePropertyPlaceholders("{{commerce.devstack.kafka.enabled}}")),
                Integer.parseInt(context.resolvePropertyPlaceholders("{{commerce.devstack.kafka.port}}")),
                Path.of(context.resolvePropertyPlaceholders("{{commerce.devstack.kafka.data-dir}}")),
                Integer.parseInt(context.resolvePropertyPlaceholders("{{commerce.kafka.partitions}}")),
                Boolean.parseBoolean(context.resolvePropertyPlaceholders("{{commerce.devstack.sandbox-org.enabled}}")),
                context.resolvePropertyPlaceholders("{{commerce.devstack.sandbox-org.host}}"),
                Integer.parseInt(context.resolvePropertyPlaceholders("{{commerce.devstack.sandbox-org.port}}")));
    }

    public boolean isEnabled() {
        return kafkaEnabled || sandboxEnabled;
    }

    @Override
    protected void doStart() {
        if (kafkaEnabled) {
            broker = EmbeddedKafkaBroker.start(kafkaPort, kafkaDataDirectory, kafkaPartitions);
        }
        if (sandboxEnabled) {
            sandbox = SandboxOrg.start(SandboxOrgSettings.defaults().withHost(sandboxHost).withPort(sandboxPort));
            LOG.info("Sandbox org (Salesforce emulator) at {}; records: {}/__sandbox/records/Opportunity",
                    sandbox.loginUrl(), sandbox.loginUrl());
        }
    }

    @Override
    protected void doStop() {
        if (sandbox != null) {
            sandbox.close();
            sandbox = null;
        }
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }
}
