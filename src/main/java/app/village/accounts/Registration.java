package app.village.accounts;

/** Creating members, for modules that seed or import them (the demo data). */
public interface Registration {

    /** Signs up a new member, checked exactly as on the sign-up page. */
    Member signUp(SignUp request);

    /** The member with this email, if any. Never exposed to people: for operator tooling only. */
    java.util.Optional<Member> findByEmail(String email);
}
