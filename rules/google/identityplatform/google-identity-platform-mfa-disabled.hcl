rule "google-identity-platform-mfa-disabled" {
  title     = "Identity Platform project does not enable multi-factor authentication"
  severity  = "high"
  area      = "identity-access"
  resources = [
    "google_identity_platform_config",
  ]
  aliases   = []

  description = <<-EOT
    Identity Platform signs in the end users of the customer's own applications. With
     multi-factor authentication off, a phished, reused or guessed password is enough to take over an
     account. Severity is high: account takeover of application users. Google runs the service;
     whether sign-in requires a second factor is the customer's configuration (SaaS).

     `mfa.state` must be `ENABLED` (users may enrol) or `MANDATORY`; absent, `DISABLED` and
     `STATE_UNSPECIFIED` mean no second factor.
  EOT
  remediation = "Add `mfa { state = \"ENABLED\" enabled_providers = [\"PHONE_SMS\"] }` (or `MANDATORY`), and prefer TOTP providers where available."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/identity_platform_config#nested_mfa",
    "https://cloud.google.com/identity-platform/docs/web/mfa",
  ]

  assert {
    attribute "mfa.state" {
      one_of = ["ENABLED", "MANDATORY"]
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_identity_platform_config" "default" {
        project = "example-project"

        mfa {
          state = "DISABLED"  # expect: google-identity-platform-mfa-disabled
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_identity_platform_config" "default" {  # expect: google-identity-platform-mfa-disabled
        project                    = "example-project"
        autodelete_anonymous_users = true
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_identity_platform_config" "default" {
        project = "example-project"

        mfa {
          state             = "MANDATORY"
          enabled_providers = ["PHONE_SMS"]
        }
      }
    EOT
  }
}
