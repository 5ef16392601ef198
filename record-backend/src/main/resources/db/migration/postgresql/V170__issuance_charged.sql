-- The fee the kiosk reports it kept for an issuance (issue 17, part 4): for PRINTED the fee it collected,
-- which must equal fee_total_yen; for VOIDED what it could not pay back (normally 0). Null: an outcome
-- from a kiosk that reports no amount, a void by reconciliation, or an issuance still open.
ALTER TABLE issuance ADD COLUMN charged_yen INTEGER;
