package io.pgha.verify.checks;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Patroni may report a host name where PostgreSQL reports an address: compare numeric forms. */
final class Addresses {
    private Addresses() {
    }

    static String numeric(String host) {
        try {
            return InetAddress.getByName(host).getHostAddress();
        } catch (UnknownHostException e) {
            return host;
        }
    }
}
