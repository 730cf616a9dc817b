rule "auth0-connection-weak-password-policy" {
  title     = "Auth0 database connection accepts weak passwords"
  severity  = "medium"
  area      = "identity-access"
  resources = [
    "auth0_connection",
  ]
  aliases   = []

  description = <<-EOT
    A database connection (`strategy = "auth0"`) with `options { password_policy = "none" }` accepts
     any non-empty password, and `"low"` any password of six characters: users of the customer's
     application can choose passwords that guessing and spraying find quickly. Auth0 stores the
     passwords; the strength it demands is the customer's configuration (SaaS).

     `"fair"`, `"good"` and `"excellent"` pass. When `password_policy` is not set Auth0 keeps the
     connection's current level (`good` for new connections), which the rule does not report.
     Connections of other strategies (social, enterprise, passwordless) have no Auth0 passwords and
     are not checked.
  EOT
  remediation = <<-EOT
    ```hcl
    resource "auth0_connection" "users" {
      name     = "Users"
      strategy = "auth0"

      options {
        password_policy = "good"
      }
    }
    ```
  EOT
  references = [
    "https://registry.terraform.io/providers/auth0/auth0/latest/docs/resources/connection",
    "https://auth0.com/docs/authenticate/database-connections/password-strength",
  ]

  when {
    attribute "strategy" {
      equals = "auth0"
    }
  }

  assert {
    each "options" {
      any {
        attribute "password_policy" {
          present = false
        }
        attribute "password_policy" {
          not_one_of = ["none", "low"]
        }
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "auth0_connection" "users" {
        name     = "Users"
        strategy = "auth0"

        options {
          password_policy = "none"  # expect: auth0-connection-weak-password-policy
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "auth0_connection" "legacy" {
        name     = "Legacy"
        strategy = "auth0"

        options {
          password_policy        = "low"  # expect: auth0-connection-weak-password-policy
          brute_force_protection = true
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "auth0_connection" "users" {
        name     = "Users"
        strategy = "auth0"

        options {
          password_policy = "excellent"
        }
      }

      resource "auth0_connection" "defaulted" {
        name     = "Defaulted"
        strategy = "auth0"
      }

      resource "auth0_connection" "google" {
        name     = "Google"
        strategy = "google-oauth2"

        options {
          password_policy = "none"
        }
      }
    EOT
  }
}
