/**
 * Members of Village: sign-up and sign-in, pseudonymous handles, family roles, children (so a
 * child's age is known without asking again), roles, data export and erasure. Other modules see
 * members only through {@link app.village.accounts.MemberDirectory} and the signed-in
 * {@link app.village.accounts.VillageUser}; they learn of erasure through {@link app.village.accounts.AccountErased}
 * and contribute their part of an export through {@link app.village.accounts.PersonalDataContributor}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts", allowedDependencies = "platform")
package app.village.accounts;
