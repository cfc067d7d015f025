-- safety module: on-call alerts by Web Push (ADR 0018). A browser a moderator asked to be alerted in: the push
-- service's endpoint (a capability URL, seen only by its owner) and the browser's public key and auth secret
-- (RFC 8291), which are what an alert is encrypted to. Nothing a member wrote.
CREATE TABLE safety_push_subscriptions (
    id         UUID        PRIMARY KEY,
    member_id  UUID        NOT NULL,
    endpoint   TEXT        NOT NULL UNIQUE,
    p256dh     TEXT        NOT NULL,
    auth       TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX safety_push_subscriptions_member_idx ON safety_push_subscriptions (member_id);

-- Which of a person's browsers one alert message already reached, so that when another of their browsers
-- failed, the retry goes to that one only. No foreign key to the browser: one that expired is deleted, and
-- its rows here only record that it was reached.
CREATE TABLE safety_push_sent (
    delivery_id     UUID NOT NULL REFERENCES safety_alert_deliveries (id),
    subscription_id UUID NOT NULL,
    PRIMARY KEY (delivery_id, subscription_id)
);

ALTER TABLE safety_alert_deliveries DROP CONSTRAINT safety_alert_deliveries_channel_check;
ALTER TABLE safety_alert_deliveries ADD CONSTRAINT safety_alert_deliveries_channel_check
    CHECK (channel IN ('webhook', 'email', 'web-push'));
