package io.pgha.transport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * One in-JVM SSH server, trusted through known_hosts, and one strict connection {@code db1} to it, shared by
 * the tests of a class. A test that makes sudo ask for a password has it reset afterwards.
 */
abstract class OneServerFixture {
    @TempDir
    static Path dir;
    static Lab lab;
    static SshTestServer server;
    static SshTransportFactory factory;
    static Transport db1;

    @BeforeAll
    static void connect() throws Exception {
        lab = new Lab(dir);
        server = lab.server();
        lab.trust(server);
        factory = lab.strictFactory();
        db1 = factory.open(lab.spec("db1", server));
    }

    @AfterAll
    static void disconnect() throws Exception {
        db1.close();
        factory.close();
        server.close();
    }

    @AfterEach
    void sudoWithoutPassword() throws Exception {
        server.requireSudoPassword(false);
    }
}
