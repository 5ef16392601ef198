package dev.shomei.protocol.line;

/**
 * kiosk -> center: every municipality of Japan, to choose from by prefecture and reading. Empty
 * payload. Kiosks that send {@link MunicipalityListRequest} keep getting the old list.
 */
public record MunicipalityCatalogRequest() implements LineMessage {

    @Override
    public MessageType type() {
        return MessageType.MUNICIPALITY_CATALOG_REQUEST;
    }
}
