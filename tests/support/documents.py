"""GraphQL documents that more than one test package sends."""

from __future__ import annotations

PLAN_FIELDS = """
  target { id } achievable alreadyComplete optimal additionalCredits additionalHours
  steps { order credential { id prerequisites { id } } counts { id } }
  counted { held { id } countsAs { id } basis ects }
  explanation
"""
PLAN = (
    "query($t: ID!, $h: [ID!]!, $o: Objective, $c: [String!], $a: Int) {"
    " stackingPlan(target: $t, held: $h, objective: $o, countries: $c, alternatives: $a) {"
    + PLAN_FIELDS
    + " alternatives { steps { credential { id } } additionalCredits } } }"
)
REACHABLE = (
    "query($h: [ID!]!, $c: String, $m: Float, $f: Int) {"
    " reachable(held: $h, country: $c, maxAdditionalCredits: $m, first: $f) {" + PLAN_FIELDS + "} }"
)
DESIGN = """
query($input: CredentialInput!) {
  designCheck(input: $input) {
    credential { id title provider { id } }
    problems
    qualityReport { score missing warnings }
    principles { credential { id } checks { principle status evidence advice } }
    comparableAbroad { credential { id country } score basis }
  }
}"""
