package dev.shomei.printing.verify;

import dev.shomei.protocol.cert.CertificateVerificationException;
import dev.shomei.protocol.shc.HealthCard;
import dev.shomei.protocol.shc.ShcRevocationList;
import dev.shomei.protocol.vds.VdsNcRevocationList;
import dev.shomei.protocol.vds.VdsNcSeal;
import dev.shomei.protocol.vds.VdsNcVerifier;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the verifier reads revocation lists: the issuer's public trust endpoint ({@code --trust
 * https://host:8412}: {@code /.well-known/crl/<kid>.json}, {@code /trust/vds-nc/revoked.json}) or list
 * files. A list that cannot be read or does not verify leaves the code {@link Revocation.State#NOT_CHECKED},
 * with the reason; it never makes a valid code invalid. Each list is read once per run.
 */
public final class RevocationLists {
    private final URI trust;
    private final Path caFile;
    private final Map<String, Path> shcFiles;
    private final Path vdsFile;
    private final VdsNcVerifier vdsVerifier;
    private final Map<String, Object> read = new HashMap<>();

    private RevocationLists(URI trust, Path caFile, Map<String, Path> shcFiles, Path vdsFile, VdsNcVerifier vdsVerifier) {
        this.trust = trust;
        this.caFile = caFile;
        this.shcFiles = shcFiles;
        this.vdsFile = vdsFile;
        this.vdsVerifier = vdsVerifier;
    }

    /** Lists from the public endpoint at {@code base} (https, trusting only {@code caFile} when given). */
    public static RevocationLists endpoint(URI base, Path caFile, VdsNcVerifier vdsVerifier) {
        String text = base.toString();
        return new RevocationLists(URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text), caFile,
                Map.of(), null, vdsVerifier);
    }

    /**
     * Lists from files: SMART Health Card lists (each names its kid) and the signed VDS-NC list;
     * either may be absent.
     */
    public static RevocationLists files(List<Path> shcLists, Path vdsList, VdsNcVerifier vdsVerifier) throws IOException {
        Map<String, Path> byKid = new HashMap<>();
        for (Path file : shcLists) {
            byKid.put(ShcRevocationList.parse(Files.readString(file, StandardCharsets.UTF_8), null).kid(), file);
        }
        return new RevocationLists(null, null, byKid, vdsList, vdsVerifier);
    }

    public Revocation check(HealthCard card) {
        if (card.rid() == null) {
            return Revocation.notChecked("the card carries no revocation id");
        }
        String where = trust != null ? trust + "/.well-known/crl/" + card.kid() + ".json"
                : shcFiles.containsKey(card.kid()) ? shcFiles.get(card.kid()).toString() : null;
        if (where == null) {
            return Revocation.notChecked("no revocation list given for issuer key " + card.kid());
        }
        Object list = read.computeIfAbsent("shc:" + card.kid(), key -> readShc(card.kid(), where));
        if (list instanceof String problem) {
            return Revocation.notChecked(problem);
        }
        ShcRevocationList crl = (ShcRevocationList) list;
        if (crl.revokes(card.rid(), card.notBefore())) {
            return new Revocation(Revocation.State.REVOKED, "revocation id " + card.rid() + " is on the list of issuer key "
                    + card.kid() + " (ctr " + crl.ctr() + ")");
        }
        return new Revocation(Revocation.State.NOT_REVOKED, "list ctr " + crl.ctr() + " from " + where);
    }

    public Revocation check(VdsNcSeal seal) {
        String where = trust != null ? trust + "/trust/vds-nc/revoked.json" : vdsFile == null ? null : vdsFile.toString();
        if (where == null) {
            return Revocation.notChecked("no VDS-NC revocation list given");
        }
        Object list = read.computeIfAbsent("vds", key -> readVds(where));
        if (list instanceof String problem) {
            return Revocation.notChecked(problem);
        }
        VdsNcRevocationList revoked = (VdsNcRevocationList) list;
        String uvci = seal.message().uvci();
        if (revoked.revokes(uvci)) {
            return new Revocation(Revocation.State.REVOKED, "certificate " + uvci + " is on the signed VDS-NC revocation list (ctr "
                    + revoked.ctr() + ", issued " + revoked.issued() + ")");
        }
        return new Revocation(Revocation.State.NOT_REVOKED, "signed list ctr " + revoked.ctr() + " from " + where);
    }

    private static String problem(Exception e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The list, or a String saying why there is none. */
    private Object readShc(String kid, String where) {
        try {
            String json = trust != null ? TrustSources.fetch(URI.create(trust + "/.well-known/crl/" + kid + ".json"), caFile,
                    "revocation list") : Files.readString(shcFiles.get(kid), StandardCharsets.UTF_8);
            return ShcRevocationList.parse(json, kid);
        } catch (IOException | IllegalArgumentException e) {
            return "could not reach " + where + ": " + problem(e);
        } catch (CertificateVerificationException e) {
            return "the list from " + where + " was refused: " + e.reason();
        }
    }

    private Object readVds(String where) {
        try {
            String json = trust != null ? TrustSources.fetch(URI.create(trust + "/trust/vds-nc/revoked.json"), caFile,
                    "VDS-NC revocation list") : Files.readString(vdsFile, StandardCharsets.UTF_8);
            return VdsNcRevocationList.verify(json, vdsVerifier);
        } catch (IOException | IllegalArgumentException e) {
            return "could not reach " + where + ": " + problem(e);
        } catch (CertificateVerificationException e) {
            return "the list from " + where + " was refused: " + e.reason();
        }
    }
}
