rule "auth0-attack-protection-breached-password-disabled" {
  title     = "Auth0 breached password detection is turned off"
  severity  = "medium"
  area      = "identity-access"
  resources = [
    "auth0_attack_protection",
  ]
  aliases   = []

  description = <<-EOT
    Breached password detection notices users who log in or sign up with credentials published in a
     third-party breach and can block them. With `breached_password_detection { enabled = false }`
     credential-stuffing with leaked passwords succeeds silently against the customer's
     application. Auth0 keeps the breach data; turning the check on is the customer's configuration
     (SaaS).

     The resource leaves the tenant's setting alone when the block is absent, so only an explicit
     `enabled = false` is reported.
  EOT
  remediation = <<-EOT
    ```hcl
    resource "auth0_attack_protection" "tenant" {
      breached_password_detection {
        enabled = true
        shields = ["block", "admin_notification"]
      }
    }
    ```
  EOT
  references = [
    "https://registry.terraform.io/providers/auth0/auth0/latest/docs/resources/attack_protection",
    "https://auth0.com/docs/secure/attack-protection/breached-password-detection",
  ]

  assert {
    each "breached_password_detection" {
      attribute "enabled" {
        equals = true
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "auth0_attack_protection" "tenant" {
        breached_password_detection {
          enabled = false  # expect: auth0-attack-protection-breached-password-disabled
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "auth0_attack_protection" "tenant" {
        breached_password_detection {
          enabled = true
          method  = "standard"
          shields = ["block", "admin_notification"]
        }
      }
    EOT
  }
}
