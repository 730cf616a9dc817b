rule "azure-database-sql-threat-alerts-to-admins" {
  title     = "Azure SQL threat alerts are not sent to subscription administrators"
  severity  = "low"
  area      = "configuration-posture"
  resources = ["azurerm_mssql_server_security_alert_policy"]
  aliases   = ["CKV_AZURE_27", "AVD-AZU-0023", "azure-database-threat-alert-email-to-owner"]

  description = <<-EOT
    With `email_account_admins` on, threat detection alerts for the SQL server also go to the
    subscription's owners and administrators, who can act on the server at once. Off, they depend
    on the listed addresses forwarding the alert. Incident response is the customer's side.

    `email_account_admins` (renamed `email_account_admins_enabled` in azurerm v5; both are
    accepted) defaults to `false`. Severity is low: the alert still reaches the listed
    addresses and Defender for Cloud.
  EOT
  remediation = "Set `email_account_admins = true` (azurerm v5: `email_account_admins_enabled = true`) on the `azurerm_mssql_server_security_alert_policy`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mssql_server_security_alert_policy#email_account_admins",
    "https://learn.microsoft.com/en-us/azure/azure-sql/database/threat-detection-configure",
  ]

  assert {
    any {
      # azurerm v2 to v4
      attribute "email_account_admins" {
        equals = true
      }
      # azurerm v5
      attribute "email_account_admins_enabled" {
        equals = true
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_mssql_server_security_alert_policy" "orders" {
        resource_group_name  = "rg-data"
        server_name          = "sql-orders"
        state                = "Enabled"
        email_addresses      = ["dba@example.com"]
        email_account_admins = false  # expect: azure-database-sql-threat-alerts-to-admins
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_mssql_server_security_alert_policy" "orders" {  # expect: azure-database-sql-threat-alerts-to-admins
        resource_group_name = "rg-data"
        server_name         = "sql-orders"
        state               = "Enabled"
        email_addresses     = ["dba@example.com"]
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_mssql_server_security_alert_policy" "orders" {
        resource_group_name  = "rg-data"
        server_name          = "sql-orders"
        state                = "Enabled"
        email_addresses      = ["dba@example.com"]
        email_account_admins = true
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_mssql_server_security_alert_policy" "orders" {
        resource_group_name          = "rg-data"
        server_name                  = "sql-orders"
        state                        = "Enabled"
        email_addresses              = ["dba@example.com"]
        email_account_admins_enabled = false  # expect: azure-database-sql-threat-alerts-to-admins
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
