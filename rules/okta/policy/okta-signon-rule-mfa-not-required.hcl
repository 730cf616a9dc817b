rule "okta-signon-rule-mfa-not-required" {
  title     = "Okta sign-on policy rule allows sessions without MFA"
  severity  = "high"
  area      = "identity-access"
  resources = [
    "okta_policy_rule_signon",
  ]
  aliases   = []

  description = <<-EOT
    A global session (sign-on) policy rule with `access = "ALLOW"` and `mfa_required` unset or
     `false` lets the users it matches start an Okta session, and reach every app behind it, with a
     password alone. A phished or reused password then opens the whole application portfolio.
     Severity is high. Okta enforces the rule; requiring a second factor is the customer's
     configuration (SaaS).

     `mfa_required` defaults to `false`; rules that deny access (`access = "DENY"`) are not checked.
     Where MFA is enforced by every app's authentication policy instead, suppress the finding with
     that reason.
  EOT
  remediation = "Set `mfa_required = true` (with `mfa_prompt = \"SESSION\"` or `\"ALWAYS\"`) on the rule."
  references = [
    "https://registry.terraform.io/providers/okta/okta/latest/docs/resources/policy_rule_signon",
    "https://help.okta.com/oie/en-us/content/topics/identity-engine/policies/about-okta-sign-on-policies.htm",
  ]

  when {
    attribute "access" {
      not_equals = "DENY"
      default    = "ALLOW"
    }
  }

  assert {
    attribute "mfa_required" {
      equals = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "okta_policy_rule_signon" "office" {  # expect: okta-signon-rule-mfa-not-required
        policy_id = "00p1example"
        name      = "Office network"
        access    = "ALLOW"
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "okta_policy_rule_signon" "everyone" {
        policy_id    = "00p1example"
        name         = "Everyone"
        mfa_required = false  # expect: okta-signon-rule-mfa-not-required
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "okta_policy_rule_signon" "everyone" {
        policy_id    = "00p1example"
        name         = "Everyone"
        access       = "ALLOW"
        mfa_required = true
        mfa_prompt   = "SESSION"
      }

      resource "okta_policy_rule_signon" "blocked" {
        policy_id = "00p1example"
        name      = "Blocked countries"
        access    = "DENY"
      }
    EOT
  }
}
