-- accounts module: members, their roles and children, sign-in throttling and known devices.

CREATE TABLE members (
    id                  UUID        PRIMARY KEY,
    email               TEXT        NOT NULL,
    email_key           TEXT        NOT NULL UNIQUE,   -- lower-cased, trimmed: one account per address
    password_hash       TEXT        NOT NULL,
    handle              TEXT        NOT NULL,
    handle_key          TEXT        NOT NULL UNIQUE,   -- lower-cased: "Sam" and "sam" are the same handle
    family_role         TEXT        NOT NULL CHECK (family_role IN ('MOTHER', 'FATHER', 'PARTNER', 'OTHER_CARER')),
    created_at          TIMESTAMPTZ NOT NULL,
    password_changed_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE member_roles (
    member_id  UUID        NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    role       TEXT        NOT NULL CHECK (role IN ('PARENT', 'MODERATOR', 'CLINICIAN', 'ADMIN')),
    granted_at TIMESTAMPTZ NOT NULL,
    granted_by UUID,
    PRIMARY KEY (member_id, role)
);

CREATE TABLE children (
    id          UUID        PRIMARY KEY,
    member_id   UUID        NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    nickname    TEXT        NOT NULL,
    birth_month DATE        NOT NULL CHECK (EXTRACT(DAY FROM birth_month) = 1),
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX children_member_idx ON children (member_id);

-- Failed sign-ins per key ("account:<id>" or "address:<ip>"); rows expire by time, never lock forever.
CREATE TABLE sign_in_throttle (
    throttle_key    TEXT        PRIMARY KEY,
    failures        INT         NOT NULL,
    last_failure_at TIMESTAMPTZ NOT NULL,
    blocked_until   TIMESTAMPTZ
);

-- Browsers that have signed in to an account before skip that account's throttle, so an
-- attacker who keeps failing cannot keep the owner out.
CREATE TABLE known_devices (
    token_hash TEXT        PRIMARY KEY,
    member_id  UUID        NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX known_devices_member_idx ON known_devices (member_id);

-- Who did what to whose account (role grants). No personal text, ids only.
CREATE TABLE account_audit (
    id         BIGSERIAL   PRIMARY KEY,
    at         TIMESTAMPTZ NOT NULL,
    actor_id   UUID,
    action     TEXT        NOT NULL,
    subject_id UUID,
    detail     TEXT
);
