rule "auth0-guardian-only-weak-factors" {
  title     = "Auth0 MFA offers only SMS, voice or email as second factor"
  severity  = "medium"
  area      = "identity-access"
  resources = [
    "auth0_guardian",
  ]
  aliases   = []

  description = <<-EOT
    When the only enabled factors are phone messages (`phone` block: SMS or voice) and `email`, the
     second factor of the customer's application can be taken by SIM swapping, SS7 interception,
     phishing of the one-time code, or a compromised mailbox. Auth0 delivers the codes; which
     factors are offered is the customer's configuration (SaaS).

     The rule looks only at tenants with `policy` other than `"never"` that enable `phone` or `email`;
     it passes when `otp`, `push`, `webauthn_roaming`, `webauthn_platform` or `duo` is enabled too
     (nested blocks enable their factor by being present in provider v0 and carry `enabled` in v1).
     Tenants with no factor at all are left to `auth0-guardian-no-factor-enabled`.
  EOT
  remediation = "Also enable a strong factor, for example `otp = true`, `push { ... }` or `webauthn_roaming { user_verification = \"required\" }`, and keep SMS and email as fallbacks."
  references = [
    "https://registry.terraform.io/providers/auth0/auth0/latest/docs/resources/guardian",
    "https://auth0.com/docs/secure/multi-factor-authentication/multi-factor-authentication-factors",
  ]

  when {
    attribute "policy" {
      not_equals = "never"
    }
    any {
      attribute "email" {
        equals = true
      }
      some "phone" {
        attribute "enabled" {
          equals  = true
          default = true
        }
      }
    }
  }

  assert {
    any {
      attribute "otp" {
        equals = true
      }
      attribute "duo" {
        equals = true
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
      resource "auth0_guardian" "mfa" {  # expect: auth0-guardian-only-weak-factors
        policy = "all-applications"
        email  = true

        phone {
          provider      = "auth0"
          message_types = ["sms", "voice"]
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "auth0_guardian" "mfa" {
        policy = "all-applications"
        email  = true
        otp    = false  # expect: auth0-guardian-only-weak-factors
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "auth0_guardian" "mfa" {
        policy = "all-applications"
        email  = true
        otp    = true

        phone {
          provider      = "auth0"
          message_types = ["sms"]
        }
      }

      resource "auth0_guardian" "keys" {
        policy = "all-applications"

        webauthn_roaming {
          user_verification = "required"
        }
      }

      resource "auth0_guardian" "off" {
        policy = "never"
        email  = true
      }
    EOT
  }
}
