package io.pgha.verify.cluster;

/** One etcd member's client endpoint. */
public record EtcdEndpoint(String name, String address, int clientPort) {
    public String url() {
        return "http://" + (address.contains(":") ? "[" + address + "]" : address) + ":" + clientPort;
    }
}
