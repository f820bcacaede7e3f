package io.pgha.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** The status/verify/drill commands as a user runs them, against addresses where nothing listens. */
class VerifyCommandsTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Object command, String... args) {
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    /** One member on 127.0.0.1 with ports nothing listens on; secrets beside it unless told otherwise. */
    private static Path inventory(Path dir, boolean withSecrets) throws Exception {
        Path inv = dir.resolve("inventory.yml");
        Files.writeString(inv, """
                all:
                  children:
                    postgres:
                      hosts:
                        pg1:
                          ansible_host: 127.0.0.1
                          ansible_user: admin
                          postgresql_port: 1
                          patroni_restapi_port: 9
                          etcd_client_port: 9
                          haproxy_primary_port: 1
                          haproxy_replica_port: 1
                          haproxy_stats_port: 9
                """);
        if (withSecrets) {
            Path secrets = dir.resolve("pgha-secrets.yml");
            Files.writeString(secrets, """
                    postgresql_superuser_password: "a"
                    patroni_restapi_password: "b"
                    haproxy_stats_password: "c"
                    """);
            Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-------"));
        }
        return inv;
    }

    @Test
    void withoutASecretsFileTheUserIsToldToProvisionFirst(@TempDir Path dir) throws Exception {
        Path inv = inventory(dir, false);

        assertThat(run(new StatusCommand(), "-i", inv.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no secrets file " + dir.resolve("pgha-secrets.yml"))
                .contains("run `pgha provision -i");
    }

    @Test
    void verifyOfAnUnreachableClusterFailsWithWhereItLooked(@TempDir Path dir) throws Exception {
        Path inv = inventory(dir, true);

        assertThat(run(new VerifyCommand(), "-i", inv.toString(), "--deadline", "1")).isEqualTo(1);
        assertThat(out.toString())
                .contains("FAIL every member known to Patroni: no Patroni REST API answered: "
                        + "GET http://127.0.0.1:9/cluster: connection refused")
                .contains("expected: Patroni's /cluster lists pg1")
                .contains("verify: 9 of 9 checks FAILED")
                .doesNotContain("\"a\"", "\"b\"", "\"c\"");
    }

    @Test
    void statusShowsWhatDidNotAnswerAndSucceeds(@TempDir Path dir) throws Exception {
        Path inv = inventory(dir, true);

        assertThat(run(new StatusCommand(), "-i", inv.toString())).isZero();
        assertThat(out.toString()).contains("Patroni: no member's REST API answered")
                .contains("UNHEALTHY: GET http://127.0.0.1:9/health: connection refused");
    }

    @Test
    void anUnknownDrillIsABadCommandLine(@TempDir Path dir) throws Exception {
        Path inv = inventory(dir, true);

        assertThat(run(new DrillCommand(new ByteArrayInputStream(new byte[0])), "explode", "-i", inv.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("unknown drill 'explode'");
    }
}
