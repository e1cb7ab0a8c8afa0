-- A registration made through an organisation's own link, on behalf of that organisation
-- (an offering whose people register on behalf of one): the organisation it is tied to,
-- whose page lists it. Its name is copied into `organisation` as for any registration.
ALTER TABLE registration ADD COLUMN organisation_id TEXT REFERENCES organisation (id) ON DELETE SET NULL;
CREATE INDEX registration_by_organisation ON registration (organisation_id) WHERE organisation_id IS NOT NULL;
