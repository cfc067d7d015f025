package app.village.community.web;

import java.util.UUID;

import app.village.community.domain.Post;
import app.village.community.PostDraft;
import app.village.platform.InvalidInputException;

/**
 * The post form as posted. {@code child} is empty, a child id from the profile, or {@code "age"}
 * with the age given in {@code childAgeMonths}.
 */
record PostForm(String title, String body, String visibility, String child, String childAgeMonths,
                String submissionKey, Integer version) {

    static PostForm blank() {
        return new PostForm("", "", "COMMUNITY", "", "", UUID.randomUUID().toString(), null);
    }

    static PostForm of(Post post) {
        return new PostForm(post.title(), post.body(), post.visibility().name(),
                post.childAgeMonths() == null ? "" : "age",
                post.childAgeMonths() == null ? "" : post.childAgeMonths().toString(), null, post.version());
    }

    PostDraft draft() {
        UUID childId = null;
        Integer age = null;
        if (child != null && !child.isBlank() && !child.equals("age")) {
            childId = uuid(child, "childId");
        } else if ("age".equals(child) || (childAgeMonths != null && !childAgeMonths.isBlank())) {
            age = months(childAgeMonths);
        }
        return new PostDraft(title, body, visibility, childId, age, key());
    }

    UUID key() {
        return submissionKey == null || submissionKey.isBlank() ? null : uuid(submissionKey, "submissionKey");
    }

    private static Integer months(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("childAgeMonths", "Give the child's age as a whole number of months.");
        }
    }

    private static UUID uuid(String value, String field) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "The form was damaged. Please reload the page and try again.");
        }
    }
}
