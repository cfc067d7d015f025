-- screening module: completed questionnaires, the member's own. member_id refers to accounts by
-- id only (no foreign key across modules); rows are deleted when the account is erased.
-- answers: option code by linkId as submitted; result: the scored result with the instrument
-- version and every cut-off used (ScreeningResult as JSON), so a result can be re-checked later.

CREATE TABLE screenings (
    id                     UUID        PRIMARY KEY,
    member_id              UUID        NOT NULL,
    instrument             TEXT        NOT NULL CHECK (instrument IN ('phq-9', 'gad-7', 'pbq', 'epds')),
    instrument_version     TEXT        NOT NULL CHECK (char_length(instrument_version) BETWEEN 1 AND 100),
    submission_key         UUID        NOT NULL,
    answers                JSONB       NOT NULL,
    result                 JSONB       NOT NULL,
    main_score             INT         CHECK (main_score BETWEEN 0 AND 125),
    complete               BOOLEAN     NOT NULL,
    urgent                 BOOLEAN     NOT NULL,
    completed_at           TIMESTAMPTZ NOT NULL,
    CONSTRAINT screenings_complete_has_score CHECK (NOT complete OR main_score IS NOT NULL),
    CONSTRAINT screenings_once_per_submission UNIQUE (member_id, submission_key)
);
CREATE INDEX screenings_member_idx ON screenings (member_id, completed_at);
