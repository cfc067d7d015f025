-- safety module: a queue item whose post or reply was erased with its writer's account says so (ADR 0016).
-- The item stays, with ids and codes only, to account for what moderators did; the text and its reading are gone.
ALTER TABLE safety_items ADD COLUMN text_erased_at TIMESTAMPTZ;

-- Finding an erased text's items, and the item of a held text a moderator reads outside the queue.
CREATE INDEX safety_items_subject_idx ON safety_items (subject_id);
CREATE INDEX safety_items_post_idx ON safety_items (post_id);
