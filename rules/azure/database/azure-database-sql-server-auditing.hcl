rule "azure-database-sql-server-auditing" {
  title     = "Azure SQL server has no auditing policy"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["azurerm_mssql_server", "azurerm_sql_server"]
  aliases   = ["CKV_AZURE_23", "AVD-AZU-0027", "azure-database-enable-audit"]

  compliance = { "cis-azure-3.0" = ["5.1.1"] }
  description = <<-EOT
    Server auditing records logins, queries and permission changes on every database of an Azure
    SQL logical server. Without it there is no trail of who read or changed data, so a breach or an
    insider cannot be investigated and many regulations are not met. Azure runs the database engine;
    turning on and keeping the audit log is the customer's side.

    The rule passes when an `azurerm_mssql_server_extended_auditing_policy` refers to the server
    through `server_id`, or when the server has the inline `extended_auditing_policy` block of
    azurerm v2. Severity is medium: a detection and forensics control.
  EOT
  remediation = "Add an `azurerm_mssql_server_extended_auditing_policy` with `server_id` set to the server and a storage account or Log Analytics destination."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mssql_server_extended_auditing_policy",
    "https://learn.microsoft.com/en-us/azure/azure-sql/database/auditing-overview",
  ]

  assert {
    any {
      attribute "extended_auditing_policy" {
        present = true
      }
      linked "azurerm_mssql_server_extended_auditing_policy" {
        via = "server_id"
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_mssql_server" "orders" {  # expect: azure-database-sql-server-auditing
        name                          = "sql-orders"
        resource_group_name           = "rg-data"
        location                      = "westeurope"
        version                       = "12.0"
        minimum_tls_version           = "1.2"
        public_network_access_enabled = false

        azuread_administrator {
          login_username              = "sql-admins"
          object_id                   = "00000000-0000-0000-0000-000000000001"
          azuread_authentication_only = true
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_mssql_server" "orders" {
        name                          = "sql-orders"
        resource_group_name           = "rg-data"
        location                      = "westeurope"
        version                       = "12.0"
        minimum_tls_version           = "1.2"
        public_network_access_enabled = false

        azuread_administrator {
          login_username              = "sql-admins"
          object_id                   = "00000000-0000-0000-0000-000000000001"
          azuread_authentication_only = true
        }
      }

      resource "azurerm_mssql_server_extended_auditing_policy" "orders" {
        server_id              = azurerm_mssql_server.orders.id
        log_monitoring_enabled = true
      }
    EOT
  }
}
