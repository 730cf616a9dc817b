rule "azure-securitycenter-alert-notifications" {
  title     = "Defender for Cloud does not email security alerts to the security contact"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["azurerm_security_center_contact"]
  aliases   = ["CKV_AZURE_21", "AVD-AZU-0044", "azure-securitycenter-alert-on-severe-notifications", "AVD-AZU-0063", "azure-securitycenter-email-alerts-disabled"]

  compliance = { "cis-azure-3.0" = ["3.1.14"] }
  description = <<-EOT
    Defender for Cloud raises an alert when it detects an attack (a brute-forced VM, a malicious
    upload, a suspicious Key Vault access), but an alert nobody receives is not acted on. With
    `alert_notifications = false` the security contact gets no email for high-severity alerts.
    Responding to incidents is the customer's part; Azure only detects and notifies.

    `alert_notifications` is required in azurerm; the rule reports `false`. Severity is medium: the
    detection still happens, but response depends on someone looking at the portal.
  EOT
  remediation = "Set `alert_notifications = true` on the `azurerm_security_center_contact` (and `alerts_to_admins = true`)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/security_center_contact#alert_notifications",
    "https://learn.microsoft.com/en-us/azure/defender-for-cloud/configure-email-notifications",
  ]

  assert {
    attribute "alert_notifications" {
      equals = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_security_center_contact" "secops" {
        name                = "secops"
        email               = "secops@example.com"
        alert_notifications = false  # expect: azure-securitycenter-alert-notifications
        alerts_to_admins    = true
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_security_center_contact" "secops" {
        name                = "secops"
        email               = "secops@example.com"
        alert_notifications = true
        alerts_to_admins    = true
      }
    EOT
  }
}
