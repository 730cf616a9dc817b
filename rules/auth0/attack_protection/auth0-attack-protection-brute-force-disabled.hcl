rule "auth0-attack-protection-brute-force-disabled" {
  title     = "Auth0 brute-force protection is turned off"
  severity  = "medium"
  area      = "identity-access"
  resources = [
    "auth0_attack_protection",
  ]
  aliases   = []

  description = <<-EOT
    Brute-force protection blocks logins to an account after repeated failed attempts from one IP
     address. With `brute_force_protection { enabled = false }` an attacker can keep guessing a
     user's password of the customer's application without being stopped. Auth0 runs the detection;
     switching it off is the customer's configuration (SaaS).

     Auth0 tenants have brute-force protection on by default and the resource leaves it alone when
     the block is absent, so only an explicit `enabled = false` is reported. Severity is medium:
     MFA and suspicious IP throttling still limit a guessing attack.
  EOT
  remediation = <<-EOT
    ```hcl
    resource "auth0_attack_protection" "tenant" {
      brute_force_protection {
        enabled      = true
        max_attempts = 10
        shields      = ["block", "user_notification"]
      }
    }
    ```
  EOT
  references = [
    "https://registry.terraform.io/providers/auth0/auth0/latest/docs/resources/attack_protection",
    "https://auth0.com/docs/secure/attack-protection/brute-force-protection",
  ]

  assert {
    each "brute_force_protection" {
      attribute "enabled" {
        equals = true
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "auth0_attack_protection" "tenant" {
        brute_force_protection {
          enabled = false  # expect: auth0-attack-protection-brute-force-disabled
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "auth0_attack_protection" "tenant" {
        brute_force_protection {
          enabled      = true
          max_attempts = 10
          shields      = ["block", "user_notification"]
        }
      }

      resource "auth0_attack_protection" "other" {
        suspicious_ip_throttling {
          enabled = true
        }
      }
    EOT
  }
}
