rule "auth0-guardian-mfa-never" {
  title     = "Auth0 tenant never prompts for multi-factor authentication"
  severity  = "high"
  area      = "identity-access"
  resources = [
    "auth0_guardian",
  ]
  aliases   = []

  description = <<-EOT
    With `policy = "never"` the tenant does not prompt users for a second factor on any login
     (unless an Action or rule asks for it), so a stolen or reused password is enough to take over an
     account of the customer's application. Severity is high. Auth0 runs the service; the MFA policy is
     the customer's configuration (SaaS).

     `policy` is required by the provider; `all-applications` and `confidence-score` (adaptive MFA)
     pass. Tenants that trigger MFA from Actions should suppress the finding with that reason.
  EOT
  remediation = "Set `policy = \"all-applications\"` (or `\"confidence-score\"` with adaptive MFA) and enable at least one factor such as `otp = true` or `webauthn_roaming`."
  references = [
    "https://registry.terraform.io/providers/auth0/auth0/latest/docs/resources/guardian",
    "https://auth0.com/docs/secure/multi-factor-authentication/enable-mfa",
  ]

  assert {
    attribute "policy" {
      not_equals = "never"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "auth0_guardian" "mfa" {
        policy = "never"  # expect: auth0-guardian-mfa-never
        otp    = true
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "auth0_guardian" "mfa" {
        policy = "all-applications"
        otp    = true
      }
    EOT
  }
}
