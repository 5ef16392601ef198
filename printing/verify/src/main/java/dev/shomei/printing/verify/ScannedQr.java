package dev.shomei.printing.verify;

/** A QR code found in a document: its page (1-based; 1 for an image) and its text. */
public record ScannedQr(int page, String text) {
    @Override
    public String toString() {
        return "ScannedQr[page=" + page + ", length=" + text.length() + "]";
    }
}
