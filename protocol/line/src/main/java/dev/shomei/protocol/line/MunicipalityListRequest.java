package dev.shomei.protocol.line;

/** kiosk -> center: which municipalities can the resident choose from? Empty payload. */
public record MunicipalityListRequest() implements LineMessage {

    @Override
    public MessageType type() {
        return MessageType.MUNICIPALITY_LIST_REQUEST;
    }
}
