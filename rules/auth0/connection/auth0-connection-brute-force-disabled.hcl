rule "auth0-connection-brute-force-disabled" {
  title     = "Auth0 connection has brute-force protection turned off"
  severity  = "medium"
  area      = "identity-access"
  resources = [
    "auth0_connection",
  ]
  aliases   = []

  description = <<-EOT
    `options { brute_force_protection = false }` exempts the connection (a database, passwordless SMS
     or email, or Active Directory connection) from Auth0's per-account blocking after repeated failed
     logins, so its users' passwords or one-time codes can be guessed without limit. Auth0 runs the
     protection; exempting a connection is the customer's configuration (SaaS).

     Only an explicit `false` is reported: when the option is not set the connection keeps its
     current value (on for new connections). The tenant-wide switch is checked by
     `auth0-attack-protection-brute-force-disabled`.
  EOT
  remediation = "Set `brute_force_protection = true` in the connection's `options` block."
  references = [
    "https://registry.terraform.io/providers/auth0/auth0/latest/docs/resources/connection",
    "https://auth0.com/docs/secure/attack-protection/brute-force-protection",
  ]

  assert {
    each "options" {
      any {
        attribute "brute_force_protection" {
          present = false
        }
        attribute "brute_force_protection" {
          equals = true
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
          password_policy        = "good"
          brute_force_protection = false  # expect: auth0-connection-brute-force-disabled
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
          password_policy        = "good"
          brute_force_protection = true
        }
      }

      resource "auth0_connection" "sms" {
        name     = "sms"
        strategy = "sms"

        options {
          name = "sms"
        }
      }
    EOT
  }
}
