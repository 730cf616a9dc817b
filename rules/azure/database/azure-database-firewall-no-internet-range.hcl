rule "azure-database-firewall-no-internet-range" {
  title     = "Database firewall rule admits the whole internet"
  severity  = "high"
  area      = "configuration-posture"
  resources = [
    "azurerm_mssql_firewall_rule",
    "azurerm_postgresql_flexible_server_firewall_rule",
    "azurerm_mysql_flexible_server_firewall_rule",
    "azurerm_sql_firewall_rule",
    "azurerm_postgresql_firewall_rule",
    "azurerm_mysql_firewall_rule",
    "azurerm_mariadb_firewall_rule",
  ]
  aliases = ["CKV_AZURE_11", "CKV2_AZURE_26", "AVD-AZU-0029", "azure-database-no-public-firewall-access"]

  compliance = { "cis-azure-3.0" = ["5.1.2"] }
  description = <<-EOT
    A server-level firewall rule from `0.0.0.0` to `255.255.255.255` (or to any address other than
    `0.0.0.0`) lets every host on the internet open connections to the database's login endpoint,
    where it is exposed to password spraying, brute force and any credentials that leak. Such rules
    are typically added "temporarily" while debugging connectivity and then forgotten. The firewall is
    the customer's configuration; Azure only enforces it.

    The special rule with both `start_ip_address` and `end_ip_address` set to `0.0.0.0` ("allow
    access to Azure services") is not reported by this rule: it admits Azure-hosted clients of every
    tenant rather than the whole internet.
  EOT
  remediation = "Replace the rule with rules for the specific client IP ranges that need access, or remove it and connect through a private endpoint or VNet integration."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mssql_firewall_rule",
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/postgresql_flexible_server_firewall_rule",
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mysql_flexible_server_firewall_rule",
  ]

  assert {
    not {
      attribute "start_ip_address" {
        equals = "0.0.0.0"
      }
      attribute "end_ip_address" {
        not_equals = "0.0.0.0"
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_mssql_firewall_rule" "everyone" {
        name             = "allow-all"
        server_id        = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.Sql/servers/sql-app"
        start_ip_address = "0.0.0.0"
        end_ip_address   = "255.255.255.255"  # expect: azure-database-firewall-no-internet-range
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_postgresql_flexible_server_firewall_rule" "everyone" {
        name             = "allow-all"
        server_id        = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.DBforPostgreSQL/flexibleServers/pg-app"
        start_ip_address = "0.0.0.0"
        end_ip_address   = "255.255.255.255"  # expect: azure-database-firewall-no-internet-range
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_mssql_firewall_rule" "office" {
        name             = "office"
        server_id        = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.Sql/servers/sql-app"
        start_ip_address = "203.0.113.0"
        end_ip_address   = "203.0.113.255"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_mysql_flexible_server_firewall_rule" "azure_services" {
        name                = "allow-azure-services"
        resource_group_name = "rg-data"
        server_name         = "mysql-app"
        start_ip_address    = "0.0.0.0"
        end_ip_address      = "0.0.0.0"
      }
    EOT
  }
}
