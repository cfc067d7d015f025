-- Handles are compared by their confusable skeleton (Unicode TS #39): "ParentA", Greek "ΡarentA" and
-- fullwidth "ＰａｒｅｎｔＡ" are one handle. Computed in Java (ICU); existing rows are filled at start-up,
-- and a row whose skeleton an older member already holds keeps NULL (both members keep their names).
ALTER TABLE members ADD COLUMN handle_skeleton TEXT;
CREATE UNIQUE INDEX members_handle_skeleton_idx ON members (handle_skeleton) WHERE handle_skeleton IS NOT NULL;
