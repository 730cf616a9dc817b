rule "azure-database-firewall-allows-all-azure" {
  title     = "Database firewall rule admits every Azure service (0.0.0.0 to 0.0.0.0)"
  severity  = "medium"
  area      = "configuration-posture"
  resources = [
    "azurerm_mysql_flexible_server_firewall_rule",
    "azurerm_mssql_firewall_rule",
    "azurerm_sql_firewall_rule",
    "azurerm_postgresql_firewall_rule",
    "azurerm_mysql_firewall_rule",
    "azurerm_mariadb_firewall_rule",
    "azurerm_synapse_firewall_rule",
  ]
  aliases   = ["CKV2_AZURE_6", "CKV2_AZURE_34"]

  description = <<-EOT
    A firewall rule from `0.0.0.0` to `0.0.0.0` is the "allow public access from any Azure service"
    switch. It does not mean "my services": it admits connections from every Azure IP address, so
    any virtual machine, function or container of any Azure customer can reach the server's login
    prompt. The server then relies on its credentials alone against a very large set of sources.
    Which networks may connect is the customer's side of the managed database.

    The rule reports that exact rule on MySQL (flexible and single server), PostgreSQL single
    server, MariaDB, SQL and Synapse workspace firewall resources; PostgreSQL flexible server has
    its own rule, `azure-database-postgres-flexible-firewall-allows-all-azure`, which implements
    the CIS control for it. A rule opening the whole internet (`0.0.0.0` to `255.255.255.255`) is reported by
    `azure-database-firewall-no-internet-range`. Severity is medium: reachable from anyone's Azure
    resources, not from the whole internet.
  EOT
  remediation = "Remove the rule; give the clients that need the server private access (VNet integration, private endpoints) or add firewall rules for their specific outbound addresses."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mssql_firewall_rule",
    "https://learn.microsoft.com/en-us/azure/azure-sql/database/firewall-configure#connections-from-inside-azure",
  ]

  assert {
    not {
      attribute "start_ip_address" {
        equals = "0.0.0.0"
      }
      attribute "end_ip_address" {
        equals = "0.0.0.0"
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_synapse_firewall_rule" "azure" {
        name                 = "AllowAllWindowsAzureIps"
        synapse_workspace_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-analytics/providers/Microsoft.Synapse/workspaces/syn-analytics"
        start_ip_address     = "0.0.0.0"
        end_ip_address       = "0.0.0.0"  # expect: azure-database-firewall-allows-all-azure
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_mssql_firewall_rule" "azure" {
        name             = "AllowAzure"
        server_id        = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.Sql/servers/sql-orders"
        start_ip_address = "0.0.0.0"
        end_ip_address   = "0.0.0.0"  # expect: azure-database-firewall-allows-all-azure
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_mssql_firewall_rule" "office" {
        name             = "office"
        server_id        = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.Sql/servers/sql-orders"
        start_ip_address = "203.0.113.0"
        end_ip_address   = "203.0.113.255"
      }
    EOT
  }
}
