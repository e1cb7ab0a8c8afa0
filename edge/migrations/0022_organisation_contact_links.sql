-- Each organisation link sent from now on is its contact's own: removing a person from the
-- organisation's link ends the links sent to them, so a team that hands over keeps no way
-- in. Links sent before belong to no contact and keep working.
ALTER TABLE organisation_token ADD COLUMN contact_id TEXT REFERENCES organisation_contact (id) ON DELETE CASCADE;
CREATE INDEX organisation_token_by_contact ON organisation_token (contact_id);
