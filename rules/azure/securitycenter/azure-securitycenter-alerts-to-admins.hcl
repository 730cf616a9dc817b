rule "azure-securitycenter-alerts-to-admins" {
  title     = "Defender for Cloud does not email security alerts to subscription owners"
  severity  = "low"
  area      = "configuration-posture"
  resources = ["azurerm_security_center_contact"]
  aliases   = ["CKV_AZURE_22", "AVD-AZU-0044", "azure-securitycenter-alert-on-severe-notifications", "AVD-AZU-0063", "azure-securitycenter-email-alerts-disabled"]

  compliance = { "cis-azure-3.0" = ["3.1.12"] }
  description = <<-EOT
    Besides the named security contact, Defender for Cloud can send high-severity alerts to the
    subscription's owners, the people who can act on the resources at once. With
    `alerts_to_admins = false` they learn of an attack only if the contact forwards it. Incident
    response is on the customer's side.

    `alerts_to_admins` is required in azurerm; the rule reports `false`. Severity is low when the
    security contact still receives the alerts (see `azure-securitycenter-alert-notifications`).
  EOT
  remediation = "Set `alerts_to_admins = true` on the `azurerm_security_center_contact`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/security_center_contact#alerts_to_admins",
    "https://learn.microsoft.com/en-us/azure/defender-for-cloud/configure-email-notifications",
  ]

  assert {
    attribute "alerts_to_admins" {
      equals = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_security_center_contact" "secops" {
        name                = "secops"
        email               = "secops@example.com"
        alert_notifications = true
        alerts_to_admins    = false  # expect: azure-securitycenter-alerts-to-admins
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
