rule "azure-database-no-public-network-access" {
  title     = "Database server is reachable through its public endpoint"
  severity  = "medium"
  area      = "configuration-posture"
  resources = [
    "azurerm_mssql_server",
    "azurerm_postgresql_flexible_server",
    "azurerm_mysql_flexible_server",
    "azurerm_postgresql_server",
    "azurerm_mysql_server",
    "azurerm_mariadb_server",
  ]
  aliases   = ["CKV_AZURE_48", "CKV_AZURE_53", "CKV_AZURE_68", "CKV_AZURE_113", "AVD-AZU-0022", "azure-database-no-public-access"]

  compliance = { "cis-azure-3.0" = ["5.1.7"] }
  description = <<-EOT
    With public network access enabled, the server has an internet-facing endpoint and only its
    server-level firewall rules stand between the database and the internet. One overly broad
    firewall rule, or the "allow Azure services" rule that admits every Azure tenant, is then enough
    to expose the login endpoint to password guessing and to any leaked credentials. Private endpoints
    or VNet integration keep the database off the internet entirely. Azure manages the database
    engine; who can reach it is the customer's choice.

    The argument differs by resource and provider version:
    - `azurerm_mssql_server`, `azurerm_postgresql_flexible_server` and the legacy single servers
      (`azurerm_postgresql_server` until v4, `azurerm_mysql_server` and `azurerm_mariadb_server`
      until v3) use `public_network_access_enabled`, documented default `true`;
    - `azurerm_mysql_flexible_server` has a settable `public_network_access` (`Enabled`/`Disabled`)
      only since v4.26; before that `public_network_access_enabled` was read-only and v5 removed it.
    A flexible server created inside a delegated subnet (`delegated_subnet_id`) has no public
    endpoint and is compliant.
  EOT
  remediation = "Set `public_network_access_enabled = false` (or `public_network_access = \"Disabled\"` on `azurerm_mysql_flexible_server`) and connect through a private endpoint, or deploy flexible servers into a delegated subnet."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mssql_server#public_network_access_enabled",
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/postgresql_flexible_server#public_network_access_enabled",
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mysql_flexible_server#public_network_access",
  ]

  assert {
    any {
      attribute "public_network_access_enabled" {
        equals = false
      }
      attribute "public_network_access" {
        equals = "Disabled"
      }
      attribute "delegated_subnet_id" {
        present = true
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_mssql_server" "app" {  # expect: azure-database-no-public-network-access
        name                         = "sql-app"
        resource_group_name          = "rg-data"
        location                     = "westeurope"
        version                      = "12.0"
        administrator_login          = "sqladmin"
        administrator_login_password = "Example-Passw0rd!"
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_mysql_flexible_server" "app" {
        name                   = "mysql-app"
        resource_group_name    = "rg-data"
        location               = "westeurope"
        administrator_login    = "mysqladmin"
        administrator_password = "Example-Passw0rd!"
        sku_name               = "B_Standard_B1ms"
        public_network_access  = "Enabled"  # expect: azure-database-no-public-network-access
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_mssql_server" "app" {
        name                          = "sql-app"
        resource_group_name           = "rg-data"
        location                      = "westeurope"
        version                       = "12.0"
        administrator_login           = "sqladmin"
        administrator_login_password  = "Example-Passw0rd!"
        public_network_access_enabled = false
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_postgresql_flexible_server" "app" {
        name                          = "pg-app"
        resource_group_name           = "rg-data"
        location                      = "westeurope"
        version                       = "16"
        delegated_subnet_id           = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/pg"
        private_dns_zone_id           = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/privateDnsZones/app.postgres.database.azure.com"
        public_network_access_enabled = false
        administrator_login           = "pgadmin"
        administrator_password        = "Example-Passw0rd!"
        sku_name                      = "GP_Standard_D2s_v3"
      }
    EOT
  }
}
