package dev.shomei.protocol.backend;

/**
 * Paths and status codes of the record backend's API. All bodies are JSON ({@code
 * application/json; charset=UTF-8}); errors come back as {@link ApiError} with the HTTP status of
 * {@link #httpStatus(dev.shomei.protocol.ErrorCode)}.
 *
 * <pre>
 * POST /api/v1/issuances                 IssuanceRequest          -> 200 IssuanceResponse (same answer for a repeated transactionId)
 * POST /api/v1/issuances/status          StatusUpdate          -> 200 StatusResponse
 * GET  /api/v1/issuances/unconfirmed?olderThanSeconds=N        -> 200 UnconfirmedIssuances
 * GET  /api/v1/issuances?transactionId=TX                      -> 200 TransactionIssuances (any status; ids only)
 * GET  /api/v1/municipalities                                  -> 200 MunicipalityList
 * GET  /observe/health                                         -> 200 when up (also on the console port)
 * </pre>
 */
public final class BackendApi {
    public static final int DEFAULT_API_PORT = 8410;
    public static final int DEFAULT_CONSOLE_PORT = 8411;
    /** The public trust endpoint: JWKS, revocation lists, VDS-NC certificates, the verifier page (server TLS only). */
    public static final int DEFAULT_PUBLIC_PORT = 8412;
    public static final String ISSUANCES = "/api/v1/issuances";
    public static final String ISSUANCE_STATUS = "/api/v1/issuances/status";
    public static final String UNCONFIRMED = "/api/v1/issuances/unconfirmed";
    /** The query parameter of {@code GET ISSUANCES}: the issuances of one transaction id, any status. */
    public static final String TRANSACTION_PARAMETER = "transactionId";
    public static final String MUNICIPALITIES = "/api/v1/municipalities";
    public static final String JWKS = "/.well-known/jwks.json";
    public static final String HEALTH = "/observe/health";
    /** Request bodies larger than this are refused. */
    public static final int MAX_REQUEST_BYTES = 16 * 1024;

    private BackendApi() {
    }

    /** The HTTP status that carries an error code. */
    public static int httpStatus(dev.shomei.protocol.ErrorCode code) {
        return switch (code) {
            case INVALID_REQUEST, PROTOCOL_ERROR -> 400;
            case NO_RECORD, NO_VACCINATION, PASSPORT_INFO_MISSING, RESIDENT_FLAGGED,
                 MUNICIPALITY_NOT_PARTICIPATING, CERTIFICATE_TOO_LARGE -> 422;
            case FEE_MISMATCH, MUNICIPALITY_MOVING -> 409;
            case BACKEND_UNAVAILABLE -> 503;
            default -> 500;
        };
    }
}
