package dev.shomei.load;

import dev.shomei.card.data.CardFiles;
import dev.shomei.card.data.MyNumber;
import dev.shomei.card.data.Sex;
import dev.shomei.card.sim.CardFactory;
import dev.shomei.card.sim.CardPerson;
import dev.shomei.protocol.CertificateType;
import dev.shomei.record.domain.Municipality;
import dev.shomei.record.domain.MunicipalityCode;
import dev.shomei.record.domain.Resident;
import dev.shomei.record.domain.ResidentStatus;
import dev.shomei.record.generate.BuiltInMunicipalities;
import dev.shomei.record.generate.SyntheticResidents;
import dev.shomei.record.importer.ImportedResident;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Virtual card data for residents that exist in the backend: the backend's synthetic residents
 * follow from (municipality, seed, index), so resident {@code i} here is the one {@code backend
 * generate --seed S} stored, and its card carries the same My Number, name, address, birth date
 * and sex, signed under the J-LIS dev key the center trusts. Only residents the backend will issue
 * for are kept: ACTIVE, and with passport data for the overseas certificate.
 *
 * <p>The files are made before the load starts (an RSA-2048 signature each) so that making cards
 * costs the measured run nothing.
 */
public final class CardPool {
    /** One card: its files and the certificate types its holder may get. */
    public record Card(byte[] ef0001, byte[] ef0002, byte[] ef0003, byte[] ef0004, boolean hasPassport) {
    }

    private final List<Card> cards;
    private final List<ImportedResident> residents;

    private CardPool(List<Card> cards, List<ImportedResident> residents) {
        this.cards = cards;
        this.residents = residents;
    }

    /**
     * @param residents how many residents of the seed exist; the first {@code size} eligible ones are used
     */
    public static CardPool make(CardFactory factory, String municipality, long seed, int residents, int size,
            CertificateType type) {
        MunicipalityCode code = MunicipalityCode.of(municipality);
        Municipality builtIn = BuiltInMunicipalities.find(code).orElseThrow(() -> new IllegalArgumentException(
                "municipality " + municipality + " has no built-in synthetic residents"));
        SyntheticResidents synthetic = new SyntheticResidents(code, builtIn.nameJa(), seed);
        List<Card> cards = new ArrayList<>(size);
        List<ImportedResident> holders = new ArrayList<>(size);
        Set<String> myNumbers = new HashSet<>();
        for (int i = 0; i < residents && cards.size() < size; i++) {
            ImportedResident imported = synthetic.resident(i);
            Resident resident = imported.resident();
            boolean eligible = resident.status() == ResidentStatus.ACTIVE && !imported.doses().isEmpty()
                    && (type != CertificateType.OVERSEAS || resident.hasPassportData());
            // a My Number drawn twice was stored only once, for the first resident: skip the repeat
            if (!eligible || !myNumbers.add(imported.myNumber().digits())) {
                continue;
            }
            CardPerson person = new CardPerson(MyNumber.parse(imported.myNumber().digits()),
                    resident.nameKanji().family() + "\u3000" + resident.nameKanji().given(),
                    resident.nameKana() == null ? "" : resident.nameKana().family() + "\u3000" + resident.nameKana().given(),
                    resident.address() == null ? "" : resident.address(), resident.birthDate(),
                    Sex.ofCode(resident.sex().charAt(0)));
            try (CardFiles files = factory.files(person)) { // CardFiles hands out its own arrays and wipes them on close
                cards.add(new Card(files.ef0001().clone(), files.ef0002().clone(), files.ef0003().clone(),
                        files.ef0004().clone(), resident.hasPassportData()));
            }
            holders.add(imported);
        }
        if (cards.isEmpty()) {
            throw new IllegalStateException("no eligible resident among the first " + residents + " of seed " + seed);
        }
        return new CardPool(List.copyOf(cards), List.copyOf(holders));
    }

    /** The card holders as the backend stores them (card {@code n} belongs to resident {@code n}). */
    public List<ImportedResident> residents() {
        return residents;
    }

    public int size() {
        return cards.size();
    }

    /**
     * The cards of kiosk {@code index} of {@code kiosks}: every {@code kiosks}-th card, so that no
     * card is used at two terminals (a real card is in one resident's hand; a card seen at another
     * terminal within minutes raises the center's CARD_MULTI_TERMINAL alert, which is not the load
     * being measured). With fewer cards than kiosks, kiosks share single cards.
     */
    public CardPool share(int index, int kiosks) {
        List<Card> mine = new ArrayList<>();
        List<ImportedResident> holders = new ArrayList<>();
        for (int i = Math.floorMod(index, kiosks); i < cards.size(); i += kiosks) {
            mine.add(cards.get(i));
            holders.add(residents.get(i));
        }
        if (mine.isEmpty()) {
            int shared = Math.floorMod(index, cards.size());
            return new CardPool(List.of(cards.get(shared)), List.of(residents.get(shared)));
        }
        return new CardPool(List.copyOf(mine), List.copyOf(holders));
    }

    /** Card {@code n} (wrapping around). */
    public Card card(long n) {
        return cards.get((int) Math.floorMod(n, (long) cards.size()));
    }

    /** The type to request with card {@code n}: {@code type}, or for mixed (null) overseas for every other card that allows it. */
    public static CertificateType typeFor(CertificateType type, Card card, long n) {
        if (type != null) {
            return type;
        }
        return card.hasPassport() && n % 2 == 1 ? CertificateType.OVERSEAS : CertificateType.DOMESTIC;
    }
}
