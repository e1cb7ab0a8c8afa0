-- An offering whose people register on behalf of an organisation (a structure: Emancip'Asso
-- selects hosting associations and cooperatives): the registration form asks the
-- organisation's name and refuses a registration without it (registration::validate).
ALTER TABLE offering ADD COLUMN on_behalf INTEGER NOT NULL DEFAULT 0 CHECK (on_behalf IN (0, 1));
