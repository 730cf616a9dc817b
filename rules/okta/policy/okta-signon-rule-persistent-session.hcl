rule "okta-signon-rule-persistent-session" {
  title     = "Okta sign-on policy rule keeps sessions in persistent cookies"
  severity  = "medium"
  area      = "identity-access"
  resources = [
    "okta_policy_rule_signon",
  ]
  aliases   = []

  description = <<-EOT
    With `session_persistent = true` the Okta session cookie survives closing the browser, so the
     next person at a shared or lost machine starts inside the user's session, with every app behind
     it, without signing in. Okta issues the cookie; whether it persists is the customer's
     configuration (SaaS).

     `session_persistent` defaults to `false`; rules that deny access (`access = "DENY"`) are not
     checked. Okta never gives administrators persistent cookies, whatever the rule says.
  EOT
  remediation = "Remove `session_persistent` or set `session_persistent = false`; for convenience use a bounded `session_lifetime` instead."
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
    attribute "session_persistent" {
      equals  = false
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "okta_policy_rule_signon" "everyone" {
        policy_id          = "00p1example"
        name               = "Everyone"
        mfa_required       = true
        session_persistent = true  # expect: okta-signon-rule-persistent-session
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "okta_policy_rule_signon" "everyone" {
        policy_id    = "00p1example"
        name         = "Everyone"
        mfa_required = true
      }

      resource "okta_policy_rule_signon" "blocked" {
        policy_id          = "00p1example"
        name               = "Blocked"
        access             = "DENY"
        session_persistent = true
      }
    EOT
  }
}
