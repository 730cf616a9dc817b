rule "okta-signon-rule-long-session" {
  title     = "Okta sign-on policy rule lets sessions last longer than 12 hours"
  severity  = "medium"
  area      = "identity-access"
  resources = [
    "okta_policy_rule_signon",
  ]
  aliases   = []

  description = <<-EOT
    `session_lifetime` is the longest an Okta session lives before the user must sign in again. A
     value of `0` removes the limit, and a value of days keeps a hijacked session cookie useful for as
     long. Okta ends the session; its lifetime is the customer's configuration (SaaS).

     The rule passes for a lifetime from 1 to 720 minutes: 12 hours is the reauthentication bound
     NIST SP 800-63B sets for AAL2. The provider default is 120 minutes; rules that deny access
     (`access = "DENY"`) are not checked. The idle timeout (`session_idle`) is not checked here.
  EOT
  remediation = "Set `session_lifetime` to at most `720` minutes (for example `session_lifetime = 480`), never `0`."
  references = [
    "https://registry.terraform.io/providers/okta/okta/latest/docs/resources/policy_rule_signon",
    "https://pages.nist.gov/800-63-3/sp800-63b.html#aal2reauth",
  ]

  when {
    attribute "access" {
      not_equals = "DENY"
      default    = "ALLOW"
    }
  }

  assert {
    attribute "session_lifetime" {
      gte     = 1
      lte     = 720
      default = 120
    }
  }

  example "bad" {
    code = <<-EOT
      resource "okta_policy_rule_signon" "everyone" {
        policy_id        = "00p1example"
        name             = "Everyone"
        mfa_required     = true
        session_lifetime = 10080  # expect: okta-signon-rule-long-session
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "okta_policy_rule_signon" "kiosk" {
        policy_id        = "00p1example"
        name             = "Kiosk"
        mfa_required     = true
        session_lifetime = 0  # expect: okta-signon-rule-long-session
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "okta_policy_rule_signon" "everyone" {
        policy_id        = "00p1example"
        name             = "Everyone"
        mfa_required     = true
        session_lifetime = 480
      }

      resource "okta_policy_rule_signon" "defaulted" {
        policy_id    = "00p1example"
        name         = "Defaulted"
        mfa_required = true
      }
    EOT
  }
}
