rule "okta-password-policy-no-lockout" {
  title     = "Okta password policy never locks accounts after failed sign-ins"
  severity  = "medium"
  area      = "identity-access"
  resources = [
    "okta_policy_password",
    "okta_policy_password_default",
  ]
  aliases   = []

  description = <<-EOT
    With `password_max_lockout_attempts = 0` Okta allows unlimited wrong passwords for an account, so
     an attacker can keep guessing one user's password for as long as rate limits allow. Okta counts
     the attempts; the lockout threshold is the customer's configuration (SaaS).

     The provider default is 10 attempts, so only an explicit `0` (no limit) is reported. Policies
     with `auth_provider = "ACTIVE_DIRECTORY"` or `"LDAP"` are not checked: the directory decides
     lockout there.
  EOT
  remediation = "Set `password_max_lockout_attempts` to a small number such as `10` (and `password_auto_unlock_minutes` if self-unlock is wanted)."
  references = [
    "https://registry.terraform.io/providers/okta/okta/latest/docs/resources/policy_password",
    "https://registry.terraform.io/providers/okta/okta/latest/docs/resources/policy_password_default",
  ]

  when {
    attribute "auth_provider" {
      equals  = "OKTA"
      default = "OKTA"
    }
  }

  assert {
    attribute "password_max_lockout_attempts" {
      gte     = 1
      default = 10
    }
  }

  example "bad" {
    code = <<-EOT
      resource "okta_policy_password" "contractors" {
        name                          = "Contractors"
        groups_included               = ["00g1example"]
        password_max_lockout_attempts = 0  # expect: okta-password-policy-no-lockout
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "okta_policy_password" "staff" {
        name                          = "Staff"
        groups_included               = ["00g1example"]
        password_max_lockout_attempts = 5
      }

      resource "okta_policy_password_default" "default" {
      }
    EOT
  }
}
