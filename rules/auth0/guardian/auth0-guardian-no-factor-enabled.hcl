rule "auth0-guardian-no-factor-enabled" {
  title     = "Auth0 MFA policy is on but no factor is enabled"
  severity  = "high"
  area      = "identity-access"
  resources = [
    "auth0_guardian",
  ]
  aliases   = []

  description = <<-EOT
    An MFA policy without any enabled factor cannot challenge anyone: users have nothing to enrol,
     so logins proceed on the password alone, whatever `policy` says. Severity is high. The factors are
     the customer's configuration (SaaS).

     The rule passes when `otp`, `email`, `recovery_code` or `duo` is `true`, or a `phone`, `push`,
     `webauthn_roaming`, `webauthn_platform` or `duo` block is present without `enabled = false` (the
     nested blocks enable their factor by being present in provider v0 and carry `enabled` in v1).
     A tenant with `policy = "never"` is left to `auth0-guardian-mfa-never`.
  EOT
  remediation = "Enable at least one strong factor, for example `otp = true` and `webauthn_roaming { user_verification = \"required\" }`."
  references = [
    "https://registry.terraform.io/providers/auth0/auth0/latest/docs/resources/guardian",
    "https://auth0.com/docs/secure/multi-factor-authentication/multi-factor-authentication-factors",
  ]

  when {
    attribute "policy" {
      not_equals = "never"
    }
  }

  assert {
    any {
      attribute "otp" {
        equals = true
      }
      attribute "email" {
        equals = true
      }
      attribute "recovery_code" {
        equals = true
      }
      attribute "duo" {
        equals = true
      }
      some "phone" {
        attribute "enabled" {
          equals  = true
          default = true
        }
      }
      some "push" {
        attribute "enabled" {
          equals  = true
          default = true
        }
      }
      some "webauthn_roaming" {
        attribute "enabled" {
          equals  = true
          default = true
        }
      }
      some "webauthn_platform" {
        attribute "enabled" {
          equals  = true
          default = true
        }
      }
      some "duo" {
        attribute "enabled" {
          equals  = true
          default = true
        }
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "auth0_guardian" "mfa" {  # expect: auth0-guardian-no-factor-enabled
        policy = "all-applications"
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "auth0_guardian" "mfa" {
        policy = "all-applications"
        otp    = false  # expect: auth0-guardian-no-factor-enabled

        phone {
          enabled       = false
          provider      = "auth0"
          message_types = ["sms"]
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "auth0_guardian" "mfa" {
        policy = "all-applications"

        webauthn_roaming {
          user_verification = "required"
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "auth0_guardian" "mfa" {
        policy = "never"
      }
    EOT
  }
}
