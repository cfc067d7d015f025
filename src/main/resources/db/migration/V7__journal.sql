-- journal module: private daily check-ins, free journal entries, time zone preference and the
-- requests a member made for a moderator to reach out. Only the owner ever reads these rows.
-- member ids refer to accounts members by id only: no foreign key across module boundaries.

CREATE TABLE journal_preferences (
    member_id  UUID        PRIMARY KEY,
    time_zone  TEXT        NOT NULL CHECK (char_length(time_zone) BETWEEN 1 AND 64),
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE journal_check_ins (
    id          UUID         PRIMARY KEY,
    member_id   UUID         NOT NULL,
    day         DATE         NOT NULL,
    mood        SMALLINT     NOT NULL CHECK (mood BETWEEN 0 AND 10),
    sleep_hours NUMERIC(4,2) CHECK (sleep_hours BETWEEN 0 AND 24),
    medication  TEXT         CHECK (medication IN ('TAKEN', 'MISSED', 'NOT_ON_MEDICATION')),
    note        TEXT         CHECK (char_length(note) BETWEEN 1 AND 2000),
    version     INT          NOT NULL DEFAULT 0,
    created_at  TIMESTAMPTZ  NOT NULL,
    updated_at  TIMESTAMPTZ,
    CONSTRAINT journal_one_check_in_a_day UNIQUE (member_id, day)
);

-- Closeness to each child (child_id from the member's profile; the nil UUID when the profile
-- names no child and the member rated "your baby").
CREATE TABLE journal_closeness (
    check_in_id UUID     NOT NULL REFERENCES journal_check_ins (id) ON DELETE CASCADE,
    child_id    UUID     NOT NULL,
    closeness   SMALLINT NOT NULL CHECK (closeness BETWEEN 0 AND 10),
    PRIMARY KEY (check_in_id, child_id)
);

CREATE TABLE journal_entries (
    id             UUID        PRIMARY KEY,
    member_id      UUID        NOT NULL,
    body           TEXT        NOT NULL CHECK (char_length(body) BETWEEN 1 AND 50000),
    submission_key UUID,
    version        INT         NOT NULL DEFAULT 0,
    created_at     TIMESTAMPTZ NOT NULL,
    edited_at      TIMESTAMPTZ,
    search         TSVECTOR    GENERATED ALWAYS AS (to_tsvector('english', body)) STORED,
    CONSTRAINT journal_entries_once_per_submission UNIQUE (member_id, submission_key)
);
CREATE INDEX journal_entries_member_idx ON journal_entries (member_id, created_at DESC);
CREATE INDEX journal_entries_search_idx ON journal_entries USING GIN (search);

-- One request per entry version: a second tap does not alert the moderators twice.
CREATE TABLE journal_support_requests (
    entry_id      UUID        NOT NULL REFERENCES journal_entries (id) ON DELETE CASCADE,
    entry_version INT         NOT NULL,
    member_id     UUID        NOT NULL,
    requested_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (entry_id, entry_version)
);
CREATE INDEX journal_support_requests_member_idx ON journal_support_requests (member_id);
