-- community: posts and replies can be hidden from everyone but their writer and the moderators,
-- either held automatically by the safety policy (HELD) or hidden by a moderator (MODERATOR).
ALTER TABLE posts ADD COLUMN hidden_at TIMESTAMPTZ;
ALTER TABLE posts ADD COLUMN hidden_reason TEXT CHECK (hidden_reason IN ('HELD', 'MODERATOR'));
ALTER TABLE replies ADD COLUMN hidden_at TIMESTAMPTZ;
ALTER TABLE replies ADD COLUMN hidden_reason TEXT CHECK (hidden_reason IN ('HELD', 'MODERATOR'));

DROP INDEX posts_feed_idx;
CREATE INDEX posts_feed_idx ON posts (created_at DESC, id) WHERE visibility = 'COMMUNITY' AND hidden_at IS NULL;
