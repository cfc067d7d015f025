/**
 * Self-report screening questionnaires (PHQ-9, GAD-7, the Postpartum Bonding Questionnaire and,
 * where the operator supplies its wording, the EPDS): kept as FHIR R4 Questionnaire resources,
 * scored exactly by their published rules, explained in plain words, kept as the member's own
 * history and exported as FHIR. An answer that needs a person at once (self-harm, harm to the
 * baby) is announced with {@link app.village.screening.ScreeningCompleted}, and the crisis panel
 * is shown on the result.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Screening", allowedDependencies = {"platform", "accounts", "safety", "guidance", "understanding"})
package app.village.screening;
