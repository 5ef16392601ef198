package dev.shomei.center.testing;

import dev.shomei.center.municipality.MunicipalitySettings;
import dev.shomei.center.municipality.MunicipalitySource;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory municipality source that a test can take down. */
public final class FakeMunicipalities implements MunicipalitySource {
    public static final String BUNKYO = "131059";
    public static final String CHIYODA = "131016";
    public static final String NOT_PARTICIPATING = "012025";

    private final Map<String, MunicipalitySettings> settings = new TreeMap<>();
    public final AtomicBoolean down = new AtomicBoolean();
    public final AtomicInteger loads = new AtomicInteger();

    public FakeMunicipalities() {
        put(new MunicipalitySettings(BUNKYO, "文京区", "Bunkyo City", true, true, 120,
                LocalTime.of(6, 30), LocalTime.of(23, 0)));
        put(new MunicipalitySettings(CHIYODA, "千代田区", "Chiyoda City", true, false, 200,
                LocalTime.of(6, 30), LocalTime.of(23, 0)));
        put(new MunicipalitySettings(NOT_PARTICIPATING, "旭川市", "Asahikawa City", false, false, 300,
                LocalTime.of(6, 30), LocalTime.of(23, 0)));
    }

    public synchronized void put(MunicipalitySettings value) {
        settings.put(value.code(), value);
    }

    @Override
    public synchronized List<MunicipalitySettings> load() {
        loads.incrementAndGet();
        if (down.get()) {
            throw new ShomeiException(ErrorCode.BACKEND_UNAVAILABLE, "fake source down");
        }
        return new ArrayList<>(settings.values());
    }

    @Override
    public synchronized MunicipalitySettings save(MunicipalitySettings value) {
        if (down.get()) {
            throw new ShomeiException(ErrorCode.BACKEND_UNAVAILABLE, "fake source down");
        }
        settings.put(value.code(), value);
        return value;
    }
}
