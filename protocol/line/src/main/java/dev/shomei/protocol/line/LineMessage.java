package dev.shomei.protocol.line;

/** One message on the line. Each record knows its {@link MessageType}; the codec knows its bytes. */
public sealed interface LineMessage
        permits Hello, Ack, Refusal, Heartbeat, MunicipalityListRequest, MunicipalityListResponse,
        MunicipalityCatalogRequest, MunicipalityCatalogResponse,
        IssueRequest, IssueResponse, PrintOutcome {

    MessageType type();
}
