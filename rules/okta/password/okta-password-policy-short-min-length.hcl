rule "okta-password-policy-short-min-length" {
  title     = "Okta password policy accepts passwords shorter than 8 characters"
  severity  = "medium"
  area      = "identity-access"
  resources = [
    "okta_policy_password",
    "okta_policy_password_default",
  ]
  aliases   = []

  description = <<-EOT
    A minimum length below 8 lets users pick passwords that guessing and spraying attacks find
     quickly, and those passwords guard every app behind Okta. Okta stores and checks the passwords;
     the complexity rules are the customer's configuration (SaaS).

     `password_min_length` defaults to 8, the floor NIST SP 800-63B sets for memorised secrets, so only
     a lower explicit value is reported. Policies with `auth_provider = "ACTIVE_DIRECTORY"` or
     `"LDAP"` are not checked: the directory enforces the password rules there.
  EOT
  remediation = "Set `password_min_length` to 8 or more (12 or more is better), for example `password_min_length = 12`."
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
    attribute "password_min_length" {
      gte     = 8
      default = 8
    }
  }

  example "bad" {
    code = <<-EOT
      resource "okta_policy_password" "contractors" {
        name                = "Contractors"
        status              = "ACTIVE"
        groups_included     = ["00g1example"]
        password_min_length = 6  # expect: okta-password-policy-short-min-length
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "okta_policy_password_default" "default" {
        password_min_length = 4  # expect: okta-password-policy-short-min-length
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "okta_policy_password" "staff" {
        name                = "Staff"
        status              = "ACTIVE"
        groups_included     = ["00g1example"]
        password_min_length = 12
      }

      resource "okta_policy_password_default" "default" {
      }

      resource "okta_policy_password" "directory" {
        name                = "Directory users"
        auth_provider       = "ACTIVE_DIRECTORY"
        password_min_length = 6
      }
    EOT
  }
}
