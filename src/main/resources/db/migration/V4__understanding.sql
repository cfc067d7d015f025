-- understanding module: what was heard in each post and reply, kept with the version of the text it was read from.
-- subject_id is a community post or reply id (no foreign key across modules; deleted texts are cleaned up by events).

CREATE TABLE insights (
    subject_kind TEXT        NOT NULL CHECK (subject_kind IN ('POST', 'REPLY')),
    subject_id   UUID        NOT NULL,
    post_id      UUID        NOT NULL,
    text_version INT         NOT NULL,
    analyser     TEXT        NOT NULL,
    risk_level   TEXT        NOT NULL CHECK (risk_level IN ('none', 'low', 'moderate', 'high', 'urgent')),
    themes       TEXT[]      NOT NULL,
    insight      JSONB       NOT NULL,
    analysed_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (subject_kind, subject_id)
);
CREATE INDEX insights_post_idx ON insights (post_id);
CREATE INDEX insights_risk_idx ON insights (risk_level) WHERE risk_level IN ('high', 'urgent');
