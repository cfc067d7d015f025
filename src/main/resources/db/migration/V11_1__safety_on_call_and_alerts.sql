-- safety module: who is on call, the weekly rota, and the alerts sent to them (ADR 0013). Member and
-- item ids only: an alert never stores an address, a handle or anything a member wrote.

-- Moderators who said "I am on call" (until they say otherwise).
CREATE TABLE safety_on_call (
    member_id UUID        PRIMARY KEY,
    since     TIMESTAMPTZ NOT NULL
);

-- The weekly rota an admin sets: a member covers [start_minute, end_minute) of a day of the week
-- (1 Monday .. 7 Sunday) in the rota's time zone (village.alert.rota-zone).
CREATE TABLE safety_rota (
    id           UUID        PRIMARY KEY,
    member_id    UUID        NOT NULL,
    day_of_week  SMALLINT    NOT NULL CHECK (day_of_week BETWEEN 1 AND 7),
    start_minute INT         NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
    end_minute   INT         NOT NULL CHECK (end_minute BETWEEN 1 AND 1440),
    created_at   TIMESTAMPTZ NOT NULL,
    CHECK (end_minute > start_minute)
);
CREATE INDEX safety_rota_day_idx ON safety_rota (day_of_week, start_minute);

-- The steps of an item's alerting: 0 the people on call, 1 the next on call, 2 the admins. A step
-- is planned once (the key), and done once by whichever node locks it first.
CREATE TABLE safety_alert_steps (
    item_id  UUID        NOT NULL REFERENCES safety_items (id),
    step     SMALLINT    NOT NULL CHECK (step BETWEEN 0 AND 2),
    due_at   TIMESTAMPTZ NOT NULL,
    done_at  TIMESTAMPTZ,
    outcome  TEXT,
    PRIMARY KEY (item_id, step)
);
CREATE INDEX safety_alert_steps_due_idx ON safety_alert_steps (due_at) WHERE done_at IS NULL;

-- One message on one channel to one recipient ('webhook' for the webhook, a member id for email):
-- the unique key is what stops the same alert from ever being sent twice.
CREATE TABLE safety_alert_deliveries (
    id              UUID        PRIMARY KEY,
    item_id         UUID        NOT NULL REFERENCES safety_items (id),
    step            SMALLINT    NOT NULL,
    channel         TEXT        NOT NULL CHECK (channel IN ('webhook', 'email')),
    recipient       TEXT        NOT NULL,
    level           TEXT        NOT NULL CHECK (level IN ('high', 'urgent')),
    status          TEXT        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'CANCELLED')),
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    sent_at         TIMESTAMPTZ,
    UNIQUE (item_id, step, channel, recipient)
);
CREATE INDEX safety_alert_deliveries_due_idx ON safety_alert_deliveries (next_attempt_at) WHERE status = 'PENDING';

-- Each channel's latest outcome, shared by every node, for the admin page and the health endpoint.
CREATE TABLE safety_alert_channels (
    channel              TEXT        PRIMARY KEY,
    last_success_at      TIMESTAMPTZ,
    last_failure_at      TIMESTAMPTZ,
    last_error           TEXT,
    consecutive_failures INT         NOT NULL DEFAULT 0
);
