rule "okta-password-policy-no-dictionary-check" {
  title     = "Okta password policy does not reject common passwords"
  severity  = "low"
  area      = "identity-access"
  resources = [
    "okta_policy_password",
    "okta_policy_password_default",
  ]
  aliases   = []

  description = <<-EOT
    Without `password_dictionary_lookup = true` Okta accepts passwords from its list of common
     passwords (`Password1!` meets the default complexity rules), the first ones a spraying attack
     tries. Okta keeps the list; turning the check on is the customer's configuration (SaaS).

     `password_dictionary_lookup` defaults to `false`, so a policy that leaves it unset is reported.
     NIST SP 800-63B asks for new passwords to be checked against such a list. Severity is low: MFA
     and lockout limit what a guessed password gives. Policies with `auth_provider =
     "ACTIVE_DIRECTORY"` or `"LDAP"` are not checked.
  EOT
  remediation = "Set `password_dictionary_lookup = true` on the policy."
  references = [
    "https://registry.terraform.io/providers/okta/okta/latest/docs/resources/policy_password",
    "https://registry.terraform.io/providers/okta/okta/latest/docs/resources/policy_password_default",
    "https://pages.nist.gov/800-63-3/sp800-63b.html#memsecret",
  ]

  when {
    attribute "auth_provider" {
      equals  = "OKTA"
      default = "OKTA"
    }
  }

  assert {
    attribute "password_dictionary_lookup" {
      equals  = true
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "okta_policy_password_default" "default" {  # expect: okta-password-policy-no-dictionary-check
        password_min_length = 12
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "okta_policy_password" "staff" {
        name                       = "Staff"
        groups_included            = ["00g1example"]
        password_dictionary_lookup = false  # expect: okta-password-policy-no-dictionary-check
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "okta_policy_password" "staff" {
        name                       = "Staff"
        groups_included            = ["00g1example"]
        password_dictionary_lookup = true
      }

      resource "okta_policy_password" "directory" {
        name          = "Directory users"
        auth_provider = "LDAP"
      }
    EOT
  }
}
