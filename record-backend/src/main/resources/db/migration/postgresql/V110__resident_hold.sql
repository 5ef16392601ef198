-- A clerk's hold on issuing for one resident (issue 19): a reason code, never free text; NULL when not held.
-- MOVED_OUT residents keep their certificates from this municipality; DECEASED ones and held ones are refused.
ALTER TABLE resident ADD COLUMN hold_reason TEXT
    CHECK (hold_reason IS NULL OR hold_reason IN
           ('RECORD_UNDER_REVIEW', 'CARD_LOST_OR_STOLEN', 'SUSPECTED_MISUSE', 'REQUESTED_BY_RESIDENT', 'OTHER'));
