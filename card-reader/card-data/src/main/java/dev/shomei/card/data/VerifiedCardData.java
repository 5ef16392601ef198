package dev.shomei.card.data;

import java.time.LocalDate;
import java.util.Objects;

/**
 * My Number and the basic 4 info after {@link CardDataVerifier} checked the J-LIS signature chain.
 * Only the verifier creates one. {@link #toString()} shows nothing personal.
 *
 * @param issuerKeyId the trusted CA key the chain ended in (not personal: logs may carry it)
 */
public record VerifiedCardData(MyNumber myNumber, String name, String address, LocalDate birthDate, Sex sex,
                               KeyId issuerKeyId) {
    public VerifiedCardData {
        Objects.requireNonNull(myNumber, "myNumber");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(issuerKeyId, "issuerKeyId");
    }

    public BasicInfo basicInfo() {
        return new BasicInfo(name, address, birthDate, sex);
    }

    /** Clears the My Number (strings cannot be cleared; drop the reference). */
    public void wipe() {
        myNumber.wipe();
    }

    @Override
    public String toString() {
        return "VerifiedCardData[myNumber=" + myNumber + ", name=***, address=***, birthDate=***, sex=***, issuer="
                + issuerKeyId + "]";
    }
}
