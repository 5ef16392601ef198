package dev.shomei.kiosk.testing;

import dev.shomei.kiosk.center.CenterLink;
import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.line.CertificateSummary;
import dev.shomei.protocol.line.DoseSummary;
import dev.shomei.protocol.line.Heartbeat;
import dev.shomei.protocol.line.IssueRequest;
import dev.shomei.protocol.line.IssueResponse;
import dev.shomei.protocol.line.MunicipalityInfo;
import dev.shomei.protocol.line.PrintOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Collator;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A center fake: a fixed municipality list, a programmable issuer, and a record of what it got. */
public final class FakeCenter implements CenterLink {
    /** Closed: the next card, center or print operation waits for the test. */
    public final Gate gate = new Gate();
    public static final String NAME = "山田　花子";
    public static final String BUNKYO = "131059";
    public static final String SHINJUKU = "131041";
    /** Offers domestic certificates only. */
    public static final String DOMESTIC_ONLY = "132012";
    /** Open 23:00..06:30 only — closed at noon. */
    public static final String NIGHT_ONLY = "011002";
    public static final int FEE = 120;

    private volatile List<MunicipalityInfo> municipalities = defaultMunicipalities();
    private volatile Function<IssueRequest, IssueResponse> issuer = FakeCenter::certificate;
    private volatile ShomeiException listFailure;
    private volatile ShomeiException issueFailure;
    private volatile ShomeiException outcomeFailure;
    private volatile ShomeiException heartbeatFailure;
    /** Copies of the card files each request carried, taken when it arrived. */
    public final List<byte[]> ef0001Received = new CopyOnWriteArrayList<>();
    public final List<IssueRequest> requests = new CopyOnWriteArrayList<>();
    public final List<PrintOutcome> outcomes = new CopyOnWriteArrayList<>();
    public final List<Heartbeat> heartbeats = new CopyOnWriteArrayList<>();
    public final List<IssueResponse> responses = new CopyOnWriteArrayList<>();

    /**
     * Japan's municipalities as the center sends them: the national list (the center's shipped CSV)
     * not taking part, with four that do laid over it; prefecture, then reading order.
     */
    public static List<MunicipalityInfo> defaultMunicipalities() {
        Set<CertificateType> both = EnumSet.allOf(CertificateType.class);
        Map<String, MunicipalityInfo> byCode = new LinkedHashMap<>();
        for (MunicipalityInfo m : NATIONAL) {
            byCode.put(m.code(), m);
        }
        for (MunicipalityInfo m : List.of(
                new MunicipalityInfo(BUNKYO, "文京区", "Bunkyo City", FEE, LocalTime.of(6, 30), LocalTime.of(23, 0), both,
                        "ぶんきょうく", true),
                new MunicipalityInfo(SHINJUKU, "新宿区", "Shinjuku City", 200, LocalTime.of(6, 30), LocalTime.of(23, 0), both,
                        "しんじゅくく", true),
                new MunicipalityInfo(DOMESTIC_ONLY, "八王子市", "Hachioji City", FEE, LocalTime.of(6, 30), LocalTime.of(23, 0),
                        EnumSet.of(CertificateType.DOMESTIC), "はちおうじし", true),
                new MunicipalityInfo(NIGHT_ONLY, "札幌市", "Sapporo City", FEE, LocalTime.of(23, 0), LocalTime.of(6, 30), both,
                        "さっぽろし", true))) {
            byCode.put(m.code(), m);
        }
        Collator kana = Collator.getInstance(Locale.JAPANESE);
        List<MunicipalityInfo> ordered = new ArrayList<>(byCode.values());
        ordered.sort(Comparator.comparing(MunicipalityInfo::prefectureCode)
                .thenComparing(MunicipalityInfo::nameKana, kana::compare));
        return List.copyOf(ordered);
    }

    /** The center's shipped national list (code,prefecture,name,kana), none taking part. */
    private static final List<MunicipalityInfo> NATIONAL = national();

    private static List<MunicipalityInfo> national() {
        Path csv = Path.of("..", "center-server", "src", "main", "resources", "dev", "shomei", "center", "municipality",
                "municipalities-jp.csv");
        try {
            List<MunicipalityInfo> all = new ArrayList<>();
            for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
                String[] f = line.split(",");
                if (line.startsWith("#") || f[0].equals("code")) {
                    continue;
                }
                all.add(new MunicipalityInfo(f[0], f[2], "", 0, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT,
                        EnumSet.of(CertificateType.DOMESTIC), f[3], false));
            }
            return List.copyOf(all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A certificate for the request: fee = copies x the municipality's fee. */
    public static IssueResponse certificate(IssueRequest request) {
        int fee = request.municipalityCode().equals(SHINJUKU) ? 200 : FEE;
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= request.copies(); i++) {
            String prefix = request.transactionId().replaceAll("[^A-Za-z0-9]", "");
            ids.add("JP-" + prefix.substring(0, Math.min(8, prefix.length())) + "-" + i);
        }
        CertificateSummary summary = new CertificateSummary(NAME,
                request.certificateType() == CertificateType.OVERSEAS ? "YAMADA HANAKO" : "",
                LocalDate.of(1980, 4, 1),
                List.of(new DoseSummary(1, LocalDate.of(2021, 6, 1), "コミナティ", "ファイザー社", "FA1234"),
                        new DoseSummary(2, LocalDate.of(2021, 6, 22), "コミナティ", "ファイザー社", "FA5678")),
                request.certificateType() == CertificateType.OVERSEAS ? "JPN" : "",
                request.certificateType() == CertificateType.OVERSEAS ? "TK1234567" : "");
        byte[] pdf = ("%PDF-1.7 certificate for " + NAME).getBytes(StandardCharsets.UTF_8);
        return new IssueResponse(request.transactionId(), ids, fee * request.copies(), request.copies(), summary, pdf);
    }

    public void setMunicipalities(List<MunicipalityInfo> municipalities) {
        this.municipalities = municipalities;
    }

    public void setIssuer(Function<IssueRequest, IssueResponse> issuer) {
        this.issuer = issuer;
    }

    public void failList(ShomeiException failure) {
        this.listFailure = failure;
    }

    public void failIssue(ShomeiException failure) {
        this.issueFailure = failure;
    }

    public void failOutcome(ShomeiException failure) {
        this.outcomeFailure = failure;
    }

    /** Every heartbeat is refused with {@code failure} (TERMINAL_DISABLED: disabled at the console); null acknowledges again. */
    public void failHeartbeat(ShomeiException failure) {
        this.heartbeatFailure = failure;
    }

    @Override
    public List<MunicipalityInfo> municipalities() {
        if (listFailure != null) {
            throw listFailure;
        }
        return municipalities;
    }

    @Override
    public IssueResponse issue(IssueRequest request) {
        gate.pass();
        ef0001Received.add(request.ef0001());
        requests.add(request);
        if (issueFailure != null) {
            throw issueFailure;
        }
        IssueResponse response = issuer.apply(request);
        responses.add(response);
        return response;
    }

    @Override
    public void reportOutcome(PrintOutcome outcome) {
        if (outcomeFailure != null) {
            throw outcomeFailure;
        }
        outcomes.add(outcome);
    }

    @Override
    public void heartbeat(Heartbeat heartbeat) {
        heartbeats.add(heartbeat);
        if (heartbeatFailure != null) {
            throw heartbeatFailure;
        }
    }
}
