rule "okta-policy-mfa-no-strong-factor" {
  title     = "Okta MFA enrollment policy allows no strong factor"
  severity  = "high"
  area      = "identity-access"
  resources = [
    "okta_policy_mfa",
    "okta_policy_mfa_default",
  ]
  aliases   = []

  description = <<-EOT
    An MFA enrollment policy decides which authenticators the users it covers may enrol. When every
     factor is `NOT_ALLOWED`, or only SMS, voice call, email or security questions are allowed, those
     users have no second factor or only one that SIM swapping, phishing or mailbox compromise defeats.
     Severity is high: it weakens sign-in for the whole group. Okta runs the service; which factors
     are allowed is the customer's configuration (SaaS).

     The policy passes when at least one of `okta_verify`, `okta_otp`, `google_otp`, `fido_webauthn`,
     `webauthn` (the Identity Engine name), `fido_u2f`, `yubikey_token`, `rsa_token`, `symantec_vip`,
     `duo`, `okta_push`, `hotp`, `onprem_mfa`, or an external IdP authenticator (`external_idp`,
     `external_idps`, whose strength the scan cannot judge) has `enroll = "REQUIRED"` or
     `"OPTIONAL"`. A factor that is not listed is not allowed.
  EOT
  remediation = "Allow Okta Verify, an OTP app or WebAuthn in the policy, for example `okta_verify = { enroll = \"REQUIRED\" }`, and keep SMS, voice and email as fallbacks at most."
  references = [
    "https://registry.terraform.io/providers/okta/okta/latest/docs/resources/policy_mfa",
    "https://help.okta.com/oie/en-us/content/topics/identity-engine/authenticators/about-authenticators.htm",
  ]

  assert {
    any {
      attribute "okta_verify.enroll" {
        one_of = ["REQUIRED", "OPTIONAL"]
      }
      attribute "okta_otp.enroll" {
        one_of = ["REQUIRED", "OPTIONAL"]
      }
      attribute "google_otp.enroll" {
        one_of = ["REQUIRED", "OPTIONAL"]
      }
      attribute "fido_webauthn.enroll" {
        one_of = ["REQUIRED", "OPTIONAL"]
      }
      attribute "fido_u2f.enroll" {
        one_of = ["REQUIRED", "OPTIONAL"]
      }
      attribute "yubikey_token.enroll" {
        one_of = ["REQUIRED", "OPTIONAL"]
      }
      attribute "rsa_token.enroll" {
        one_of = ["REQUIRED", "OPTIONAL"]
      }
      attribute "symantec_vip.enroll" {
        one_of = ["REQUIRED", "OPTIONAL"]
      }
      attribute "duo.enroll" {
        one_of = ["REQUIRED", "OPTIONAL"]
      }
      attribute "okta_push.enroll" {
        one_of = ["REQUIRED", "OPTIONAL"]
      }
      attribute "webauthn.enroll" {
        one_of = ["REQUIRED", "OPTIONAL"]
      }
      attribute "hotp.enroll" {
        one_of = ["REQUIRED", "OPTIONAL"]
      }
      attribute "onprem_mfa.enroll" {
        one_of = ["REQUIRED", "OPTIONAL"]
      }
      attribute "external_idp.enroll" {
        one_of = ["REQUIRED", "OPTIONAL"]
      }
      some "external_idps" {
        attribute "enroll" {
          one_of = ["REQUIRED", "OPTIONAL"]
        }
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "okta_policy_mfa" "contractors" {  # expect: okta-policy-mfa-no-strong-factor
        name            = "Contractors"
        status          = "ACTIVE"
        groups_included = ["00g1example"]

        okta_sms   = { enroll = "REQUIRED" }
        okta_email = { enroll = "OPTIONAL" }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "okta_policy_mfa_default" "default" {
        okta_otp    = { enroll = "NOT_ALLOWED" }
        okta_verify = { enroll = "NOT_ALLOWED" }  # expect: okta-policy-mfa-no-strong-factor
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "okta_policy_mfa" "oie" {
        name          = "OIE passkeys"
        is_oie        = true
        okta_password = { enroll = "REQUIRED" }
        webauthn      = { enroll = "REQUIRED" }
      }

      resource "okta_policy_mfa" "federated" {
        name       = "Federated"
        is_oie     = true
        okta_email = { enroll = "REQUIRED" }

        external_idps = [
          { enroll = "REQUIRED", id = "0oa1example" },
        ]
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "okta_policy_mfa" "staff" {
        name            = "Staff"
        status          = "ACTIVE"
        groups_included = ["00g1example"]

        okta_verify   = { enroll = "REQUIRED" }
        fido_webauthn = { enroll = "OPTIONAL" }
        okta_sms      = { enroll = "NOT_ALLOWED" }
      }
    EOT
  }
}
