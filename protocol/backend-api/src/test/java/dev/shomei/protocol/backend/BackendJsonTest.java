package dev.shomei.protocol.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shomei.protocol.CertificateType;
import dev.shomei.protocol.ErrorCode;
import dev.shomei.protocol.ShomeiException;
import dev.shomei.protocol.cert.CertificateContent;
import dev.shomei.protocol.cert.Dose;
import dev.shomei.protocol.cert.IssuingAuthority;
import dev.shomei.protocol.cert.Passport;
import dev.shomei.protocol.cert.Person;
import dev.shomei.protocol.cert.SignedCertificate;
import dev.shomei.protocol.cert.VaccineCatalog;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackendJsonTest {

    @Test
    void anIssueRequestRoundTripsAndRedactsItsPersonalData() {
        IssuanceRequest request = new IssuanceRequest("tx-1", "131059", "123456789018",
                new CardHolder("番号　花子", "東京都文京区", "1985-04-01", "2"), CertificateType.OVERSEAS, 2, "KIOSK-1");
        String json = BackendJson.writeString(request);
        assertEquals(request, BackendJson.read(json, IssuanceRequest.class));
        assertFalse(request.toString().contains("123456789018"));
        assertFalse(request.toString().contains("花子"));
        assertFalse(request.holder().toString().contains("1985"));
    }

    @Test
    void aSignedCertificateSurvivesTheWireAndIsValidatedAgain() {
        var product = VaccineCatalog.standard().byCode("comirnaty").orElseThrow();
        CertificateContent content = new CertificateContent("13105ABCDEFG", CertificateType.OVERSEAS,
                new Person("番号", "花子", LocalDate.of(1985, 4, 1)), new Passport("BANGO", "HANAKO", "JPN", "TK1234567"),
                List.of(new Dose(1, LocalDate.of(2021, 6, 1), product, "FA5765")),
                new IssuingAuthority("131059", "文京区長", "Mayor of Bunkyo City"), LocalDate.of(2024, 5, 1));
        SignedCertificate signed = new SignedCertificate(content, "header.payload.signature", "{\"data\":{}}");
        CertificateDto dto = CertificateDto.from(signed);
        CertificateDto back = BackendJson.read(BackendJson.write(dto), CertificateDto.class);
        assertEquals(signed, back.toSignedCertificate());
        assertFalse(dto.toString().contains("花子"));

        CertificateDto broken = new CertificateDto(dto.certificateId(), dto.type(), new CertificateDto.PersonDto("番号", "花子",
                "1985-13-01", false), dto.passport(), dto.doses(), dto.authority(), dto.issueDate(), dto.smartHealthCard(),
                dto.vdsNc());
        assertEquals(ErrorCode.INVALID_REQUEST, assertThrows(ShomeiException.class, broken::toSignedCertificate).code());
    }

    @Test
    void malformedJsonIsAnInvalidRequestThatDoesNotEchoTheInput() {
        ShomeiException duplicate = assertThrows(ShomeiException.class,
                () -> BackendJson.read("{\"myNumber\":\"1\",\"myNumber\":\"123456789018\"}", IssuanceRequest.class));
        assertEquals(ErrorCode.INVALID_REQUEST, duplicate.code());
        assertFalse(duplicate.getMessage().contains("123456789018"));
        assertThrows(ShomeiException.class, () -> BackendJson.read("{} {}", StatusUpdate.class));
        assertThrows(ShomeiException.class, () -> BackendJson.read("null", StatusUpdate.class));
        assertEquals("tx", BackendJson.read("{\"transactionId\":\"tx\",\"newField\":1}", StatusUpdate.class).transactionId());
    }

    @Test
    void errorsMapToStatusesAndBack() {
        ApiError error = ApiError.of(ErrorCode.NO_RECORD, "no resident here");
        assertEquals(ErrorCode.NO_RECORD, BackendJson.read(BackendJson.write(error), ApiError.class).errorCode());
        assertEquals(ErrorCode.PASSPORT_INFO_MISSING, new ApiError("SOMETHING_NEW", 10, "").errorCode());
        assertEquals(ErrorCode.INTERNAL, new ApiError("SOMETHING_NEW", 999, "").errorCode());
        assertEquals(422, BackendApi.httpStatus(ErrorCode.NO_RECORD));
        assertEquals(400, BackendApi.httpStatus(ErrorCode.INVALID_REQUEST));
        assertEquals(503, BackendApi.httpStatus(ErrorCode.BACKEND_UNAVAILABLE));
        assertEquals(500, BackendApi.httpStatus(ErrorCode.INTERNAL));
    }
}
