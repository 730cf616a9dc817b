rule "okta-app-signon-rule-single-factor" {
  title     = "Okta app sign-on policy rule grants access with one factor"
  severity  = "medium"
  area      = "identity-access"
  resources = [
    "okta_app_signon_policy_rule",
  ]
  aliases   = []

  description = <<-EOT
    An app sign-on (authentication) policy rule with `factor_mode = "1FA"` lets the users it matches
     into the application with a single factor, usually the password, so a phished password is
     enough to reach that application. Okta enforces the rule; how many factors an app demands is
     the customer's configuration (SaaS, Okta Identity Engine).

     Only an explicit `"1FA"` is reported: the provider creates rules with two factors (`"2FA"`)
     when `factor_mode` is not set. Rules with `access = "DENY"` are not checked. Severity is
     medium rather than high because a global session policy may still have asked for a second
     factor when the session began; suppress the finding where that holds and the app is low-risk.
  EOT
  remediation = "Set `factor_mode = \"2FA\"` (or remove it) on the rule, and constrain the factors with `constraints` where needed."
  references = [
    "https://registry.terraform.io/providers/okta/okta/latest/docs/resources/app_signon_policy_rule",
    "https://help.okta.com/oie/en-us/content/topics/identity-engine/policies/about-app-sign-on-policies.htm",
  ]

  when {
    attribute "access" {
      not_equals = "DENY"
      default    = "ALLOW"
    }
  }

  assert {
    attribute "factor_mode" {
      not_equals = "1FA"
      default    = "2FA"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "okta_app_signon_policy_rule" "wiki" {
        policy_id   = "rst1example"
        name        = "Wiki password only"
        access      = "ALLOW"
        factor_mode = "1FA"  # expect: okta-app-signon-rule-single-factor
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "okta_app_signon_policy_rule" "wiki" {
        policy_id   = "rst1example"
        name        = "Wiki"
        access      = "ALLOW"
        factor_mode = "2FA"
      }

      resource "okta_app_signon_policy_rule" "defaulted" {
        policy_id = "rst1example"
        name      = "Defaulted"
      }

      resource "okta_app_signon_policy_rule" "blocked" {
        policy_id   = "rst1example"
        name        = "Blocked"
        access      = "DENY"
        factor_mode = "1FA"
      }
    EOT
  }
}
