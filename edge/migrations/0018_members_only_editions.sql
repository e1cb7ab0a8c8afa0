-- Editions for a network's community's members only (a community of practice's own
-- meetings): listed on a member's link and taken through it, never on a public page, feed
-- or form. The names are the domain's `library::Visibility`.
ALTER TABLE edition ADD COLUMN visibility TEXT NOT NULL DEFAULT 'public'
  CHECK (visibility IN ('public', 'members'));
