package dev.shomei.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A card file whose EF 0002 has one byte of the name changed, as a forger would try. */
final class TamperedCard {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TamperedCard() {
    }

    static Path changeOneNameByte(Path card, Path tampered) throws IOException {
        ObjectNode file = (ObjectNode) JSON.readTree(card.toFile());
        ObjectNode files = (ObjectNode) file.get("files");
        String ef02 = files.get("0002").asText();
        // the DF22 (name) TLV follows the FF20 header and the 12-byte DF21 offsets TLV: change its first value byte
        int nameTag = ef02.toUpperCase().indexOf("DF22");
        int firstNameByte = nameTag + 6;
        String original = ef02.substring(firstNameByte, firstNameByte + 2);
        String changed = String.format("%02X", Integer.parseInt(original, 16) ^ 0x01);
        files.put("0002", ef02.substring(0, firstNameByte) + changed + ef02.substring(firstNameByte + 2));
        Files.createDirectories(tampered.getParent());
        JSON.writeValue(tampered.toFile(), file);
        return tampered;
    }
}
