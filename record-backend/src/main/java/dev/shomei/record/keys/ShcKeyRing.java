package dev.shomei.record.keys;

import dev.shomei.protocol.pki.Pem;
import dev.shomei.protocol.shc.EcJwk;
import dev.shomei.protocol.shc.EcShcSigner;
import dev.shomei.protocol.shc.Jwks;
import dev.shomei.protocol.shc.RevocationIds;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The SMART Health Card issuer keys: several EC P-256 keys, numbered; the newest signs, all of them
 * are published in the JWKS so that cards signed by an older key still verify.
 *
 * <p>Each key has its revocation-id secret ({@link RevocationSecrets}): the {@code vc.rid} of every card it
 * signs is derived from it. Two sources: a directory of {@code issuer-<n>.key} / {@code issuer-<n>.pub} /
 * {@code issuer-<n>.rid} files (the dev
 * PKI's {@code shc/} folder; {@link #rotate(Path)} adds the next one), or a PKCS#12 key store with
 * private-key entries {@code shc-<n>} and secret-key entries {@code shc-<n>-rid} (production; HSM-backed
 * stores work the same way).
 */
public final class ShcKeyRing {
    private static final Pattern FILE = Pattern.compile("issuer-(\\d+)\\.key");
    private static final Pattern ALIAS = Pattern.compile("shc-(\\d+)");

    private record Numbered(int number, EcShcSigner signer, RevocationIds revocationIds) {
    }

    private final List<Numbered> keys;

    private ShcKeyRing(List<Numbered> keys) {
        if (keys.isEmpty()) {
            throw new IllegalStateException("no SMART Health Card issuer key found");
        }
        List<Numbered> sorted = new ArrayList<>(keys);
        sorted.sort(Comparator.comparingInt(Numbered::number));
        this.keys = List.copyOf(sorted);
    }

    /** Loads every {@code issuer-<n>.key} (with its {@code .pub}) in {@code dir}. */
    public static ShcKeyRing fromDirectory(Path dir) {
        List<Numbered> keys = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Matcher matcher = FILE.matcher(file.getFileName().toString());
                if (!matcher.matches()) {
                    continue;
                }
                Path publicFile = dir.resolve("issuer-" + matcher.group(1) + ".pub");
                KeyPair pair = new KeyPair(Pem.readPublicKey(publicFile), Pem.readPrivateKey(file));
                RevocationIds rids = new RevocationIds(RevocationSecrets.read(dir, "issuer-" + matcher.group(1)));
                keys.add(new Numbered(Integer.parseInt(matcher.group(1)), new EcShcSigner(pair), rids));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the SMART Health Card key directory", e);
        }
        return new ShcKeyRing(keys);
    }

    /** Loads every private-key entry {@code shc-<n>} of a PKCS#12 key store. */
    public static ShcKeyRing fromKeyStore(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            List<Numbered> keys = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                Matcher matcher = ALIAS.matcher(alias);
                if (!matcher.matches() || !store.isKeyEntry(alias)) {
                    continue;
                }
                PrivateKey key = (PrivateKey) store.getKey(alias, password);
                KeyPair pair = new KeyPair(store.getCertificate(alias).getPublicKey(), key);
                keys.add(new Numbered(Integer.parseInt(matcher.group(1)), new EcShcSigner(pair),
                        new RevocationIds(RevocationSecrets.fromKeyStore(store, alias, password))));
            }
            return new ShcKeyRing(keys);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the SMART Health Card key store", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the SMART Health Card key store: " + e.getClass().getSimpleName());
        }
    }

    /** Adds {@code issuer-<n+1>} (with its revocation-id secret {@code issuer-<n+1>.rid}) to the directory (the new key signs from the next reload); returns its kid. */
    public static String rotate(Path dir) {
        int next = fromDirectory(dir).keys.getLast().number() + 1;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            // the secret and the public half first: a reader never sees a private key without them
            RevocationSecrets.create(dir, "issuer-" + next);
            Pem.writePublicKey(dir.resolve("issuer-" + next + ".pub"), pair.getPublic());
            Pem.writePrivateKey(dir.resolve("issuer-" + next + ".key"), pair.getPrivate());
            return EcJwk.of(pair.getPublic()).kid();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 is not available", e);
        }
    }

    /** The newest key: it signs new cards. */
    public EcShcSigner current() {
        return keys.getLast().signer();
    }

    /** The revocation-id derivation of the newest key. */
    public RevocationIds currentRevocationIds() {
        return keys.getLast().revocationIds();
    }

    /** Every key's kid, oldest first: each has a revocation list. */
    public List<String> kids() {
        return keys.stream().map(key -> key.signer().kid()).toList();
    }

    /** Every public key, newest first. */
    public Jwks jwks() {
        List<EcJwk> published = new ArrayList<>();
        for (int i = keys.size() - 1; i >= 0; i--) {
            published.add(keys.get(i).signer().jwk());
        }
        return new Jwks(published);
    }

    public int size() {
        return keys.size();
    }
}
