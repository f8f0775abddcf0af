package io.commercesync.sandbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the sandbox org's tests that drive it through camel-salesforce: one org and one connected
 * camel-salesforce per test class, and an empty org (standard price book re-seeded) before each test.
 */
abstract class CamelAgainstSandboxOrg {

    static SandboxOrg org;
    static CamelSalesforce sf;

    @BeforeAll
    static void startOrgAndConnectCamel() {
        org = SandboxOrg.start(SandboxOrgSettings.defaults());
        sf = CamelSalesforce.connect(org);
    }

    @AfterAll
    static void disconnectAndStopOrg() {
        sf.close();
        org.close();
    }

    @BeforeEach
    void emptyOrg() {
        org.reset();
    }
}
