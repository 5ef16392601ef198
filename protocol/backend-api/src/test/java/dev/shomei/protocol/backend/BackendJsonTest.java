package dev.shomei.protocol.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.time.Instant;
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
        IssuanceResponse response = new IssuanceResponse("tx-1", "13105ABCDEFG", "131059",
                Instant.parse("2024-05-01T01:02:03.456Z"), IssuanceStatus.ISSUED, 2, 300, 600, signed);
        // the bytes the string-typed CertificateDto wrote before the model travelled itself
        String json = BackendJson.writeString(response);
        assertEquals("{\"transactionId\":\"tx-1\",\"certificateId\":\"13105ABCDEFG\",\"municipalityCode\":\"131059\",\"issuedAt\":\"2024-05-01T01:02:03.456Z\",\"status\":\"ISSUED\",\"copies\":2,\"feePerCopyYen\":300,\"feeTotalYen\":600,\"certificate\":{\"certificateId\":\"13105ABCDEFG\",\"type\":\"OVERSEAS\",\"person\":{\"familyName\":\"番号\",\"givenName\":\"花子\",\"birthDate\":\"1985-04-01\",\"variantKanji\":false},\"passport\":{\"surname\":\"BANGO\",\"givenNames\":\"HANAKO\",\"nationality\":\"JPN\",\"number\":\"TK1234567\"},\"doses\":[{\"number\":1,\"date\":\"2021-06-01\",\"product\":{\"code\":\"comirnaty\",\"nameJa\":\"コミナティ\",\"manufacturerJa\":\"ファイザー社\",\"nameEn\":\"COMIRNATY\",\"manufacturerEn\":\"Pfizer\",\"cvx\":\"208\",\"icd11\":\"XM0GQ8\",\"vdsName\":\"COMIRNATY\"},\"lotNumber\":\"FA5765\",\"country\":\"JPN\"}],\"authority\":{\"municipalityCode\":\"131059\",\"nameJa\":\"文京区長\",\"nameEn\":\"Mayor of Bunkyo City\"},\"issueDate\":\"2024-05-01\",\"furtherRecords\":false,\"smartHealthCard\":\"header.payload.signature\",\"vdsNc\":\"{\\\"data\\\":{}}\"}}", json);
        assertEquals(response, BackendJson.read(json, IssuanceResponse.class));
        assertFalse(response.toString().contains("花子"));

        String broken = json.replace("1985-04-01", "1985-13-01");
        assertEquals(ErrorCode.INVALID_REQUEST,
                assertThrows(ShomeiException.class, () -> BackendJson.read(broken, IssuanceResponse.class)).code());
        String unsigned = json.replace("\"header.payload.signature\"", "null");
        assertEquals(ErrorCode.INVALID_REQUEST,
                assertThrows(ShomeiException.class, () -> BackendJson.read(unsigned, IssuanceResponse.class)).code());
    }

    @Test
    void aCertificateWithoutQrCodesKeepsItsNullsAndAForeignDose() {
        var product = VaccineCatalog.standard().byCode("comirnaty").orElseThrow();
        CertificateContent content = new CertificateContent("13105ABCDEFH", CertificateType.DOMESTIC,
                new Person("番号", "花子", LocalDate.of(1985, 4, 1), true), null,
                List.of(new Dose(2, LocalDate.of(2021, 7, 1), product, "FA5766", "USA")),
                new IssuingAuthority("131059", "文京区長", "Mayor of Bunkyo City"), LocalDate.of(2024, 5, 1));
        SignedCertificate signed = new SignedCertificate(content, null, null);
        String json = BackendJson.writeString(signed);
        assertEquals("{\"certificateId\":\"13105ABCDEFH\",\"type\":\"DOMESTIC\",\"person\":{\"familyName\":\"番号\",\"givenName\":\"花子\",\"birthDate\":\"1985-04-01\",\"variantKanji\":true},\"passport\":null,\"doses\":[{\"number\":2,\"date\":\"2021-07-01\",\"product\":{\"code\":\"comirnaty\",\"nameJa\":\"コミナティ\",\"manufacturerJa\":\"ファイザー社\",\"nameEn\":\"COMIRNATY\",\"manufacturerEn\":\"Pfizer\",\"cvx\":\"208\",\"icd11\":\"XM0GQ8\",\"vdsName\":\"COMIRNATY\"},\"lotNumber\":\"FA5766\",\"country\":\"USA\"}],\"authority\":{\"municipalityCode\":\"131059\",\"nameJa\":\"文京区長\",\"nameEn\":\"Mayor of Bunkyo City\"},\"issueDate\":\"2024-05-01\",\"furtherRecords\":false,\"smartHealthCard\":null,\"vdsNc\":null}", json);
        assertEquals(signed, BackendJson.read(json, SignedCertificate.class));
        // an answer stored before certificates stated only the latest doses reads as "nothing left out"
        assertEquals(signed, BackendJson.read(json.replace(",\"furtherRecords\":false", ""), SignedCertificate.class));
    }

    @Test
    void theNoteThatFurtherRecordsAreHeldTravels() {
        var product = VaccineCatalog.standard().byCode("comirnaty").orElseThrow();
        List<Dose> seven = new java.util.ArrayList<>();
        for (int number = 1; number <= 7; number++) {
            seven.add(new Dose(number, LocalDate.of(2021, 6, 1).plusMonths(number), product, "FA576" + number));
        }
        CertificateContent content = CertificateContent.fromRecords("13105ABCDEFJ", CertificateType.DOMESTIC,
                new Person("番号", "花子", LocalDate.of(1985, 4, 1), true), null, seven,
                new IssuingAuthority("131059", "文京区長", "Mayor of Bunkyo City"), LocalDate.of(2024, 5, 1));
        SignedCertificate signed = new SignedCertificate(content, null, null);
        String json = BackendJson.writeString(signed);
        assertTrue(json.contains("\"furtherRecords\":true"), json);
        SignedCertificate read = BackendJson.read(json, SignedCertificate.class);
        assertEquals(signed, read);
        assertEquals(5, read.content().doses().size());
    }

    @Test
    void statusesAndInstantsAreTypedButKeepTheirStrings() {
        StatusUpdate update = new StatusUpdate("131059", "tx-1", IssuanceStatus.VOIDED, "CANCELLED");
        // the reporting terminal and the amount charged are null for the center's own reconciliation;
        // JSON without them (an older center) still reads
        String json = "{\"municipalityCode\":\"131059\",\"transactionId\":\"tx-1\",\"status\":\"VOIDED\","
                + "\"reason\":\"CANCELLED\"}";
        assertEquals(json.replace("}", ",\"terminalId\":null,\"chargedYen\":null}"), BackendJson.writeString(update));
        assertEquals(update, BackendJson.read(json, StatusUpdate.class));

        StatusResponse response = new StatusResponse("131059", "tx-1", "13105ABCDEFG", IssuanceStatus.PRINTED, null,
                Instant.parse("2024-05-01T01:02:03Z"));
        assertEquals("{\"municipalityCode\":\"131059\",\"transactionId\":\"tx-1\",\"certificateId\":\"13105ABCDEFG\","
                + "\"status\":\"PRINTED\",\"voidReason\":null,\"statusChangedAt\":\"2024-05-01T01:02:03Z\"}",
                BackendJson.writeString(response));
        UnconfirmedIssuances open = new UnconfirmedIssuances(List.of(new UnconfirmedIssuances.Entry("131059", "tx-1",
                "13105ABCDEFG", "KIOSK-1", Instant.parse("2024-05-01T01:02:03.000123Z"))));
        assertEquals("{\"issuances\":[{\"municipalityCode\":\"131059\",\"transactionId\":\"tx-1\",\"certificateId\":"
                + "\"13105ABCDEFG\",\"terminalId\":\"KIOSK-1\",\"issuedAt\":\"2024-05-01T01:02:03.000123Z\"}]}",
                BackendJson.writeString(open));
        assertEquals(open, BackendJson.read(BackendJson.writeString(open), UnconfirmedIssuances.class));

        assertEquals(ErrorCode.INVALID_REQUEST, assertThrows(ShomeiException.class,
                () -> BackendJson.read(json.replace("VOIDED", "LOST"), StatusUpdate.class)).code());
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
