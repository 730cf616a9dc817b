rule "azure-securitycenter-contact-phone" {
  title     = "Defender for Cloud security contact has no phone number"
  severity  = "low"
  area      = "configuration-posture"
  resources = ["azurerm_security_center_contact"]
  aliases   = ["CKV_AZURE_20", "AVD-AZU-0046", "azure-securitycenter-set-required-contact-details"]

  description = <<-EOT
    Microsoft's security team uses the security contact's phone number to reach the customer when it
    finds that a subscription's resources are compromised or used for attacks. Without a number that
    call cannot be made and the notice waits in a mailbox. Being reachable is the customer's part.

    `phone` is optional with no default; the rule reports an absent or empty number. Severity is low.
  EOT
  remediation = "Set `phone` on the `azurerm_security_center_contact` to an on-call number of the security team."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/security_center_contact#phone",
    "https://learn.microsoft.com/en-us/azure/defender-for-cloud/configure-email-notifications",
  ]

  assert {
    attribute "phone" {
      matches = "[0-9]"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_security_center_contact" "secops" {
        email               = "secops@example.com"
        phone               = ""  # expect: azure-securitycenter-contact-phone
        alert_notifications = true
        alerts_to_admins    = true
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_security_center_contact" "secops" {  # expect: azure-securitycenter-contact-phone
        email               = "secops@example.com"
        alert_notifications = true
        alerts_to_admins    = true
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_security_center_contact" "secops" {
        email               = "secops@example.com"
        phone               = "+1-555-0100"
        alert_notifications = true
        alerts_to_admins    = true
      }
    EOT
  }
}
