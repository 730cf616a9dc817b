rule "azure-securitycenter-contact-email" {
  title     = "Defender for Cloud security contact has no email address"
  severity  = "low"
  area      = "configuration-posture"
  resources = ["azurerm_security_center_contact"]
  aliases   = ["CKV_AZURE_131", "AVD-AZU-0062", "azure-securitycenter-security-contact-email"]

  compliance = { "cis-azure-3.0" = ["3.1.13"] }
  description = <<-EOT
    Defender for Cloud sends its alert emails to the security contact's address. A contact without
    an address (or with an empty one) silently drops them, so nobody outside the portal hears of a
    detected attack. Naming who responds is the customer's part of incident response.

    `email` is required in azurerm v3 and later but was optional before; the rule reports an absent
    or empty address. Severity is low: configuration hygiene for alert delivery.
  EOT
  remediation = "Set `email` on the `azurerm_security_center_contact` to a monitored mailbox or distribution list of the security team."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/security_center_contact#email",
    "https://learn.microsoft.com/en-us/azure/defender-for-cloud/configure-email-notifications",
  ]

  assert {
    attribute "email" {
      matches = "\\S+@\\S+"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_security_center_contact" "secops" {  # expect: azure-securitycenter-contact-email
        phone               = "+1-555-0100"
        alert_notifications = true
        alerts_to_admins    = true
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_security_center_contact" "secops" {
        email               = ""  # expect: azure-securitycenter-contact-email
        alert_notifications = true
        alerts_to_admins    = true
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_security_center_contact" "secops" {
        email               = "secops@example.com"
        alert_notifications = true
        alerts_to_admins    = true
      }
    EOT
  }
}
