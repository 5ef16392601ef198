package dev.shomei.protocol.backend;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.shomei.protocol.cert.CertificateContent;
import dev.shomei.protocol.cert.SignedCertificate;
import java.io.IOException;

/**
 * A {@link SignedCertificate} on the API: the fields of its {@link CertificateContent} flat, then
 * {@code smartHealthCard} and {@code vdsNc} (the shape the center and the stored answers have always
 * had). Jackson maps the model records themselves; this class only flattens the one wrapper, which
 * {@code @JsonUnwrapped} cannot do for a record's constructor. Reading builds the records through
 * their constructors, so everything is validated again.
 */
final class SignedCertificateJson {
    private static final String SHC = "smartHealthCard";
    private static final String VDS_NC = "vdsNc";

    private SignedCertificateJson() {
    }

    static SimpleModule module() {
        return new SimpleModule("SignedCertificateJson")
                .addSerializer(SignedCertificate.class, new Writer())
                .addDeserializer(SignedCertificate.class, new Reader());
    }

    private static final class Writer extends StdSerializer<SignedCertificate> {
        Writer() {
            super(SignedCertificate.class);
        }

        @Override
        public void serialize(SignedCertificate value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject(value);
            provider.findValueSerializer(CertificateContent.class).unwrappingSerializer(null)
                    .serialize(value.content(), gen, provider);
            gen.writeStringField(SHC, value.smartHealthCard());
            gen.writeStringField(VDS_NC, value.vdsNc());
            gen.writeEndObject();
        }
    }

    private static final class Reader extends StdDeserializer<SignedCertificate> {
        Reader() {
            super(SignedCertificate.class);
        }

        @Override
        public SignedCertificate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode tree = context.readTree(parser);
            if (!(tree instanceof ObjectNode fields)) {
                return context.reportInputMismatch(SignedCertificate.class, "certificate is not an object");
            }
            String smartHealthCard = text(fields.remove(SHC));
            String vdsNc = text(fields.remove(VDS_NC));
            CertificateContent content = context.readTreeAsValue(fields, CertificateContent.class);
            return new SignedCertificate(content, smartHealthCard, vdsNc);
        }

        private static String text(JsonNode node) {
            return node == null || node.isNull() ? null : node.asText();
        }
    }
}
