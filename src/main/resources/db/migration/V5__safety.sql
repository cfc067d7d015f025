-- safety module: what the risk policy decided for each reading, the moderators' queue, overrides,
-- private supportive messages and the append-only audit trail. Member, post and reply ids refer to
-- other modules by id only (no foreign keys across module boundaries).

-- The country a member chose for crisis help ("Always show me ... first" on Need help now?).
CREATE TABLE safety_member_country (
    member_id UUID        PRIMARY KEY,
    country   TEXT        NOT NULL CHECK (country ~ '^[A-Z]{2,4}$'),
    chosen_at TIMESTAMPTZ NOT NULL
);

-- The policy's decision for the latest reading of a post or reply: what its writer is shown.
CREATE TABLE safety_assessments (
    subject_kind TEXT        NOT NULL CHECK (subject_kind IN ('POST', 'REPLY')),
    subject_id   UUID        NOT NULL,
    post_id      UUID        NOT NULL,
    author_id    UUID,
    text_version INT         NOT NULL,
    level        TEXT        NOT NULL CHECK (level IN ('none', 'low', 'moderate', 'high', 'urgent')),
    reasons      TEXT[]      NOT NULL,
    held         BOOLEAN     NOT NULL,
    private_post BOOLEAN     NOT NULL,
    decided_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (subject_kind, subject_id)
);
CREATE INDEX safety_assessments_post_idx ON safety_assessments (post_id);

-- Risk levels in increasing order (as RiskLevel's), for "only ever raise the automated level".
CREATE FUNCTION safety_level_rank(level TEXT) RETURNS INT LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE level WHEN 'none' THEN 0 WHEN 'low' THEN 1 WHEN 'moderate' THEN 2 WHEN 'high' THEN 3 WHEN 'urgent' THEN 4 ELSE -1 END
$$;

-- One item per thing a moderator must look at: a reading (urgent or high), a member's report, or
-- a signal from another module (a screening, a journal request for support).
CREATE TABLE safety_items (
    id              UUID        PRIMARY KEY,
    source          TEXT        NOT NULL CHECK (source IN ('READING', 'REPORT', 'SIGNAL')),
    source_key      TEXT        NOT NULL UNIQUE,   -- what raised it, so a re-delivered event adds nothing
    subject_kind    TEXT        CHECK (subject_kind IN ('POST', 'REPLY')),
    subject_id      UUID,
    post_id         UUID,
    member_id       UUID,                          -- the writer, or the member a signal is about
    automated_level TEXT        CHECK (automated_level IN ('none', 'low', 'moderate', 'high', 'urgent')),
    level           TEXT        CHECK (level IN ('none', 'low', 'moderate', 'high', 'urgent')),
    reasons         TEXT[]      NOT NULL,
    report_reason   TEXT,
    text_version    INT,
    status          TEXT        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'RESOLVED')),
    claimed_by      UUID,
    claimed_at      TIMESTAMPTZ,
    escalated_at    TIMESTAMPTZ,
    escalated_by    UUID,
    outcome         TEXT        CHECK (char_length(outcome) <= 2000),
    resolved_by     UUID,
    resolved_at     TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL,
    version         INT         NOT NULL DEFAULT 0
);
-- At most one open reading item per post or reply: a new reading of an edited text updates it.
CREATE UNIQUE INDEX safety_items_open_reading_idx ON safety_items (subject_kind, subject_id)
    WHERE source = 'READING' AND status = 'OPEN';
CREATE INDEX safety_items_open_idx ON safety_items (created_at) WHERE status = 'OPEN';
CREATE INDEX safety_items_member_idx ON safety_items (member_id);

-- A person's judgement over the automated one: both are kept.
CREATE TABLE safety_overrides (
    id         UUID        PRIMARY KEY,
    item_id    UUID        NOT NULL REFERENCES safety_items (id),
    from_level TEXT,
    to_level   TEXT        NOT NULL CHECK (to_level IN ('none', 'low', 'moderate', 'high', 'urgent')),
    reason     TEXT        NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 2000),
    by_id      UUID        NOT NULL,
    at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX safety_overrides_item_idx ON safety_overrides (item_id);

-- A moderator's private supportive message to a writer: readable by those two only.
CREATE TABLE safety_messages (
    id         UUID        PRIMARY KEY,
    item_id    UUID        NOT NULL REFERENCES safety_items (id),
    from_id    UUID        NOT NULL,
    to_id      UUID        NOT NULL,
    body       TEXT        NOT NULL CHECK (char_length(body) BETWEEN 1 AND 5000),
    created_at TIMESTAMPTZ NOT NULL,
    read_at    TIMESTAMPTZ
);
CREATE INDEX safety_messages_to_idx ON safety_messages (to_id, created_at DESC);

-- Every moderator and admin action, override and view of a held post. Ids and codes only, never
-- a member's text. Append-only: the application has no update or delete path, and the database
-- refuses them.
CREATE TABLE safety_audit (
    id           BIGSERIAL   PRIMARY KEY,
    at           TIMESTAMPTZ NOT NULL,
    actor_id     UUID,
    action       TEXT        NOT NULL,
    item_id      UUID,
    subject_kind TEXT,
    subject_id   UUID,
    before_state TEXT,
    after_state  TEXT,
    detail       TEXT
);
CREATE INDEX safety_audit_at_idx ON safety_audit (at DESC);

CREATE FUNCTION safety_audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'safety_audit is append-only: % refused', TG_OP;
END
$$;
CREATE TRIGGER safety_audit_append_only BEFORE UPDATE OR DELETE ON safety_audit
    FOR EACH ROW EXECUTE FUNCTION safety_audit_refuse_change();
CREATE TRIGGER safety_audit_no_truncate BEFORE TRUNCATE ON safety_audit
    FOR EACH STATEMENT EXECUTE FUNCTION safety_audit_refuse_change();
