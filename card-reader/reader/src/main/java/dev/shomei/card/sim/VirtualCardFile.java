package dev.shomei.card.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shomei.card.apdu.Hex;
import dev.shomei.card.data.MyNumber;
import dev.shomei.card.data.Sex;
import dev.shomei.card.myna.InputAssistAp;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A virtual My Number card as a JSON file:
 * <pre>
 * {
 *   "format": "shomei-virtual-card/1",
 *   "person": { "myNumber": "123456789018", "name": "番号　花子", "kana": "バンゴウ　ハナコ",
 *               "address": "東京都文京区…", "birthDate": "19850401", "sex": "2" },
 *   "pin": "1234",
 *   "triesLeft": 3,
 *   "atr": "3BE000FF8131FE4514",
 *   "files": { "0001": "FF100C…FFFF", "0002": "FF20…", "0003": "FF30…", "0004": "7F21…", "0005": "FF40…" }
 * }
 * </pre>
 * The card answers from {@code files} only: {@code person} records what it was personalised with
 * (demo data uses it), so a tester can change one byte of a file and watch the center refuse it.
 * {@code triesLeft} is rewritten in place when the card's counter changes ({@link #open(Path)}).
 */
public final class VirtualCardFile {
    public static final String FORMAT = "shomei-virtual-card/1";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern PIN = Pattern.compile("[0-9]{4}");
    private static final Pattern FILE_ID = Pattern.compile("[0-9A-Fa-f]{4}");
    private static final DateTimeFormatter BIRTH_DATE =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private final Map<String, String> person;
    private final String pin;
    private final int triesLeft;
    private final byte[] atr;
    private final Map<Integer, byte[]> files;

    private VirtualCardFile(Map<String, String> person, String pin, int triesLeft, byte[] atr, Map<Integer, byte[]> files) {
        if (pin == null || !PIN.matcher(pin).matches()) {
            throw invalid("pin must be 4 digits");
        }
        if (triesLeft < 0 || triesLeft > InputAssistAp.MAX_PIN_TRIES) {
            throw invalid("triesLeft must be 0..3");
        }
        this.person = Collections.unmodifiableMap(new LinkedHashMap<>(person));
        this.pin = pin;
        this.triesLeft = triesLeft;
        this.atr = atr.clone();
        Map<Integer, byte[]> copy = new LinkedHashMap<>();
        files.forEach((id, content) -> copy.put(id, content.clone()));
        this.files = Collections.unmodifiableMap(copy);
    }

    static VirtualCardFile of(CardPerson p, String pin, int triesLeft, byte[] atr, Map<Integer, byte[]> files) {
        Map<String, String> person = new LinkedHashMap<>();
        person.put("myNumber", p.myNumber().reveal());
        person.put("name", p.name());
        if (p.kana() != null) {
            person.put("kana", p.kana());
        }
        person.put("address", p.address());
        person.put("birthDate", p.birthDate().format(BIRTH_DATE));
        person.put("sex", String.valueOf(p.sex().code()));
        return new VirtualCardFile(person, pin, triesLeft, atr, files);
    }

    /**
     * Reads a card file.
     *
     * @throws ShomeiException {@code INVALID_REQUEST} naming the field that is wrong (never its value)
     * @throws UncheckedIOException when the file cannot be read
     */
    public static VirtualCardFile read(Path path) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(path));
        } catch (JsonProcessingException e) {
            throw invalid(path.getFileName() + " is not JSON");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read card file " + path, e);
        }
        return fromJson(root);
    }

    static VirtualCardFile fromJson(JsonNode root) {
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
            throw invalid("format must be " + FORMAT);
        }
        Map<String, String> person = new LinkedHashMap<>();
        JsonNode personNode = root.path("person");
        if (personNode.isObject()) {
            for (Map.Entry<String, JsonNode> field : personNode.properties()) {
                person.put(field.getKey(), field.getValue().asText());
            }
        }
        JsonNode tries = root.path("triesLeft");
        if (!tries.isInt()) {
            throw invalid("triesLeft must be a number 0..3");
        }
        byte[] atr = root.has("atr") ? hex(root.path("atr"), "atr") : VirtualCard.DEFAULT_ATR;
        JsonNode filesNode = root.path("files");
        if (!filesNode.isObject()) {
            throw invalid("files must be an object of 4-hex-digit file ids");
        }
        Map<Integer, byte[]> files = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : filesNode.properties()) {
            if (!FILE_ID.matcher(field.getKey()).matches()) {
                throw invalid("file id " + field.getKey() + " is not 4 hex digits");
            }
            files.put(Integer.parseInt(field.getKey(), 16), hex(field.getValue(), "files." + field.getKey()));
        }
        for (int required : new int[] {InputAssistAp.EF_MY_NUMBER, InputAssistAp.EF_BASIC_INFO,
                InputAssistAp.EF_SIGNATURE, InputAssistAp.EF_CERTIFICATE}) {
            if (!files.containsKey(required)) {
                throw invalid(String.format("files.%04X is missing", required));
            }
        }
        return new VirtualCardFile(person, root.path("pin").asText(null), tries.intValue(), atr, files);
    }

    /** Writes the card file (owner-only permissions where the file system has them). */
    public void write(Path path) {
        writeAtomically(path, toJson());
    }

    /** An in-memory card whose counter changes are not saved anywhere. */
    public VirtualCard toCard() {
        return new VirtualCard(files, pin.getBytes(StandardCharsets.US_ASCII), triesLeft, atr, tries -> { });
    }

    /** Reads {@code path} and returns its card; every counter change is written back into {@code path}. */
    public static VirtualCard open(Path path) {
        VirtualCardFile file = read(path);
        return new VirtualCard(file.files, file.pin.getBytes(StandardCharsets.US_ASCII), file.triesLeft, file.atr,
                tries -> saveTriesLeft(path, tries));
    }

    /** Rewrites only {@code triesLeft}, keeping everything else in the file as it is. */
    static void saveTriesLeft(Path path, int triesLeft) {
        try {
            JsonNode root = JSON.readTree(Files.readAllBytes(path));
            if (!(root instanceof ObjectNode object)) {
                throw new IllegalStateException("card file is no longer a JSON object");
            }
            object.put("triesLeft", triesLeft);
            writeAtomically(path, object);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write card file " + path, e);
        }
    }

    /** The person the card was personalised for, as written in the file. */
    public CardPerson person() {
        try {
            return new CardPerson(MyNumber.parse(require("myNumber")), require("name"), person.get("kana"),
                    require("address"), LocalDate.parse(require("birthDate"), BIRTH_DATE),
                    Sex.ofCode(require("sex").length() == 1 ? require("sex").charAt(0) : '?'));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw invalid("person is not valid: " + e.getClass().getSimpleName());
        }
    }

    public String pin() {
        return pin;
    }

    public int triesLeft() {
        return triesLeft;
    }

    public byte[] atr() {
        return atr.clone();
    }

    /** A copy of one EF's content, or null. */
    public byte[] file(int fileId) {
        byte[] content = files.get(fileId);
        return content == null ? null : content.clone();
    }

    /** A copy with one EF replaced (testers' tampering, in code). */
    public VirtualCardFile withFile(int fileId, byte[] content) {
        Map<Integer, byte[]> copy = new LinkedHashMap<>(files);
        copy.put(fileId, content);
        return new VirtualCardFile(person, pin, triesLeft, atr, copy);
    }

    public VirtualCardFile withTriesLeft(int tries) {
        return new VirtualCardFile(person, pin, tries, atr, files);
    }

    ObjectNode toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        ObjectNode personNode = root.putObject("person");
        person.forEach(personNode::put);
        root.put("pin", pin);
        root.put("triesLeft", triesLeft);
        root.put("atr", Hex.of(atr));
        ObjectNode filesNode = root.putObject("files");
        files.forEach((id, content) -> filesNode.put(String.format("%04X", id), Hex.of(content)));
        return root;
    }

    @Override
    public String toString() {
        return "VirtualCardFile[triesLeft=" + triesLeft + ", files=" + files.size() + "]";
    }

    private String require(String field) {
        String value = person.get(field);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("person." + field + " is missing");
        }
        return value;
    }

    private static byte[] hex(JsonNode node, String field) {
        if (!node.isTextual()) {
            throw invalid(field + " must be a hex string");
        }
        try {
            return Hex.parse(node.asText());
        } catch (IllegalArgumentException e) {
            throw invalid(field + " is not hex");
        }
    }

    private static void writeAtomically(Path path, JsonNode json) {
        try {
            Path absolute = path.toAbsolutePath();
            Path dir = absolute.getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Path temp = Files.createTempFile(dir, ".card-", ".tmp");
            try {
                if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
                }
                Files.write(temp, JSON.writeValueAsBytes(json));
                try {
                    Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write card file " + path, e);
        }
    }

    private static ShomeiException invalid(String what) {
        return new ShomeiException(ErrorCode.INVALID_REQUEST, "card file: " + what);
    }
}
