package dev.shomei.protocol.pki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Makes the keys and X.509 certificates of the dev PKI with Bouncy Castle. */
final class CertificateMaker {
    /** ICAO Doc 9303 part 13: the DocumentTypeList extension of a barcode signer. */
    static final ASN1ObjectIdentifier ICAO_DOCUMENT_TYPE_LIST = new ASN1ObjectIdentifier("2.23.136.1.1.6.2");
    /** ICAO VDS-NC: extended key usage of a health-proof barcode signer. */
    static final KeyPurposeId ICAO_VDS_NC_SIGNER = KeyPurposeId.getInstance(new ASN1ObjectIdentifier("2.23.136.1.1.14.2"));

    private static final SecureRandom RANDOM = new SecureRandom();

    private CertificateMaker() {
    }

    static KeyPair ecKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 unavailable", e);
        }
    }

    static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA unavailable", e);
        }
    }

    static X509Certificate rootCa(String subject, KeyPair keys, Duration validity) {
        X500Name name = x500(subject);
        return build(name, keys.getPublic(), name, keys.getPrivate(), null, validity, builder -> {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        });
    }

    /** A TLS leaf certificate; {@code dnsNames} and {@code ipAddresses} become the subjectAltName. */
    static X509Certificate tlsLeaf(String subject, PublicKey subjectKey, X509Certificate issuer, PrivateKey issuerKey,
                                   Duration validity, boolean server, boolean client, List<String> dnsNames,
                                   List<String> ipAddresses) {
        return build(x500(subject), subjectKey, x500(issuer), issuerKey, issuer, validity, builder -> {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            ASN1EncodableVector purposes = new ASN1EncodableVector();
            if (server) {
                purposes.add(KeyPurposeId.id_kp_serverAuth);
            }
            if (client) {
                purposes.add(KeyPurposeId.id_kp_clientAuth);
            }
            builder.addExtension(Extension.extendedKeyUsage, false,
                    ExtendedKeyUsage.getInstance(new DERSequence(purposes)));
            GeneralName[] names = new GeneralName[dnsNames.size() + ipAddresses.size()];
            int i = 0;
            for (String dns : dnsNames) {
                names[i++] = new GeneralName(GeneralName.dNSName, dns);
            }
            for (String ip : ipAddresses) {
                names[i++] = new GeneralName(GeneralName.iPAddress, ip);
            }
            if (names.length > 0) {
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
            }
        });
    }

    /** An ICAO VDS-NC barcode signer: digitalSignature, DocumentTypeList {"NV"}, the VDS-NC EKU. */
    static X509Certificate barcodeSigner(String subject, PublicKey subjectKey, X509Certificate csca, PrivateKey cscaKey,
                                         Duration validity) {
        return build(x500(subject), subjectKey, x500(csca), cscaKey, csca, validity, builder -> {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            ASN1EncodableVector documentTypes = new ASN1EncodableVector();
            documentTypes.add(new ASN1Integer(0));
            documentTypes.add(new DERSet(new DERPrintableString("NV")));
            builder.addExtension(ICAO_DOCUMENT_TYPE_LIST, false, new DERSequence(documentTypes));
            builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(ICAO_VDS_NC_SIGNER));
        });
    }

    private interface Extensions {
        void add(X509v3CertificateBuilder builder) throws CertIOException;
    }

    private static X509Certificate build(X500Name subject, PublicKey subjectKey, X500Name issuer, PrivateKey issuerKey,
                                         X509Certificate issuerCertificate, Duration validity, Extensions extensions) {
        try {
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    new BigInteger(127, RANDOM).add(BigInteger.ONE),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(validity)), subject, subjectKey);
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKey));
            if (issuerCertificate != null) {
                builder.addExtension(Extension.authorityKeyIdentifier, false,
                        utils.createAuthorityKeyIdentifier(issuerCertificate));
            } else {
                builder.addExtension(Extension.authorityKeyIdentifier, false,
                        utils.createAuthorityKeyIdentifier(subjectKey));
            }
            extensions.add(builder);
            String algorithm = "RSA".equals(issuerKey.getAlgorithm()) ? "SHA256withRSA" : "SHA256withECDSA";
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(algorithm).build(issuerKey)));
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new IllegalStateException("cannot make certificate", e);
        }
    }

    /** Parses an RFC 2253 name ("CN=...,O=..."), most specific first, into the usual DER order. */
    private static X500Name x500(String rfc2253) {
        return X500Name.getInstance(new X500Principal(rfc2253).getEncoded());
    }

    private static X500Name x500(X509Certificate certificate) {
        return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    }
}
