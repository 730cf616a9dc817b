rule "azure-database-sql-threat-alert-emails" {
  title     = "Azure SQL threat alerts are not emailed to anyone"
  severity  = "low"
  area      = "configuration-posture"
  resources = ["azurerm_mssql_server_security_alert_policy"]
  aliases   = ["CKV_AZURE_26", "AVD-AZU-0018", "azure-database-threat-alert-email-set"]

  description = <<-EOT
    Threat detection alerts for a SQL server are emailed to the addresses in `email_addresses`.
    With none listed, an alert for SQL injection or a brute-force login waits in the portal until
    someone looks. Receiving and acting on alerts is the customer's side.

    `email_addresses` is optional with no default; the rule reports an absent or empty list.
    Severity is low: the alerts still reach Defender for Cloud and, with `email_account_admins`,
    the subscription owners.
  EOT
  remediation = "Set `email_addresses` to the mailbox of the team that responds to database alerts."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mssql_server_security_alert_policy#email_addresses",
    "https://learn.microsoft.com/en-us/azure/azure-sql/database/threat-detection-configure",
  ]

  assert {
    attribute "email_addresses" {
      length_gte = 1
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_mssql_server_security_alert_policy" "orders" {
        resource_group_name  = "rg-data"
        server_name          = "sql-orders"
        state                = "Enabled"
        email_account_admins = true
        email_addresses      = []  # expect: azure-database-sql-threat-alert-emails
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_mssql_server_security_alert_policy" "orders" {  # expect: azure-database-sql-threat-alert-emails
        resource_group_name  = "rg-data"
        server_name          = "sql-orders"
        state                = "Enabled"
        email_account_admins = true
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
