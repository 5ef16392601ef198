package dev.shomei.kiosk.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shomei.kiosk.cash.SimulatedCoinUnit;
import dev.shomei.kiosk.session.KioskSession;
import dev.shomei.kiosk.session.Service;
import dev.shomei.kiosk.voice.VoiceGuide;
import dev.shomei.kiosk.voice.VoiceSettings;
import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.Language;
import dev.shomei.protocol.ShomeiException;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.http.sse.SseEvent;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.sse.SseSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The screen's JSON API. Nothing personal ever travels in a URL: every input is a POST body.
 * <pre>
 * GET  /api/screen          the current screen
 * GET  /api/events          server-sent events, one "screen" event per change
 * GET  /api/hardware        which simulated hardware panels to show, and whether this is a demo kiosk
 * POST /api/action          {"action":"PIN_DIGIT","digit":7} and the like; answers the new screen
 * POST /api/coin            {"yen":100}: the simulated coin slot (only with a simulated coin unit: demo)
 * POST /api/card            {"present":true}: the virtual card's slot (demo)
 * GET  /api/voice           the voice's volume (1..5) and headphone mode
 * POST /api/voice           {"action":"REPEAT"|"LOUDER"|"SOFTER"|"HEADPHONES_ON"|"HEADPHONES_OFF"}
 * </pre>
 * A stale or impossible action answers 409 with the error code; a malformed body 400.
 */
final class KioskApi implements HttpService {
    private static final System.Logger LOG = System.getLogger(KioskApi.class.getName());
    private static final int MAX_BODY_BYTES = 4096;
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private final KioskSession session;
    private final SimulatedHardware hardware;
    private final ScreenBroadcaster broadcaster;
    private final ObjectMapper mapper = new ObjectMapper();
    private final ScreenJson screenJson = new ScreenJson(mapper);

    private final VoiceGuide voice;

    KioskApi(KioskSession session, SimulatedHardware hardware, ScreenBroadcaster broadcaster, VoiceGuide voice) {
        this.voice = voice;
        this.session = session;
        this.hardware = hardware;
        this.broadcaster = broadcaster;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/screen", this::screen)
                .get("/events", this::events)
                .get("/hardware", this::hardware)
                .post("/action", this::action)
                .post("/card", this::card)
                .get("/voice", this::voiceSettings)
                .post("/voice", this::voiceAction);
        if (hardware.coins() != null) {
            // the simulated coin slot exists only on a demo kiosk: elsewhere the route is not there at all
            rules.post("/coin", this::coin);
        }
    }

    private void screen(ServerRequest req, ServerResponse res) {
        sendJson(res, Status.OK_200, screenJson.toBytes(session.screen()));
    }

    private void hardware(ServerRequest req, ServerResponse res) {
        ObjectNode json = mapper.createObjectNode();
        json.put("coins", hardware.coins() != null);
        json.put("card", hardware.cardSlot() != null);
        json.put("demo", hardware.demo());
        json.putPOJO("acceptedYen", hardware.coins() == null ? java.util.List.of()
                : SimulatedCoinUnit.ACCEPTED.stream().sorted().toList());
        sendJson(res, Status.OK_200, write(json));
    }

    private void events(ServerRequest req, ServerResponse res) throws InterruptedException {
        try (ScreenBroadcaster.Subscription subscription = broadcaster.subscribe();
             SseSink sink = res.sink(SseSink.TYPE)) {
            while (subscription.isOpen()) {
                var screen = subscription.next(KEEP_ALIVE);
                if (screen == null) {
                    sink.emit(SseEvent.builder().comment("keep-alive").build());
                } else {
                    sink.emit(SseEvent.builder().name("screen")
                            .data(new String(screenJson.toBytes(screen), StandardCharsets.UTF_8)).build());
                }
            }
        } catch (UncheckedIOException e) {
            LOG.log(Level.DEBUG, "screen stream closed by the browser");
        }
    }

    private void action(ServerRequest req, ServerResponse res) {
        JsonNode body = body(req, res);
        if (body == null) {
            return;
        }
        try {
            dispatch(body);
        } catch (ShomeiException e) {
            sendError(res, Status.CONFLICT_409, e.code());
            return;
        } catch (IllegalArgumentException e) {
            sendError(res, Status.BAD_REQUEST_400, ErrorCode.INVALID_REQUEST);
            return;
        }
        sendJson(res, Status.OK_200, screenJson.toBytes(session.screen()));
    }

    private void dispatch(JsonNode body) {
        String action = text(body, "action");
        switch (action) {
            case "START" -> session.start();
            case "SERVICE" -> session.chooseService(Service.valueOf(text(body, "value")));
            case "LANGUAGE" -> session.chooseLanguage(Language.valueOf(text(body, "value")));
            case "CERTIFICATE_TYPE" -> session.chooseCertificateType(CertificateType.valueOf(text(body, "value")));
            case "BACK" -> session.back();
            case "MORE_TIME" -> session.moreTime();
            case "PIN_DIGIT" -> session.pinDigit(integer(body, "digit"));
            case "PIN_BACKSPACE" -> session.pinBackspace();
            case "PIN_CLEAR" -> session.pinClear();
            case "PIN_SUBMIT" -> session.submitPin();
            case "MUNICIPALITY" -> session.chooseMunicipality(text(body, "code"));
            case "MUNICIPALITY_NOT_LISTED" -> session.municipalityNotListed();
            case "COPIES" -> session.chooseCopies(integer(body, "copies"));
            case "CONFIRM" -> session.confirm();
            case "DONE" -> session.done();
            case "ACKNOWLEDGE" -> session.acknowledge();
            case "CANCEL" -> session.cancel();
            default -> throw new IllegalArgumentException("unknown action");
        }
    }

    private void voiceSettings(ServerRequest req, ServerResponse res) {
        if (voice == null) {
            sendError(res, Status.NOT_FOUND_404, ErrorCode.INVALID_REQUEST);
            return;
        }
        sendVoice(res, voice.settings());
    }

    private void voiceAction(ServerRequest req, ServerResponse res) {
        JsonNode body = body(req, res);
        if (body == null) {
            return;
        }
        if (voice == null) {
            sendError(res, Status.NOT_FOUND_404, ErrorCode.INVALID_REQUEST);
            return;
        }
        String action;
        try {
            action = text(body, "action");
        } catch (IllegalArgumentException e) {
            sendError(res, Status.BAD_REQUEST_400, ErrorCode.INVALID_REQUEST);
            return;
        }
        VoiceSettings settings = switch (action) {
            case "REPEAT" -> {
                voice.repeat();
                yield voice.settings();
            }
            case "LOUDER" -> voice.louder();
            case "SOFTER" -> voice.softer();
            case "HEADPHONES_ON" -> voice.headphones(true);
            case "HEADPHONES_OFF" -> voice.headphones(false);
            default -> null;
        };
        if (settings == null) {
            sendError(res, Status.BAD_REQUEST_400, ErrorCode.INVALID_REQUEST);
            return;
        }
        sendVoice(res, settings);
    }

    private void sendVoice(ServerResponse res, VoiceSettings settings) {
        ObjectNode json = mapper.createObjectNode();
        json.put("volume", settings.volume());
        json.put("maxVolume", VoiceSettings.MAX_VOLUME);
        json.put("headphones", settings.headphones());
        sendJson(res, Status.OK_200, write(json));
    }

    private void coin(ServerRequest req, ServerResponse res) {
        JsonNode body = body(req, res);
        if (body == null) {
            return;
        }
        int yen;
        try {
            yen = integer(body, "yen");
        } catch (IllegalArgumentException e) {
            sendError(res, Status.BAD_REQUEST_400, ErrorCode.INVALID_REQUEST);
            return;
        }
        SimulatedCoinUnit.Insert result = hardware.coins().insert(yen);
        ObjectNode json = mapper.createObjectNode();
        json.put("result", result.name());
        sendJson(res, Status.OK_200, write(json));
    }

    private void card(ServerRequest req, ServerResponse res) {
        JsonNode body = body(req, res);
        if (body == null) {
            return;
        }
        if (hardware.cardSlot() == null) {
            sendError(res, Status.NOT_FOUND_404, ErrorCode.INVALID_REQUEST);
            return;
        }
        JsonNode present = body.get("present");
        if (present == null || !present.isBoolean()) {
            sendError(res, Status.BAD_REQUEST_400, ErrorCode.INVALID_REQUEST);
            return;
        }
        if (present.booleanValue()) {
            hardware.cardSlot().insertCard();
        } else {
            hardware.cardSlot().removeCard();
        }
        res.status(Status.NO_CONTENT_204).send();
    }

    /** The request body as JSON, or null after answering 400. */
    private JsonNode body(ServerRequest req, ServerResponse res) {
        try (InputStream in = req.content().inputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                sendError(res, Status.REQUEST_ENTITY_TOO_LARGE_413, ErrorCode.INVALID_REQUEST);
                return null;
            }
            JsonNode json = mapper.readTree(bytes);
            if (json == null || !json.isObject()) {
                sendError(res, Status.BAD_REQUEST_400, ErrorCode.INVALID_REQUEST);
                return null;
            }
            return json;
        } catch (IOException e) {
            sendError(res, Status.BAD_REQUEST_400, ErrorCode.INVALID_REQUEST);
            return null;
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || !node.isTextual()) {
            throw new IllegalArgumentException(field + " must be text");
        }
        return node.textValue();
    }

    private static int integer(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || !node.canConvertToInt() || !node.isIntegralNumber()) {
            throw new IllegalArgumentException(field + " must be an integer");
        }
        return node.intValue();
    }

    private void sendError(ServerResponse res, Status status, ErrorCode code) {
        ObjectNode json = mapper.createObjectNode();
        json.put("error", code.name());
        sendJson(res, status, write(json));
    }

    private static void sendJson(ServerResponse res, Status status, byte[] body) {
        res.status(status).header(HeaderValues.CONTENT_TYPE_JSON).send(body);
    }

    private byte[] write(ObjectNode json) {
        try {
            return mapper.writeValueAsBytes(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
