package app.village.accounts;

import java.util.UUID;

/**
 * A member erased their account. Published inside the erasing transaction: a module that keeps
 * data about the member removes or anonymises it in a synchronous listener, so erasure is
 * all-or-nothing.
 */
public record AccountErased(UUID memberId, ContentChoice contentChoice) {
}
