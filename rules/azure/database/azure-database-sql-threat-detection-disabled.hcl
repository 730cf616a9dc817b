rule "azure-database-sql-threat-detection-disabled" {
  title     = "Azure SQL server security alert policy (threat detection) is disabled"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["azurerm_mssql_server_security_alert_policy"]

  description = <<-EOT
    The server security alert policy is Advanced Threat Protection for an Azure SQL server: it
    raises alerts on SQL injection, anomalous logins and data exfiltration patterns. A policy with
    `state = "Disabled"` switches those alerts off for every database of the server, so an attack
    in progress goes unnoticed. Detecting attacks on the customer's databases is the customer's
    side; Azure provides the detection only when it is turned on.

    `state` is required and takes `Enabled`, `Disabled` or `New`. Only `Disabled` is reported:
    `New` is the state Azure gives a server whose protection comes from the Defender for SQL plan
    of the subscription. A server without a policy resource in the configuration is not reported,
    since Defender for SQL may be enabled for the whole subscription. Severity is medium: a
    detection control switched off.
  EOT
  remediation = "Set `state = \"Enabled\"` on the `azurerm_mssql_server_security_alert_policy` (or enable Microsoft Defender for SQL for the subscription)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mssql_server_security_alert_policy#state",
    "https://learn.microsoft.com/en-us/azure/azure-sql/database/threat-detection-overview",
  ]

  assert {
    attribute "state" {
      not_equals = "Disabled"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_mssql_server_security_alert_policy" "orders" {
        resource_group_name = "rg-data"
        server_name         = "sql-orders"
        state               = "Disabled"  # expect: azure-database-sql-threat-detection-disabled
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      variable "threat_detection_state" {
        type    = string
        default = "Disabled"
      }

      resource "azurerm_mssql_server_security_alert_policy" "orders" {
        resource_group_name = "rg-data"
        server_name         = "sql-orders"
        state               = var.threat_detection_state  # expect: azure-database-sql-threat-detection-disabled
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_mssql_server_security_alert_policy" "orders" {
        resource_group_name          = "rg-data"
        server_name                  = "sql-orders"
        state                        = "Enabled"
        email_addresses              = ["dba@example.com"]
        email_account_admins_enabled = true
      }
    EOT
  }
}
