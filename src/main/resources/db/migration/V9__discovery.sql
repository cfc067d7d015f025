-- discovery module: the themes the understanding heard in each post, kept from its PostUnderstood
-- events so that the story index can be rebuilt with its filters from the database alone.
-- post ids refer to community posts by id only: no foreign key across module boundaries.

CREATE TABLE discovery_post_themes (
    post_id      UUID        PRIMARY KEY,
    text_version INT         NOT NULL,
    themes       TEXT[]      NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);
