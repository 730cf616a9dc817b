rule "azure-database-sql-threat-alerts-all-types" {
  title     = "Azure SQL threat detection has alert types disabled"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["azurerm_mssql_server_security_alert_policy"]
  aliases   = ["CKV_AZURE_25", "AVD-AZU-0028", "azure-database-all-threat-alerts-enabled"]

  description = <<-EOT
    Advanced threat protection for Azure SQL detects SQL injection, access from unusual locations,
    brute-force logins and data exfiltration. Each type listed in `disabled_alerts` is silenced, and
    the attacks it would have reported go unnoticed. Responding to database attacks is the
    customer's side; Azure only detects what it is allowed to report.

    `disabled_alerts` is optional and empty by default; the rule reports a non-empty list.
    Severity is medium: detection, not prevention.
  EOT
  remediation = "Remove `disabled_alerts` (or set it to `[]`) on the `azurerm_mssql_server_security_alert_policy`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mssql_server_security_alert_policy#disabled_alerts",
    "https://learn.microsoft.com/en-us/azure/azure-sql/database/threat-detection-overview",
  ]

  assert {
    attribute "disabled_alerts" {
      length_lte = 0
      default    = []
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_mssql_server_security_alert_policy" "orders" {
        resource_group_name  = "rg-data"
        server_name          = "sql-orders"
        state                = "Enabled"
        email_account_admins = true
        email_addresses      = ["dba@example.com"]
        disabled_alerts      = ["Sql_Injection"]  # expect: azure-database-sql-threat-alerts-all-types
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_mssql_server_security_alert_policy" "orders" {
        resource_group_name  = "rg-data"
        server_name          = "sql-orders"
        state                = "Enabled"
        email_account_admins = true
        email_addresses      = ["dba@example.com"]
      }
    EOT
  }
}
