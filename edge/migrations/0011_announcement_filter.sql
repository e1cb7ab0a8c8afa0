-- An announcement may go to the list a coordinator filtered on the people page: the filter
-- is kept with it (JSON, relais_domain::people::PeopleFilter; '{}' for none).
ALTER TABLE announcement ADD COLUMN filter TEXT NOT NULL DEFAULT '{}';
