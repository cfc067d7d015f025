-- community module: posts, replies, reactions, follows, notifications and reports.
-- author ids refer to accounts members by id only: no foreign key across module boundaries.
-- A NULL author means the writer erased their account and chose to leave their words, anonymised.

CREATE TABLE posts (
    id               UUID        PRIMARY KEY,
    author_id        UUID,
    title            TEXT        NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
    body             TEXT        NOT NULL CHECK (char_length(body) BETWEEN 1 AND 20000),
    visibility       TEXT        NOT NULL CHECK (visibility IN ('COMMUNITY', 'PRIVATE')),
    child_age_months INT         CHECK (child_age_months BETWEEN 0 AND 216),
    submission_key   UUID,
    version          INT         NOT NULL DEFAULT 0,
    created_at       TIMESTAMPTZ NOT NULL,
    edited_at        TIMESTAMPTZ,
    CONSTRAINT posts_once_per_submission UNIQUE (author_id, submission_key)
);
CREATE INDEX posts_feed_idx ON posts (created_at DESC, id) WHERE visibility = 'COMMUNITY';
CREATE INDEX posts_author_idx ON posts (author_id);

CREATE TABLE replies (
    id             UUID        PRIMARY KEY,
    post_id        UUID        NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    author_id      UUID,
    body           TEXT        NOT NULL CHECK (char_length(body) BETWEEN 1 AND 10000),
    submission_key UUID,
    version        INT         NOT NULL DEFAULT 0,
    created_at     TIMESTAMPTZ NOT NULL,
    edited_at      TIMESTAMPTZ,
    CONSTRAINT replies_once_per_submission UNIQUE (author_id, submission_key)
);
CREATE INDEX replies_thread_idx ON replies (post_id, created_at);
CREATE INDEX replies_author_idx ON replies (author_id);

CREATE TABLE reactions (
    post_id    UUID        NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    member_id  UUID        NOT NULL,
    kind       TEXT        NOT NULL CHECK (kind IN ('ME_TOO', 'STRENGTH', 'THANK_YOU')),
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (post_id, member_id, kind)
);
CREATE INDEX reactions_member_idx ON reactions (member_id);

CREATE TABLE follows (
    post_id    UUID        NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    member_id  UUID        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (post_id, member_id)
);
CREATE INDEX follows_member_idx ON follows (member_id);

CREATE TABLE notifications (
    id         UUID        PRIMARY KEY,
    member_id  UUID        NOT NULL,
    post_id    UUID        NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    reply_id   UUID        REFERENCES replies (id) ON DELETE CASCADE,
    kind       TEXT        NOT NULL CHECK (kind IN ('NEW_REPLY')),
    created_at TIMESTAMPTZ NOT NULL,
    read_at    TIMESTAMPTZ
);
CREATE INDEX notifications_member_idx ON notifications (member_id, created_at DESC);

CREATE TABLE reports (
    id          UUID        PRIMARY KEY,
    target_kind TEXT        NOT NULL CHECK (target_kind IN ('POST', 'REPLY')),
    target_id   UUID        NOT NULL,
    post_id     UUID        NOT NULL,
    reporter_id UUID,
    reason      TEXT        NOT NULL CHECK (reason IN ('RISK_OF_HARM', 'UNKIND', 'SPAM', 'PRIVACY', 'OTHER')),
    details     TEXT        CHECK (char_length(details) <= 2000),
    status      TEXT        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'RESOLVED')),
    created_at  TIMESTAMPTZ NOT NULL,
    CONSTRAINT reports_once_per_reporter UNIQUE (reporter_id, target_kind, target_id)
);
CREATE INDEX reports_open_idx ON reports (created_at) WHERE status = 'OPEN';
