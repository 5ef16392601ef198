package dev.shomei.protocol.pki;

import java.nio.file.Path;

/** {@code ./shomei pki}: creates the dev PKI in the state directory (idempotent) and names its folder. */
public final class DevPkiCli {
    private DevPkiCli() {
    }

    public static void main(String[] args) {
        Path state = Path.of(System.getProperty("shomei.state", "state"));
        DevPki pki = DevPki.ensure(state.resolve("pki"));
        System.out.println("dev PKI ready in " + pki.dir());
    }
}
