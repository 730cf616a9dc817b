rule "auth0-attack-protection-ip-throttling-disabled" {
  title     = "Auth0 suspicious IP throttling is turned off"
  severity  = "low"
  area      = "identity-access"
  resources = [
    "auth0_attack_protection",
  ]
  aliases   = []

  description = <<-EOT
    Suspicious IP throttling slows down an IP address that tries logins or sign-ups against many
     accounts in a short time, the pattern of password spraying and credential stuffing. With
     `suspicious_ip_throttling { enabled = false }` such an address can try the customer's users at
     full speed. Auth0 runs the throttling; switching it off is the customer's configuration (SaaS).

     The resource leaves the tenant's setting alone when the block is absent, so only an explicit
     `enabled = false` is reported. Severity is low: per-account brute-force protection
     (`auth0-attack-protection-brute-force-disabled`) and breached password detection still apply.
  EOT
  remediation = <<-EOT
    ```hcl
    resource "auth0_attack_protection" "tenant" {
      suspicious_ip_throttling {
        enabled = true
        shields = ["block", "admin_notification"]
      }
    }
    ```
  EOT
  references = [
    "https://registry.terraform.io/providers/auth0/auth0/latest/docs/resources/attack_protection",
    "https://auth0.com/docs/secure/attack-protection/suspicious-ip-throttling",
  ]

  assert {
    each "suspicious_ip_throttling" {
      attribute "enabled" {
        equals = true
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "auth0_attack_protection" "tenant" {
        suspicious_ip_throttling {
          enabled = false  # expect: auth0-attack-protection-ip-throttling-disabled
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "auth0_attack_protection" "tenant" {
        suspicious_ip_throttling {
          enabled   = true
          shields   = ["block", "admin_notification"]
          allowlist = ["192.0.2.10"]
        }
      }
    EOT
  }
}
